// Lays a transcribed budget out as a grid of cells, the way treasurers present budgets in Excel, and records
// where every expected line lands (sheet, row, columns) so the accuracy script can match what the command reads.
// Totals and chapter subtotals are formulas (=SUM(...)) with their cached values, as Excel saves them.
import type { LeverId, Section } from "../src/engine/types.ts";
import { expectedOf, isGroup, linesOf, type Block, type Budget, type Expected, type LayoutType, type NotALine, type SourceGroup, type SourceLine } from "./model.ts";

export type Cell = string | number | { formula: string; result: number } | null;
export interface SheetGrid {
  name: string;
  rows: Cell[][];
  /** Rows (1-based) drawn in bold: headings and totals. */
  bold: number[];
  /** Merged ranges (« A5:D5 »), as a variant lays section headings (corpus/variants.ts). */
  merges?: string[];
}

export interface Placement {
  sheet: string;
  row: number;
  /** 0-based columns the line occupies (account, label, amounts); the label column is where the reader points. */
  firstCol: number;
  lastCol: number;
  labelCol: number;
  label: string;
  account: string | null;
  section: Section;
  amounts: { col: number; header: string; amount: number }[];
  expect: Expected | null;
  alternatives: Expected[];
  notALine: NotALine | null;
  /** The block heading (or chapter) the line is written under in the source, kept where the layout drops it (a « Catégorie » column, corpus/variants.ts). */
  heading?: string;
}

export interface Laid {
  /** File name without extension: the budget id, plus « --cerfa » or « --balance » for the re-laid copies. */
  name: string;
  budget: Budget;
  layout: string;
  /** The variant of corpus/variants.ts it is dressed in, if any. */
  variant?: string;
  columns: string[];
  sheets: SheetGrid[];
  placements: Placement[];
  /** The budget's own totals as published, per amount column of this file. */
  published: { income: (number | null)[]; expense: (number | null)[] };
}

const CHAPTERS: Record<string, string> = {
  "60": "60 - Achats",
  "61": "61 - Services extérieurs",
  "62": "62 - Autres services extérieurs",
  "63": "63 - Impôts et taxes",
  "64": "64 - Charges de personnel",
  "65": "65 - Autres charges de gestion courante",
  "66": "66 - Charges financières",
  "67": "67 - Charges exceptionnelles",
  "68": "68 - Dotation aux amortissements",
  "70": "70 - Vente de produits finis, de marchandises, prestations de services",
  "73": "73 - Dotations et produits de tarification",
  "74": "74 - Subventions d'exploitation",
  "75": "75 - Autres produits de gestion courante",
  "76": "76 - Produits financiers",
  "77": "77 - Produits exceptionnels",
  "78": "78 - Reprises sur amortissements et provisions",
  "79": "79 - Transferts de charges",
  "86": "86 - Emplois des contributions volontaires en nature",
  "87": "87 - Contributions volontaires en nature",
};

/** Where a line without an account number goes on a Cerfa form, and which account a trial balance gives it. */
const DEFAULT_ACCOUNT: Record<LeverId, string> = {
  membership_fees: "756000",
  sales_services: "706000",
  sponsorship: "706300",
  public_procurement: "706000",
  public_tariffs: "731000",
  public_grants: "740000",
  donations: "754100",
  corporate_patronage: "754200",
  bequests: "754300",
  foundations: "755100",
  financial_income: "768000",
  exceptional_income: "771000",
  reversals_transfers: "781000",
  other_income: "758000",
  purchases: "606000",
  external_services: "615000",
  other_external_services: "625100",
  external_staff: "621000",
  network_dues: "628100",
  taxes: "635000",
  payroll_taxes: "631000",
  staff: "641000",
  training: "622800",
  other_operating: "658000",
  common_operations: "655000",
  financial_charges: "661000",
  exceptional_charges: "671000",
  depreciation_provisions: "681000",
  volunteer_expenses: "625100",
  volunteering: "864000",
  skills_patronage: "862000",
  in_kind_services: "862000",
  in_kind_goods: "861000",
};
/** ANC 2018-06 numbering of the 87 side (870 dons en nature, 871 prestations, 875 bénévolat). */
const RESOURCE_ACCOUNT: Partial<Record<LeverId, string>> = {
  volunteering: "875000",
  skills_patronage: "871000",
  in_kind_services: "871000",
  in_kind_goods: "870000",
};

const colLetter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colLetter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
const cents = (x: number): number => Math.round(x * 100);

