// The sides a sheet's own result formula gives its blocks: « Résultat =B34+B40+B45-(B10+B17+B22+B27) » adds the
// totals of the produits and takes away those of the charges. Where no heading says « Recettes » or « Dépenses »
// (« Frais de fonctionnement », « Rencontre Nationale », « Cotisations »), the formula still does.
import type { Section } from "../engine/types.ts";
import { summedRows } from "./labelledLines.ts";
import { columnNumber, type SheetGrid } from "./snapshot.ts";

interface Term {
  sign: 1 | -1;
  row: number;
}

/**
 * The rows a formula of one column adds (+1) and takes away (−1): cell references, SUM(...) of them, brackets,
 * « + » and « - ». Null for anything else (a product, a function, another column): then it says nothing.
 */
export function signedRows(formula: string, col: number): Term[] | null {
  const src = formula.replace(/^\s*=/, "");
  let i = 0;
  const out: Term[] = [];
  const space = () => {
    while (src[i] === " ") i++;
  };
  const ref = (): number | null => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)/i.exec(src.slice(i));
    if (!m || columnNumber(m[1]!.toUpperCase()) !== col) return null;
    i += m[0].length;
    return Number(m[2]);
  };
  const term = (sign: 1 | -1): boolean => {
    space();
    if (src[i] === "(") {
      i++;
      if (!expr(sign)) return false;
      space();
      if (src[i] !== ")") return false;
      i++;
      return true;
    }
    const fn = /^(SUM|SOMME)\s*\(/i.exec(src.slice(i));
    if (fn) {
      const close = src.indexOf(")", i);
      if (close < 0) return false;
      const spans = summedRows(src.slice(i, close + 1), col);
      if (!spans) return false;
      for (const s of spans) for (let r = s.from; r <= s.to && r - s.from < 10_000; r++) out.push({ sign, row: r });
      i = close + 1;
      return true;
    }
    const r = ref();
    if (r === null) return false;
    out.push({ sign, row: r });
    return true;
  };
  const expr = (sign: 1 | -1): boolean => {
    space();
    let next: 1 | -1 = sign;
    if (src[i] === "-" || src[i] === "+") {
      if (src[i] === "-") next = (-sign as 1 | -1);
      i++;
    }
    if (!term(next)) return false;
    for (;;) {
      space();
      if (src[i] !== "+" && src[i] !== "-") return true;
      const op = src[i];
      i++;
      if (!term(op === "-" ? (-sign as 1 | -1) : sign)) return false;
    }
  };
  if (!expr(1)) return null;
  space();
  return i === src.length && out.length >= 2 && out.some((t) => t.sign === 1) && out.some((t) => t.sign === -1) ? out : null;
}

/**
 * The side each row of the column takes from the result formulas: a row added is a produit, a row taken away a
 * charge. A referenced total carries its side to the rows its own SUM adds (three levels down, a Cerfa's chapters
 * under a section total). A row the formulas give both signs gets none.
 */
export function sidesFromResult(grid: SheetGrid, results: { col: number; formula: string }[]): Map<number, Section> {
  const sign = new Map<number, number>();
  const mark = (row: number, col: number, s: 1 | -1, depth: number) => {
    const f = grid.cell(row, col)?.formula;
    const spans = f ? summedRows(f, col) : null;
    if (spans && depth < 3) {
      for (const sp of spans) for (let r = sp.from; r <= sp.to && r - sp.from < 10_000; r++) if (r !== row) mark(r, col, s, depth + 1);
      return;
    }
    const was = sign.get(row);
    sign.set(row, was === undefined || was === s ? s : 0);
  };
  for (const { col, formula } of results) for (const t of signedRows(formula, col) ?? []) mark(t.row, col, t.sign, 0);
  const out = new Map<number, Section>();
  for (const [row, s] of sign) if (s !== 0) out.set(row, s > 0 ? "income" : "expense");
  return out;
}
