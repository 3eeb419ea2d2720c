// The people the coalition journeys act as: one cast per language, so the English, French and
// Spanish runs of a journey touch rows of their own and never wait for each other (no demo lock).
// Each person is a verified account that represents a State already in the Alliance (so the
// public figures the other specs check do not move); the secretariat staff have two-factor on
// with a secret written here, as an authenticator app would hold it. serve.ts loads them
// (./cast-seed.ts) before the server starts, on PostgreSQL and PGlite alike. Plain data: the
// specs import it.
export type Lng = "en" | "fr" | "es";
export const LANGUAGES: readonly Lng[] = ["en", "fr", "es"];
/** Another language than `lng`: for a recipient whose emails must not follow the page's language. */
export const otherLanguage = (lng: Lng): Lng => ({ en: "fr", fr: "es", es: "en" })[lng] as Lng;

export const CAST_PASSWORD = "Amber-Harbour-Kite-2931";

export interface StateName {
  iso3: string;
  en: string;
  fr: string;
  es: string;
}

// The UN short names (app/db/un-names.ts, world-countries), as the pages and emails show them;
// cast-seed.ts checks them against the countries table, so a renamed State fails loudly there.
const STATES = {
  NOR: { iso3: "NOR", en: "Norway", fr: "Norvège", es: "Noruega" },
  SWE: { iso3: "SWE", en: "Sweden", fr: "Suède", es: "Suecia" },
  AUT: { iso3: "AUT", en: "Austria", fr: "Autriche", es: "Austria" },
  IRL: { iso3: "IRL", en: "Ireland", fr: "Irlande", es: "Irlanda" },
  DNK: { iso3: "DNK", en: "Denmark", fr: "Danemark", es: "Dinamarca" },
  BEL: { iso3: "BEL", en: "Belgium", fr: "Belgique", es: "Bélgica" },
  SEN: { iso3: "SEN", en: "Senegal", fr: "Sénégal", es: "Senegal" },
  TUN: { iso3: "TUN", en: "Tunisia", fr: "Tunisie", es: "Túnez" },
  LUX: { iso3: "LUX", en: "Luxembourg", fr: "Luxembourg", es: "Luxemburgo" },
  MAR: { iso3: "MAR", en: "Morocco", fr: "Maroc", es: "Marruecos" },
  URY: { iso3: "URY", en: "Uruguay", fr: "Uruguay", es: "Uruguay" },
  PER: { iso3: "PER", en: "Peru", fr: "Pérou", es: "Perú" },
  CRI: { iso3: "CRI", en: "Costa Rica", fr: "Costa Rica", es: "Costa Rica" },
  COL: { iso3: "COL", en: "Colombia", fr: "Colombie", es: "Colombia" },
  PAN: { iso3: "PAN", en: "Panama", fr: "Panama", es: "Panamá" },
} satisfies Record<string, StateName>;

export interface CastMember {
  email: string;
  name: string;
  /** The profile language: the one their emails are written in. */
  locale: Lng;
  /** The State they are the approved focal point of (none for staff). */
  state?: StateName;
  /** Secretariat staff: the base32 secret of their authenticator. */
  totpSecret?: string;
}

export interface Cast {
  /** Proposes the open initiative. */
  proposer: CastMember;
  /** Another State's focal point: joins the open initiative, then withdraws. */
  joiner: CastMember;
  /** Proposes the approval-policy initiative and decides its requests. */
  lead: CastMember;
  /** Asks to join the approval-policy initiative and is declined; reads emails in another language. */
  declined: CastMember;
  /** Asks to join the approval-policy initiative and is accepted. */
  accepted: CastMember;
  /** Approves the open proposal. */
  staffOpen: CastMember;
  /** Approves the approval-policy proposal. */
  staffApproval: CastMember;
}

const STATES_BY_LANGUAGE: Record<Lng, [StateName, StateName, StateName, StateName, StateName]> = {
  en: [STATES.NOR, STATES.SWE, STATES.AUT, STATES.IRL, STATES.DNK],
  fr: [STATES.BEL, STATES.SEN, STATES.TUN, STATES.LUX, STATES.MAR],
  es: [STATES.URY, STATES.PER, STATES.CRI, STATES.COL, STATES.PAN],
};

// Fixed secrets (base32, 160 bits), one per staff member: each code is accepted once per account,
// so two tests never wait for each other's next code.
const TOTP_SECRETS: Record<Lng, [string, string]> = {
  en: ["JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"],
  fr: ["GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"],
  es: ["NBSWY3DPO5XXE3DENBSWY3DPO5XXE3DE", "ONSWG4TFORZXI4TFONSWG4TFORZXI4TF"],
};

export function castFor(lng: Lng): Cast {
  const [proposer, joiner, lead, declined, accepted] = STATES_BY_LANGUAGE[lng];
  const [staffOpen, staffApproval] = TOTP_SECRETS[lng];
  const person = (role: string, name: string, locale: Lng, state?: StateName, totpSecret?: string): CastMember => ({
    email: `journey-${lng}-${role}@example.org`,
    name,
    locale,
    state,
    totpSecret,
  });
  return {
    proposer: person("proposer", `Ingrid Proposer ${lng}`, lng, proposer),
    joiner: person("joiner", `Aminata Joiner ${lng}`, lng, joiner),
    lead: person("lead", `Lena Lead ${lng}`, lng, lead),
    declined: person("declined", `Seán Declined ${lng}`, otherLanguage(lng), declined),
    accepted: person("accepted", `Mette Accepted ${lng}`, lng, accepted),
    // Staff read their own pages in another language than the journey's: they switch.
    staffOpen: person("staff-open", `Sam Staff ${lng}`, otherLanguage(lng), undefined, staffOpen),
    staffApproval: person("staff-approval", `Alex Staff ${lng}`, otherLanguage(lng), undefined, staffApproval),
  };
}

export const WHOLE_CAST: CastMember[] = LANGUAGES.flatMap((lng) => Object.values(castFor(lng)));
