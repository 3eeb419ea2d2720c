// The query strings of the public directory and API: what is accepted, what is refused.
import { describe, expect, it } from "vitest";
import {
  actorListQuery,
  initiativeListQuery,
  listSearch,
  MAX_SEARCH_LENGTH,
  pageCount,
  parseQuery,
} from "~/domain/public-query";
import { safeWebUrl } from "~/domain/web-url";

const initiatives = (query: string) => parseQuery(initiativeListQuery, new URLSearchParams(query));
const actors = (query: string) => parseQuery(actorListQuery, new URLSearchParams(query));
const refused = (result: ReturnType<typeof initiatives>) => (result.success ? [] : result.issues.map((i) => i.param));

describe("initiative list query", () => {
  it("reads every filter and defaults to the first page", () => {
    expect(initiatives("axis=reform&theme=gender&q=%20girls%20school%20&page=3")).toEqual({
      success: true,
      data: { axis: "reform", theme: "gender", q: "girls school", page: 3 },
    });
    expect(initiatives("")).toEqual({ success: true, data: { page: 1 } });
  });

  it("takes empty fields, as a GET form sends them for 'all', as no filter", () => {
    expect(initiatives("q=&axis=&theme=&page=")).toEqual({ success: true, data: { page: 1 } });
    expect(initiatives("q=%20%20")).toEqual({ success: true, data: { page: 1 } });
  });

  it("refuses unknown values and malformed page numbers, naming each parameter", () => {
    expect(refused(initiatives("axis=planets"))).toEqual(["axis"]);
    expect(refused(initiatives("theme=CYBER"))).toEqual(["theme"]);
    for (const page of ["-1", "0", "abc", "1.5", "1e3", "+2", "99999999999999999999"]) {
      expect(refused(initiatives(`page=${page}`)), page).toEqual(["page"]);
    }
    expect(refused(initiatives("axis=x&theme=y&page=z"))).toEqual(["axis", "theme", "page"]);
  });

  it("accepts a page far past any real list: the list answers it with no rows", () => {
    expect(initiatives("page=99999999")).toEqual({ success: true, data: { page: 99_999_999 } });
  });

  it("refuses a search longer than the limit and keeps one at the limit", () => {
    expect(refused(initiatives(`q=${"a".repeat(10_240)}`))).toEqual(["q"]);
    expect(initiatives(`q=${"a".repeat(MAX_SEARCH_LENGTH)}`).success).toBe(true);
  });

  it("turns control characters, which PostgreSQL refuses in text, into spaces", () => {
    expect(initiatives("q=a%00b%0Ac")).toEqual({ success: true, data: { q: "a b c", page: 1 } });
    expect(initiatives("q=%00")).toEqual({ success: true, data: { page: 1 } });
  });

  it("keeps the first of repeated parameters and ignores ones it does not know", () => {
    expect(initiatives("axis=reform&axis=planets&utm_source=mail")).toEqual({
      success: true,
      data: { axis: "reform", page: 1 },
    });
  });
});

describe("actor list query", () => {
  it("accepts each kind of actor and refuses others", () => {
    expect(actors("kind=ngo&q=red%20cross")).toEqual({ success: true, data: { kind: "ngo", q: "red cross", page: 1 } });
    expect(refused(actors("kind=planet"))).toEqual(["kind"]);
  });
});

describe("pagination links", () => {
  it("keep the filters, drop empty ones, and leave page 1 implicit", () => {
    expect(listSearch({ axis: "reform", theme: undefined, q: "a&b", page: 4 }, 2)).toBe("?axis=reform&q=a%26b&page=2");
    expect(listSearch({ axis: "reform", page: 2 }, 1)).toBe("?axis=reform");
    expect(listSearch({ page: 1 }, 1)).toBe("");
  });

  it("count at least one page, even for an empty list", () => {
    expect([pageCount(0), pageCount(20), pageCount(21)]).toEqual([1, 1, 2]);
  });
});

describe("actor websites", () => {
  it("are linkable only as http(s) addresses", () => {
    expect(safeWebUrl("https://www.who.int")).toBe("https://www.who.int/");
    expect(safeWebUrl("http://example.org/a?b=c")).toBe("http://example.org/a?b=c");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "//evil.example",
      "www.example.org",
      "",
      null,
    ]) {
      expect(safeWebUrl(bad), String(bad)).toBeNull();
    }
  });
});
