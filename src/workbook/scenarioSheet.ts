// The sheet « Équilibre – scénarios »: one row per lever that carries an amount, its amount (a live formula
// over the mapping table), and per scenario (side by side, up to MAX_SHEET_SCENARIOS) the inputs the user types
// — « Variation (%) », « Variation (€) » — and the amount after; then the volunteer hours added. Helper cells
// right of the inputs hold what each input adds to each section, which the report's block « Avec votre
// scénario » adds to the registry's formulas. A re-run reads the inputs back (readScenarioInputs), as it
// reads corrections back from the mapping table.
import { applyChanges, hoursToCents, linesOfColumn, runScenario, type Scenario, type ScenarioChange, type ScenarioRun } from "../engine/scenario.ts";
import { EquilibreError } from "../engine/errors.ts";
import { say } from "../engine/i18n/index.ts";
import { LEVERS, type Lever } from "../engine/levers.ts";
import { centsToEuros, eurosToCents, parseAmountText } from "../engine/money.ts";
import type { Parameters } from "../engine/parameters.ts";
import { normalizeText } from "../engine/text.ts";
import type { ClassifiedLine, Destination, Lang, LeverId, Section } from "../engine/types.ts";
import { exactly, FigureFormulas, q } from "./figureFormulas.ts";
import { mappingRanges, sheetRef } from "./mappingSheet.ts";
import type { WorkbookAnalysis } from "./pipeline.ts";
import type { PlannedCell, PlannedSheet } from "./plan.ts";
import { destinationShort, familyShort, MAP_COL, sectionShort, type SheetNames } from "./reportText.ts";
import type { DeltaRefs } from "./scenarioFormulas.ts";
import { columnLetters, SheetGrid, sheetHead, type WorkbookSnapshot } from "./snapshot.ts";

/** Scenarios side by side in the sheet; the report's block has a column for each (C = the budget, D… G). */
export const MAX_SHEET_SCENARIOS = 4;

const ROW = { title: 1, note: 2, column: 3, name: 5, header: 6, first: 7 } as const;
/** First column of the first scenario's inputs (C); each scenario takes three columns. */
const FIRST_GROUP_COL = 3;
/** First helper column (T), right of every scenario's inputs; each scenario takes four. */
const FIRST_HELPER_COL = 20;
const FAMILIES = ["income", "expense", "in_kind"] as const;
const VOLUNTEERING_LEVERS: LeverId[] = ["volunteering", "skills_patronage"];

/** Where each scenario's inputs and helper cells are: the sheet's layout, known before any formula is written. */
export interface ScenarioSheetLayout {
  sheet: string;
  /** The scenarios as the sheet holds them (at most MAX_SHEET_SCENARIOS; one empty scenario when none). */
  scenarios: Scenario[];
  /** Destination changes the sheet cannot hold, by scenario. */
  dropped: number[];
  /** Subheadings and lever rows, top to bottom. */
  rows: ({ kind: "family"; family: (typeof FAMILIES)[number]; row: number } | { kind: "lever"; lever: Lever; row: number })[];
  leverRow: Map<LeverId, number>;
  hoursRow: number;
  lastRow: number;
}

const col = (n: number) => columnLetters(n);
export const groupColumns = (k: number) => ({ pct: col(FIRST_GROUP_COL + 3 * k), eur: col(FIRST_GROUP_COL + 3 * k + 1), after: col(FIRST_GROUP_COL + 3 * k + 2) });
const helperColumns = (k: number) => [0, 1, 2, 3].map((i) => col(FIRST_HELPER_COL + 4 * k + i)) as [string, string, string, string];

/**
 * A scenario as the sheet can hold it: per lever one percentage then one amount (x → x × (1 + %) + €, the
 * changes composed in their order), the hours added up; a destination change has no cell and is dropped.
 */
