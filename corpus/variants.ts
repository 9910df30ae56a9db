// Variants of a laid-out budget, the way real treasurers dress the same table: a title block above it, blank rows
// and repeated header rows, amounts typed as text or in k€, a « % » / « Écart » column, a comments column, twelve
// monthly columns and a total, section headings in merged cells, a signature block under it, the in-kind block
// after the result line. Each is an edit of a Laid (cells, formulas and placements move together), so the same
// variants apply to every budget; `scripts/accuracy.ts --all-layouts --variants` measures each on every budget.
import { relaid, type Cell, type Laid, type SheetGrid } from "./layouts.ts";

export interface Variant {
  id: string;
  /** What a treasurer does, in a few words (printed with the figures). */
  what: string;
  /** The layouts it applies to (a side-by-side table has no room for a column after its amounts). */
  layouts: readonly string[];
  apply: (laid: Laid) => Laid | null;
}

const ROWS_ANY = ["vertical", "side_by_side", "cerfa", "cerfa_form", "trial_balance", "type_column", "journal", "two_sheets"] as const;
const ONE_TABLE = ["vertical", "type_column", "two_sheets"] as const;

const clone = (l: Laid): Laid => ({
  ...l,
  columns: [...l.columns],
  sheets: l.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), bold: [...s.bold], merges: [...(s.merges ?? [])] })),
  placements: l.placements.map((p) => ({ ...p, amounts: p.amounts.map((a) => ({ ...a })) })),
});

const colLetter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colLetter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A formula with every reference at or below `at` moved down by `n` rows (ranges that span `at` grow). */
const shiftFormulaRows = (f: string, at: number, n: number): string => f.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, c: string, r: string) => `${c}${Number(r) >= at ? Number(r) + n : Number(r)}`);
/** A formula with every reference at or right of column `at` (0-based) moved right by `n` columns. */
const shiftFormulaCols = (f: string, at: number, n: number): string => f.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, c: string, r: string) => `${colIndex(c) >= at ? colLetter(colIndex(c) + n) : c}${r}`);

function mapFormulas(sheet: SheetGrid, edit: (f: string) => string): void {
  for (const row of sheet.rows) row.forEach((v, c) => {
    if (v && typeof v === "object") row[c] = { ...v, formula: edit(v.formula) };
  });
}

/** Inserts `rows` before row `at` (1-based) of the sheet: cells, bold rows, merges, formulas and placements move down. */
export function insertRows(l: Laid, sheetName: string, at: number, rows: Cell[][]): void {
  const sheet = l.sheets.find((s) => s.name === sheetName)!;
  const n = rows.length;
  if (n === 0) return;
  mapFormulas(sheet, (f) => shiftFormulaRows(f, at, n));
  while (sheet.rows.length < at - 1) sheet.rows.push([]);
  sheet.rows.splice(at - 1, 0, ...rows.map((r) => [...r]));
  sheet.bold = sheet.bold.map((r) => (r >= at ? r + n : r));
  sheet.merges = (sheet.merges ?? []).map((m) => shiftFormulaRows(m, at, n));
  for (const p of l.placements) if (p.sheet === sheetName && p.row >= at) p.row += n;
}

/** Inserts `n` empty columns before column `at` (0-based): cells, formulas, merges and placements move right. */
function insertCols(l: Laid, sheetName: string, at: number, n: number): void {
  const sheet = l.sheets.find((s) => s.name === sheetName)!;
  mapFormulas(sheet, (f) => shiftFormulaCols(f, at, n));
  for (const row of sheet.rows) if (row.length > at) row.splice(at, 0, ...new Array<Cell>(n).fill(null));
  sheet.merges = (sheet.merges ?? []).map((m) => shiftFormulaCols(m, at, n));
  for (const p of l.placements) {
    if (p.sheet !== sheetName) continue;
    if (p.firstCol >= at) p.firstCol += n;
    if (p.lastCol >= at) p.lastCol += n;
    if (p.labelCol >= at) p.labelCol += n;
    for (const a of p.amounts) if (a.col >= at) a.col += n;
  }
}