class SheetBuilder {
  rows: Cell[][] = [];
  bold: number[] = [];
  /** Cached value of every numeric cell, by "row:col", so formulas can carry their results. */
  private values = new Map<string, number>();
  constructor(readonly name: string) {}
  set(row: number, col: number, v: Cell): void {
    while (this.rows.length < row) this.rows.push([]);
    const r = this.rows[row - 1]!;
    while (r.length <= col) r.push(null);
    r[col] = v;
    if (typeof v === "number") this.values.set(`${row}:${col}`, cents(v));
    else if (v && typeof v === "object") this.values.set(`${row}:${col}`, cents(v.result));
  }
  value(row: number, col: number): number | undefined {
    return this.values.get(`${row}:${col}`);
  }
  /** =SUM of the given rows in one column (contiguous rows as a range), or null when none holds a number. */
  sum(rows: number[], col: number): Cell {
    const present = rows.filter((r) => this.value(r, col) !== undefined);
    if (present.length === 0) return null;
    const total = present.reduce((s, r) => s + (this.value(r, col) ?? 0), 0);
    const L = colLetter(col);
    const contiguous = present.every((r, i) => i === 0 || r === present[i - 1]! + 1);
    const formula = contiguous ? `SUM(${L}${present[0]}:${L}${present[present.length - 1]})` : `SUM(${present.map((r) => `${L}${r}`).join(",")})`;
    return { formula, result: total / 100 };
  }
  grid(): SheetGrid {
    return { name: this.name, rows: this.rows, bold: this.bold };
  }
}

interface Ctx {
  budget: Budget;
  sb: SheetBuilder;
  placements: Placement[];
  /** Which amount columns of the budget this file shows (the re-laid trial balance shows one). */
  cols: number[];
  headers: string[];
}

function placeLine(ctx: Ctx, row: number, base: number, acc: boolean, section: Section, l: SourceLine, account: string | null): void {
  const { sb } = ctx;
  const labelCol = base + (acc ? 1 : 0);
  if (acc && account) sb.set(row, base, /^\d+$/.test(account) ? account : account);
  sb.set(row, labelCol, l.label);
  const amounts: Placement["amounts"] = [];
  ctx.cols.forEach((j, k) => {
    const a = l.amounts[j];
    if (a === null || a === undefined) return;
    sb.set(row, labelCol + 1 + k, a);
    amounts.push({ col: labelCol + 1 + k, header: ctx.headers[k]!, amount: a });
  });
  ctx.placements.push(placement(ctx, row, base, labelCol, labelCol + ctx.cols.length, section, l, account, amounts));
}

function placement(ctx: Ctx, row: number, first: number, labelCol: number, last: number, section: Section, l: SourceLine, account: string | null, amounts: Placement["amounts"]): Placement {
  return {
    sheet: ctx.sb.name,
    row,
    firstCol: first,
    lastCol: last,
    labelCol,
    label: l.label,
    account,
    section,
    amounts,
    expect: l.notALine || !l.lever ? null : expectedOf(section, l.lever),
    alternatives: (l.alt ?? []).map((id) => expectedOf(section, id)),
    notALine: l.notALine ?? null,
  };
}

const chapterOfLine = (l: SourceLine, section: Section): string => {
  const acc = l.account?.match(/\d{2,}/)?.[0];
  if (acc) return acc.slice(0, 2);
  if (section === "in_kind_use") return "86";
  if (section === "in_kind_resource") return "87";
  if (l.lever === "reversals_transfers" && /transfert/i.test(l.label)) return "79";
  return DEFAULT_ACCOUNT[l.lever!].slice(0, 2);
};

/** The block's lines regrouped under their Cerfa chapters (« 60 - Achats » over its sub-lines), chapters in order. */
function chapterize(blocks: Block[]): Block[] {
  if (blocks.length === 0) return [];
  const section = blocks[0]!.section;
  const byChapter = new Map<string, SourceLine[]>();
  for (const b of blocks) for (const l of linesOf(b)) {
    if (l.notALine) continue;
    const ch = chapterOfLine(l, section);
    byChapter.set(ch, [...(byChapter.get(ch) ?? []), l]);
  }
  const lines = [...byChapter.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([ch, ls]) => ({ chapter: CHAPTERS[ch] ?? ch, lines: ls }));
  return [{ heading: "", section, lines }];
}

