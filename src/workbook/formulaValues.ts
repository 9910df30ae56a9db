// Formulas whose result the file does not hold, calculated as Excel would on opening. A workbook written by a
// script (openpyxl saves no result, XlsxWriter a 0 it never calculated) holds `=2000+500` in an amount cell and
// `=SUM(B5:B8)` on a chapter's row: read as they are, the amount is lost and the chapter row, with no amount, becomes
// a heading whose account (« 64 - Charges de personnel ») was then taken for the chapter of the produits below it.
// Only the arithmetic a budget uses is calculated (numbers, references to cells of any sheet, + - * / ^ %, SUM);
// anything else (a lookup, a defined name, another workbook, a cycle, an error) stays unread and is said by its cell
// (unreadAmounts.ts), as before. Pure: no host, no I/O.
import { columnNumber, isCellError, type CellValue, type SheetSnapshot, type SnapshotCell, type SnapshotRow, type WorkbookSnapshot } from "./snapshot.ts";

/** Formulas longer than this are not a budget's arithmetic: left to Excel. */
const MAX_FORMULA = 2000;
/** Cells all the SUMs of a workbook may walk through together: beyond, the rest is left to Excel (and said). */
const MAX_VISITED_CELLS = 20_000_000;
/** A chain of formulas deeper than this is left to Excel (no stack is spent on a hostile file). */
const MAX_DEPTH = 64;

type Fail = { fail: true };
const FAIL: Fail = { fail: true };
type Num = number | Fail;
const failed = (v: unknown): v is Fail => typeof v === "object" && v !== null && "fail" in v;

interface SheetIndex {
  /** The sheet's rows by index ascending. */
  rows: SnapshotRow[];
  /** Row index → position in rows. */
  at: Map<number, number>;
}

/** The snapshot, each formula without a result that is plain arithmetic given its value; the rest unchanged. */
export function withComputedFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  if (!snapshot.sheets.some((s) => s.rows.some((r) => r.cells.some((c) => c.uncached)))) return snapshot;
  const calc = new Calculator(snapshot.sheets);
  const sheets = snapshot.sheets.map((sheet, k) => {
    if (!sheet.rows.some((r) => r.cells.some((c) => c.uncached))) return sheet;
    const rows = sheet.rows.map((row) => {
      if (!row.cells.some((c) => c.uncached)) return row;
      const cells = row.cells.map((c): SnapshotCell => {
        if (!c.uncached || isRowTotal(c.formula, row.index)) return c;
        const v = calc.cellNumber(k, row.index, c.col, 0);
        return failed(v) ? c : { col: c.col, value: v, formula: c.formula };
      });
      return { ...row, cells };
    });
    return { ...sheet, rows };
  });
  return { ...snapshot, sheets };
}

/**
 * « =SUM(B4:D4) » in a « Total » column beside the actions: the row's parts are read already, each an action of the
 * budget (fixture 05); its uncalculated total is left as the file has it, so the actions stay the lines.
 */
function isRowTotal(formula: string | undefined, row: number): boolean {
  const m = /^=?SUM\(\$?[A-Za-z]{1,3}\$?(\d+):\$?[A-Za-z]{1,3}\$?(\d+)\)$/i.exec(formula?.trim() ?? "");
  return m !== null && Number(m[1]) === row && Number(m[2]) === row;
}

class Calculator {
  private readonly index: SheetIndex[];
  private readonly byName = new Map<string, number>();
  private readonly memo = new Map<string, Num>();
  private readonly busy = new Set<string>();
  private visited = 0;

  constructor(private readonly sheets: readonly SheetSnapshot[]) {
    this.index = sheets.map((s) => {
      const rows = s.rows.every((r, i) => i === 0 || s.rows[i - 1]!.index < r.index) ? s.rows : [...s.rows].sort((a, b) => a.index - b.index);
      return { rows, at: new Map(rows.map((r, i) => [r.index, i])) };
    });
    sheets.forEach((s, i) => this.byName.set(s.name.toLowerCase(), i));
  }

  cell(sheet: number, row: number, col: number): SnapshotCell | undefined {
    const ix = this.index[sheet]!;
    const at = ix.at.get(row);
    return at === undefined ? undefined : ix.rows[at]!.cells.find((c) => c.col === col);
  }

  /** The cell's value as Excel would have it: a cached value, or the calculated result of an uncached formula. */
  value(sheet: number, row: number, col: number, depth: number): CellValue | Fail {
    const c = this.cell(sheet, row, col);
    if (!c) return null;
    if (!c.uncached) return c.value;
    return this.cellNumber(sheet, row, col, depth);
  }

