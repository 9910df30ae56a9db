// `equilibre compare BEFORE AFTER -o OUT`: the sheet « Équilibre – comparaison » of OUT, a copy of AFTER with its
// report. « Après » reads this workbook's own key figures through their defined names (definedNames.ts), so an
// edit of the budget or a correction moves it, and the « Écart » column with it. « Avant » holds the other
// workbook's figures as its own report would have shown them: that file is not inside this one.
import { say } from "../engine/i18n/index.ts";
import type { Lang } from "../engine/types.ts";
import { NAMED_FIGURES, definedName, type NamedFigure } from "./definedNames.ts";
import type { PlannedCell, PlannedName, PlannedSheet, StyleId } from "./plan.ts";

/** A named figure's value, as the report cell the name points at carries it. */
export interface FigureValue {
  value: string | number | null;
}

/**
 * The comparison's own styles: the named cells of the report are styled for their place there (a big model
 * name, a share in a helper cell printed white), not for a table of figures.
 */
function styleOf(figure: NamedFigure): StyleId {
  if (figure === "model") return "label";
  if (figure.startsWith("share.") || figure.startsWith("rule.")) return "percent";
  return figure.startsWith("gap.") ? "money" : "moneyBold";
}

/** "'Équilibre'!$C$12" → ["Équilibre", "C12"]. */
function splitRef(ref: string): [string, string] | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  return m ? [(m[1] ?? m[2]!).replace(/''/g, "'"), `${m[3]}${m[4]}`] : null;
}

/**
 * The budget's named figures (not the scenario's) in a built plan, read from the cells the names point at: the
 * very values the report shows, so the « Avant » column and the other workbook's report can never disagree.
 */
export function namedFigureValues(sheets: readonly PlannedSheet[], names: readonly PlannedName[]): Map<NamedFigure, FigureValue> {
  const out = new Map<NamedFigure, FigureValue>();
  for (const figure of NAMED_FIGURES) {
    const name = names.find((n) => n.name === definedName(figure, false));
    const at = name ? splitRef(name.ref) : null;
    const cell = at ? sheets.find((s) => s.name === at[0])?.cells.find((c) => c.ref === at[1]) : undefined;
    if (!cell) continue;
    const value = cell.formula !== undefined ? (cell.expected ?? null) : (cell.value ?? null);
    out.set(figure, { value: typeof value === "boolean" ? null : value });
  }
  return out;
}

export interface ComparedWith {
  /** The other workbook's file name and the column its figures come from. */
  file: string;
  column: string;
  /** Its named figures, from its own report plan (namedFigureValues). */
  figures: Map<NamedFigure, FigureValue>;
  /** The date shown (the run's). */
  dateText: string;
}

const COLS = ["A", "B", "C", "D"] as const;
const FIRST_ROW = 5;

/** The comparison sheet: one row per named figure the two workbooks both have, « Avant », « Après » (live), « Écart » (live). */
export function buildComparisonSheet(before: ComparedWith, after: Map<NamedFigure, FigureValue>, lang: Lang): PlannedSheet {
  const cells: PlannedCell[] = [
    { ref: "A1", value: say(lang, "comparison.title"), style: "title" },
    { ref: "A2", value: say(lang, "comparison.note", { file: before.file, column: before.column, date: before.dateText }), style: "note" },
  ];
  const headers = ["comparison.figure", "comparison.before", "comparison.after", "comparison.difference"] as const;
  headers.forEach((id, i) => cells.push({ ref: `${COLS[i]}4`, value: say(lang, id), style: "tableHeader" }));
  let row = FIRST_ROW;
  for (const figure of NAMED_FIGURES) {
    const b = before.figures.get(figure);
    const a = after.get(figure);
    if (!b || !a) continue;
    cells.push({ ref: `A${row}`, value: say(lang, `comparison.${figure}`), style: figure.startsWith("gap.") ? "text" : "label" });
    const style = styleOf(figure);
    cells.push({ ref: `B${row}`, value: b.value, style });
    cells.push({ ref: `C${row}`, formula: definedName(figure, false), expected: a.value, style });
    cells.push(differenceCell(row, b.value, a.value, style, lang));
    row++;
  }
  const last = row - 1;
  return {
    name: say(lang, "sheet.comparison"),
    role: "comparison",
    cells,
    columnWidths: { 1: 30, 2: 38, 3: 38, 4: 14 },
    rowHeights: { 2: 45 },
    merges: ["A1:D1", "A2:D2"],
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 4, cols: 1 },
    print: { area: `A1:D${last}`, landscape: false, fitToWidth: 1, header: say(lang, "sheet.comparison"), footer: say(lang, "report.footer", { date: before.dateText }) },
    tabColor: "1F3864",
  };
}

/** After − before for numbers; for the model (a text), whether it changed. */
function differenceCell(row: number, before: FigureValue["value"], after: FigureValue["value"], style: StyleId, lang: Lang): PlannedCell {
  const ref = `D${row}`;
  if (typeof before === "number" && typeof after === "number") {
    // Rounded as the figures are compared: 0.1 + 0.2 must not print as a difference of 0.30000000000000004.
    return { ref, formula: `C${row}-B${row}`, expected: Math.round((after - before) * 1e9) / 1e9, style };
  }
  const same = say(lang, "comparison.same");
  const changed = say(lang, "comparison.changed");
  return { ref, formula: `IF(C${row}=B${row},"${same}","${changed}")`, expected: after === before ? same : changed, style: "text" };
}