/** Writes blocks downwards from `row`; returns the next free row and the rows that make each section's total. */
function renderBlocks(ctx: Ctx, blocks: Block[], row: number, base: number, opts: { headings: boolean; totals: boolean; totalsAbove?: boolean }): { row: number; members: number[]; totalRows: number[] } {
  const acc = Boolean(ctx.budget.accountColumn);
  const labelCol = base + (acc ? 1 : 0);
  const members: number[] = [];
  const totalRows: number[] = [];
  for (const block of blocks) {
    let headingRow: number | null = null;
    if (opts.headings && block.heading) {
      ctx.sb.set(row, labelCol, block.heading);
      ctx.sb.bold.push(row);
      headingRow = row;
      row++;
    }
    const blockMembers: number[] = [];
    for (const item of block.lines) {
      if (isGroup(item)) {
        const chapterRow = row++;
        const subRows: number[] = [];
        for (const l of item.lines) {
          placeLine(ctx, row, base, acc, block.section, l, l.account ?? null);
          subRows.push(row++);
        }
        ctx.sb.set(chapterRow, labelCol, item.chapter);
        ctx.cols.forEach((_, k) => ctx.sb.set(chapterRow, labelCol + 1 + k, ctx.sb.sum(subRows, labelCol + 1 + k)));
        ctx.sb.bold.push(chapterRow);
        blockMembers.push(chapterRow);
      } else {
        placeLine(ctx, row, base, acc, block.section, item, item.account ?? null);
        // The treasurer's own SUM covers every row of the block, a misfiled balance-sheet row included.
        blockMembers.push(row);
        row++;
      }
    }
    members.push(...blockMembers);
    // The heading carries the block's sum (« DÉPENSES 12 400 » above its lines), and no total row follows.
    if (opts.totals && block.total && opts.totalsAbove && headingRow !== null) {
      ctx.cols.forEach((_, k) => ctx.sb.set(headingRow, labelCol + 1 + k, ctx.sb.sum(blockMembers, labelCol + 1 + k)));
      totalRows.push(headingRow);
    } else if (opts.totals && block.total) {
      ctx.sb.set(row, labelCol, block.total);
      ctx.cols.forEach((_, k) => ctx.sb.set(row, labelCol + 1 + k, ctx.sb.sum(blockMembers, labelCol + 1 + k)));
      ctx.sb.bold.push(row);
      totalRows.push(row);
      row++;
    }
  }
  return { row, members, totalRows };
}

function header(ctx: Ctx, row: number, base: number, label: string): void {
  const acc = Boolean(ctx.budget.accountColumn);
  if (acc) ctx.sb.set(row, base, "Compte");
  ctx.sb.set(row, base + (acc ? 1 : 0), label);
  ctx.headers.forEach((h, k) => ctx.sb.set(row, base + (acc ? 2 : 1) + k, h));
  ctx.sb.bold.push(row);
}

/** The heading each line of a block is written under: its chapter when it has one, else the block's heading. */
const headingOf = (block: Block, l: SourceLine): string => block.lines.find((x): x is SourceGroup => isGroup(x) && x.lines.includes(l))?.chapter || block.heading;

/** A block of money the association pays to another body (« Subventions versées à FONHSUD », « Reversements aux partenaires »). */
const PAID_TO_OTHERS = /^(subventions?|aides?|dons|bourses?|participations?) vers[ée]e?s?\b|^reversements?\b/i;

/**
 * The label a flat list (a Type column, a journal) gives a line. Its block's heading is gone there, so where that
 * heading says the money goes to another body, the treasurer writes it in the label: « Salaires » under
 * « Subventions versées à FPS » is the partner's payroll, and a list of the association's own operations that said
 * « Salaires » alone would say the association pays staff.
 */
const flatLabel = (block: Block, l: SourceLine): string => (PAID_TO_OTHERS.test(block.heading) ? `${block.heading} : ${l.label}` : l.label);

const title = (b: Budget): string => `${b.association} — ${b.source.document}`;
const monetary = (b: Block): boolean => b.section === "income" || b.section === "expense";
/**
 * A block of rows that are none of them lines (« Etat des comptes au 31/12 », « Soldes »: the bank balances): a
 * treasurer writes it apart, under its heading, never in the result nor in the total of the produits, and never
 * types « Recette » against a bank balance. (A block whose source types its rows, « Solde bancaire », keeps them.)
 */
const aside = (b: Block): boolean => !b.typeWord && linesOf(b).length > 0 && linesOf(b).every((l) => l.notALine);

/** How a vertical table is dressed (corpus/variants.ts): the result line's words, the in-kind block after it, sums on the headings. */
export interface VerticalOptions {
  result?: string;
  inKindAfterResult?: boolean;
  totalsAbove?: boolean;
}

