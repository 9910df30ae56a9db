// The self-check: where a sheet has its own total rows (« Total des charges », « TOTAL PRODUITS », a
// « Sous-total » with its SUM formula), the lines read must add up to them. A difference is an issue that
// names the cells, so a line the reader missed (or a cell the sheet's formula ignores) never goes unnoticed.
import { formatEuros } from "../engine/money.ts";
import type { BudgetLine, Section } from "../engine/types.ts";
import type { ReadIssue, SkippedRow } from "./budget.ts";
import { addedRows } from "./labelledLines.ts";
import { cellAddress, columnNumber } from "./snapshot.ts";

/** A total row of the sheet, one amount column. */
export interface DeclaredTotal {
  row: number;
  /** The label cell. */
  cell: string;
  label: string;
  col: number;
  cents: number;
  formula: string | null;
  /** The section the total names (« Total des charges »), else the section it sits in; null when unknown. */
  section: Section | null;
}

/** What else the check knows of the rows it covers, to explain a difference. */
export interface CheckContext {
  sheet: string;
  /** Amount cells written as text that were read as amounts (« 5 950 € »): a SUM formula ignores them. */
  textAmounts: { row: number; col: number; cents: number }[];
  /** Cells that hold text that is not an amount, or an error: neither is counted. */
  uncounted: { row: number; col: number }[];
  skipped: SkippedRow[];
  /** The amount each skipped row holds in each column (to find the one the difference is). */
  skippedAmount: (row: number, col: number) => number | null;
  /** The formula of a cell, when it holds one (a SUBTOTAL total leaves out the SUBTOTAL cells of its range). */
  formulaAt?: (row: number, col: number) => string | null;
  /** The engine's section for a line (an in-kind line listed among the charges is not in « Total des charges »). */
  sectionOf: (line: BudgetLine) => Section;
}