export function sheetScenario(s: Scenario): { scenario: Scenario; dropped: number } {
  const fold = new Map<LeverId, { m: number; cents: number }>();
  let hours = 0;
  let dropped = 0;
  for (const c of s.changes) {
    if (c.kind === "volunteerHours") hours += c.hours;
    else if (c.kind === "destination") dropped++;
    else {
      const f = fold.get(c.lever) ?? { m: 1, cents: 0 };
      if (c.kind === "percent") fold.set(c.lever, { m: f.m * (1 + c.percent / 100), cents: f.cents * (1 + c.percent / 100) });
      else fold.set(c.lever, { m: f.m, cents: f.cents + c.cents });
    }
  }
  const changes: ScenarioChange[] = [];
  for (const l of LEVERS) {
    const f = fold.get(l.id);
    if (!f) continue;
    const percent = Math.round((f.m - 1) * 100 * 1e6) / 1e6;
    const cents = Math.round(f.cents);
    if (percent !== 0) changes.push({ kind: "percent", lever: l.id, percent });
    if (cents !== 0) changes.push({ kind: "amount", lever: l.id, cents });
  }
  if (hours > 0) changes.push({ kind: "volunteerHours", hours });
  return { scenario: { name: s.name, column: s.column, changes }, dropped };
}

/** The sheet's rows: the levers with an amount in any column, or named by a scenario, by family. */
export function scenarioSheetLayout(result: WorkbookAnalysis, names: SheetNames, scenarios: readonly Scenario[], lang: Lang): ScenarioSheetLayout {
  const folded = scenarios.slice(0, MAX_SHEET_SCENARIOS).map(sheetScenario);
  const kept = folded.length > 0 ? folded.map((f) => f.scenario) : [{ name: say(lang, "scenarioSheet.defaultName", { n: 1 }), column: null, changes: [] }];
  const used = new Set<LeverId>(result.classified.filter((l) => l.amount.kind === "value" && l.amount.cents !== 0).map((l) => l.lever));
  for (const s of kept) for (const c of s.changes) if (c.kind === "percent" || c.kind === "amount") used.add(c.lever);
  const rows: ScenarioSheetLayout["rows"] = [];
  const leverRow = new Map<LeverId, number>();
  let row = ROW.first;
  for (const family of FAMILIES) {
    const levers = LEVERS.filter((l) => l.family === family && used.has(l.id));
    if (levers.length === 0) continue;
    rows.push({ kind: "family", family, row: row++ });
    for (const l of levers) {
      leverRow.set(l.id, row);
      rows.push({ kind: "lever", lever: l, row: row++ });
    }
  }
  const hoursRow = row + 1;
  return { sheet: names.scenarios, scenarios: kept, dropped: folded.map((f) => f.dropped), rows, leverRow, hoursRow, lastRow: hoursRow + 1 };
}

const abs = (c: string, r: number) => `$${c}$${r}`;

/** The helper cells of scenario `k` the report's formulas add to a selection (sheet-qualified). */
export function deltaRefs(layout: ScenarioSheetLayout, k: number): DeltaRefs {
  const at = (c: string, r: number) => `${sheetRef(layout.sheet)}${abs(c, r)}`;
  const h = helperColumns(k);
  return (id, section, destination) => {
    const out: string[] = [];
    const r = layout.leverRow.get(id);
    if (r !== undefined) {
      if (section === "income" || section === "in_kind_resource" || (section === "expense" && destination === null)) out.push(at(h[0], r));
      else if (section === "in_kind_use" || destination === "action") out.push(at(h[1], r));
      else out.push(at(h[2], r));
    }
    // Hours added to lines go to volunteering, both sides (86 and 87).
    if (id === "volunteering" && (section === "in_kind_use" || section === "in_kind_resource")) out.push(at(h[1], layout.hoursRow));
    return out;
  };
}

/** The cell holding scenario `k`'s volunteer hours as the analysis counts them (the parameters' hours, plus those added when the budget records none). */
export function scenarioHoursRef(layout: ScenarioSheetLayout, k: number): string {
  return `${sheetRef(layout.sheet)}${abs(helperColumns(k)[2], layout.hoursRow)}`;
}

/** The cell holding scenario `k`'s name. */
export function scenarioNameRef(layout: ScenarioSheetLayout, k: number): string {
  return `${sheetRef(layout.sheet)}${abs(groupColumns(k).pct, ROW.name)}`;
}

/**
 * The engine's run of each scenario the sheet holds, on the column the report shows (the sheet's formulas
 * follow the report's column): what every formula cell carries as its expected value. A scenario the engine
 * refuses (a cut beyond a lever's amount) has none: its cells are written without a cached value.
 */
