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

/** One reference of a formula, as TOKENS found it: what comes before it, and its parts. */
type Ref =
  | { kind: "rows"; p: string; a1: string; r1: string; a2: string; r2: string }
  | { kind: "cols"; p: string; a1: string; c1: string; a2: string; c2: string }
  | { kind: "cell"; p: string; ca: string; c: string; ra: string; r: string };

/** A formula cut at its references once: the text between them (quoted strings kept in it), and the references. */
interface Compiled {
  texts: string[];
  refs: Ref[];
}

/**
 * A shared formula's master is moved for every cell below it (a lines table of 20,000 rows has five such
 * columns): it is cut into text and references once, and each move only rewrites the references.
 */
const COMPILED = new Map<string, Compiled>();

function compile(formula: string): Compiled {
  const known = COMPILED.get(formula);
  if (known) return known;
  const texts: string[] = [];
  const refs: Ref[] = [];
  let text = "";
  let at = 0;
  for (const m of formula.matchAll(TOKENS)) {
    text += formula.slice(at, m.index);
    at = m.index + m[0].length;
    const [whole, quoted, p1, a1, r1, a2, r2, p2, c1a, c1, c2a, c2, p3, ca, c, ra, r] = m;
    if (quoted !== undefined) {
      text += whole;
      continue;
    }
    texts.push(text);
    text = "";
    if (r1 !== undefined) refs.push({ kind: "rows", p: p1!, a1: a1!, r1, a2: a2!, r2: r2! });
    else if (c1 !== undefined) refs.push({ kind: "cols", p: p2!, a1: c1a!, c1, a2: c2a!, c2: c2! });
    else refs.push({ kind: "cell", p: p3!, ca: ca!, c: c!, ra: ra!, r: r! });
  }
  texts.push(text + formula.slice(at));
  const out = { texts, refs };
  if (COMPILED.size >= 1000) COMPILED.clear();
  COMPILED.set(formula, out);
  return out;
}

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
  const moved = (ref: Ref): string => {
    if (ref.kind === "rows") {
      const x = row(ref.a1, ref.r1);
      const y = row(ref.a2, ref.r2);
      return x && y ? `${ref.p}${x}:${y}` : `${ref.p}#REF!`;
    }
    if (ref.kind === "cols") {
      const x = col(ref.a1, ref.c1);
      const y = col(ref.a2, ref.c2);
      return x && y ? `${ref.p}${x}:${y}` : `${ref.p}#REF!`;
    }
    const x = col(ref.ca, ref.c);
    const y = row(ref.ra, ref.r);
    return x && y ? `${ref.p}${x}${y}` : `${ref.p}#REF!`;
  };
  const { texts, refs } = compile(formula);
  let out = texts[0]!;
  for (let i = 0; i < refs.length; i++) out += moved(refs[i]!) + texts[i + 1]!;
  return out;
}
