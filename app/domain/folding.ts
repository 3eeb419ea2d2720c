// Folding text for search: lower case, no accents, one kind of apostrophe and of space, so that
// "Cote d’Ivoire", "CÔTE D'IVOIRE" and "côte d'ivoire" are one string. The same table serves the
// SQL side (translate(), PostgreSQL and PGlite alike, no `unaccent` extension needed) and the
// JavaScript side (the stored country search keys and the visitor's query).
import { sql, type SQL } from "drizzle-orm";

const FOLDED: Record<string, string> = {
  a: "áàâäãåāăą",
  c: "çćč",
  d: "ď",
  e: "éèêëēėęě",
  i: "íìîïīı",
  l: "ł",
  n: "ñńň",
  o: "óòôöõøōő",
  r: "ŕř",
  s: "śšş",
  t: "ť",
  u: "úùûüūůű",
  y: "ýÿ",
  z: "źżž",
  "'": "’‘ʼ`´",
  " ": "-‐–—\u00a0\u202f",
};
const FROM = Object.values(FOLDED).join("");
const TO = Object.entries(FOLDED)
  .map(([plain, accented]) => plain.repeat(accented.length))
  .join("");
const TABLE = new Map([...FROM].map((char, i) => [char, TO[i] as string]));

/** The folded form of a text, as stored in countries.search_key and compared by searchMatches. */
export function foldForSearch(text: string): string {
  const mapped = [...text.toLowerCase()].map((char) => TABLE.get(char) ?? char).join("");
  return mapped
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A text as an SQL string literal, for expressions that take no bound parameters. Only for the
 * constants of this file: a visitor's text is always a bound parameter.
 */
const literal = (text: string) => sql.raw(`'${text.replace(/'/g, "''")}'`);

/**
 * The same folding in SQL, for organisations' names. The two strings are literals, not bound
 * parameters, so the expression in a query is word for word the one of the trigram indexes on
 * actors (actors_name_folded_trgm_idx, actors_short_name_folded_trgm_idx) even in a prepared
 * statement's generic plan: a search of the directory reads those indexes.
 */
export function foldedSql(column: SQL | SQL.Aliased | unknown): SQL<string> {
  return sql<string>`translate(lower(${column}), ${literal(FROM)}, ${literal(TO)})`;
}

/** "%" and "_" typed by a visitor are letters to look for, not wildcards. */
export function foldedContainsPattern(text: string): string {
  return `%${foldForSearch(text).replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * The folding of the full-text columns (initiatives, their translations, meetings), written out
 * in SQL so it can sit in a generated column: lower case, the accents and apostrophes of the
 * table above, and the ligatures spelled out. foldForFullText is the same on the visitor's words,
 * so "securite", "SÉCURITÉ" and "sécurité" make one lexeme on both sides.
 */
export function foldedTextSql(text: SQL): SQL<string> {
  return sql<string>`replace(replace(replace(translate(lower(${text}), ${literal(FROM)}, ${literal(TO)}), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')`;
}

/** foldedTextSql in JavaScript, for the visitor's words (composed first, as stored text is). */
export function foldForFullText(text: string): string {
  return [...text.normalize("NFC").toLowerCase()]
    .map((char) => TABLE.get(char) ?? char)
    .join("")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}