export function runSheetScenarios(result: WorkbookAnalysis, layout: ScenarioSheetLayout, column: string): (ScenarioRun | null)[] {
  const main = result.analyses.find((a) => a.scenario === column);
  return layout.scenarios.map((s) => {
    // No change: the column's own analysis (a 100,000-line budget is not analysed twice more for nothing).
    if (s.changes.length === 0 && main) return { column, base: main, analysis: main, lines: result.classified.filter((l) => l.scenario === column), parameters: result.parameters };
    try {
      return runScenario(result.classified, { ...s, column }, result.parameters);
    } catch (e) {
      if (e instanceof EquilibreError) return null;
      throw e;
    }
  });
}

export interface ScenarioSheetRefs {
  /** The report's cell naming the column it shows (sheet-qualified, absolute). */
  column: string;
  /** The report's parameter cells (sheet-qualified, absolute). */
  p: Record<keyof Parameters, string>;
}

type Key = `${LeverId}|${Section}|${Destination | ""}`;
function sumsByKey(lines: readonly ClassifiedLine[]): Map<Key, number> {
  const out = new Map<Key, number>();
  const add = (k: Key, c: number) => out.set(k, (out.get(k) ?? 0) + c);
  for (const l of lines) {
    if (l.amount.kind !== "value") continue;
    add(`${l.lever}|${l.section}|`, l.amount.cents);
    if (l.section === "expense" && l.destination) add(`${l.lever}|${l.section}|${l.destination}`, l.amount.cents);
  }
  return out;
}