  cellNumber(sheet: number, row: number, col: number, depth: number): Num {
    const key = `${sheet}:${row}:${col}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const c = this.cell(sheet, row, col);
    if (!c?.formula || depth > MAX_DEPTH || this.busy.has(key)) return FAIL;
    this.busy.add(key);
    let v: Num;
    try {
      v = new Formula(c.formula, sheet, this, depth + 1).result();
    } finally {
      this.busy.delete(key);
    }
    this.memo.set(key, v);
    return v;
  }

  sheetNamed(name: string): number | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  /** Every value in a rectangle (sparse: only the rows the sheet has), or FAIL past the workbook's budget. */
  valuesIn(sheet: number, r1: number, c1: number, r2: number, c2: number, depth: number): (CellValue | Fail)[] | Fail {
    const rows = this.index[sheet]!.rows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.index < r1) lo = mid + 1;
      else hi = mid;
    }
    const out: (CellValue | Fail)[] = [];
    for (let i = lo; i < rows.length && rows[i]!.index <= r2; i++) {
      const row = rows[i]!;
      this.visited += row.cells.length;
      if (this.visited > MAX_VISITED_CELLS) return FAIL;
      for (const c of row.cells) if (c.col >= c1 && c.col <= c2) out.push(c.uncached ? this.cellNumber(sheet, row.index, c.col, depth) : c.value);
    }
    return out;
  }
}

interface Ref {
  sheet: number;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const REF = /^(?:(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/u;
const NUMBER = /^\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|^\.\d+(?:[eE][+-]?\d+)?/;

/** A recursive-descent reading of one formula: expression := term (± term)*, term := factor (×÷ factor)*… */
class Formula {
  private pos = 0;
  private readonly text: string;

  constructor(
    formula: string,
    private readonly sheet: number,
    private readonly calc: Calculator,
    private readonly depth: number,
  ) {
    this.text = formula.length > MAX_FORMULA ? "" : formula.replace(/^=/, "");
  }

  result(): Num {
    if (this.text === "") return FAIL;
    const v = this.expression();
    this.space();
    if (failed(v) || this.pos !== this.text.length || !Number.isFinite(v)) return FAIL;
    return v;
  }

  private space(): void {
    while (this.text[this.pos] === " ") this.pos++;
  }

  private eat(ch: string): boolean {
    this.space();
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  private expression(): Num {
    let v = this.term();
    for (;;) {
      if (failed(v)) return v;
      if (this.eat("+")) v = plus(v, this.term());
      else if (this.eat("-")) v = minus(v, this.term());
      else return v;
    }
  }

  private term(): Num {
    let v = this.power();
    for (;;) {
      if (failed(v)) return v;
      if (this.eat("*")) v = times(v, this.power());
      else if (this.eat("/")) v = divide(v, this.power());
      else return v;
    }
  }

  private power(): Num {
    const base = this.unary();
    if (failed(base) || !this.eat("^")) return base;
    const exp = this.unary();
    return failed(exp) ? exp : base ** exp;
  }

  private unary(): Num {
    if (this.eat("-")) {
      const v = this.unary();
      return failed(v) ? v : -v;
    }
    if (this.eat("+")) return this.unary();
    let v = this.primary();
    while (!failed(v) && this.eat("%")) v /= 100;
    return v;
  }

  private primary(): Num {
    this.space();
    const rest = this.text.slice(this.pos);
    if (this.eat("(")) {
      const v = this.expression();
      return this.eat(")") ? v : FAIL;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return Number(num[0]);
    }
    const fn = /^(?:_xlfn\.)?(SUM)\s*\(/i.exec(rest);
    if (fn) {
      this.pos += fn[0].length;
      return this.sum();
    }
    const ref = this.ref();
    if (ref === null) return FAIL;
    // A range alone (=B2:B4) is no number; a cell is its value, text that is a number counting as Excel counts it.
    if (ref.r1 !== ref.r2 || ref.c1 !== ref.c2) return FAIL;
    return asNumber(this.calc.value(ref.sheet, ref.r1, ref.c1, this.depth));
  }

  /** SUM(a; b; …): ranges and cells add their numbers (text, booleans and empty cells are left out, as Excel does). */
  private sum(): Num {
    let total = 0;
    if (this.eat(")")) return 0;
    for (;;) {
      this.space();
      const start = this.pos;
      const ref = this.ref();
      this.space();
      const next = this.text[this.pos];
      if (ref !== null && (next === "," || next === ";" || next === ")")) {
        const values = this.calc.valuesIn(ref.sheet, ref.r1, ref.c1, ref.r2, ref.c2, this.depth);
        if (failed(values)) return FAIL;
        for (const v of values) {
          if (failed(v) || isCellError(v)) return FAIL;
          if (typeof v === "number") total += v;
        }
      } else {
        this.pos = start;
        const v = this.expression();
        if (failed(v)) return v;
        total += v;
      }
      if (this.eat(")")) return total;
      if (!this.eat(",") && !this.eat(";")) return FAIL;
    }
  }

  private ref(): Ref | null {
    const m = REF.exec(this.text.slice(this.pos));
    if (!m) return null;
    // A function name (« ROUND(») or a defined name is not a cell: left to Excel.
    const after = this.text[this.pos + m[0].length];
    if (after !== undefined && /[\p{L}\p{N}_(!.]/u.test(after)) return null;
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const sheet = name === undefined ? this.sheet : this.calc.sheetNamed(name);
    if (sheet === null) return null;
    this.pos += m[0].length;
    const c1 = columnNumber(m[3]!);
    const r1 = Number(m[4]);
    const c2 = m[5] ? columnNumber(m[5]) : c1;
    const r2 = m[6] ? Number(m[6]) : r1;
    return { sheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
}

/** A referenced value in arithmetic, as Excel takes it: empty is 0, TRUE 1, "12" 12; other text or an error fails. */
function asNumber(v: CellValue | Fail): Num {
  if (failed(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return FAIL;
    const n = Number(t);
    return Number.isFinite(n) ? n : FAIL;
  }
  return FAIL;
}

const plus = (a: number, b: Num): Num => (failed(b) ? b : a + b);
const minus = (a: number, b: Num): Num => (failed(b) ? b : a - b);
const times = (a: number, b: Num): Num => (failed(b) ? b : a * b);
// A division by zero is #DIV/0! in Excel: no amount.
const divide = (a: number, b: Num): Num => (failed(b) || b === 0 ? FAIL : a / b);