function vertical(ctx: Ctx, blocks: Block[], startRow: number, opts: VerticalOptions = {}): number {
  const b = ctx.budget;
  ctx.sb.set(1, 0, title(b));
  ctx.sb.bold.push(1);
  header(ctx, startRow, 0, "Libellé");
  let row = startRow + 1;
  const totals: Record<string, number[]> = { income: [], expense: [] };
  const after = opts.inKindAfterResult ? blocks.filter((x) => !monetary(x)) : [];
  for (const block of blocks.filter((x) => !after.includes(x))) {
    const r = renderBlocks(ctx, [block], row, 0, { headings: true, totals: true, totalsAbove: opts.totalsAbove });
    if (monetary(block) && !aside(block)) totals[block.section]!.push(...r.totalRows);
    row = r.row + 1;
  }
  row = resultLine(ctx, totals, row, opts.result ?? "Résultat");
  for (const block of after) row = renderBlocks(ctx, [block], row + 1, 0, { headings: true, totals: true, totalsAbove: opts.totalsAbove }).row;
  return row;
}

function resultLine(ctx: Ctx, totals: Record<string, number[]>, row: number, label: string): number {
  const acc = Boolean(ctx.budget.accountColumn);
  if (totals.income!.length && totals.expense!.length) {
    const labelCol = acc ? 1 : 0;
    ctx.sb.set(row, labelCol, label);
    ctx.cols.forEach((_, k) => {
      const c = labelCol + 1 + k;
      const inc = ctx.sb.sum(totals.income!, c);
      const exp = ctx.sb.sum(totals.expense!, c);
      if (!inc || !exp || typeof inc !== "object" || typeof exp !== "object") return;
      const L = colLetter(c);
      const ref = (rows: number[]) => rows.map((r) => `${L}${r}`).join("+");
      ctx.sb.set(row, c, { formula: `${ref(totals.income!)}-(${ref(totals.expense!)})`, result: Math.round((inc.result - exp.result) * 100) / 100 });
    });
    ctx.sb.bold.push(row);
    row++;
  }
  return row;
}

function sideBySide(ctx: Ctx, cerfa: boolean): void {
  const b = ctx.budget;
  const acc = Boolean(b.accountColumn);
  const width = (acc ? 2 : 1) + ctx.cols.length;
  const side = (s: Section) => b.blocks.filter((x) => x.section === s && !aside(x));
  // Charges on the left as on the Cerfa form, unless the treasurer writes « Recettes | Dépenses ».
  const [l, r] = !cerfa && b.incomeLeft ? (["income", "expense"] as const) : (["expense", "income"] as const);
  const [lUse, rUse] = l === "income" ? (["in_kind_resource", "in_kind_use"] as const) : (["in_kind_use", "in_kind_resource"] as const);
  const word = (s: Section) => (s === "income" ? "PRODUITS" : "CHARGES");
  ctx.sb.set(1, 0, title(b));
  ctx.sb.bold.push(1);
  header(ctx, 3, 0, word(l));
  header(ctx, 3, width, word(r));
  const prep = (s: Section) => (cerfa ? chapterize(side(s)) : side(s));
  const left = renderBlocks(ctx, prep(l), 4, 0, { headings: !cerfa && side(l).length > 1, totals: false });
  const right = renderBlocks(ctx, prep(r), 4, width, { headings: !cerfa && side(r).length > 1, totals: false });
  let row = Math.max(left.row, right.row);
  const totalRow = (members: number[], base: number, label: string) => {
    const labelCol = base + (acc ? 1 : 0);
    ctx.sb.set(row, labelCol, label);
    ctx.cols.forEach((_, k) => ctx.sb.set(row, labelCol + 1 + k, ctx.sb.sum(members, labelCol + 1 + k)));
  };
  totalRow(left.members, 0, `TOTAL DES ${word(l)}`);
  totalRow(right.members, width, `TOTAL DES ${word(r)}`);
  ctx.sb.bold.push(row);
  row += 2;
  if (side("in_kind_use").length || side("in_kind_resource").length) {
    const l2 = renderBlocks(ctx, prep(lUse), row, 0, { headings: !cerfa, totals: false });
    const r2 = renderBlocks(ctx, prep(rUse), row, width, { headings: !cerfa, totals: false });
    row = Math.max(l2.row, r2.row);
    totalRow([...left.members, ...l2.members], 0, "TOTAL");
    totalRow([...right.members, ...r2.members], width, "TOTAL");
    ctx.sb.bold.push(row);
    row += 2;
  }
  // The bank balances under their own heading, below the table, on the side the source lists them.
  if (!cerfa) {
    const apart = (s: Section) => b.blocks.filter((x) => aside(x) && x.section === s);
    renderBlocks(ctx, apart(l), row, 0, { headings: true, totals: true });
    renderBlocks(ctx, apart(r), row, width, { headings: true, totals: true });
  }
}

