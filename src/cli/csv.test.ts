import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.ts";

describe("CSV for French Excel", () => {
  it("neutralises what would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });
  it("writes numbers with a decimal comma and quotes separators", () => {
    expect(csvCell(0.7307)).toBe("0,7307");
    expect(csvCell(-12.5)).toBe("-12,5");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell(null)).toBe("");
  });
  it("starts with a BOM and ends lines with CRLF", () => {
    expect(toCsv([["a", 1]])).toBe("\ufeffa;1\r\n");
  });
});

describe("CSV for English Excel", () => {
  it("separates with commas, writes a decimal point and quotes a comma", () => {
    expect(toCsv([["a, b", 0.5, "x;y"]], "en")).toBe('\ufeff"a, b",0.5,x;y\r\n');
  });
});