function set(sheet: SheetGrid, row: number, col: number, v: Cell): void {
  while (sheet.rows.length < row) sheet.rows.push([]);
  const r = sheet.rows[row - 1]!;
  while (r.length <= col) r.push(null);
  r[col] = v;
}

const valueOf = (c: Cell | undefined): number | null => (typeof c === "number" ? c : c && typeof c === "object" ? c.result : null);

/** The header row: the row above the first placement that holds the amount headers. */
function headerRow(l: Laid, sheet: SheetGrid): number | null {
  const first = l.placements.filter((p) => p.sheet === sheet.name).sort((a, b) => a.row - b.row)[0];
  if (!first) return null;
  for (let r = first.row - 1; r >= 1; r--) {
    const cells = sheet.rows[r - 1] ?? [];
    if (first.amounts.some((a) => typeof cells[a.col] === "string")) return r;
  }
  return null;
}

/** Amount columns of a sheet: the columns its placements' amounts sit in. */
const amountCols = (l: Laid, sheet: SheetGrid): number[] => [...new Set(l.placements.filter((p) => p.sheet === sheet.name).flatMap((p) => p.amounts.map((a) => a.col)))].sort((a, b) => a - b);

function renameHeader(l: Laid, from: string, to: string): void {
  l.columns = l.columns.map((c) => (c === from ? to : c));
  for (const p of l.placements) for (const a of p.amounts) if (a.header === from) a.header = to;
}