/** The chapters the Cerfa form prints on each side, filled or not. */
const FORM_CHAPTERS: Record<"expense" | "income" | "in_kind_use" | "in_kind_resource", string[]> = {
  expense: ["60", "61", "62", "63", "64", "65", "66", "67", "68"],
  income: ["70", "73", "74", "75", "76", "77", "78", "79"],
  in_kind_use: ["86"],
  in_kind_resource: ["87"],
};
/** The form's own rows under chapter 74, left empty where the budget has no such grant (they are no lines). */
const FORM_GRANT_ROWS = ["État : préciser le(s) ministère(s) sollicité(s)", "Région(s) :", "Département(s) :", "Intercommunalité(s) : EPCI", "Commune(s) :", "Organismes sociaux (détailler) :", "Fonds européens", "Aides privées"];

/**
 * The Cerfa form as it is printed (n° 12156 « Budget prévisionnel », n° 15059 « Compte rendu financier »): charges
 * on the left, chapters 60 to 68 each printed whether filled or not, produits on the right, 70 to 79, the form's own
 * rows under 74 left empty; « TOTAL DES CHARGES » | « TOTAL DES PRODUITS », then « Excédent » | « Insuffisance »
 * (the one that balances the two), then 86 | 87 at the bottom and « TOTAL » | « TOTAL ». The treasurer types the
 * budget's lines under their chapter; each chapter row is the SUM of its lines. No account column: the chapters say.
 */
function cerfaForm(ctx: Ctx): void {
  const b = ctx.budget;
  const sb = ctx.sb;
  const width = 1 + ctx.cols.length;
  const side = (s: Section) => b.blocks.filter((x) => x.section === s && !aside(x));
  sb.set(1, 0, "BUDGET PRÉVISIONNEL DE L'ACTION");
  sb.set(2, 0, `${b.association} — exercice ${b.source.year}`);
  sb.bold.push(1);
  const headerAt = (row: number, base: number, word: string) => {
    sb.set(row, base, word);
    ctx.headers.forEach((h, k) => sb.set(row, base + 1 + k, h));
  };
  headerAt(4, 0, "CHARGES");
  headerAt(4, width, "PRODUITS");
  sb.bold.push(4);
  const half = (section: "expense" | "income" | "in_kind_use" | "in_kind_resource", base: number, from: number): { row: number; chapters: number[] } => {
    const byChapter = new Map<string, SourceLine[]>();
    for (const l of side(section).flatMap(linesOf)) {
      if (l.notALine) continue;
      const ch = chapterOfLine(l, section);
      byChapter.set(ch, [...(byChapter.get(ch) ?? []), l]);
    }
    const all = [...new Set([...FORM_CHAPTERS[section], ...byChapter.keys()])].sort((x, y) => x.localeCompare(y));
    let row = from;
    const chapters: number[] = [];
    for (const ch of all) {
      const chapterRow = row++;
      const subRows: number[] = [];
      for (const l of byChapter.get(ch) ?? []) {
        placeLine(ctx, row, base, false, section, l, null);
        subRows.push(row++);
      }
      if (ch === "74") for (const t of FORM_GRANT_ROWS) sb.set(row++, base, t);
      sb.set(chapterRow, base, CHAPTERS[ch] ?? ch);
      ctx.cols.forEach((_, k) => sb.set(chapterRow, base + 1 + k, sb.sum(subRows, base + 1 + k)));
      sb.bold.push(chapterRow);
      chapters.push(chapterRow);
    }
    return { row, chapters };
  };
  const left = half("expense", 0, 5);
  const right = half("income", width, 5);
  let row = Math.max(left.row, right.row);
  const totals = row;
  const total = (members: number[], base: number, label: string, at: number) => {
    sb.set(at, base, label);
    ctx.cols.forEach((_, k) => sb.set(at, base + 1 + k, sb.sum(members, base + 1 + k)));
  };
  total(left.chapters, 0, "TOTAL DES CHARGES", totals);
  total(right.chapters, width, "TOTAL DES PRODUITS", totals);
  sb.bold.push(totals);
  row++;
  // The one that balances the form: an excess of produits sits on the charges' side, a shortfall on the produits'.
  sb.set(row, 0, "Excédent");
  sb.set(row, width, "Insuffisance");
  ctx.cols.forEach((_, k) => {
    const c = 1 + k;
    const p = width + 1 + k;
    const gap = ((sb.value(totals, p) ?? 0) - (sb.value(totals, c) ?? 0)) / 100;
    if (gap > 0) sb.set(row, c, { formula: `${colLetter(p)}${totals}-${colLetter(c)}${totals}`, result: gap });
    if (gap < 0) sb.set(row, p, { formula: `${colLetter(c)}${totals}-${colLetter(p)}${totals}`, result: -gap });
  });
  row += 2;
  const useHalf = half("in_kind_use", 0, row);
  const resourceHalf = half("in_kind_resource", width, row);
  row = Math.max(useHalf.row, resourceHalf.row);
  total([totals, totals + 1, ...useHalf.chapters], 0, "TOTAL", row);
  total([totals, totals + 1, ...resourceHalf.chapters], width, "TOTAL", row);
  sb.bold.push(row);
  row += 2;
  // The form's note on the grant asked, with its figures typed in the sentence.
  const grants = side("income").flatMap(linesOf).filter((l) => !l.notALine && chapterOfLine(l, "income") === "74").reduce((n, l) => n + cents(l.amounts[ctx.cols[0]!] ?? 0), 0);
  const produits = sb.value(totals, width + 1) ?? 0;
  if (grants > 0 && produits > 0) sb.set(row, 0, `La subvention de ${grants / 100} € représente ${Math.round((100 * grants) / produits)} % du total des produits : (montant attribué / total des produits) x 100.`);
}

