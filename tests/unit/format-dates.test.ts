// Dates are written as an international organisation writes them, day before month, in every
// language; never the US order, whatever the runtime's default English is.
import { describe, expect, it } from "vitest";
import { dateFormatter, formatDate, formatDateTime, formatNumber, intlLocale } from "~/i18n/format";

const day = new Date("2019-09-26T14:05:00Z");

describe("formatDate", () => {
  it("writes the long date the way the UN writes it in each language", () => {
    expect(formatDate("en", day)).toBe("26 September 2019");
    expect(formatDate("fr", day)).toBe("26 septembre 2019");
    expect(formatDate("es", day)).toBe("26 de septiembre de 2019");
  });

  it("never puts the month first in English, whatever the style", () => {
    for (const style of ["short", "medium", "long", "full"] as const) {
      const text = formatDate("en", day, { dateStyle: style });
      expect(text, style).not.toMatch(/^(Sep|9\/)/);
      expect(text, style).toMatch(/26/);
      expect(text.indexOf("26"), style).toBeLessThan(text.search(/Sep|09|\/9\//));
    }
    expect(formatDateTime("en", day)).toMatch(/^26 Sept? 2019, 14:05$/);
  });

  it("accepts ISO strings (dates from JSON and the database) and shows them in UTC", () => {
    expect(formatDate("fr", "2019-09-26")).toBe("26 septembre 2019");
    expect(formatDate("es", "2019-09-26T23:30:00Z")).toBe("26 de septiembre de 2019");
  });

  it("reuses one formatter per locale and options, and keeps distinct options apart", () => {
    expect(dateFormatter("fr", { dateStyle: "long" })).toBe(dateFormatter("fr", { dateStyle: "long" }));
    expect(dateFormatter("fr", { dateStyle: "long", timeStyle: "short" })).toBe(dateFormatter("fr", { timeStyle: "short", dateStyle: "long" }));
    expect(dateFormatter("fr", { dateStyle: "long" })).not.toBe(dateFormatter("es", { dateStyle: "long" }));
    expect(dateFormatter("fr", { dateStyle: "long" })).not.toBe(dateFormatter("fr", { dateStyle: "medium" }));
    expect(dateFormatter("fr", { dateStyle: "long", timeZone: "Europe/Paris" })).not.toBe(dateFormatter("fr", { dateStyle: "long" }));
  });

  it("formats numbers with each language's grouping", () => {
    expect(intlLocale("en")).toBe("en-GB");
    expect(formatNumber("en", 1000000)).toBe("1,000,000");
    expect(formatNumber("fr", 1000000)).toBe("1\u202f000\u202f000");
  });
});
