// The report plan: what Équilibre writes into a workbook, as plain data. The file host (editing the .xlsx
// package) and the Excel host (Office.js) both execute it; neither decides anything about the content.
import { NEGATIVE_SIGN } from "../engine/figures.ts";

/** A named style; hosts map it to fonts, fills, borders and number formats (see PLAN_STYLES). */
export type StyleId =
  | "title"
  | "subtitle"
  | "section"
  | "tableHeader"
  | "label"
  | "text"
  | "note"
  | "money"
  | "moneyBold"
  | "moneyEn"
  | "moneyBoldEn"
  | "percent"
  | "percentBold"
  | "number"
  | "status"
  | "input"
  | "inputMoney"
  | "inputMoneyEn"
  | "inputPercent"
  | "modelName"
  | "wrap"
  | "hidden";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // "RRGGBB"
  fill?: string; // "RRGGBB"
  numFmt?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  border?: boolean;
}

export const PLAN_STYLES: Record<StyleId, StyleSpec> = {
  title: { bold: true, size: 16, color: "1F3864" },
  subtitle: { italic: true, size: 10, color: "595959" },
  section: { bold: true, size: 12, color: "FFFFFF", fill: "1F3864" },
  tableHeader: { bold: true, fill: "D9E1F2", border: true, wrap: true },
  label: { bold: true },
  text: {},
  note: { italic: true, size: 9, color: "595959", wrap: true },
  // Money the way each language writes it everywhere (formatEuros, the sentences, the CLI): « 12 345 € » in
  // French, "€12,345" in English, and a negative one with NEGATIVE_SIGN (« -1 200 € », "-€1,200"). The plan builder gives an English plan the *En styles (englishStyles).
  money: { numFmt: `#,##0 "€";${NEGATIVE_SIGN}#,##0 "€"`, align: "right" },
  moneyBold: { numFmt: `#,##0 "€";${NEGATIVE_SIGN}#,##0 "€"`, bold: true, align: "right" },
  moneyEn: { numFmt: `"€"#,##0;${NEGATIVE_SIGN}"€"#,##0`, align: "right" },
  moneyBoldEn: { numFmt: `"€"#,##0;${NEGATIVE_SIGN}"€"#,##0`, bold: true, align: "right" },
  percent: { numFmt: "0%", align: "right" },
  percentBold: { numFmt: "0%", bold: true, align: "right" },
  number: { numFmt: "0.00", align: "right" },
  status: { bold: true, align: "center", border: true },
  input: { fill: "FFF2CC", border: true },
  inputMoney: { fill: "FFF2CC", border: true, numFmt: '#,##0.00 "€"' },
  inputMoneyEn: { fill: "FFF2CC", border: true, numFmt: '"€"#,##0.00' },
  inputPercent: { fill: "FFF2CC", border: true, numFmt: "0%" },
  modelName: { bold: true, size: 14, color: "1F3864" },
  wrap: { wrap: true },
  hidden: { color: "FFFFFF", size: 8 },
};

/** A cell to write. `formula` (without "=") wins over `value`; text values are always written as text. */
export interface PlannedCell {
  ref: string;
  value?: string | number | boolean | null;
  formula?: string;
  /** The value the formula should give, as the engine computed it (hosts may write it as a cached result). */
  expected?: string | number | null;
  /**
   * Cells of one column with the same key hold one formula written for each row (the cell above's, its
   * relative rows one lower): a writer may share it without comparing them (a 20,000-line table has 100,000).
   */
  rowFormula?: string;
  style?: StyleId;
}

export interface PlannedTable {
  name: string;
  /** Header row + data rows, e.g. "A4:P52". */
  ref: string;
  columns: string[];
}

export interface PlannedValidation {
  /** Cells that get a dropdown, e.g. "O5:O52". */
  ref: string;
  /** The list's source range, absolute, e.g. "'Équilibre – leviers'!$A$2:$A$34". */
  listSource: string;
  prompt: { title: string; text: string };
  error: { title: string; text: string };
}

export interface PlannedConditionalFormat {
  ref: string;
  /** Cells whose text equals `text` get this fill and font colour. */
  textEquals: { text: string; fill: string; color: string }[];
  /** Optional: numbers below `threshold` get this fill (low confidence). */
  lessThan?: { threshold: number; fill: string };
}

export interface PlannedChart {
  kind: "doughnut" | "bar" | "column";
  title: string;
  /** Category labels and series values as ranges on the same sheet. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left and bottom-right cells of the area the chart covers. */
  anchor: { from: string; to: string };
}

export interface PlannedSheet {
  name: string;
  role: "report" | "mapping" | "levers" | "scenarios" | "comparison";
  cells: PlannedCell[];
  columnWidths: Record<number, number>;
  /** Row heights in points, for rows whose wrapped text needs more than one line. */
  rowHeights?: Record<number, number>;
  merges: string[];
  tables: PlannedTable[];
  validations: PlannedValidation[];
  conditionalFormats: PlannedConditionalFormat[];
  charts: PlannedChart[];
  /** Rows and columns frozen above / left of this cell. */
  freeze?: { rows: number; cols: number };
  /** `titleRows` ("4:4"): rows repeated at the top of every printed page. */
  print?: { area: string; landscape: boolean; fitToWidth: number; header: string; footer: string; titleRows?: string };
  /** Tab colour, "RRGGBB". */
  tabColor?: string;
}

/** Small machine state kept in the workbook (schema version, engine version, parameters, sheet names). */
export interface EquilibreState {
  schemaVersion: number;
  engineVersion: string;
  reportSheet: string;
  mappingSheet: string;
  leversSheet: string;
  parameters: Record<string, unknown>;
  language: "fr" | "en";
  /** The cells Équilibre wrote in its sheets other than the lines table, by role (ownCells.ts): the rest is the user's. */
  ownCells?: Record<string, string>;
}

/** A workbook defined name (global): « EquilibreModele » → "'Équilibre'!$A$9". */
export interface PlannedName {
  name: string;
  /** An absolute, sheet-qualified reference. */
  ref: string;
}

export interface ReportPlan {
  sheets: PlannedSheet[];
  /**
   * The key figures as workbook names (src/workbook/definedNames.ts). Hosts replace Équilibre's names of an
   * earlier run and keep the user's.
   */
  names?: PlannedName[];
  state: EquilibreState;
  /** Sheets of an earlier run to replace (Équilibre's own, by name). */
  replaces: string[];
  /** What the user must be told about the write, in the plan's language (notes of the replaced sheets moved). */
  warnings?: string[];
}

const ENGLISH_STYLES: Partial<Record<StyleId, StyleId>> = { money: "moneyEn", moneyBold: "moneyBoldEn", inputMoney: "inputMoneyEn" };

/** The sheets of an English plan with their money cells formatted the English way ("€12,345"). */
export function englishStyles(sheets: readonly PlannedSheet[]): PlannedSheet[] {
  return sheets.map((sheet) => ({ ...sheet, cells: sheet.cells.map((c) => (c.style && ENGLISH_STYLES[c.style] ? { ...c, style: ENGLISH_STYLES[c.style] } : c)) }));
}