function accountFor(l: SourceLine, section: Section): string {
  const given = l.account?.match(/\d{2,}/)?.[0];
  if (given) return given.padEnd(6, "0");
  const id = l.lever!;
  return (section === "in_kind_resource" ? RESOURCE_ACCOUNT[id] : undefined) ?? DEFAULT_ACCOUNT[id];
}

function trialBalance(ctx: Ctx): void {
  const b = ctx.budget;
  const j = ctx.cols[0]!;
  const sb = ctx.sb;
  sb.set(1, 0, `${b.association} — Balance générale (${b.columns[j]})`);
  sb.bold.push(1);
  ["Compte", "Intitulé", "Débit", "Crédit", "Solde"].forEach((h, c) => sb.set(3, c, h));
  sb.bold.push(3);
  type Row = { account: string; label: string; debit: number | null; credit: number | null; line?: SourceLine; section?: Section };
  const rows: Row[] = (b.balanceSheet ?? []).map((x) => ({ account: x.account, label: x.label, debit: x.debit, credit: x.credit }));
  for (const block of b.blocks) for (const l of linesOf(block)) {
    const a = l.amounts[j];
    if (a === null || a === undefined || l.notALine) continue;
    const debitSide = block.section === "expense" || block.section === "in_kind_use";
    const positive = a >= 0;
    rows.push({ account: accountFor(l, block.section), label: l.label, debit: debitSide === positive ? Math.abs(a) : null, credit: debitSide === positive ? null : Math.abs(a), line: l, section: block.section });
  }
  rows.sort((x, y) => x.account.localeCompare(y.account));
  let row = 4;
  for (const r of rows) {
    sb.set(row, 0, r.account);
    sb.set(row, 1, r.label);
    sb.set(row, 2, r.debit ?? 0);
    sb.set(row, 3, r.credit ?? 0);
    sb.set(row, 4, { formula: `C${row}-D${row}`, result: ((cents(r.debit ?? 0) - cents(r.credit ?? 0)) / 100) });
    if (r.line && r.section) {
      const amount = r.line.amounts[j]!;
      ctx.placements.push(placement(ctx, row, 0, 1, 4, r.section, r.line, r.account, [{ col: 4, header: "Solde", amount }]));
    }
    row++;
  }
  sb.set(row, 1, "Totaux");
  sb.set(row, 2, sb.sum(rows.map((_, i) => 4 + i), 2));
  sb.set(row, 3, sb.sum(rows.map((_, i) => 4 + i), 3));
  sb.bold.push(row);
}

function typeColumn(ctx: Ctx): void {
  const b = ctx.budget;
  const sb = ctx.sb;
  sb.set(1, 0, title(b));
  sb.bold.push(1);
  // « Libellé | Type | Montant », or « Type | Poste | Montant » when the type comes first.
  const [labelCol, typeCol] = b.typeFirst ? [1, 0] : [0, 1];
  sb.set(3, labelCol, b.typeFirst ? "Poste" : "Libellé");
  sb.set(3, typeCol, "Type");
  ctx.headers.forEach((h, k) => sb.set(3, 2 + k, h));
  sb.bold.push(3);
  const words: Record<Section, string> = { income: "Recette", expense: "Dépense", in_kind_use: "Valorisation (emploi)", in_kind_resource: "Valorisation (ressource)" };
  const word = (block: Block): string => block.typeWord ?? words[block.section];
  let row = 4;
  const first = row;
  for (const block of b.blocks.filter((x) => !aside(x))) for (const l of linesOf(block)) {
    sb.set(row, labelCol, flatLabel(block, l));
    sb.set(row, typeCol, word(block));
    const amounts: Placement["amounts"] = [];
    ctx.cols.forEach((j, k) => {
      const a = l.amounts[j];
      if (a === null || a === undefined) return;
      sb.set(row, 2 + k, a);
      amounts.push({ col: 2 + k, header: ctx.headers[k]!, amount: a });
    });
    ctx.placements.push({ ...placement(ctx, row, 0, labelCol, 1 + ctx.cols.length, block.section, { ...l, label: flatLabel(block, l) }, null, amounts), heading: headingOf(block, l) });
    row++;
  }
  const last = row - 1;
  row++;
  for (const [label, type] of [["Total des recettes", "Recette"], ["Total des dépenses", "Dépense"]] as const) {
    sb.set(row, labelCol, label);
    ctx.cols.forEach((j, k) => {
      const L = colLetter(2 + k);
      let total = 0;
      for (const block of b.blocks) if (word(block) === type && !aside(block)) for (const l of linesOf(block)) total += cents(l.amounts[j] ?? 0);
      const T = colLetter(typeCol);
      sb.set(row, 2 + k, { formula: `SUMIF(${T}${first}:${T}${last},"${type}",${L}${first}:${L}${last})`, result: total / 100 });
    });
    sb.bold.push(row);
    row++;
  }
  apartBlocks(ctx, row + 1, labelCol, () => 2);
}