export function buildScenarioSheet(
  result: WorkbookAnalysis,
  names: SheetNames,
  layout: ScenarioSheetLayout,
  refs: ScenarioSheetRefs,
  column: string,
  lang: Lang,
  runs: (ScenarioRun | null)[] = runSheetScenarios(result, layout, column),
): PlannedSheet {
  const R = mappingRanges(names, result.classified.length);
  const F = new FigureFormulas(R, lang, refs.column, refs.p);
  const cells: PlannedCell[] = [];
  const merges: string[] = [];
  const put = (ref: string, value: PlannedCell["value"], style?: PlannedCell["style"]) => cells.push({ ref, value, style });
  const formula = (ref: string, f: string, expected: PlannedCell["expected"], style?: PlannedCell["style"]) => cells.push({ ref, formula: f, expected: expected ?? null, style });
  const groups = layout.scenarios.length;
  const lastCol = col(FIRST_GROUP_COL + 3 * groups - 1);

  put("A1", say(lang, "scenarioSheet.title"), "title");
  put("A2", say(lang, "scenarioSheet.note", { count: MAX_SHEET_SCENARIOS }), "note");
  merges.push(`A1:${lastCol}1`, `A2:${col(Math.max(FIRST_GROUP_COL + 3 * groups - 1, 8))}2`);
  put(`A${ROW.column}`, say(lang, "report.columnAnalysed"), "label");
  formula(`B${ROW.column}`, refs.column, column, "label");
  put(`A${ROW.name}`, say(lang, "scenarioSheet.name"), "label");
  put(`A${ROW.header}`, say(lang, "scenarioSheet.lever"), "tableHeader");
  put(`B${ROW.header}`, say(lang, "report.amount"), "tableHeader");

  const { lines } = linesOfColumn(result.classified, column);
  const base = sumsByKey(lines);
  const cents = (m: Map<Key, number>, id: LeverId, s: Section, d: Destination | "" = "") => m.get(`${id}|${s}|${d}`) ?? 0;

  layout.scenarios.forEach((s, k) => {
    const g = groupColumns(k);
    put(`${g.pct}${ROW.name}`, s.name, "input");
    merges.push(`${g.pct}${ROW.name}:${g.after}${ROW.name}`);
    put(`${g.pct}${ROW.header}`, say(lang, "scenarioSheet.percent"), "tableHeader");
    put(`${g.eur}${ROW.header}`, say(lang, "scenarioSheet.euros"), "tableHeader");
    put(`${g.after}${ROW.header}`, say(lang, "scenarioSheet.after"), "tableHeader");
  });

  // What the lever changes alone give (the hours come after them, as the engine applies them).
  const leverOnly = layout.scenarios.map((s, k) => {
    if (runs[k] === null) return null;
    const changes = s.changes.filter((c) => c.kind !== "volunteerHours");
    return applyChanges(lines, changes, result.parameters, column).lines;
  });
  const after = leverOnly.map((l) => (l ? sumsByKey(l) : null));

  for (const entry of layout.rows) {
    const r = entry.row;
    if (entry.kind === "family") {
      put(`A${r}`, familyShort(entry.family, lang), "label");
      continue;
    }
    const l = entry.lever;
    put(`A${r}`, l.label[lang], "text");
    const sel = (section: Section, destination?: Destination) => F.selection({ section, levers: [l.id], ...(destination ? { destination } : {}) });
    const inKind = l.family === "in_kind";
    const once = (m: Map<Key, number>) => (cents(m, l.id, "in_kind_resource") !== 0 ? cents(m, l.id, "in_kind_resource") : cents(m, l.id, "in_kind_use"));
    const amount = inKind ? F.amount({ kind: "inKindOnce", levers: [l.id] }) : sel(l.family as Section);
    formula(`B${r}`, amount, centsToEuros(inKind ? once(base) : cents(base, l.id, l.family as Section)), "money");
    layout.scenarios.forEach((s, k) => {
      const g = groupColumns(k);
      const h = helperColumns(k);
      const pctChange = s.changes.find((c) => c.kind === "percent" && c.lever === l.id);
      const eurChange = s.changes.find((c) => c.kind === "amount" && c.lever === l.id);
      put(`${g.pct}${r}`, pctChange?.kind === "percent" ? pctChange.percent / 100 : null, "inputPercent");
      put(`${g.eur}${r}`, eurChange?.kind === "amount" ? centsToEuros(eurChange.cents) : null, "inputMoney");
      // A cut of more than 100 % is a cut of 100 %; a text typed in an input counts as nothing (N()).
      const P = `MAX(-1,N(${g.pct}${r}))`;
      const E = `N(${g.eur}${r})`;
      const a = after[k];
      const delta = (s2: Section, d: Destination | "" = "") => (a ? centsToEuros(cents(a, l.id, s2, d) - cents(base, l.id, s2, d)) : null);
      if (l.family === "expense") {
        const count = (d?: Destination) =>
          `COUNTIFS(${R.col(MAP_COL.scenario)},${exactly(refs.column)},${R.col(MAP_COL.lever)},${q(l.label[lang])},${R.col(MAP_COL.section)},${q(sectionShort("expense", lang))}${d ? `,${R.col(MAP_COL.destination)},${q(destinationShort(d, lang))}` : ""})`;
        formula(`${h[0]}${r}`, `B${r}*${P}+${E}`, delta("expense"), "hidden");
        // Euros spread over the lines in proportion (equally when they sum to 0; on the lever's default destination when it has none).
        (["action", "engineering"] as const).forEach((d, i) => {
          const share = `IF($B${r}<>0,${sel("expense", d)}/$B${r},IF(${count()}>0,${count(d)}/${count()},${l.destination === d ? 1 : 0}))`;
          formula(`${h[1 + i]}${r}`, `${sel("expense", d)}*${P}+${E}*${share}`, delta("expense", d), "hidden");
        });
        formula(`${g.after}${r}`, `B${r}+${h[0]}${r}`, a ? centsToEuros(cents(a, l.id, "expense")) : null, "money");
      } else if (inKind) {
        formula(`${h[0]}${r}`, `${sel("in_kind_resource")}*${P}+${E}`, delta("in_kind_resource"), "hidden");
        formula(`${h[1]}${r}`, `${sel("in_kind_use")}*${P}+${E}`, delta("in_kind_use"), "hidden");
        const res = `(${sel("in_kind_resource")}+${h[0]}${r})`;
        formula(`${g.after}${r}`, `IF(${res}<>0,${res},${sel("in_kind_use")}+${h[1]}${r})`, a ? centsToEuros(once(a)) : null, "money");
      } else {
        formula(`${h[0]}${r}`, `B${r}*${P}+${E}`, delta("income"), "hidden");
        formula(`${g.after}${r}`, `B${r}+${h[0]}${r}`, a ? centsToEuros(cents(a, l.id, "income")) : null, "money");
      }
    });
  }
  hoursBlock(layout, refs, F, leverOnly, result.parameters, lang, put, formula);

  return {
    name: layout.sheet,
    role: "scenarios",
    cells,
    columnWidths: { 1: 40, 2: 14, ...Object.fromEntries(layout.scenarios.flatMap((_, k) => [FIRST_GROUP_COL + 3 * k, FIRST_GROUP_COL + 3 * k + 1, FIRST_GROUP_COL + 3 * k + 2].map((c, i) => [c, i === 2 ? 15 : 13]))) },
    rowHeights: { [ROW.note]: 45, [ROW.header]: 30 },
    merges,
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: ROW.header, cols: 1 },
    tabColor: "BF8F00",
  };
}

