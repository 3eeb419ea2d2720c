// Every translation, bundled: three small languages cost less than a network round trip,
// and pages render translated without JavaScript.

import enCommon from "./locales/en/common.json";
import enHome from "./locales/en/home.json";
import enInitiatives from "./locales/en/initiatives.json";
import enActors from "./locales/en/actors.json";
import enErrors from "./locales/en/errors.json";
import enAuth from "./locales/en/auth.json";
import enAccount from "./locales/en/account.json";
import enEmails from "./locales/en/emails.json";
import enDesk from "./locales/en/desk.json";
import enMembership from "./locales/en/membership.json";
import enPages from "./locales/en/pages.json";
import enCoalitions from "./locales/en/coalitions.json";
import enMeetings from "./locales/en/meetings.json";
import enCoalitionWork from "./locales/en/coalition-work.json";
import enMap from "./locales/en/map.json";
import enDiscovery from "./locales/en/discovery.json";
import enTranslations from "./locales/en/translations.json";
import frCommon from "./locales/fr/common.json";
import frHome from "./locales/fr/home.json";
import frInitiatives from "./locales/fr/initiatives.json";
import frActors from "./locales/fr/actors.json";
import frErrors from "./locales/fr/errors.json";
import frAuth from "./locales/fr/auth.json";
import frAccount from "./locales/fr/account.json";
import frEmails from "./locales/fr/emails.json";
import frDesk from "./locales/fr/desk.json";
import frMembership from "./locales/fr/membership.json";
import frPages from "./locales/fr/pages.json";
import frCoalitions from "./locales/fr/coalitions.json";
import frMeetings from "./locales/fr/meetings.json";
import frCoalitionWork from "./locales/fr/coalition-work.json";
import frMap from "./locales/fr/map.json";
import frDiscovery from "./locales/fr/discovery.json";
import frTranslations from "./locales/fr/translations.json";
import esCommon from "./locales/es/common.json";
import esHome from "./locales/es/home.json";
import esInitiatives from "./locales/es/initiatives.json";
import esActors from "./locales/es/actors.json";
import esErrors from "./locales/es/errors.json";
import esAuth from "./locales/es/auth.json";
import esAccount from "./locales/es/account.json";
import esEmails from "./locales/es/emails.json";
import esDesk from "./locales/es/desk.json";
import esMembership from "./locales/es/membership.json";
import esPages from "./locales/es/pages.json";
import esCoalitions from "./locales/es/coalitions.json";
import esMeetings from "./locales/es/meetings.json";
import esCoalitionWork from "./locales/es/coalition-work.json";
import esMap from "./locales/es/map.json";
import esDiscovery from "./locales/es/discovery.json";
import esTranslations from "./locales/es/translations.json";

export const resources = {
  en: {
    common: enCommon,
    home: enHome,
    initiatives: enInitiatives,
    actors: enActors,
    errors: enErrors,
    auth: enAuth,
    account: enAccount,
    emails: enEmails,
    desk: enDesk,
    membership: enMembership,
    pages: enPages,
    coalitions: enCoalitions,
    meetings: enMeetings,
    "coalition-work": enCoalitionWork,
    map: enMap,
    discovery: enDiscovery,
    translations: enTranslations,
  },
  fr: {
    common: frCommon,
    home: frHome,
    initiatives: frInitiatives,
    actors: frActors,
    errors: frErrors,
    auth: frAuth,
    account: frAccount,
    emails: frEmails,
    desk: frDesk,
    membership: frMembership,
    pages: frPages,
    coalitions: frCoalitions,
    meetings: frMeetings,
    "coalition-work": frCoalitionWork,
    map: frMap,
    discovery: frDiscovery,
    translations: frTranslations,
  },
  es: {
    common: esCommon,
    home: esHome,
    initiatives: esInitiatives,
    actors: esActors,
    errors: esErrors,
    auth: esAuth,
    account: esAccount,
    emails: esEmails,
    desk: esDesk,
    membership: esMembership,
    pages: esPages,
    coalitions: esCoalitions,
    meetings: esMeetings,
    "coalition-work": esCoalitionWork,
    map: esMap,
    discovery: esDiscovery,
    translations: esTranslations,
  },
};
