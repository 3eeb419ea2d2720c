// The directory's sort key for names, in one place for the queries and the schema's indexes:
// lower case, accents folded, so "États-Unis" sorts with the E's on PostgreSQL and PGlite alike
// (the database collation is C). The two strings are SQL literals, not parameters, so the
// expression in a query is word for word the one of the expression indexes on actors
// (drizzle/0009): a parameter would hide it from the planner under a prepared, generic plan.
import { sql, type SQL } from "drizzle-orm";

const FOLDED: Record<string, string> = {
  a: "áàâäãåāăą",
  c: "çćč",
  d: "ď",
  e: "éèêëēėęě",
  i: "íìîïīį",
  l: "ł",
  n: "ñńň",
  o: "óòôöõøōőœ",
  r: "ŕř",
  s: "śšş",
  t: "ť",
  u: "úùûüūůű",
  y: "ýÿ",
  z: "źżž",
};
const ACCENTED = Object.values(FOLDED).join("");
const PLAIN = Object.entries(FOLDED)
  .map(([plain, accented]) => plain.repeat(accented.length))
  .join("");
// No quote in either string: safe as literals.
const LITERALS = sql.raw(`'${ACCENTED}', '${PLAIN}'`);

/** translate(lower(name), …): the key names are sorted by, in every list. */
export function sortKey(name: SQL | unknown): SQL<string> {
  return sql<string>`translate(lower(${name}), ${LITERALS})`;
}
