// How a visitor's text becomes a full-text query: whatever is typed, either quoted prefix words
// that to_tsquery parses (never the visitor's own tsquery syntax) or nothing to search for; and
// when the search page refuses a text as too short to mean anything.
import { describe, expect, it } from "vitest";
import { MAX_SEARCH_WORDS, prefixTsqueryText } from "~/domain/search-query";
import { searchText } from "~/domain/search.server";

/** Quoted words of letters and digits, and around them only the operators this module writes. */
function expectSafe(query: string, label: string) {
  const operators = query.replace(/'[\p{L}\p{N}]+'/gu, "w");
  expect(operators, label).toMatch(/^[w:*&|!()<\->\s]+$/);
  expect(operators, label).not.toMatch(/ww|<\d/);
}

describe("prefixTsqueryText", () => {
  it("makes every word a prefix, so 'cyber' finds 'cyberspace' and 'cyber sec' needs both", () => {
    expect(prefixTsqueryText("cyber")).toBe("'cyber':*");
    expect(prefixTsqueryText("  Cyber   SEC ")).toBe("'cyber':* & 'sec':*");
  });

  it("folds case and accents as the stored columns are folded", () => {
    expect(prefixTsqueryText("Sécurité")).toBe("'securite':*");
    expect(prefixTsqueryText("CÔTE D’IVOIRE")).toBe("'cote':* & 'd':* & 'ivoire':*");
    expect(prefixTsqueryText("cœur")).toBe("'coeur':*");
    // The same word typed decomposed (e + combining acute) is composed first.
    expect(prefixTsqueryText("se\u0301curite\u0301")).toBe("'securite':*");
  });

  it("keeps words of every script and digits", () => {
    expect(prefixTsqueryText("مرحبا بالعالم")).toBe("'مرحبا':* & 'بالعالم':*");
    expect(prefixTsqueryText("法律 2019 g20")).toBe("'法律':* & '2019':* & 'g20':*");
  });

  it("turns tsquery syntax into nothing but words: operators, quotes and backslashes never reach PostgreSQL", () => {
    const hostile = [
      "a:* & !|()'\\",
      "-or & | ! :* <-> <2>",
      `"unbalanced 'quotes`,
      "x' | 'y",
      "'':*",
      "\\'; drop table initiatives; --",
      "a\u0000b",
      "🌍 cyber 🌍",
      "x".repeat(10_240),
      "‮rtl‬ עברית",
    ];
    for (const text of hostile) {
      const query = prefixTsqueryText(text);
      if (query !== null) expectSafe(query, text.slice(0, 30));
    }
    expect(prefixTsqueryText("a:* & !|()'\\")).toBe("'a':*");
    expect(prefixTsqueryText("x' | 'y")).toBe("'x':* & 'y':*");
    expect(prefixTsqueryText("cyber <-> <2> !space")).toBe("'cyber':* & '2':* & 'space':*");
  });

  it("reads a phrase in quotes, a word to leave out and 'or' as a web search box does", () => {
    expect(prefixTsqueryText('"trust and security" -climate')).toBe("'trust' <-> 'and' <-> 'security' & !'climate'");
    expect(prefixTsqueryText("cyber security or securite")).toBe("'cyber':* & ('security':* | 'securite':*)");
    expect(prefixTsqueryText('-"bad idea" good')).toBe("!('bad' <-> 'idea') & 'good':*");
    expect(prefixTsqueryText('"unbalanced quote')).toBe("'unbalanced' <-> 'quote'");
    // A hyphen inside a word is no minus sign; "or" at either end is a word (French "or" is gold).
    expect(prefixTsqueryText("cyber-security")).toBe("'cyber':* & 'security':*");
    expect(prefixTsqueryText("or")).toBe("'or':*");
    expect(prefixTsqueryText("l’or noir")).toBe("'l':* & 'or':* & 'noir':*");
  });

  it("has nothing to look for in words to leave out alone", () => {
    expect(prefixTsqueryText("-climate")).toBeNull();
    expect(prefixTsqueryText('-"climate change" -war')).toBeNull();
  });

  it("gives nothing to search for when the text has no letter or digit", () => {
    for (const text of ["", "   ", "%_\\", "🌍🌍🌍", "!|&():*'", "\u0000"]) expect(prefixTsqueryText(text), JSON.stringify(text)).toBeNull();
  });

  it(`uses at most ${MAX_SEARCH_WORDS} words, each an index lookup`, () => {
    const query = prefixTsqueryText(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")) ?? "";
    expect(query.split(" & ")).toHaveLength(MAX_SEARCH_WORDS);
    expect(query).toMatch(/^'w0':\* & /);
    expect(prefixTsqueryText(`"${"p ".repeat(20)}" more`)?.split(" <-> ")).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe("searchText", () => {
  it("refuses as too short a text with fewer than two letters or digits, and runs any longer one", () => {
    expect(searchText("a").tooShort).toBe(true);
    expect(searchText(" é ").tooShort).toBe(true);
    expect(searchText("%").tooShort).toBe(true);
    expect(searchText("🌍").tooShort).toBe(true);
    expect(searchText("").tooShort).toBe(false); // nothing typed: the prompt, not a refusal
    expect(searchText("ab").tooShort).toBe(false);
    expect(searchText("a b").tooShort).toBe(false);
    expect(searchText("法律").tooShort).toBe(false);
  });

  it("cuts a long text to the directories' limit without splitting a character", () => {
    const long = searchText("🌍".repeat(150));
    expect(long.shortened).toBe(true);
    expect(long.q.length).toBeLessThanOrEqual(200);
    expect(long.q).toBe("🌍".repeat(100));
  });
});
