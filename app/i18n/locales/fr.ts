// Every translation namespace of this language: one line each. The server bundles all three
// languages (resources.ts); the browser loads only the page's language (client-resources.ts).
export { default as account } from "./fr/account.json";
export { default as actors } from "./fr/actors.json";
export { default as auth } from "./fr/auth.json";
export { default as coalitions } from "./fr/coalitions.json";
export { default as common } from "./fr/common.json";
export { default as desk } from "./fr/desk.json";
export { default as emails } from "./fr/emails.json";
export { default as errors } from "./fr/errors.json";
export { default as home } from "./fr/home.json";
export { default as initiatives } from "./fr/initiatives.json";
export { default as membership } from "./fr/membership.json";
export { default as pages } from "./fr/pages.json";
export { default as refusals } from "./fr/refusals.json";
export { default as coalitionWork } from "./fr/coalition-work.json";
export { default as discovery } from "./fr/discovery.json";
export { default as feeds } from "./fr/feeds.json";
export { default as openData } from "./fr/open-data.json";
export { default as search } from "./fr/search.json";
export { default as map } from "./fr/map.json";
export { default as meetings } from "./fr/meetings.json";
export { default as translations } from "./fr/translations.json";
