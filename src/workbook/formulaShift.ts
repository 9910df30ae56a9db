// Shared formulas as they are read: a column of formulas Excel stored once (<f t="shared" ref=… si=…>) and
// referenced by the cells below (<f t="shared" si=…/>). Each follower's formula is the master's with its
// relative references moved by the follower's offset, as Excel shows it (B3 → B4 one row down). A formula the
// user typed in the lines table moves the same way when its line moves to another row (keptNotes.ts).
import { columnLetters, columnNumber } from "./snapshot.ts";

/** A quoted string or sheet name (kept), a row range (5:7), a column range (B:D), or a cell reference. */
const TOKENS =
  /("(?:[^"]|"")*"|'(?:[^']|'')*')|(^|[^A-Za-z0-9_.$])(\$?)(\d+):(\$?)(\d+)(?![\d.])|(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(!])|(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(!])/g;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** The formula of a cell `dRow` rows and `dCol` columns away from the master's. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const row = (abs: string, r: string) => {
    if (abs) return `${abs}${r}`;
    const n = Number(r) + dRow;
    return n >= 1 && n <= MAX_ROW ? String(n) : null;
  };
  const col = (abs: string, c: string) => {
    if (abs) return `${abs}${c}`;
    const n = columnNumber(c) + dCol;
    return n >= 1 && n <= MAX_COL ? columnLetters(n) : null;
  };
  return formula.replace(
    TOKENS,
    (m: string, quoted?: string, p1?: string, a1?: string, r1?: string, a2?: string, r2?: string, p2?: string, c1a?: string, c1?: string, c2a?: string, c2?: string, p3?: string, ca?: string, c?: string, ra?: string, r?: string) => {
      if (quoted !== undefined) return m;
      if (r1 !== undefined) {
        const x = row(a1!, r1);
        const y = row(a2!, r2!);
        return x && y ? `${p1}${x}:${y}` : `${p1}#REF!`;
      }
      if (c1 !== undefined) {
        const x = col(c1a!, c1);
        const y = col(c2a!, c2!);
        return x && y ? `${p2}${x}:${y}` : `${p2}#REF!`;
      }
      const x = col(ca!, c!);
      const y = row(ra!, r!);
      return x && y ? `${p3}${x}${y}` : `${p3}#REF!`;
    },
  );
}
