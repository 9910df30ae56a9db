import { describe, expect, it } from "vitest";
import { builtInFormatKind, formatCodeKind, isShownNumber, numberAs, percentText, shownPercent, timeText } from "./cellValues.ts";

describe("what a number format makes of a number", () => {
  it.each([
    ["0%", "percent"],
    ["0.00%", "percent"],
    ["0.0 %", "percent"],
    ["#,##0.0%;[Red]-#,##0.0%", "percent"],
    ["h:mm", "time"],
    ["[h]:mm", "time"],
    ["[hh]:mm:ss", "time"],
    ["mm:ss", "time"],
    ["h:mm AM/PM", "time"],
    ["dd/mm/yyyy", "date"],
    ["dd/mm/yyyy hh:mm", "date"],
    ["[$-40C]d mmmm yyyy;@", "date"],
    ["mmm-yy", "date"],
    ["mmmm", "date"],
  ])("%s shows a %s", (code, kind) => expect(formatCodeKind(code)).toBe(kind));

  it.each([
    "General",
    "@",
    "#,##0.00 €",
    "[$€-40C] #,##0.00",
    "#,##0.00;(#,##0.00)",
    "#,##0.00 €;[Red]-#,##0.00 €",
    '_-* #,##0 €_-;-* #,##0 €_-;_-* "-"?? €_-;_-@_-',
    '#,##0 "heures"',
    '0" %"',
  ])("%s is money or a plain number", (code) => expect(formatCodeKind(code)).toBeNull());

  it("knows the built-in ids styles.xml writes no code for", () => {
    expect([9, 10].map(builtInFormatKind)).toEqual(["percent", "percent"]);
    expect([18, 20, 21, 45, 46].map(builtInFormatKind)).toEqual(["time", "time", "time", "time", "time"]);
    expect([14, 22].map(builtInFormatKind)).toEqual(["date", "date"]);
    expect([0, 2, 4, 44, 49].map(builtInFormatKind)).toEqual([null, null, null, null, null]);
  });

  it("gives percentages and times as the cell shows them, and they read back as shown numbers", () => {
    expect(percentText(0.2)).toBe("20%");
    expect(percentText(0.125)).toBe("12.5%");
    expect(percentText(-0.035)).toBe("-3.5%");
    expect(timeText(0.0625, "h:mm")).toBe("1:30");
    expect(timeText(1.5, "[h]:mm")).toBe("36:00");
    expect(timeText(1.5, "h:mm")).toBe("12:00");
    expect(timeText(0.00347, "mm:ss")).toBe("05:00");
    expect(timeText(0.5 + 1 / 86400, "h:mm:ss")).toBe("12:00:01");
    for (const text of ["20%", "12.5%", "-3.5%", "1:30", "36:00", "12:00:01"]) expect(isShownNumber(text)).toBe(true);
    for (const text of ["20 % de TVA", "1 200", "Loyer", "2026-03-14"]) expect(isShownNumber(text)).toBe(false);
  });

  it("keeps every digit of a percentage, so that one typed in Équilibre's sheets is written back unchanged (it was rounded to 12.35%)", () => {
    for (const value of [0.123456, 0.0000001, -0.98765432, 1.5, 0.2]) {
      const text = percentText(value);
      expect(isShownNumber(text)).toBe(true);
      expect(shownPercent(text)).toBe(value);
    }
    expect(percentText(0.123456)).toBe("12.3456%");
    expect(shownPercent("Loyer")).toBeNull();
    expect(shownPercent(0.2)).toBeNull();
  });

  it("leaves a plain number a number and gives a date through the host's own conversion", () => {
    expect(numberAs(1200, null, "#,##0 €", () => "x")).toBe(1200);
    expect(numberAs(46095, "date", "dd/mm/yyyy", (n) => `day ${n}`)).toBe("day 46095");
    expect(numberAs(0.2, "percent", "0%", () => null)).toBe("20%");
  });
});