/** The hours row: the input, its value, and the helper cells that say where the engine puts the hours. */
function hoursBlock(
  layout: ScenarioSheetLayout,
  refs: ScenarioSheetRefs,
  F: FigureFormulas,
  leverOnly: (ClassifiedLine[] | null)[],
  params: Parameters,
  lang: Lang,
  put: (ref: string, value: PlannedCell["value"], style?: PlannedCell["style"]) => void,
  formula: (ref: string, f: string, expected: PlannedCell["expected"], style?: PlannedCell["style"]) => void,
): void {
  const r = layout.hoursRow;
  const p = refs.p;
  put(`A${r}`, say(lang, "scenarioSheet.hours"), "label");
  put(`A${r + 1}`, say(lang, "scenarioSheet.hoursNote"), "note");
  const recordedBase = `${F.selection({ section: "in_kind_use", levers: VOLUNTEERING_LEVERS })}+${F.selection({ section: "in_kind_resource", levers: VOLUNTEERING_LEVERS })}`;
  layout.scenarios.forEach((s, k) => {
    const g = groupColumns(k);
    const h = helperColumns(k);
    const hours = s.changes.reduce((t, c) => t + (c.kind === "volunteerHours" ? c.hours : 0), 0);
    put(`${g.pct}${r}`, hours > 0 ? hours : null, "input");
    const H = `MAX(0,N(${g.pct}${r}))`;
    const valueCents = hoursToCents(hours, params);
    formula(`${g.after}${r}`, `ROUND(${H}*${p.volunteerHourlyRate}*${p.employerChargeCoefficient},2)`, centsToEuros(valueCents), "money");
    // As the engine: the budget records volunteering (86/87, after the lever changes) → the hours' value joins
    // it; else the parameters give hours → the hours join them; else the value is added as new lines.
    const volunteeringRows = VOLUNTEERING_LEVERS.flatMap((id) => {
      const row = layout.leverRow.get(id);
      return row === undefined ? [] : [`${helperColumns(k)[0]}${row}`, `${helperColumns(k)[1]}${row}`];
    });
    const changed = leverOnly[k];
    const recorded = changed ? changed.some((l) => VOLUNTEERING_LEVERS.includes(l.lever) && l.section !== "expense" && l.section !== "income" && l.amount.kind === "value" && l.amount.cents > 0) : null;
    formula(`${h[0]}${r}`, `IF((${[recordedBase, ...volunteeringRows].join("+")})>0,1,0)`, recorded === null ? null : recorded ? 1 : 0, "hidden");
    const toLines = recorded === null ? null : recorded || params.volunteerHours <= 0 ? centsToEuros(valueCents) : 0;
    formula(`${h[1]}${r}`, `IF(OR(${h[0]}${r}=1,${p.volunteerHours}<=0),${g.after}${r},0)`, toLines, "hidden");
    const effective = recorded === null ? null : params.volunteerHours + (!recorded && params.volunteerHours > 0 ? hours : 0);
    formula(`${h[2]}${r}`, `${p.volunteerHours}+IF(AND(${h[0]}${r}=0,${p.volunteerHours}>0),${H},0)`, effective, "hidden");
  });
}

// ───────────── reading the inputs back ─────────────

