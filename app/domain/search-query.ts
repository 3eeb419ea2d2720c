// The one way a visitor's text becomes a full-text query, for the search page and the initiative
// directory alike. The text is never handed to PostgreSQL as tsquery syntax: it is read here, the
// way a web search box is read ("a phrase" in quotes, -word to leave out, "or" between two words),
// its words folded like the stored columns (case, accents) and cut to runs of letters and digits,
// and the tsquery is written from those words alone, each quoted, with our own operators. A plain
// word is a prefix ('cyber':* finds "cyberspace"). Whatever is typed, the result is a tsquery
// that to_tsquery parses, or nothing to search for.
import { sql, type SQL } from "drizzle-orm";
import { foldForFullText } from "./folding";

/** Fewer letters and digits than this find almost everything: the search page asks for more. */
import { MIN_SEARCH_CHARACTERS } from "./public-values";

export { MIN_SEARCH_CHARACTERS };
/** Words after these are left out: each one is an index lookup. */
export const MAX_SEARCH_WORDS = 8;

const WORDS = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The words of a text as full-text search sees them: runs of letters and digits, folded. */
export function searchWords(text: string): string[] {
  return foldForFullText(text).match(WORDS) ?? [];
}

/** The text has enough letters or digits to be worth searching for. */
export function longEnoughToSearch(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_SEARCH_CHARACTERS;
}

interface Term {
  words: string[];
  /** In double quotes: these words, in this order, each whole. */
  phrase: boolean;
  /** After a minus sign: what must not be there (whole words). */
  negated: boolean;
}
type Item = Term | "or";

/** The visitor's text as terms and "or"s, like websearch_to_tsquery reads it, but in JavaScript. */
function readTerms(text: string): Item[] {
  const chars = [...text.normalize("NFC")];
  const items: Item[] = [];
  let negated = false;
  for (let i = 0; i < chars.length; ) {
    const char = chars[i] as string;
    if (char === '"') {
      let end = chars.indexOf('"', i + 1);
      if (end === -1) end = chars.length;
      const words = searchWords(chars.slice(i + 1, end).join(""));
      if (words.length > 0) items.push({ words, phrase: true, negated });
      negated = false;
      i = end + 1;
    } else if (LETTER_OR_DIGIT.test(char)) {
      let end = i;
      while (end < chars.length && LETTER_OR_DIGIT.test(chars[end] as string)) end++;
      const words = searchWords(chars.slice(i, end).join(""));
      // "or" standing alone between spaces joins two terms; in "l’or" it is a word.
      const alone = (i === 0 || /\s/u.test(chars[i - 1] as string)) && (end === chars.length || /\s/u.test(chars[end] as string));
      if (words.length === 1 && words[0] === "or" && alone && !negated) items.push("or");
      else for (const word of words) items.push({ words: [word], phrase: false, negated });
      negated = false;
      i = end;
    } else {
      // A minus sign leaves out the word or phrase right after it, when it starts a word.
      const startsWord = i === 0 || /\s/u.test(chars[i - 1] as string);
      negated = char === "-" && startsWord;
      i++;
    }
  }
  return items;
}

const quoted = (word: string) => `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

function written(term: Term): string {
  if (term.negated) return term.words.length === 1 ? `!${quoted(term.words[0] as string)}` : `!(${term.words.map(quoted).join(" <-> ")})`;
  if (term.phrase) return term.words.map(quoted).join(" <-> ");
  return `${quoted(term.words[0] as string)}:*`;
}

/**
 * The tsquery text for to_tsquery: words all required ("cyber sec" is 'cyber':* & 'sec':*),
 * "or" between two terms either of them, a quoted phrase its words in order, -word its absence.
 * At most MAX_SEARCH_WORDS words. Null when there is nothing to look for: no word at all (only
 * punctuation, symbols, emoji), or only words to leave out (which no index can find).
 */
export function prefixTsqueryText(text: string): string | null {
  const items = readTerms(text);
  // "or" is an operator only between two terms; anywhere else it is the word itself.
  const terms: Item[] = items.map((item, i) =>
    item === "or" && (typeof items[i - 1] !== "object" || typeof items[i + 1] !== "object") ? { words: ["or"], phrase: false, negated: false } : item,
  );
  const groups: Term[][] = [];
  let words = 0;
  let joinNext = false;
  for (const item of terms) {
    if (item === "or") {
      joinNext = groups.length > 0;
      continue;
    }
    if (words >= MAX_SEARCH_WORDS) break;
    const term = { ...item, words: item.words.slice(0, MAX_SEARCH_WORDS - words) };
    words += term.words.length;
    const last = groups.at(-1);
    if (joinNext && last) last.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  if (!groups.some((group) => group.every((term) => !term.negated))) return null;
  return groups.map((group) => (group.length === 1 ? written(group[0] as Term) : `(${group.map(written).join(" | ")})`)).join(" & ");
}

/** The tsquery in SQL, its text a bound parameter; null when there is nothing to search for. */
export function prefixTsquery(text: string): SQL | null {
  const query = prefixTsqueryText(text);
  return query === null ? null : sql`to_tsquery('simple', ${query})`;
}