/**
 * The blocks of bank balances (corpus `aside`) under the table, each under its heading, the amount in the column
 * `amountCol` gives: what a treasurer writes below a list of operations, never typed as a Recette.
 */
function apartBlocks(ctx: Ctx, row: number, labelCol: number, amountCol: (block: Block) => number): number {
  const { sb } = ctx;
  for (const block of ctx.budget.blocks.filter(aside)) {
    sb.set(row, labelCol, block.heading);
    sb.bold.push(row);
    row++;
    for (const l of linesOf(block)) {
      sb.set(row, labelCol, l.label);
      const amounts: Placement["amounts"] = [];
      ctx.cols.forEach((j, k) => {
        const a = l.amounts[j];
        if (a === null || a === undefined) return;
        const col = amountCol(block) + k;
        sb.set(row, col, a);
        amounts.push({ col, header: ctx.headers[k]!, amount: a });
      });
      ctx.placements.push(placement(ctx, row, Math.min(labelCol, amountCol(block)), labelCol, amountCol(block) + ctx.cols.length - 1, block.section, l, null, amounts));
      row++;
    }
    row++;
  }
  return row;
}

/**
 * A journal of operations « Poste | Dépenses | Recettes | Bénéfice »: one row per operation, its charge and its
 * produit on the same row (both are real flows), the net as a formula. Expense and income lines pair by label.
 * Under the total, as a treasurer keeps them out of the year's money: the contributions in kind under
 * « Contributions volontaires en nature » (the use, 86, in Dépenses, the resource, 87, in Recettes, paired by
 * label: « Bénévolat | 5 000 | 5 000 »), then the bank balances under their own heading.
 */
function journal(ctx: Ctx): void {
  const b = ctx.budget;
  const sb = ctx.sb;
  const j = ctx.cols[0]!;
  sb.set(1, 0, title(b));
  sb.bold.push(1);
  ["Poste", "Dépenses", "Recettes", "Bénéfice"].forEach((h, c) => sb.set(3, c, h));
  sb.bold.push(3);
  const pairRows = (blocks: Block[]) => {
    const rows: { label: string; cells: { section: Section; line: SourceLine; heading: string }[] }[] = [];
    for (const block of blocks) for (const source of linesOf(block)) {
      const l = { ...source, label: flatLabel(block, source) };
      const found = rows.find((r) => r.label === l.label && !r.cells.some((c) => c.section === block.section));
      const cell = { section: block.section, line: l, heading: headingOf(block, source) };
      if (found) found.cells.push(cell);
      else rows.push({ label: l.label, cells: [cell] });
    }
    return rows;
  };
  const writeRows = (rows: ReturnType<typeof pairRows>, from: number, net: boolean): number => {
    let row = from;
    for (const r of rows) {
      sb.set(row, 0, r.label);
      for (const c of r.cells) {
        const col = c.section === "expense" || c.section === "in_kind_use" ? 1 : 2;
        const a = c.line.amounts[j];
        if (a === null || a === undefined) continue;
        sb.set(row, col, a);
        ctx.placements.push({ ...placement(ctx, row, 0, 0, 3, c.section, c.line, null, [{ col, header: col === 1 ? "Dépenses" : "Recettes", amount: a }]), heading: c.heading });
      }
      if (net) sb.set(row, 3, { formula: `C${row}-B${row}`, result: ((sb.value(row, 2) ?? 0) - (sb.value(row, 1) ?? 0)) / 100 });
      row++;
    }
    return row;
  };
  const rows = pairRows(b.blocks.filter((x) => monetary(x) && !aside(x)));
  let row = writeRows(rows, 4, true);
  sb.set(row, 0, "Total");
  for (const c of [1, 2, 3]) sb.set(row, c, sb.sum(rows.map((_, i) => 4 + i), c));
  sb.bold.push(row);
  row += 2;
  const inKind = pairRows(b.blocks.filter((x) => !monetary(x)));
  if (inKind.length > 0) {
    sb.set(row, 0, "Contributions volontaires en nature");
    sb.bold.push(row);
    row = writeRows(inKind, row + 1, false) + 1;
  }
  apartBlocks(ctx, row, 0, (block) => (block.section === "expense" ? 1 : 2));
}

