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

const ROWS_ANY = ["vertical", "side_by_side", "cerfa", "trial_balance", "type_column", "journal", "two_sheets"] as const;
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
    apply: (l0) => {
      if (l0.columns.length !== 1) return null;
      const l = clone(l0);
      for (const s of l.sheets) {
        const h = headerRow(l, s);
        const cols = amountCols(l, s);
        if (h === null || cols.length !== 1) return null;
        const c = cols[0]!;
        insertCols(l, s.name, c, 12);
        const total = c + 12;
        set(s, h, total, "Total");
        MONTHS.forEach((m, k) => set(s, h, c + k, m));
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
        const T = colLetter(total);
        for (const r of formulaRows) {
          const f = (s.rows[r]![total] as { formula: string }).formula;
          for (let k = 0; k < 12; k++) {
            const L = colLetter(c + k);
            const formula = f.replace(new RegExp(`\\b${T}(\\d+)\\b`, "g"), `${L}$1`);
            s.rows[r]![c + k] = { formula, result: evaluate(formula, (col, row) => valueOf(s.rows[row - 1]?.[colIndex(col)]) ?? 0) };
          }
        }
      }
      renameHeader(l, l.columns[0]!, "Total");
      return l;
    },
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
];

/** The value of the corpus's own formulas (SUM of ranges and lists, + and −), for the cached results of a variant. */
function evaluate(formula: string, at: (col: string, row: number) => number): number {
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