const LEVER_BY_LABEL = new Map<string, LeverId>();
for (const l of LEVERS) {
  LEVER_BY_LABEL.set(normalizeText(l.label.fr), l.id);
  LEVER_BY_LABEL.set(normalizeText(l.label.en), l.id);
}
const TITLES = new Set([say("fr", "scenarioSheet.title"), say("en", "scenarioSheet.title")]);
const PERCENT_HEADERS = new Set([say("fr", "scenarioSheet.percent"), say("en", "scenarioSheet.percent")]);
const HOURS_LABELS = new Set([normalizeText(say("fr", "scenarioSheet.hours")), normalizeText(say("en", "scenarioSheet.hours"))]);
const DEFAULT_NAME = /^(Scénario|Scenario) \d+$/;

/** True for a sheet Équilibre wrote as its scenario sheet (by its title: the sheet may have been renamed). */
export function isScenarioSheet(grid: SheetGrid): boolean {
  const a1 = grid.value(ROW.title, 1);
  return typeof a1 === "string" && TITLES.has(a1.trim());
}

/** A number typed in an input: a number, or a text such as « -20 % » or « 5 000,50 € ». */
function inputNumber(v: unknown, percent: boolean): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || v.trim() === "") return null;
  const text = v.trim();
  const isPercent = /%\s*$/.test(text);
  const c = parseAmountText(text.replace(/%\s*$/, ""));
  if (c === null) return null;
  // « -20 % » typed as text in a percent cell means −0.20, as Excel would read it.
  return percent && isPercent ? c / 10000 : c / 100;
}

/**
 * The scenarios typed in Équilibre's scenario sheet (by the user, the pane or `-o --scenario`): one per
 * column group that holds a change or a name of its own. The column is the one the sheet showed.
 */
export function readScenarioInputs(snapshot: WorkbookSnapshot): Scenario[] {
  for (const sheet of snapshot.sheets) {
    // The title row says whether it is the scenario sheet: another sheet (a trial balance's 20,000 rows) is not indexed.
    if (!isScenarioSheet(new SheetGrid(sheetHead(sheet, 0, [ROW.title])))) continue;
    const grid = new SheetGrid(sheet);
    const headerRow = grid.rowIndexes().find((r) => PERCENT_HEADERS.has(String(grid.value(r, FIRST_GROUP_COL) ?? "").trim()));
    if (headerRow === undefined) continue;
    const lang: Lang = String(grid.value(headerRow, FIRST_GROUP_COL)).trim() === say("en", "scenarioSheet.percent") ? "en" : "fr";
    const columnValue = grid.value(ROW.column, 2);
    const column = typeof columnValue === "string" && columnValue.trim() !== "" ? columnValue.trim() : null;
    const out: Scenario[] = [];
    for (let k = 0; k < MAX_SHEET_SCENARIOS; k++) {
      const c0 = FIRST_GROUP_COL + 3 * k;
      if (!PERCENT_HEADERS.has(String(grid.value(headerRow, c0) ?? "").trim())) break;
      const changes: ScenarioChange[] = [];
      let hours = 0;
      for (const r of grid.rowIndexes()) {
        if (r <= headerRow) continue;
        const label = grid.value(r, 1);
        if (typeof label !== "string") continue;
        if (HOURS_LABELS.has(normalizeText(label))) {
          const h = inputNumber(grid.value(r, c0), false);
          if (h !== null && h > 0) hours += h;
          continue;
        }
        const id = LEVER_BY_LABEL.get(normalizeText(label));
        if (!id) continue;
        const pct = inputNumber(grid.value(r, c0), true);
        const eur = inputNumber(grid.value(r, c0 + 1), false);
        if (pct !== null && pct !== 0) changes.push({ kind: "percent", lever: id, percent: Math.max(-100, Math.round(pct * 100 * 1e6) / 1e6) });
        if (eur !== null && eur !== 0) changes.push({ kind: "amount", lever: id, cents: eurosToCents(eur) });
      }
      if (hours > 0) changes.push({ kind: "volunteerHours", hours });
      const nameValue = grid.value(headerRow - 1, c0);
      const name = typeof nameValue === "string" || typeof nameValue === "number" ? String(nameValue).trim() : "";
      if (changes.length === 0 && (name === "" || DEFAULT_NAME.test(name))) continue;
      out.push({ name: name || say(lang, "scenarioSheet.defaultName", { n: k + 1 }), column, changes });
    }
    return out;
  }
  return [];
}
