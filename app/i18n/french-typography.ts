// French typography as the UN and the Imprimerie nationale set it: a no-break space (U+00A0)
// before ":" and inside « », a narrow no-break space (U+202F) before ";", "!" and "?". A plain
// space lets the line break before the sign; no space at all reads as English. Shared by the
// unit test that checks every French string and by `scripts/fix-french-typography.ts`, which
// mends strings other branches add. URLs, {{placeholders}}, <1>tags</1> and times (14:05) are
// left alone.

export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

/** Spans that are not French prose: URLs, i18next placeholders and nesting, Trans tags, times, times. */
const PROTECTED = /https?:\/\/[^\s«»"]*|\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>|\d{1,2}:\d{2}/g;

/** Replaces protected spans by private-use placeholders, so the rules never see them. */
function mask(text: string): { masked: string; spans: string[] } {
  const spans: string[] = [];
  const masked = text.replace(PROTECTED, (span) => {
    spans.push(span);
    return `\uE000${spans.length - 1}\uE001`;
  });
  return { masked, spans };
}

function unmask(text: string, spans: string[]): string {
  return text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)] ?? "");
}

// A sign "ends a clause" when followed by whitespace, the end, or closing punctuation;
// "?" inside "/search?q=" or ":" inside "a:b" is not punctuation of the sentence.
const CLAUSE_END = "(?=$|[\\s)»\"’.,])";

/** The text with French spacing before high punctuation and inside guillemets. */
export function fixFrenchTypography(text: string): string {
  const { masked, spans } = mask(text);
  const fixed = masked
    .replace(new RegExp(`[ \\u00A0\\u202F\\u2009]*:${CLAUSE_END}`, "g"), (match, offset: number) =>
      offset === 0 && match.startsWith(":") ? match : `${NBSP}:`,
    )
    .replace(new RegExp(`[ \\u00A0\\u202F\\u2009]*([;!?]+)${CLAUSE_END}`, "g"), (match, signs: string, offset: number) =>
      offset === 0 && !/^\s/.test(match) ? match : `${NNBSP}${signs}`,
    )
    .replace(/«[ \u00A0\u202F\u2009]*/g, `«${NBSP}`)
    .replace(/[ \u00A0\u202F\u2009]*»/g, `${NBSP}»`);
  return unmask(fixed, spans);
}

/** What is wrong with one string, in words a translator understands; empty when it is right. */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  const { masked } = mask(text);
  for (const match of masked.matchAll(new RegExp(`([\\s\\S]?):${CLAUSE_END}`, "g")))
    if (match[1] !== "" && match[1] !== NBSP) problems.push(`":" needs a no-break space (U+00A0) before it, at ${match.index}`);
  for (const match of masked.matchAll(new RegExp(`([\\s\\S]?)([;!?]+)${CLAUSE_END}`, "g")))
    if (match[1] !== "" && match[1] !== NNBSP) problems.push(`"${match[2]}" needs a narrow no-break space (U+202F) before it, at ${match.index}`);
  for (const match of masked.matchAll(/ [:;!?]/g)) problems.push(`a breaking space before "${match[0].trim()}", at ${match.index}`);
  for (const match of masked.matchAll(/«([\s\S]?)/g)) if (match[1] !== NBSP) problems.push(`"«" needs a no-break space after it, at ${match.index}`);
  for (const match of masked.matchAll(/([\s\S]?)»/g)) if (match[1] !== NBSP) problems.push(`"»" needs a no-break space before it, at ${match.index}`);
  return problems;
}
