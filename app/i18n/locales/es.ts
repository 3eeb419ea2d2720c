// Every translation namespace of this language: one line each. The server bundles all three
// languages (resources.ts); the browser loads only the page's language (client-resources.ts).
export { default as account } from "./es/account.json";
export { default as actors } from "./es/actors.json";
export { default as auth } from "./es/auth.json";
export { default as coalitions } from "./es/coalitions.json";
export { default as common } from "./es/common.json";
export { default as desk } from "./es/desk.json";
export { default as emails } from "./es/emails.json";
export { default as errors } from "./es/errors.json";
export { default as home } from "./es/home.json";
export { default as initiatives } from "./es/initiatives.json";
export { default as membership } from "./es/membership.json";
export { default as pages } from "./es/pages.json";
export { default as refusals } from "./es/refusals.json";
export { default as coalitionWork } from "./es/coalition-work.json";
export { default as discovery } from "./es/discovery.json";
export { default as feeds } from "./es/feeds.json";
export { default as openData } from "./es/open-data.json";
export { default as search } from "./es/search.json";
export { default as map } from "./es/map.json";
export { default as meetings } from "./es/meetings.json";
export { default as translations } from "./es/translations.json";