const euros = (x: number, decimals = 2): string => {
  const [int, dec] = Math.abs(x).toFixed(decimals).split(".");
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, " ")}${dec ? `,${dec}` : ""}`;
};

/** The amount as treasurers type it in a text cell, in turn « 1 200,00 € », « 1.200 », « 1 200 € »; « (350) » negative, « - » zero. */
function asText(x: number, i: number): string {
  if (x === 0) return "-";
  if (x < 0) return `(${euros(x, Number.isInteger(x) ? 0 : 2)})`;
  const style = i % 3;
  if (style === 0) return `${euros(x)} €`;
  if (style === 1 && Number.isInteger(x) && x >= 1000) return euros(x, 0).replace(/ /g, ".");
  return `${euros(x, Number.isInteger(x) ? 0 : 2)} €`;
}

const TITLE_BLOCK: Cell[][] = [
  ["Association des Amis du Quartier"],
  ["Association loi 1901 — SIRET 123 456 789 00012"],
  ["12, rue des Écoles — 69003 Lyon"],
  ["Exercice du 01/09/2024 au 31/08/2025"],
  ["Document présenté à l'assemblée générale du 14/10/2025"],
  [],
];
const SIGNATURE: Cell[][] = [[], ["Fait à Lyon, le 14/10/2025"], ["Le trésorier", null, "La présidente"], ["(signature)", null, "(signature)"]];
const COMMENTS = ["3 ateliers de 2 h", "devis n° 2024-118 du 12/03", "hausse de 5 % prévue", "12 mois × 40 €", "voir convention 2025-07", "2 séjours, 18 enfants"];
const MONTHS = ["Sept.", "Oct.", "Nov.", "Déc.", "Janv.", "Févr.", "Mars", "Avril", "Mai", "Juin", "Juil.", "Août"];

export const VARIANTS: Variant[] = [
  {
    id: "title_block",
    what: "un bloc de titre de 6 lignes (nom, adresse, « Exercice du 01/09/2024 au 31/08/2025 ») avant le tableau",
    layouts: ROWS_ANY,
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) insertRows(l, s.name, 2, TITLE_BLOCK);
      return l;
    },
  },
  {
    id: "signature",
    what: "une date et des signatures sous le tableau",
    layouts: ROWS_ANY,
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) insertRows(l, s.name, s.rows.length + 1, SIGNATURE);
      return l;
    },
  },
  {
    id: "blank_and_repeated_header",
    what: "des lignes vides et l'en-tête répété au milieu du tableau",
    layouts: ROWS_ANY,
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const rows = [...new Set(l.placements.filter((p) => p.sheet === s.name).map((p) => p.row))].sort((a, b) => a - b);
        if (h === null || rows.length < 4) continue;
        const header = [...(s.rows[h - 1] ?? [])];
        // From the bottom up, so the rows found stay where they were: a repeated header at the middle, blank rows every third line.
        const mid = rows[Math.floor(rows.length / 2)]!;
        const blanks = rows.filter((_, i) => i > 0 && i % 3 === 0);
        for (const r of [...new Set([...blanks, mid])].sort((a, b) => b - a)) insertRows(l, s.name, r, r === mid ? [[], header] : [[]]);
      }
      return l;
    },
  },
  {
    id: "text_amounts",
    what: "montants saisis en texte (« 1 200,00 € », « 1.200 », « (350) », « - » pour zéro)",
    layouts: ["vertical", "side_by_side", "cerfa", "type_column", "journal", "two_sheets"],
    apply: (l0) => {
      const l = clone(l0);
      let i = 0;
      for (const p of l.placements) {
        const s = l.sheets.find((x) => x.name === p.sheet)!;
        for (const a of p.amounts) {
          const v = valueOf(s.rows[p.row - 1]?.[a.col]);
          if (v === null || typeof s.rows[p.row - 1]![a.col] !== "number") continue;
          set(s, p.row, a.col, asText(v, i++));
        }
      }
      return l;
    },
  },
  {
    id: "thousands",
    what: "montants en k€, dit dans l'en-tête de colonne",
    layouts: ["vertical", "side_by_side", "cerfa", "type_column", "two_sheets"],
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const cols = amountCols(l, s);
        if (h === null) return null;
        for (const c of cols) {
          const head = s.rows[h - 1]?.[c];
          if (typeof head !== "string") return null;
          if (!head.endsWith(" (k€)")) {
            set(s, h, c, `${head} (k€)`);
            if (l.columns.includes(head)) renameHeader(l, head, `${head} (k€)`);
          }
          s.rows.forEach((row, r) => {
            if (r + 1 <= h) return;
            const v = row[c];
            if (typeof v === "number") row[c] = v / 1000;
            else if (v && typeof v === "object") row[c] = { ...v, result: v.result / 1000 };
          });
        }
      }
      return l;
    },
  },
  {
    id: "percent_column",
    what: "une colonne « % » (part du total) ou « Écart » après les montants",
    layouts: ONE_TABLE,
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const cols = amountCols(l, s);
        if (h === null || cols.length === 0) return null;
        const at = Math.max(...s.rows.map((r) => r.length));
        const two = cols.length >= 2;
        set(s, h, at, two ? "Écart" : "%");
        const placed = l.placements.filter((p) => p.sheet === s.name);
        const total = placed.reduce((t, p) => t + Math.abs(valueOf(s.rows[p.row - 1]?.[cols[0]!]) ?? 0), 0) || 1;
        for (const p of placed) {
          const row = s.rows[p.row - 1]!;
          const a = valueOf(row[cols[0]!]);
          const b = two ? valueOf(row[cols[1]!]) : null;
          if (two) set(s, p.row, at, { formula: `${colLetter(cols[1]!)}${p.row}-${colLetter(cols[0]!)}${p.row}`, result: Math.round(((b ?? 0) - (a ?? 0)) * 100) / 100 });
          else if (a !== null) set(s, p.row, at, Math.round((a / total) * 1000) / 1000);
        }
      }
      return l;
    },
  },
  {
    id: "category_column",
    what: "une colonne « Catégorie » à côté du libellé, qui reprend le titre du bloc ou le chapitre de chaque ligne",
    layouts: ["type_column", "journal"],
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const placed = l.placements.filter((p) => p.sheet === s.name);
        if (h === null || placed.length === 0 || !placed.some((p) => p.heading)) return null;
        const at = placed[0]!.labelCol + 1;
        insertCols(l, s.name, at, 1);
        set(s, h, at, "Catégorie");
        for (const p of placed) if (p.heading) set(s, p.row, at, p.heading);
      }
      return l;
    },
  },
  {
    id: "comments",
    what: "une colonne de commentaires avec des nombres dans le texte",
    layouts: ONE_TABLE,
    apply: (l0) => {
      const l = clone(l0);
      let i = 0;
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        if (h === null) return null;
        const at = Math.max(...s.rows.map((r) => r.length));
        set(s, h, at, "Commentaires");
        for (const p of l.placements.filter((x) => x.sheet === s.name)) if (i++ % 2 === 0) set(s, p.row, at, COMMENTS[i % COMMENTS.length]!);
      }
      return l;
    },
  },
  {
    id: "monthly",
    what: "douze colonnes mensuelles et une colonne Total",
    layouts: ["vertical", "two_sheets"],
    apply: (l0) => monthly(l0, MONTHS, "Total"),
  },
  {
    id: "merged_headings",
    what: "titres de section dans des cellules fusionnées sur la largeur du tableau",
    layouts: ["vertical", "two_sheets"],
    apply: (l0) => {
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const width = Math.max(...s.rows.map((r) => r.length));
        if (h === null) continue;
        s.rows.forEach((row, r) => {
          const filled = row.map((v, c) => (v !== null && v !== undefined ? c : -1)).filter((c) => c >= 0);
          if (r + 1 <= h || filled.length !== 1 || typeof row[filled[0]!] !== "string") return;
          // The text moves to the first cell of the merge, as Excel keeps it.
          const c = filled[0]!;
          const text = row[c]!;
          row[c] = null;
          row[0] = text;
          s.merges = [...(s.merges ?? []), `A${r + 1}:${colLetter(width - 1)}${r + 1}`];
        });
      }
      return l;
    },
  },
  {
    id: "result_words",
    what: "la ligne de résultat écrite « Excédent de l'exercice », qui n'est pas une ligne",
    layouts: ["vertical"],
    apply: (l) => relaid(l, { result: "Excédent de l'exercice" }),
  },
  {
    id: "cvn_after_result",
    what: "le bloc des contributions volontaires (86/87) après « Résultat de l'exercice »",
    layouts: ["vertical"],
    apply: (l) => (l.budget.blocks.some((b) => b.section === "in_kind_use" || b.section === "in_kind_resource") ? relaid(l, { result: "Résultat de l'exercice", inKindAfterResult: true }) : null),
  },
  {
    id: "totals_above",
    what: "les totaux au-dessus de leurs lignes (le titre de section porte la somme)",
    layouts: ["vertical", "two_sheets"],
    apply: (l) => (l.budget.blocks.some((b) => b.total && b.heading) ? relaid(l, { totalsAbove: true }) : null),
  },
  {
    id: "two_years",
    what: "l'exercice précédent à côté du budget (« Réalisé 2024 | Budget 2025 », « N-1 | N »), deux analyses",
    layouts: ["vertical", "side_by_side", "cerfa", "cerfa_form", "type_column", "two_sheets"],
    apply: twoYears,
  },
  {
    id: "plan_actual_gap",
    what: "« Prévu | Réalisé | Écart » : le prévu à côté du réalisé, l'écart en formule",
    layouts: ["vertical", "side_by_side", "type_column", "two_sheets"],
    apply: (l) => planActualGap(l, ["Prévu", "Réalisé", "Écart"]),
  },
  {
    id: "plan_actual_percent",
    what: "le compte rendu Cerfa 15059 : « Prévision | Réalisation | % »",
    layouts: ["cerfa", "cerfa_form"],
    apply: (l) => planActualGap(l, ["Prévision", "Réalisation", "%"]),
  },
  {
    id: "actions_total",
    what: "chaque ligne répartie entre deux actions et leur total (« Action A | Action B | Total »)",
    layouts: ["vertical", "side_by_side", "cerfa_form", "type_column", "two_sheets"],
    apply: actionsTotal,
  },
  {
    id: "letterhead",
    what: "un en-tête d'association (nom et titre fusionnés, adresse, « Exercice | 2025 », une date) et « Arrêté par le conseil d'administration… », les signatures dessous",
    layouts: ROWS_ANY,
    apply: letterhead,
  },
  {
    id: "share_observations",
    what: "« Montant | % | Observations » : la part de chaque ligne en pourcentage et des remarques avec des nombres (« 3 devis », « 2 x 150 »)",
    layouts: ONE_TABLE,
    apply: shareAndObservations,
  },
  {
    id: "monthly_calendar",
    what: "janvier … décembre et « Total annuel »",
    layouts: ["vertical", "two_sheets", "type_column"],
    apply: (l) => monthly(l, MONTHS_FULL, "Total annuel"),
  },
];

/** A deterministic pick among `xs` for a key (the budget's name, a row), so the same file is laid the same every run. */
const pick = <T>(xs: readonly T[], key: string): T => xs[[...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % xs.length]!;

/**
 * Inserts `headers.length` columns before each amount column of sheet `s` (header row `h`; both halves of a
 * side-by-side table): each row's typed amount gives the new cells (`value(k, amount, row)`, null leaves the cell
 * empty, as a treasurer leaves it); a row that sums others (a block total, the result) gets the same formula in each
 * new column, copied once every column is in place (a form's « Excédent » refers to the other half's total).
 * Returns the columns the original amounts are now in, left to right.
 */
function columnsBeforeEach(l: Laid, s: SheetGrid, h: number, headers: string[], value: (k: number, amount: number, row: number) => number | null): number[] {
  const n = headers.length;
  const original = amountCols(l, s);
  for (const c of [...original].reverse()) insertCols(l, s.name, c, n);
  const srcs = original.map((c, i) => c + n * (i + 1));
  for (const src of srcs) {
    const c = src - n;
    headers.forEach((t, k) => set(s, h, c + k, t));
    s.rows.forEach((row, r) => {
      if (r + 1 <= h) return;
      const cell = row[src];
      if (typeof cell === "number") headers.forEach((_, k) => {
        const x = value(k, cell, r + 1);
        if (x !== null) set(s, r + 1, c + k, x);
      });
    });
  }
  // Row by row, every half, so a formula's cached value reads the rows above it already copied.
  s.rows.forEach((row, r) => {
    if (r + 1 <= h) return;
    for (const src of srcs) if (row[src] && typeof row[src] === "object") copyFormulas(s, [r], src, headers.map((_, k) => src - n + k));
  });
  return srcs;
}

/**
 * The formula of column `src` on each of `rows` (0-based), copied into each column of `to` with its cached value, as
 * Excel copies it: every reference moves by as many columns (« F27-C27 » in C is « E27-B27 » in B), but the criteria
 * range of a SUMIF, which a treasurer writes absolute.
 */
function copyFormulas(s: SheetGrid, rows: number[], src: number, to: number[]): void {
  for (const r of rows) {
    const f = (s.rows[r]![src] as { formula: string }).formula;
    for (const c of to) {
      const move = (text: string) => shiftFormulaCols(text, 0, c - src);
      const sumIf = /^SUMIF\(([^,]+),("[^"]*"),([^)]+)\)$/.exec(f);
      const formula = sumIf ? `SUMIF(${sumIf[1]},${sumIf[2]},${move(sumIf[3]!)})` : move(f);
      set(s, r + 1, c, { formula, result: evaluate(formula, (col, row) => valueOf(s.rows[row - 1]?.[colIndex(col)]) ?? 0, (col, row) => s.rows[row - 1]?.[colIndex(col)]) });
    }
  }
}


/** What an earlier year or the plan said for a line: near this year's amount, to the euro. */
function otherVersion(seed: number): (k: number, amount: number, row: number) => number | null {
  const factors = [0.92, 1.05, 0.97, 1.1, 0.88, 1, 1.2, 0.95];
  return (_k, amount, row) => Math.round(amount * factors[(row * 3 + seed) % factors.length]!);
}

/** Adds an amount in column `col` (header `header`) to every placement on that sheet whose row now holds a number there. */
function placeColumn(l: Laid, s: SheetGrid, col: number, header: string, before: boolean): void {
  for (const p of l.placements) {
    if (p.sheet !== s.name) continue;
    const v = valueOf(s.rows[p.row - 1]?.[col]);
    // The column inserted just before the placement's own amount (the right half of a form has its own).
    if (v === null || !p.amounts.some((a) => a.col === col + 1)) continue;
    const a = { col, header, amount: v };
    p.amounts = before ? [a, ...p.amounts] : [...p.amounts, a];
    if (p.firstCol > col) p.firstCol = col;
    if (p.lastCol < col) p.lastCol = col;
  }
}

/**
 * « Réalisé 2024 | Budget 2025 », « N-1 | N »: last year's actual beside this year's budget, both columns money, each
 * its own analysis (a line new this year has no N-1 amount). Layouts with one amount column only.
 */
const TWO_YEARS: readonly (readonly [string, string])[] = [
  ["Réalisé 2024", "Budget 2025"],
  ["N-1", "N"],
  ["Réalisé N-1", "Prévisionnel N"],
  ["Exercice 2024", "Budget prévisionnel 2025"],
];

function twoYears(l0: Laid): Laid | null {
  if (l0.columns.length !== 1) return null;
  const l = clone(l0);
  const [before, now] = pick(TWO_YEARS, l.name);
  const old = l.columns[0]!;
  for (const s of l.sheets) {
    const h = headerRow(l, s);
    if (h === null) return null;
    for (const src of columnsBeforeEach(l, s, h, [before], otherVersion(l.name.length))) {
      set(s, h, src, now);
      placeColumn(l, s, src - 1, before, true);
    }
  }
  renameHeader(l, old, now);
  l.columns = [before, now];
  l.published = { income: [null, ...l.published.income], expense: [null, ...l.published.expense] };
  return l;
}

/**
 * « Prévu | Réalisé | Écart » (or the Cerfa 15059 account's « Prévision | Réalisation | % »): the plan beside the
 * actual, then their gap (a formula), which is never money to add. Layouts with one amount column only.
 */
function planActualGap(l0: Laid, words: readonly [string, string, string]): Laid | null {
  if (l0.columns.length !== 1) return null;
  const l = clone(l0);
  const [plan, actual, gap] = words;
  const old = l.columns[0]!;
  for (const s of l.sheets) {
    const h = headerRow(l, s);
    if (h === null) return null;
    // Right to left, so the gap inserted after one half leaves the other where it is.
    for (const src of columnsBeforeEach(l, s, h, [plan], otherVersion(l.name.length + 3)).reverse()) {
      const c = src - 1;
      set(s, h, src, actual);
      placeColumn(l, s, c, plan, true);
      insertCols(l, s.name, src + 1, 1);
      set(s, h, src + 1, gap);
      s.rows.forEach((row, r) => {
        if (r + 1 <= h) return;
        const a = valueOf(row[c]);
        const b = valueOf(row[src]);
        if (a === null && b === null) return;
        const P = colLetter(c);
        const A = colLetter(src);
        if (gap === "%") {
          if (a !== null && a !== 0 && b !== null) set(s, r + 1, src + 1, { formula: `${A}${r + 1}/${P}${r + 1}*100`, result: Math.round((b / a) * 1000) / 10 });
        } else set(s, r + 1, src + 1, { formula: `${A}${r + 1}-${P}${r + 1}`, result: Math.round(((b ?? 0) - (a ?? 0)) * 100) / 100 });
      });
    }
  }
  renameHeader(l, old, actual);
  l.columns = [plan, actual];
  l.published = { income: [null, ...l.published.income], expense: [null, ...l.published.expense] };
  return l;
}

const ACTIONS: readonly (readonly [string, string])[] = [
  ["Action A", "Action B"],
  ["Fonctionnement", "Projet jeunesse"],
  ["Ateliers", "Festival"],
  ["Action 1", "Action 2"],
];

/**
 * « Action A | Action B | Total »: each line split between two actions (some wholly on one), the row's total a SUM
 * of them. The total is the line's amount; the actions are its parts, never added on top.
 */
function actionsTotal(l0: Laid): Laid | null {
  if (l0.columns.length !== 1) return null;
  const l = clone(l0);
  const [a, b] = pick(ACTIONS, l.name);
  const old = l.columns[0]!;
  for (const s of l.sheets) {
    const h = headerRow(l, s);
    if (h === null) return null;
    const split = (k: number, amount: number, row: number): number | null => {
      const whole = row % 3 === 0 ? 0 : row % 5 === 0 ? 1 : null;
      if (whole !== null) return k === whole ? amount : null;
      const first = Math.round(amount * 60) / 100;
      return k === 0 ? first : Math.round((amount - first) * 100) / 100;
    };
    for (const src of columnsBeforeEach(l, s, h, [a, b], split)) {
      const c = src - 2;
      set(s, h, src, "Total");
      // Each line's total is the SUM of its actions, as the treasurer writes it.
      s.rows.forEach((row, r) => {
        const v = row[src];
        if (r + 1 > h && typeof v === "number") row[src] = { formula: `SUM(${colLetter(c)}${r + 1}:${colLetter(c + 1)}${r + 1})`, result: v };
      });
    }
  }
  renameHeader(l, old, "Total");
  l.columns = ["Total"];
  return l;
}

/** The letterhead above a budget: the association's name in merged cells, its address, the title, the year in a cell of its own, a date. */
const LETTERHEAD: Cell[][] = [
  [],
  ["ASSOCIATION SPORTIVE ET CULTURELLE DU VAL"],
  ["Association régie par la loi du 1er juillet 1901 — déclarée le 12/03/1998 sous le n° W691234567"],
  ["Siège : 4 bis, place de la Mairie — 38190 Crolles — Tél. 04 76 12 34 56"],
  [],
  ["BUDGET PRÉVISIONNEL"],
  ["Exercice", 2025],
  ["Établi le 15 janvier 2025"],
  [],
];
/** The notes under it: who adopted it, when, the signatures. */
const ADOPTED: Cell[][] = [
  [],
  ["Arrêté par le conseil d'administration le 12 mars 2025."],
  ["Approuvé par l'assemblée générale du 5 avril 2025 (42 voix pour, 0 contre, 2 abstentions)."],
  [],
  ["Le trésorier", null, "La présidente"],
  ["Jean Dupont", null, "Marie Martin"],
];

function letterhead(l0: Laid): Laid {
  const l = clone(l0);
  for (const s of l.sheets) {
    insertRows(l, s.name, 1, LETTERHEAD);
    const width = Math.max(3, ...s.rows.map((r) => r.length));
    // The name and the title each centred over the table's width, in merged cells, as Excel keeps them.
    s.merges = [...(s.merges ?? []), `A2:${colLetter(width - 1)}2`, `A3:${colLetter(width - 1)}3`, `A6:${colLetter(width - 1)}6`];
    s.bold.push(2, 6);
    insertRows(l, s.name, s.rows.length + 1, ADOPTED);
  }
  return l;
}

/** What a treasurer writes beside an amount to explain it: counts, products, references, dates, last year's figure. */
const OBSERVATIONS = ["3 devis", "2 x 150", "voir annexe 2", "12 séances", "devis du 12/02/2025", "+ 5 % sur 2024", "2024 : 1 200 €", "0,5 ETP", "12", "sur 10 mois"];

/** « Montant | % | Observations »: each line's share of its side in percent (12,5), and a remark with numbers in it. */
function shareAndObservations(l0: Laid): Laid | null {
  if (l0.columns.length !== 1) return null;
  const l = clone(l0);
  let i = 0;
  for (const s of l.sheets) {
    const h = headerRow(l, s);
    const cols = amountCols(l, s);
    if (h === null || cols.length !== 1) return null;
    const c = cols[0]!;
    insertCols(l, s.name, c + 1, 2);
    set(s, h, c + 1, "%");
    set(s, h, c + 2, "Observations");
    const placed = l.placements.filter((p) => p.sheet === s.name);
    const sideTotal = (section: string) => placed.filter((p) => p.section === section).reduce((t, p) => t + Math.abs(valueOf(s.rows[p.row - 1]?.[c]) ?? 0), 0) || 1;
    for (const p of placed) {
      const v = valueOf(s.rows[p.row - 1]?.[c]);
      if (v !== null) set(s, p.row, c + 1, Math.round((Math.abs(v) / sideTotal(p.section)) * 1000) / 10);
      if (i++ % 3 !== 1) set(s, p.row, c + 2, OBSERVATIONS[i % OBSERVATIONS.length]!);
    }
  }
  return l;
}

const MONTHS_FULL = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** Twelve monthly columns and the year's total: each month a twelfth of the line, the total their SUM. */
function monthly(l0: Laid, months: readonly string[], totalHeader: string): Laid | null {
      if (l0.columns.length !== 1) return null;
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const cols = amountCols(l, s);
        if (h === null || cols.length !== 1) return null;
        const c = cols[0]!;
        insertCols(l, s.name, c, 12);
        const total = c + 12;
        set(s, h, total, totalHeader);
        months.forEach((m, k) => set(s, h, c + k, m));
        // Plain rows first: each month a twelfth, the total their SUM. A row that sums others (a block total, the
        // result) keeps its formula in the total column and gets the same formula in every month, as in Excel.
        const formulaRows: number[] = [];
        s.rows.forEach((row, r) => {
          if (r + 1 <= h) return;
          const cell = row[total];
          const v = valueOf(cell);
          if (v === null) return;
          if (cell && typeof cell === "object") {
            formulaRows.push(r);
            return;
          }
          const cents = Math.round(v * 100);
          const part = Math.trunc(cents / 12);
          for (let k = 0; k < 12; k++) row[c + k] = (k === 11 ? cents - 11 * part : part) / 100;
          row[total] = { formula: `SUM(${colLetter(c)}${r + 1}:${colLetter(c + 11)}${r + 1})`, result: v };
        });
        copyFormulas(s, formulaRows, total, months.map((_, k) => c + k));
      }
      renameHeader(l, l.columns[0]!, totalHeader);
      return l;
    }

/** The value of the corpus's own formulas (SUM of ranges and lists, + and −), for the cached results of a variant. */
function evaluate(formula: string, at: (col: string, row: number) => number, cell?: (col: string, row: number) => Cell | undefined): number {
  // « SUMIF(B4:B20,"Recette",C4:C20) », the totals of a list with a Type column.
  const sumIf = /^SUMIF\(([A-Z]{1,3})(\d+):[A-Z]{1,3}(\d+),"([^"]*)",([A-Z]{1,3})\d+:[A-Z]{1,3}\d+\)$/.exec(formula);
  if (sumIf && cell) {
    const [, T, from, to, word, V] = sumIf;
    let total = 0;
    for (let r = Number(from); r <= Number(to); r++) if (cell(T!, r) === word) total += Math.round(at(V!, r) * 100);
    return total / 100;
  }
  const expanded = formula
    .replace(/\b([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)\b/g, (_, c: string, a: string, _c2: string, b: string) => {
      const cells: string[] = [];
      for (let r = Number(a); r <= Number(b); r++) cells.push(String(at(c, r)));
      return `(${cells.join("+") || "0"})`;
    })
    .replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, c: string, r: string) => `(${at(c, Number(r))})`)
    .replace(/SUM\(/g, "(")
    .replace(/,/g, "+");
  if (!/^[\d.+\-() e]*$/.test(expanded)) throw new Error(`formule non évaluable : ${formula}`);
  return Math.round((Function(`return ${expanded};`)() as number) * 100) / 100;
}

export const variantIds = (): string[] => VARIANTS.map((v) => v.id);

/** The laid budget in the variant, named « <name>~<variant> », or null where the variant does not apply. */
export function inVariant(l: Laid, v: Variant): Laid | null {
  if (!v.layouts.includes(l.layout)) return null;
  const out = v.apply(l);
  return out ? { ...out, name: `${l.name}~${v.id}`, layout: l.layout, variant: v.id } : null;
}