/** Every layout corpus/layouts.ts knows, in the order `--all-layouts` reports them. */
export const ALL_LAYOUTS: LayoutType[] = ["vertical", "side_by_side", "cerfa", "cerfa_form", "trial_balance", "type_column", "journal", "two_sheets"];

/**
 * The layouts a budget can be laid in: all of them, except that a Cerfa form, a side-by-side table and two
 * sheets « Ressources | Emplois » need both charges and produits. A trial balance and a journal show one column.
 */
export function layoutsFor(b: Budget): LayoutType[] {
  const has = (s: Section) => b.blocks.some((x) => x.section === s && linesOf(x).some((l) => !l.notALine));
  const both = has("income") && has("expense");
  return ALL_LAYOUTS.filter((l) => both || !["side_by_side", "cerfa", "cerfa_form", "two_sheets"].includes(l));
}

/** The budget laid in every layout it allows (`scripts/accuracy.ts --all-layouts`), named « <id>--<layout> ». */
export function layEvery(b: Budget): Laid[] {
  const all = b.columns.map((_, j) => j);
  const one = [b.relays?.find((r) => r.column !== undefined)?.column ?? b.columns.length - 1];
  return layoutsFor(b).map((layout) => lay(b, layout, `${b.id}--${layout}`, layout === "trial_balance" || layout === "journal" ? one : all));
}

/** One file per budget, plus the re-laid copies it asks for. */
export function layOut(b: Budget): Laid[] {
  const out: Laid[] = [lay(b, b.layout, b.id, b.columns.map((_, j) => j))];
  for (const r of b.relays ?? []) {
    if (r.layout === "cerfa") out.push(lay(b, "cerfa", `${b.id}--cerfa`, b.columns.map((_, j) => j)));
    else if (r.layout === "two_sheets") out.push(lay(b, "two_sheets", `${b.id}--deux-feuilles`, b.columns.map((_, j) => j)));
    else out.push(lay(b, "trial_balance", `${b.id}--balance`, [r.column ?? b.columns.length - 1]));
  }
  return out;
}

/** The budget laid again in its layout with a vertical table's options (the variants that change how blocks are drawn). */
export function relaid(l: Laid, opts: VerticalOptions): Laid {
  return lay(l.budget, l.layout, l.name, l.columns.map((c) => l.budget.columns.indexOf(c)), opts);
}

function lay(b: Budget, layout: string, name: string, cols: number[], opts: VerticalOptions = {}): Laid {
  const headers = cols.map((j) => b.columns[j]!);
  const placements: Placement[] = [];
  const sheets: SheetGrid[] = [];
  const ctxFor = (sheet: string): Ctx => ({ budget: b, sb: new SheetBuilder(sheet), placements, cols, headers });
  if (layout === "two_sheets") {
    for (const [sheet, sections] of [["Ressources", ["income", "in_kind_resource"]], ["Emplois", ["expense", "in_kind_use"]]] as const) {
      const ctx = ctxFor(sheet);
      vertical(ctx, b.blocks.filter((x) => (sections as readonly string[]).includes(x.section)), 3, opts);
      sheets.push(ctx.sb.grid());
    }
  } else {
    const ctx = ctxFor(layout === "trial_balance" ? "Balance" : b.sheet);
    if (layout === "vertical") vertical(ctx, b.blocks, 3, opts);
    else if (layout === "side_by_side") sideBySide(ctx, false);
    else if (layout === "cerfa") sideBySide(ctx, true);
    else if (layout === "cerfa_form") cerfaForm(ctx);
    else if (layout === "trial_balance") trialBalance(ctx);
    else if (layout === "type_column") typeColumn(ctx);
    else if (layout === "journal") journal(ctx);
    else throw new Error(`unknown layout ${layout}`);
    sheets.push(ctx.sb.grid());
  }
  const pub = (xs?: (number | null)[]) => cols.map((j) => xs?.[j] ?? null);
  return { name, budget: b, layout, columns: headers, sheets, placements, published: { income: pub(b.published?.income), expense: pub(b.published?.expense) } };
}
