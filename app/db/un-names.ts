// The short names the United Nations uses for its member and observer states (UNTERM, "short
// name", without the article the French and Spanish forms carry in brackets), where they differ
// from the common names of the `world-countries` package. Reviewed by hand against UNTERM; each
// entry gives all three languages so a reviewer reads one line per state. Languages whose UN
// name equals the package's are still written out: the table is the source of truth for these
// states, and tests/unit/un-names.test.ts pins the names a diplomat checks first.
// One deliberate choice: "United Kingdom" (the short form used in lists and on the UN's own
// member-state pages) rather than the full "United Kingdom of Great Britain and Northern Ireland".

export interface UnNames {
  en: string;
  fr: string;
  es: string;
}

export const UN_SHORT_NAMES: Record<string, UnNames> = {
  BEN: { en: "Benin", fr: "Bénin", es: "Benin" },
  BLR: { en: "Belarus", fr: "Bélarus", es: "Belarús" },
  BOL: { en: "Bolivia (Plurinational State of)", fr: "Bolivie (État plurinational de)", es: "Bolivia (Estado Plurinacional de)" },
  BRN: { en: "Brunei Darussalam", fr: "Brunéi Darussalam", es: "Brunei Darussalam" },
  BTN: { en: "Bhutan", fr: "Bhoutan", es: "Bhután" },
  CIV: { en: "Côte d'Ivoire", fr: "Côte d'Ivoire", es: "Côte d'Ivoire" },
  COD: { en: "Democratic Republic of the Congo", fr: "République démocratique du Congo", es: "República Democrática del Congo" },
  COG: { en: "Congo", fr: "Congo", es: "Congo" },
  CPV: { en: "Cabo Verde", fr: "Cabo Verde", es: "Cabo Verde" },
  CZE: { en: "Czechia", fr: "Tchéquie", es: "Chequia" },
  FJI: { en: "Fiji", fr: "Fidji", es: "Fiji" },
  FSM: { en: "Micronesia (Federated States of)", fr: "Micronésie (États fédérés de)", es: "Micronesia (Estados Federados de)" },
  GBR: { en: "United Kingdom", fr: "Royaume-Uni", es: "Reino Unido" },
  GNB: { en: "Guinea-Bissau", fr: "Guinée-Bissau", es: "Guinea-Bissau" },
  GRD: { en: "Grenada", fr: "Grenade", es: "Granada" },
  IRN: { en: "Iran (Islamic Republic of)", fr: "Iran (République islamique d')", es: "Irán (República Islámica del)" },
  IRQ: { en: "Iraq", fr: "Iraq", es: "Iraq" },
  KAZ: { en: "Kazakhstan", fr: "Kazakhstan", es: "Kazajstán" },
  KEN: { en: "Kenya", fr: "Kenya", es: "Kenya" },
  KGZ: { en: "Kyrgyzstan", fr: "Kirghizistan", es: "Kirguistán" },
  KNA: { en: "Saint Kitts and Nevis", fr: "Saint-Kitts-et-Nevis", es: "Saint Kitts y Nevis" },
  KOR: { en: "Republic of Korea", fr: "République de Corée", es: "República de Corea" },
  LAO: { en: "Lao People's Democratic Republic", fr: "République démocratique populaire lao", es: "República Democrática Popular Lao" },
  MDA: { en: "Republic of Moldova", fr: "République de Moldova", es: "República de Moldova" },
  MLI: { en: "Mali", fr: "Mali", es: "Malí" },
  MMR: { en: "Myanmar", fr: "Myanmar", es: "Myanmar" },
  MUS: { en: "Mauritius", fr: "Maurice", es: "Mauricio" },
  NLD: { en: "Netherlands (Kingdom of the)", fr: "Pays-Bas (Royaume des)", es: "Países Bajos (Reino de los)" },
  NZL: { en: "New Zealand", fr: "Nouvelle-Zélande", es: "Nueva Zelandia" },
  PLW: { en: "Palau", fr: "Palaos", es: "Palau" },
  PNG: { en: "Papua New Guinea", fr: "Papouasie-Nouvelle-Guinée", es: "Papua Nueva Guinea" },
  PRK: {
    en: "Democratic People's Republic of Korea",
    fr: "République populaire démocratique de Corée",
    es: "República Popular Democrática de Corea",
  },
  PSE: { en: "State of Palestine", fr: "État de Palestine", es: "Estado de Palestina" },
  QAT: { en: "Qatar", fr: "Qatar", es: "Qatar" },
  RUS: { en: "Russian Federation", fr: "Fédération de Russie", es: "Federación de Rusia" },
  RWA: { en: "Rwanda", fr: "Rwanda", es: "Rwanda" },
  SAU: { en: "Saudi Arabia", fr: "Arabie saoudite", es: "Arabia Saudita" },
  SLE: { en: "Sierra Leone", fr: "Sierra Leone", es: "Sierra Leona" },
  SLV: { en: "El Salvador", fr: "El Salvador", es: "El Salvador" },
  STP: { en: "Sao Tome and Principe", fr: "Sao Tomé-et-Principe", es: "Santo Tomé y Príncipe" },
  SUR: { en: "Suriname", fr: "Suriname", es: "Suriname" },
  SWZ: { en: "Eswatini", fr: "Eswatini", es: "Eswatini" },
  SYR: { en: "Syrian Arab Republic", fr: "République arabe syrienne", es: "República Árabe Siria" },
  TLS: { en: "Timor-Leste", fr: "Timor-Leste", es: "Timor-Leste" },
  TTO: { en: "Trinidad and Tobago", fr: "Trinité-et-Tobago", es: "Trinidad y Tabago" },
  TUR: { en: "Türkiye", fr: "Türkiye", es: "Türkiye" },
  TZA: { en: "United Republic of Tanzania", fr: "République-Unie de Tanzanie", es: "República Unida de Tanzanía" },
  USA: { en: "United States of America", fr: "États-Unis d'Amérique", es: "Estados Unidos de América" },
  VAT: { en: "Holy See", fr: "Saint-Siège", es: "Santa Sede" },
  VCT: { en: "Saint Vincent and the Grenadines", fr: "Saint-Vincent-et-les Grenadines", es: "San Vicente y las Granadinas" },
  VEN: {
    en: "Venezuela (Bolivarian Republic of)",
    fr: "Venezuela (République bolivarienne du)",
    es: "Venezuela (República Bolivariana de)",
  },
  VNM: { en: "Viet Nam", fr: "Viet Nam", es: "Viet Nam" },
  ZWE: { en: "Zimbabwe", fr: "Zimbabwe", es: "Zimbabwe" },
};

/**
 * Names people type that neither the UN nor the package's spellings contain. The package already
 * brings "Ivory Coast", "South Korea", "North Korea", "Vatican", "UK", "Russia", "Holland"…
 */
export const EXTRA_ALIASES: Record<string, string[]> = {
  TUR: ["Turkey", "Turquie", "Turquía"],
  GBR: ["Britain", "Grande-Bretagne", "Gran Bretaña"],
  USA: ["America", "Amérique", "EE. UU."],
  VAT: ["Vatican", "Vaticano"],
  CIV: ["Ivory Coast", "Costa de Marfil"],
  CZE: ["Czech Republic", "République tchèque", "República Checa"],
  SWZ: ["Swaziland", "Suazilandia"],
  MMR: ["Burma", "Birmanie"],
  CPV: ["Cape Verde", "Cap-Vert"],
  TLS: ["East Timor", "Timor oriental"],
  MKD: ["Macedonia", "Macédoine"],
};
