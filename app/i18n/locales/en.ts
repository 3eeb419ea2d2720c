// Every translation namespace of this language: one line each. The server bundles all three
// languages (resources.ts); the browser loads only the page's language (client-resources.ts).
export { default as account } from "./en/account.json";
export { default as actors } from "./en/actors.json";
export { default as auth } from "./en/auth.json";
export { default as coalitions } from "./en/coalitions.json";
export { default as common } from "./en/common.json";
export { default as desk } from "./en/desk.json";
export { default as emails } from "./en/emails.json";
export { default as errors } from "./en/errors.json";
export { default as home } from "./en/home.json";
export { default as initiatives } from "./en/initiatives.json";
export { default as membership } from "./en/membership.json";
export { default as pages } from "./en/pages.json";
export { default as refusals } from "./en/refusals.json";
export { default as coalitionWork } from "./en/coalition-work.json";
export { default as discovery } from "./en/discovery.json";
export { default as feeds } from "./en/feeds.json";
export { default as openData } from "./en/open-data.json";
export { default as search } from "./en/search.json";
export { default as map } from "./en/map.json";
export { default as meetings } from "./en/meetings.json";
export { default as translations } from "./en/translations.json";
