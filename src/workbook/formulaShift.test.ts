import { describe, expect, it } from "vitest";
import { shiftFormula } from "./formulaShift.ts";
import { columnLetters, columnNumber } from "./snapshot.ts";

/** The formula moved by one regular-expression pass, as it was done before formulas were cut once: the reference. */
function shiftedByReplace(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const TOKENS =
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|(^|[^A-Za-z0-9_.$])(\$?)(\d+):(\$?)(\d+)(?![\d.])|(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(!])|(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(!])/g;
  const row = (abs: string, r: string) => (abs ? `${abs}${r}` : Number(r) + dRow >= 1 && Number(r) + dRow <= 1_048_576 ? String(Number(r) + dRow) : null);
  const col = (abs: string, c: string) => (abs ? `${abs}${c}` : columnNumber(c) + dCol >= 1 && columnNumber(c) + dCol <= 16_384 ? columnLetters(columnNumber(c) + dCol) : null);
  return formula.replace(TOKENS, (m: string, quoted?: string, p1?: string, a1?: string, r1?: string, a2?: string, r2?: string, p2?: string, c1a?: string, c1?: string, c2a?: string, c2?: string, p3?: string, ca?: string, c?: string, ra?: string, r?: string) => {
    if (quoted !== undefined) return m;
    if (r1 !== undefined) {
      const [x, y] = [row(a1!, r1), row(a2!, r2!)];
      return x && y ? `${p1}${x}:${y}` : `${p1}#REF!`;
    }
    if (c1 !== undefined) {
      const [x, y] = [col(c1a!, c1), col(c2a!, c2!)];
      return x && y ? `${p2}${x}:${y}` : `${p2}#REF!`;
    }
    const [x, y] = [col(ca!, c!), row(ra!, r!)];
    return x && y ? `${p3}${x}${y}` : `${p3}#REF!`;
  });
}

describe("shiftFormula", () => {
  it("moves relative references and keeps absolute ones, quoted text and sheet names", () => {
    expect(shiftFormula("IF(AND(O5<>\"\",ISNUMBER(MATCH(O5,'Équilibre – leviers'!$A$2:$A$34,0))),O5,I5)", 3, 0)).toBe("IF(AND(O8<>\"\",ISNUMBER(MATCH(O8,'Équilibre – leviers'!$A$2:$A$34,0))),O8,I8)");
    expect(shiftFormula('SUM(B2:B9)&"B2"', 1, 1)).toBe('SUM(C3:C10)&"B2"');
    expect(shiftFormula("SUM(5:7)+SUM(B:D)", 2, 1)).toBe("SUM(7:9)+SUM(C:E)");
    expect(shiftFormula("A1+B2", -1, 0)).toBe("#REF!+B1");
  });

  it("gives what one pass of the expression gives, for every formula moved any way, asked once or many times", () => {
    const formulas = [
      "IF(INDEX('Équilibre – leviers'!$C$2:$C$34,MATCH(Q5,'Équilibre – leviers'!$A$2:$A$34,0))=\"En nature\",IF(OR(G5=\"Produits\",G5=\"Contributions en nature (87)\"),\"C\",\"E\"),R5)",
      "SUM($B$2:B9,Feuil1!C3)*'It''s'!D4+\"say \"\"A1\"\"\"",
      "A1:B2 C3 $D$4 E$5 $F6 XFD1048576 LOG10(A2) A1B2 _X1 x1 AB12:AC13",
      "SUBTOTAL(9,B5:B8)+1:3+C:C+ROW(A:A)",
      "no reference at all",
      "",
    ];
    for (const f of formulas) {
      for (const [dRow, dCol] of [[0, 0], [1, 0], [12, 3], [-1, 0], [0, -2], [1_048_575, 0], [0, 16_383], [-4, -1]] as const) {
        for (let again = 0; again < 2; again++) expect(shiftFormula(f, dRow, dCol)).toBe(shiftedByReplace(f, dRow, dCol));
      }
    }
  });
});