/** SUBTOTAL(9 or 109, …), as Excel and LibreOffice write it in English or in French. */
function isSubtotalFormula(formula: string | null): boolean {
  return formula !== null && /^\s*(SUBTOTAL|SOUS\.TOTAL)\(\s*(9|109)\s*[,;]/i.test(formula);
}

const SUM_RANGE = /^\s*(?:SUM|SOMME|SUBTOTAL\(\s*(?:9|109)\s*,|SOUS\.TOTAL\(\s*(?:9|109)\s*;)\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*\)?\s*$/i;

function formulaRange(t: DeclaredTotal): { from: number; to: number } | null {
  const m = t.formula ? SUM_RANGE.exec(t.formula) : null;
  if (!m || m[1]!.toUpperCase() !== m[3]!.toUpperCase() || columnNumber(m[1]!) !== t.col) return null;
  return { from: Number(m[2]), to: Number(m[4]) };
}

/** The terms of a total written as two or more cells and SUMs of its own column (« C56+SUM(C58:C59) »), else null. */
function compositeTerms(t: DeclaredTotal): { from: number; to: number; range: boolean }[] | null {
  const terms = t.formula && t.formula.includes("+") ? addedRows(t.formula, t.col) : null;
  return terms && terms.length >= 2 ? terms : null;
}

const colOfCell = (cell: string | null | undefined) => (cell ? columnNumber(cell.replace(/\d+$/, "")) : -1);

/** Running sums of one column's lines by row, for each way of choosing the lines: each total is checked in log time. */
class ColumnSums {
  private readonly rows: number[];
  private readonly sums = new Map<string, number[]>();
  constructor(
    private readonly lines: BudgetLine[],
    private readonly ctx: CheckContext,
  ) {
    this.rows = lines.map((l) => l.row);
  }
  /** Sum and count of the lines with from < row < to that `pick` keeps. */
  between(from: number, to: number, pick: "all" | "same" | "money", section: Section | null): { sum: number; count: number } {
    const key = `${pick}|${section}`;
    let prefix = this.sums.get(key);
    if (!prefix) {
      prefix = [0];
      const counts: number[] = [0];
      for (const l of this.lines) {
        const s = this.ctx.sectionOf(l);
        const keep = pick === "all" || section === null || s === section || (pick === "same" && l.context.sectionHint === section);
        prefix.push(prefix[prefix.length - 1]! + (keep && l.amount.kind === "value" ? l.amount.cents : 0));
        counts.push(counts[counts.length - 1]! + (keep ? 1 : 0));
      }
      this.sums.set(key, prefix);
      this.sums.set(`${key}#`, counts);
    }
    const counts = this.sums.get(`${key}#`)!;
    const a = upperBound(this.rows, from);
    const b = lowerBound(this.rows, to);
    return b > a ? { sum: prefix[b]! - prefix[a]!, count: counts[b]! - counts[a]! } : { sum: 0, count: 0 };
  }
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const upperBound = (xs: number[], v: number) => lowerBound(xs, v + 1);

/**
 * Checks every declared total against the lines read in its column. Lines are compared by the rows a SUM
 * formula covers when it has one; otherwise a total agrees when the lines of its section above it (since the
 * previous total, or all of them), or all lines above it, add up to it.
 */
export function checkTotals(totals: readonly DeclaredTotal[], lines: readonly BudgetLine[], ctx: CheckContext): ReadIssue[] {
  const issues: ReadIssue[] = [];
  const sorted = [...totals].sort((a, b) => a.row - b.row);
  const byCol = new Map<number, ColumnSums>();
  const cols = new Map<number, BudgetLine[]>();
  for (const l of lines) {
    if (l.amount.kind !== "value") continue;
    const c = colOfCell(l.amountCell);
    const list = cols.get(c) ?? [];
    list.push(l);
    cols.set(c, list);
  }
  const previousTotal = new Map<number, number>();
  for (const t of sorted) {
    const since = previousTotal.get(t.col) ?? 0;
    previousTotal.set(t.col, t.row);
    const inCol = cols.get(t.col);
    if (!inCol) continue;
    let sums = byCol.get(t.col);
    if (!sums) {
      sums = new ColumnSums([...inCol].sort((a, b) => a.row - b.row), ctx);
      byCol.set(t.col, sums);
    }
    const range = formulaRange(t);
    let scope: { from: number; to: number; sum: number };
    // « TOTAL =C56+SUM(C58:C59) », a Cerfa's total of the produits and the 87 under them: the cells it names (another
    // total, taken as the sheet holds it) and the lines of the ranges it adds.
    const terms = range ? null : compositeTerms(t);
    if (terms) {
      let sum = 0;
      for (const term of terms) sum += term.from === term.to && !term.range ? (ctx.skippedAmount(term.from, t.col) ?? 0) : sums.between(term.from - 1, term.to + 1, "all", null).sum;
      if (sum === t.cents) continue;
      scope = { from: Math.min(...terms.map((x) => x.from)), to: Math.max(...terms.map((x) => x.to)), sum };
      issues.push(mismatchIssue(t, scope, ctx));
      continue;
    }
    if (range) {
      // A Cerfa total adds its chapter subtotals (=SUM(B4:B4) over « 65 - Autres charges … »): each subtotal in the
      // range stands for the lines under it, up to the next subtotal.
      // « TOTAL CHARGES =SUBTOTAL(9,B6:B27) » over groups each closed by its « Sous-total =SUBTOTAL(9,…) » (Excel's
      // Data > Subtotal): Excel's SUBTOTAL leaves out the SUBTOTAL cells of its range, so it adds the lines alone.
      const nested = (row: number) => isSubtotalFormula(t.formula) && isSubtotalFormula(ctx.formulaAt?.(row, t.col) ?? null);
      const subs = ctx.skipped
        .filter((x) => x.why === "subtotal" && x.row >= range.from && x.row <= range.to && !nested(x.row))
        .map((x) => x.row)
        .sort((a, b) => a - b);
      let sum = 0;
      let at = range.from - 1;
      for (const [k, row] of subs.entries()) {
        sum += sums.between(at, row, "all", null).sum + (ctx.skippedAmount(row, t.col) ?? 0);
        at = (subs[k + 1] ?? range.to + 1) - 1;
      }
      sum += sums.between(at, range.to + 1, "all", null).sum;
      scope = { ...range, sum };
    } else {
      const candidates = [
        sums.between(since, t.row, "same", t.section),
        sums.between(since, t.row, "money", t.section),
        sums.between(0, t.row, "same", t.section),
        sums.between(0, t.row, "money", t.section),
        sums.between(0, t.row, "all", null),
      ];
      if (candidates.some((c) => c.count > 0 && c.sum === t.cents)) continue;
      const best = candidates[0]!.count > 0 ? { c: candidates[0]!, from: since + 1 } : { c: candidates[2]!, from: 1 };
      if (best.c.count === 0) continue;
      scope = { from: best.from, to: t.row - 1, sum: best.c.sum };
    }
    if (scope.sum === t.cents) continue;
    // « Soldes : Société Générale, PayPal, Total »: a total of account balances, not of charges or produits; « Total
    // investissement » over a loan and two grants: the lines and the balances set aside (with their reason) make it.
    const from = range ? range.from - 1 : since;
    const to = range ? range.to + 1 : t.row;
    const balances = setAsideBetween(from, to, t.col, ctx, "balance_sheet_account");
    if (balances !== null && (balances === t.cents || balances + scope.sum === t.cents)) continue;
    // « Solde 500 » among the charges that it balances (charges + solde = produits): the result is in the
    // treasurer's total, never one of the lines.
    const results = setAsideBetween(from, to, t.col, ctx, "result");
    if (results !== null && scope.sum + results + (balances ?? 0) === t.cents) continue;
    issues.push(mismatchIssue(t, scope, ctx));
  }
  return issues;
}

/** The sum of the rows set aside for `why` (balances, results) strictly between two rows, in one column (null when there are none). */
function setAsideBetween(from: number, to: number, col: number, ctx: CheckContext, why: "balance_sheet_account" | "result"): number | null {
  const rows = ctx.skipped.filter((x) => x.why === why && x.row > from && x.row < to);
  return rows.length === 0 ? null : rows.reduce((sum, x) => sum + (ctx.skippedAmount(x.row, col) ?? 0), 0);
}

function mismatchIssue(t: DeclaredTotal, scope: { from: number; to: number; sum: number }, ctx: CheckContext): ReadIssue {
  const totalCell = cellAddress(t.row, t.col);
  const diff = t.cents - scope.sum;
  const inScope = (row: number) => row >= scope.from && row <= scope.to;
  const why = explain(t, diff, inScope, ctx);
  const read = { fr: formatEuros(scope.sum, "fr", scope.sum % 100 !== 0), en: formatEuros(scope.sum, "en", scope.sum % 100 !== 0) };
  const said = { fr: formatEuros(t.cents, "fr", t.cents % 100 !== 0), en: formatEuros(t.cents, "en", t.cents % 100 !== 0) };
  return {
    sheet: ctx.sheet,
    cell: totalCell,
    code: "total_mismatch",
    message: `Les lignes lues font ${read.fr}, votre total ${totalCell} (« ${t.label} ») dit ${said.fr} : ${why.fr}.`,
    messageEn: `The lines read add up to ${read.en}, your total ${totalCell} (“${t.label}”) says ${said.en}: ${why.en}.`,
  };
}

function explain(t: DeclaredTotal, diff: number, inScope: (row: number) => boolean, ctx: CheckContext): { fr: string; en: string } {
  const text = ctx.textAmounts.filter((x) => x.col === t.col && inScope(x.row));
  if (text.length > 0 && t.formula) {
    const cells = text.map((x) => cellAddress(x.row, x.col)).join(", ");
    return {
      fr: `${text.length > 1 ? "les cellules" : "la cellule"} ${cells} ${text.length > 1 ? "contiennent des montants saisis" : "contient un montant saisi"} comme du texte, que votre formule SOMME ignore ; saisissez ${text.length > 1 ? "ces montants comme des nombres" : "ce montant comme un nombre"}`,
      en: `cell${text.length > 1 ? "s" : ""} ${cells} hold${text.length > 1 ? "" : "s"} an amount typed as text, which your SUM formula ignores; type ${text.length > 1 ? "them" : "it"} as numbers`,
    };
  }
  const skipped = ctx.skipped.find((s) => inScope(s.row) && s.why !== "total" && s.why !== "result" && ctx.skippedAmount(s.row, t.col) === diff);
  if (skipped?.why === "balance_sheet_account") {
    return {
      fr: `la différence est la ligne ${skipped.row} (« ${skipped.label} »), un mouvement de bilan (emprunt, trésorerie…) que votre total compte mais qui n'est ni une charge ni un produit : l'analyse ne le compte pas`,
      en: `the difference is row ${skipped.row} (“${skipped.label}”), a balance-sheet movement (loan, cash…) your total counts but which is neither a charge nor income: the analysis leaves it out`,
    };
  }
  if (skipped) {
    return {
      fr: `la différence est la ligne ${skipped.row} (« ${skipped.label} »), qu'Équilibre a écartée (${SKIP_FR[skipped.why] ?? skipped.why}) ; si c'est une vraie ligne, corrigez-la dans la table des correspondances ou dans la feuille`,
      en: `the difference is row ${skipped.row} (“${skipped.label}”), which Équilibre set aside (${SKIP_EN[skipped.why] ?? skipped.why}); if it is a real line, fix it in the mapping table or in the sheet`,
    };
  }
  const uncounted = ctx.uncounted.filter((x) => x.col === t.col && inScope(x.row));
  if (uncounted.length > 0) {
    const cells = uncounted.map((x) => cellAddress(x.row, x.col)).join(", ");
    return {
      fr: `${uncounted.length > 1 ? "les cellules" : "la cellule"} ${cells} ne ${uncounted.length > 1 ? "sont" : "est"} pas un montant et n'${uncounted.length > 1 ? "ont" : "a"} pas été ${uncounted.length > 1 ? "comptées" : "comptée"} ; vérifiez-${uncounted.length > 1 ? "les" : "la"}`,
      en: `cell${uncounted.length > 1 ? "s" : ""} ${cells} ${uncounted.length > 1 ? "are" : "is"} not an amount and ${uncounted.length > 1 ? "were" : "was"} not counted; check ${uncounted.length > 1 ? "them" : "it"}`,
    };
  }
  const gap = { fr: formatEuros(Math.abs(diff), "fr", diff % 100 !== 0), en: formatEuros(Math.abs(diff), "en", diff % 100 !== 0) };
  return diff > 0
    ? {
        fr: `il manque ${gap.fr} ; une ligne n'a peut-être pas été lue, ou la formule du total compte autre chose : vérifiez les lignes au-dessus du total et sa formule`,
        en: `${gap.en} is missing; a line may not have been read, or the total's formula counts something else: check the lines above the total and its formula`,
      }
    : {
        fr: `les lignes lues dépassent le total de ${gap.fr} ; le total oublie peut-être des lignes, ou une ligne a été lue deux fois : vérifiez la formule du total`,
        en: `the lines read exceed the total by ${gap.en}; the total may leave some lines out, or a line was read twice: check the total's formula`,
      };
}

const SKIP_FR: Partial<Record<SkippedRow["why"], string>> = {
  subtotal: "pris pour un sous-total",
  balance_sheet_account: "compte de bilan, ni charge ni produit",
  breakdown: "ligne « dont », détail d'une autre",
  empty: "sans libellé",
  header: "prise pour un en-tête",
};
const SKIP_EN: Partial<Record<SkippedRow["why"], string>> = {
  subtotal: "taken for a subtotal",
  balance_sheet_account: "balance-sheet account, neither a charge nor income",
  breakdown: "a « dont » line, detail of another",
  empty: "no label",
  header: "taken for a header",
};
