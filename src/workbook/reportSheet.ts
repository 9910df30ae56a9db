// The report sheet "Équilibre": the budget's own figures, the model, the pillars, the financing mix, the
// rules, what the mix implies, the trajectory, the parameters and the method. It is layout only: which lines
// each figure sums, each rule's target, gap, status and sentences come from the engine's registry
// (src/engine/figures.ts), compiled to formulas by figureFormulas.ts. Every formula cell carries the engine's
// value as its expected result, sentences included, so a recalculation checks every one.
import type { Analysis } from "../engine/analyze.ts";
import {
  BUDGET_FIGURES,
  MIX_SENTENCE,
  PART_MARKS,
  PILLAR_FIGURES,
  PILLARS_NOTE,
  RESULT_LABEL,
  RESULT_WORDS,
  RULES,
  SHARE_NAMES,
  WATCH_SENTENCE,
  BESIDE_TEXT,
  CIVIC_SERVICE_LABEL,
  eurosText,
  pillarDetail,
  placeholderTexts,
  PLACEHOLDERS,
  sourceText,
  watchSentence,
  type RuleDef,
  type RuleValue,
} from "../engine/figures.ts";
import { say, type MessageId } from "../engine/i18n/index.ts";
import { NATIONAL_MIX } from "../engine/implications.ts";
import { LEVERS } from "../engine/levers.ts";
import { NATURE_NAMES, PILLAR_NAMES, PROFILE_NAMES, STATUS_NAMES } from "../engine/labels.ts";
import { centsToEuros } from "../engine/money.ts";
import { MODELS, NO_MIX_SENTENCE, NO_MODEL, REFERENCE_MODELS } from "../engine/models.ts";
import { PARAMETER_TABLE, type Parameters } from "../engine/parameters.ts";
import { ruleValues } from "../engine/ratios.ts";
import { MIX_NATURES, type Lang, type LeverId, type MixNature } from "../engine/types.ts";
import { FigureFormulas, q, type RuleCells } from "./figureFormulas.ts";
import type { WorkbookAnalysis } from "./pipeline.ts";
import { mappingRanges, sheetRef, type MappingRanges } from "./mappingSheet.ts";
import type { PlannedCell, PlannedChart, PlannedName, PlannedSheet, StyleId } from "./plan.ts";
import { definedName } from "./definedNames.ts";
import { scenarioBlock } from "./scenarioBlock.ts";
import type { ScenarioSheetLayout } from "./scenarioSheet.ts";
import type { ScenarioRun } from "../engine/scenario.ts";
import type { SheetNames } from "./reportText.ts";
import { columnLetters } from "./snapshot.ts";
import { LINE_HEIGHT, wrappedLines } from "./textWidth.ts";


/** Model names in the order of the code public×1 + private×2 + activity×4. */
const MODEL_BY_CODE = [1, 2, 3, 4, 5, 6, 7].map((code) => {
  const natures = MIX_NATURES.filter((_, i) => code & (1 << i));
  return MODELS.find((m) => m.natures.length === natures.length && m.natures.every((n) => natures.includes(n)))!;
});

export interface ReportOptions {
  lang: Lang;
  /** The scenario the report's main figures show (the user may change it in the sheet). */
  scenario: string;
  /** "24/11/2026" or an English date, shown on the report. */
  dateText: string;
  /** Association or file name, shown in the header. */
  title: string;
  /** The scenario sheet and its scenarios' runs: the block « Avec votre scénario » (none without). */
  scenarios?: ReportScenarios;
}

/** Widths (column-width units) of the report's columns, and of the merged ranges that wrap text. */
export const COLUMN_WIDTHS: Record<number, number> = { 1: 34, 2: 14, 3: 16, 4: 12, 5: 16, 6: 14, 7: 16, 8: 60, 10: 16 };
const span = (from: number, to: number) => Object.entries(COLUMN_WIDTHS).reduce((s, [c, w]) => s + (Number(c) >= from && Number(c) <= to ? w : 0), 0);
const WIDE_LINE = span(1, 8);
const DH_LINE = span(4, 8);
const CH_LINE = span(3, 8);
const BH_LINE = span(2, 8);
const AB_LINE = span(1, 2);
const H_LINE = span(8, 8);

export class Cursor {
  row = 1;
  readonly cells: PlannedCell[] = [];
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};
  /** Makes the current row tall enough for `text` wrapped in `room` column-width units. */
  fit(text: string, room: number, size = 11): void {
    const lines = wrappedLines(text, room, size);
    if (lines > 1) this.heights[this.row] = Math.max(this.heights[this.row] ?? 0, Math.ceil(LINE_HEIGHT(size) * lines + 4));
  }
  put(col: string, value: PlannedCell["value"], style?: StyleId): string {
    const ref = `${col}${this.row}`;
    this.cells.push({ ref, value, style });
    return ref;
  }
  formula(col: string, formula: string, expected: PlannedCell["expected"], style?: StyleId): string {
    const ref = `${col}${this.row}`;
    this.cells.push({ ref, formula, expected: expected ?? null, style });
    return ref;
  }
  merge(from: string, to: string): void {
    this.merges.push(`${from}${this.row}:${to}${this.row}`);
  }
  next(n = 1): void {
    this.row += n;
  }
}

export const abs = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
export const euros = (cents: number) => centsToEuros(cents);
export const share = (x: number | null) => (x === null ? "" : x);

/** Everything a block of the report needs: the analysis shown, the formulas of its scenario, the cursor. */
export interface Layout {
  lang: Lang;
  result: WorkbookAnalysis;
  main: Analysis;
  R: MappingRanges;
  c: Cursor;
  charts: PlannedChart[];
  /** Cells of the parameters (filled once the body's height is known). */
  p: Record<keyof Parameters, string>;
  scenarioRef: string;
  F: FigureFormulas;
  /** The cells of the named figures (definedNames.ts), on this sheet. */
  names: Map<string, string>;
  /** The scenario sheet's layout and the engine's run of each of its scenarios, for the block « Avec votre scénario ». */
  scenarios: ReportScenarios | null;
}

export interface ReportScenarios {
  layout: ScenarioSheetLayout;
  runs: (ScenarioRun | null)[];
}

/** The formulas of the model: shares, model code and name, over the nature amounts of the registry. */
export class ModelFormulas {
  constructor(
    private readonly F: FigureFormulas,
    /** Cells that already hold the three shares: formulas that need them refer to them (Excel caps a formula at 8,192 characters). */
    private readonly shares?: Record<MixNature, string>,
  ) {}
  nature(n: MixNature | "neutral"): string {
    return this.F.selection({ section: "income", natures: [n] });
  }
  base(): string {
    return `(${MIX_NATURES.map((n) => this.nature(n)).join("+")})`;
  }
  shareOf(n: MixNature): string {
    if (this.shares) return this.shares[n];
    return `IF(${this.base()}=0,0,${this.nature(n)}/${this.base()})`;
  }
  code(): string {
    // With the shares in cells, "no resource" is all three shares at 0 (the base is 0 exactly then).
    const none = this.shares ? MIX_NATURES.map((n) => `ABS(${this.shares![n]})`).join("+") : this.base();
    return `IF(${none}=0,0,${MIX_NATURES.map((n, i) => `(${this.shareOf(n)}>=${this.F.p.significanceThreshold})*${1 << i}`).join("+")})`;
  }
  name(codeRef?: string): string {
    const code = codeRef ?? this.code();
    const names = MODEL_BY_CODE.map((m) => q(m.name[this.F.lang])).join(",");
    return `IF(${code}=0,${q(NO_MODEL.name[this.F.lang])},CHOOSE(${code},${names}))`;
  }
}

export function sectionHeading(L: Layout, id: MessageId): void {
  L.c.put("A", say(L.lang, id), "section");
  L.c.merge("A", "H");
  L.c.next();
}

function wideText(L: Layout, text: string, style: StyleId = "wrap"): void {
  L.c.put("A", text, style);
  L.c.fit(text, WIDE_LINE);
  L.c.merge("A", "H");
  L.c.next();
}

// ───────────── the budget as the treasurer knows it ─────────────

function budgetBlock(L: Layout): void {
  const { c, lang, main, F } = L;
  sectionHeading(L, "report.yourBudget");
  const refs: Record<string, string> = {};
  const expected = { expense: main.budget.expenseCents, income: main.budget.incomeCents, inKind: main.budget.inKindCents };
  for (const f of BUDGET_FIGURES.filter((x) => x.id !== "inKind")) {
    c.put("A", f.label[lang], "label");
    refs[f.id] = c.formula("C", F.amount(f.amount), euros(expected[f.id]), "moneyBold");
    if (f.id === "income" || f.id === "expense") L.names.set(definedName(f.id, false), refs[f.id]!);
    c.next();
  }
  c.put("A", RESULT_LABEL[lang], "label");
  const result = c.formula("C", `ROUND(${refs.income}-${refs.expense},2)`, euros(main.budget.resultCents), "moneyBold");
  L.names.set(definedName("result", false), result);
  const w = (k: keyof typeof RESULT_WORDS) => q(RESULT_WORDS[k][lang]);
  c.formula("D", `IF(${result}>0,${w("surplus")},IF(${result}<0,${w("deficit")},${w("balanced")}))`, RESULT_WORDS[main.budget.result][lang], "label");
  c.next();
  const inKind = BUDGET_FIGURES.find((x) => x.id === "inKind")!;
  c.put("A", inKind.label[lang], "wrap");
  c.formula("C", F.amount(inKind.amount), euros(expected.inKind), "money");
  c.merge("A", "B");
  c.fit(inKind.label[lang], AB_LINE);
  c.next(2);
}

// ───────────── the model ─────────────

function modelBlock(L: Layout): void {
  const { c, lang, main, F, p } = L;
  sectionHeading(L, "report.yourModel");
  // The model's code (public 1 + private 2 + activity 4) and the three shares sit outside the print area, for the formulas.
  const codeRef = `$J$${c.row}`;
  const shareCols: Record<MixNature, string> = { public: "K", private: "L", activity: "M" };
  const whole = new ModelFormulas(F);
  for (const n of MIX_NATURES) c.formula(shareCols[n], whole.shareOf(n), main.model.shares[n], "hidden");
  const shareRefs = Object.fromEntries(MIX_NATURES.map((n) => [n, `$${shareCols[n]}$${c.row}`])) as Record<MixNature, string>;
  for (const n of MIX_NATURES) L.names.set(definedName(`share.${n}`, false), shareRefs[n]);
  const M = new ModelFormulas(F, shareRefs);
  c.formula("J", M.code(), modelCode(main), "hidden");
  L.names.set(definedName("model", false), c.formula("A", M.name(abs(codeRef)), main.model.name[lang], "modelName"));
  c.merge("A", "D");
  c.put("E", say(lang, "report.profile"), "label");
  c.formula(
    "F",
    `IF(${M.shareOf("activity")}>${p.socialUtilityThreshold},${q(PROFILE_NAMES.social_utility[lang])},${q(PROFILE_NAMES.general_interest[lang])})`,
    PROFILE_NAMES[main.model.profile][lang],
    "label",
  );
  c.merge("F", "H");
  c.next();
  const shareTexts = Object.fromEntries(MIX_NATURES.map((n) => [n, F.percent(shareRefs[n])]));
  c.formula("A", `IF(${abs(codeRef)}=0,${q(NO_MIX_SENTENCE[lang])},${F.template(MIX_SENTENCE[lang], shareTexts)})`, main.model.sentence[lang], "text");
  c.merge("A", "H");
  c.next();
  const meanings = MODEL_BY_CODE.map((m) => q(m.meaning[lang])).join(",");
  c.formula("A", `IF(${abs(codeRef)}=0,${q(NO_MODEL.meaning[lang])},CHOOSE(${abs(codeRef)},${meanings}))`, main.model.meaning[lang], "wrap");
  c.fit(main.model.meaning[lang], WIDE_LINE);
  c.merge("A", "H");
  c.next();
  watchRow(L, shareRefs);
  referenceRow(L, codeRef);
  c.next();
}

/** « À surveiller » : the same sentence as the engine's watchSentence, as a formula. */
function watchRow(L: Layout, shares: Record<MixNature, string>): void {
  const { c, lang, main, F, p } = L;
  const threshold = F.percent(p.significanceThreshold);
  const items = MIX_NATURES.map(
    (n) => `IF(ABS(${shares[n]}-${p.significanceThreshold})<${p.closeCallMargin},${q(WATCH_SENTENCE.separator)}&${F.template(WATCH_SENTENCE.item[lang], { name: q(SHARE_NAMES[n][lang]), share: F.percent(shares[n]) })},"")`,
  ).join("&");
  const list = `MID(${items},${WATCH_SENTENCE.separator.length + 1},1000)`;
  const formula = `IF((${items})="",${F.template(WATCH_SENTENCE.none[lang], { threshold })},${F.template(WATCH_SENTENCE.some[lang], { threshold, shares: list })})`;
  const text = watchSentence(main.model.shares, main.model.baseCents > 0 ? main.model.closeCalls : [], main.parameters.significanceThreshold, lang);
  c.formula("A", main.model.baseCents > 0 ? formula : `${F.template(WATCH_SENTENCE.none[lang], { threshold })}`, text, "wrap");
  c.merge("A", "H");
  c.next();
}

function referenceRow(L: Layout, codeRef: string): void {
  const { c, lang, main, F } = L;
  const lever = (ids: LeverId[]) => F.selection({ section: "income", levers: ids });
  const fees = lever(["membership_fees"]);
  const gifts = lever(["donations", "corporate_patronage", "bequests"]);
  const publicActivity = lever(["public_procurement", "public_tariffs"]);
  const activity = F.selection({ section: "income", natures: ["activity"] });
  const ref = (id: keyof typeof REFERENCE_MODELS) => q(REFERENCE_MODELS[id][lang]);
  c.put("A", say(lang, "report.referenceModel"), "label");
  c.formula(
    "C",
    `CHOOSE(${abs(codeRef)}+1,"—",${ref("public_partner")},IF(${fees}>=${gifts},${ref("members")},${ref("philanthropy")}),${ref("cofinanced")},IF(AND(${activity}>0,${publicActivity}>=0.5*${activity}),${ref("public_service")},${ref("market")}),${ref("public_activity")},${ref("private_activity")},${ref("hybrid")})`,
    main.model.reference ? main.model.reference[lang] : "—",
    "text",
  );
  c.merge("C", "H");
  c.next();
}

// ───────────── the three pillars, each euro once ─────────────

function pillarsBlock(L: Layout): void {
  const { c, lang, main, F } = L;
  sectionHeading(L, "report.theThreePillars");
  c.put("A", say(lang, "report.pillar"), "tableHeader");
  c.put("B", "", "tableHeader");
  c.put("C", say(lang, "report.amount"), "tableHeader");
  c.put("D", say(lang, "report.whatItIsMadeOf"), "tableHeader");
  c.merge("D", "H");
  c.next();
  const civic = main.ratios.fourThirds.humanResources.civicService;
  for (const def of PILLAR_FIGURES) {
    const value = main.pillars.find((v) => v.pillar === def.pillar)!;
    // Each part's amount sits in a hidden cell (J, K, …) beside the row: the amount and the detail read them.
    const partRefs = def.parts.map((part, i) => c.formula(columnLetters(10 + i), F.amount(part.amount), euros(value.parts[i]!.cents), "hidden"));
    const besideRefs = def.beside.map((b, i) => c.formula(columnLetters(10 + def.parts.length + i), F.amount(b.amount), euros(value.beside[i]!.cents), "hidden"));
    c.put("A", PILLAR_NAMES[def.pillar][lang], "label");
    c.formula("C", partRefs.join("+"), euros(value.cents), "moneyBold");
    const partText = (label: string, ref: string) => `IF(${ref}<>0,${q(label + " ")}&${F.euros(ref)},${q(`${label} ${PART_MARKS.absent}`)})`;
    const parts = def.parts.map((part, i) => partText(part.label[lang], partRefs[i]!));
    if (def.pillar === "human") parts.splice(2, 0, q(`${CIVIC_SERVICE_LABEL[lang]} ${civic ? PART_MARKS.present : PART_MARKS.absent}`));
    const beside = def.beside.map((b, i) => `IF(${besideRefs[i]}<>0,${F.template(BESIDE_TEXT[lang], { label: q(b.label[lang]), amount: F.euros(besideRefs[i]!) })},"")`);
    const detail = pillarDetail(value, lang, civic);
    c.formula("D", [parts.join(`&${q(PART_MARKS.separator)}&`), ...beside].join("&"), detail, "wrap");
    c.merge("D", "H");
    c.fit(detail, DH_LINE);
    c.next();
  }
  c.put("A", PILLARS_NOTE[lang], "note");
  c.merge("A", "H");
  c.next(2);
}

// ───────────── the financing mix ─────────────

function mixBlock(L: Layout): void {
  const { c, lang, main, F, result } = L;
  const M = new ModelFormulas(F);
  sectionHeading(L, "report.financingMixHeading");
  c.put("A", say(lang, "report.nature"), "tableHeader");
  c.put("B", "", "tableHeader");
  c.put("C", say(lang, "report.amount"), "tableHeader");
  c.put("D", say(lang, "report.share"), "tableHeader");
  c.put("E", say(lang, "report.nationalAverage"), "tableHeader");
  c.heights[c.row] = 30;
  c.next();
  const firstMix = c.row;
  for (const n of MIX_NATURES) {
    c.put("A", NATURE_NAMES[n][lang], "label");
    c.formula("C", M.nature(n), euros(main.totals.byNature[n]), "money");
    c.formula("D", M.shareOf(n), main.model.shares[n], "percent");
    c.put("E", NATIONAL_MIX.byNature[n], "percent");
    c.next();
  }
  L.charts.push({
    kind: "doughnut",
    title: say(lang, "report.financingMix"),
    categories: `$A$${firstMix}:$A$${firstMix + 2}`,
    series: [{ name: say(lang, "report.share"), values: `$C$${firstMix}:$C$${firstMix + 2}` }],
    // Beside the mix table (columns G:H are free there), inside the print area.
    anchor: { from: `G${firstMix - 1}`, to: `H${firstMix + 5}` },
  });
  c.put("A", say(lang, "report.mixBase"), "label");
  c.formula("C", M.base(), euros(main.model.baseCents), "moneyBold");
  c.next();
  c.put("A", NATURE_NAMES.neutral[lang], "text");
  c.merge("A", "B");
  c.formula("C", M.nature("neutral"), euros(main.totals.byNature.neutral), "money");
  c.next();
  c.put("A", say(lang, "report.ofWhichByLever"), "note");
  c.next();
  const firstLever = c.row;
  const incomeLevers = LEVERS.filter((l) => l.family === "income" && result.analyses.some((a) => (a.totals.byLever[l.id] ?? 0) !== 0));
  for (const l of incomeLevers) {
    const amount = F.selection({ section: "income", levers: [l.id] });
    c.put("A", `   ${l.label[lang]}`, "text");
    c.merge("A", "B");
    c.formula("C", amount, euros(main.totals.byLever[l.id] ?? 0), "money");
    const inMix = l.nature !== "neutral";
    c.formula("D", inMix ? `IF(${M.base()}=0,0,${amount}/${M.base()})` : `""`, inMix ? (main.model.baseCents > 0 ? (main.totals.byLever[l.id] ?? 0) / main.model.baseCents : 0) : "", "percent");
    c.next();
  }
  if (incomeLevers.length > 0) {
    L.charts.push({
      kind: "bar",
      title: say(lang, "report.resourcesByLever"),
      categories: `$A$${firstLever}:$A$${c.row - 1}`,
      series: [{ name: say(lang, "report.amount"), values: `$C$${firstLever}:$C$${c.row - 1}` }],
      // Beside the levers, down to the note under them at most (the next section starts after a blank row).
      // Beside the levers and the note under them (merged A:F), tall enough to name every bar.
      anchor: { from: `G${firstLever}`, to: `H${c.row + 2}` },
    });
  }
  const note = `* ${NATIONAL_MIX.note[lang]}`;
  c.put("A", note, "note");
  c.fit(note, span(1, 6), 9);
  c.merge("A", "F");
  c.next(3);
}

// ───────────── the rules ─────────────

function rulesBlock(L: Layout): void {
  const { c, lang, main } = L;
  sectionHeading(L, "report.theRules");
  const heads: (MessageId | null)[] = ["report.rule", null, "report.value", "report.target", "report.gapEuros", "report.gapPoints", "report.status", "report.whatItMeans"];
  heads.forEach((h, i) => c.put(String.fromCharCode(65 + i), h ? say(lang, h) : "", "tableHeader"));
  c.heights[c.row] = 30;
  c.next();
  const values = ruleValues(main.ratios);
  RULES.forEach((r, i) => ruleRow(L, r, values[i]!));
  c.put("A", say(lang, "report.linesThatWeighMostAs"), "note");
  c.merge("A", "H");
  c.next();
  RULES.forEach((r, i) => {
    const list = values[i]!.drivers;
    const text = list.length ? list.map((d) => `${d.label} (${d.sheet}!${d.cell}, ${eurosText(d.cents, lang)})`).join(" · ") : "—";
    c.put("A", `   ${r.short[lang]}`, "text");
    c.merge("A", "B");
    c.put("C", text, "wrap");
    c.merge("C", "H");
    c.fit(text, CH_LINE);
    c.next();
  });
  c.next();
}

/** One rule: value, target, gap, points, status and sentence; its numerator and denominator sit in hidden cells. */
function ruleRow(L: Layout, r: RuleDef, v: RuleValue): void {
  const { c, lang, F, p } = L;
  const recorded = c.formula("J", F.recorded(r), euros(v.recordedCents), "hidden");
  const numerator = c.formula("K", F.numerator(r, recorded), euros(v.numeratorCents), "hidden");
  const denominator = c.formula("L", F.amount(r.denominator), euros(v.denominatorCents), "hidden");
  c.put("A", r.name[lang], "label");
  c.merge("A", "B");
  const value = c.formula("C", F.value(numerator, denominator), share(v.value), "percentBold");
  const target = c.formula("D", p[r.target], v.target, "percent");
  const gap = c.formula("E", F.gap(r, numerator, denominator), euros(v.gapCents), "money");
  L.names.set(definedName(`rule.${r.id}`, false), value);
  L.names.set(definedName(`gap.${r.id}`, false), gap);
  c.formula("F", `IF(${value}="","",${target}-${value})`, v.value === null ? "" : v.gapPoints, "percent");
  const status = c.formula("G", F.status(value, target), v.value === null ? "—" : STATUS_NAMES[v.status][lang], "status");
  // Each text the sentence quotes sits in a hidden cell (from column N): the sentence stays short.
  const cells: RuleCells = { value, target, gap, numerator, denominator, status, recorded };
  const formulas = F.placeholders(cells);
  const engineTexts = placeholderTexts(v, L.result.parameters, lang);
  const texts: Record<string, string> = {};
  PLACEHOLDERS.forEach((k, i) => (texts[k] = c.formula(columnLetters(14 + i), formulas[k], engineTexts[k], "hidden")));
  if (r.sentences.source) texts.source = c.formula(columnLetters(14 + PLACEHOLDERS.length), F.source(r, cells, texts), sourceText(r, v, L.result.parameters, lang), "hidden");
  c.formula("H", F.sentence(r, cells, texts), v.sentence[lang], "wrap");
  c.fit(v.sentence[lang], H_LINE);
  c.next();
}

// ───────────── what the mix implies, the trajectory ─────────────

function implicationsBlock(L: Layout): void {
  if (L.main.implications.length === 0) return;
  sectionHeading(L, "report.whatYourMixImplies");
  for (const imp of L.main.implications) wideText(L, imp.text[L.lang]);
  L.c.next();
}

function trajectoryBlock(L: Layout): void {
  const { c, lang, result, R, p } = L;
  if (result.analyses.length < 2) return;
  sectionHeading(L, "report.trajectory");
  const cols = result.analyses.map((_, i) => String.fromCharCode(67 + i)).slice(0, 6); // C…H
  const headerRow = c.row;
  cols.forEach((col, i) => c.put(col, result.analyses[i]!.scenario, "tableHeader"));
  c.heights[c.row] = 30;
  c.next();
  const firstTrajectory = c.row;
  const modelLabel = say(lang, "report.model");
  const expense = BUDGET_FIGURES.find((f) => f.id === "expense")!.amount;
  const income = BUDGET_FIGURES.find((f) => f.id === "income")!.amount;
  type Row = [string, (F: FigureFormulas, M: ModelFormulas) => string, (a: Analysis) => number | string | null, StyleId];
  const ruleRows: Row[] = (["tiersOnTop", "fourThirds", "pooling", "premium"] as const).map((id) => {
    const r = RULES.find((x) => x.id === id)!;
    return [
      r.short[lang],
      (F) => F.value(F.numerator(r, F.recorded(r)), F.amount(r.denominator)),
      (a) => share(ruleValues(a.ratios).find((x) => x.id === id)!.value),
      "percent",
    ];
  });
  const rows: Row[] = [
    [say(lang, "report.income"), (F) => F.amount(income), (a) => euros(a.budget.incomeCents), "money"],
    [say(lang, "report.expenses"), (F) => F.amount(expense), (a) => euros(a.budget.expenseCents), "money"],
    [say(lang, "report.result"), (F) => `${F.amount(income)}-${F.amount(expense)}`, (a) => euros(a.budget.resultCents), "money"],
    ...MIX_NATURES.map((n): Row => [NATURE_NAMES[n][lang], (_F, M) => M.shareOf(n), (a) => a.model.shares[n], "percent"]),
    [modelLabel, (_F, M) => M.name(), (a) => a.model.name[lang], "wrap"],
    ...ruleRows,
  ];
  for (const [label, formula, expected, style] of rows) {
    c.put("A", label, "label");
    // A model's name takes two lines in a column of the trajectory.
    if (label === modelLabel) c.heights[c.row] = 30;
    c.merge("A", "B");
    cols.forEach((col, i) => {
      // The model row reads the shares computed in the rows above it.
      const shares = Object.fromEntries(MIX_NATURES.map((n, k) => [n, `${col}${firstTrajectory + 3 + k}`])) as Record<MixNature, string>;
      const F = new FigureFormulas(R, lang, `${col}$${headerRow}`, p);
      const M = new ModelFormulas(F, label === modelLabel ? shares : undefined);
      c.formula(col, formula(F, M), expected(result.analyses[i]!), style);
    });
    c.next();
  }
  L.charts.push({
    kind: "column",
    title: say(lang, "report.trajectoryOfNatures"),
    categories: `$C$${headerRow}:$${cols[cols.length - 1]}$${headerRow}`,
    series: MIX_NATURES.map((n, i) => ({ name: NATURE_NAMES[n][lang], values: `$C$${firstTrajectory + 3 + i}:$${cols[cols.length - 1]}$${firstTrajectory + 3 + i}` })),
    // Beside the trajectory table when it leaves G:H free (up to four columns), else right of the print area.
    anchor: cols.length <= 4 ? { from: `G${headerRow}`, to: `H${c.row - 1}` } : { from: `J${headerRow}`, to: `O${headerRow + 16}` },
  });
  c.next();
}

// ───────────── parameters, method, what to check ─────────────

/** Column of the cells the user types into: right of the print area (A:H), so they never print. */
const INPUT_COL = "J";

const FORMULA_PARAMS = (Object.keys(PARAMETER_TABLE) as (keyof Parameters)[]).filter((k) => k !== "inKindInMix" && k !== "inKindNumbering" && k !== "dominanceThreshold");

function parametersBlock(L: Layout): void {
  const { c, lang, result } = L;
  sectionHeading(L, "report.parametersEditableTheReportFollows");
  for (const k of FORMULA_PARAMS) {
    const info = PARAMETER_TABLE[k];
    c.put("A", info.label[lang], "wrap");
    c.merge("A", "B");
    c.fit(info.label[lang], AB_LINE);
    // The input cell is right of the print area (column J); the printed page shows its value in C.
    const value = result.parameters[k] as number;
    c.formula("C", `${INPUT_COL}${c.row}`, value, info.kind === "share" ? "percent" : info.kind === "euros" ? "number" : "text");
    c.put(INPUT_COL, value, info.kind === "share" ? "inputPercent" : info.kind === "euros" ? "inputMoney" : "input");
    c.next();
  }
  c.put("A", say(lang, "report.numberingOfAccounts"), "text");
  c.put("C", result.parameters.inKindNumbering === "crc99" ? "Cerfa / CRC 99-01" : "ANC 2018-06", "text");
  c.merge("C", "D");
  c.next(2);
}

/** The terms of the report, one sentence each a volunteer understands, then what the thresholds are. */
const GLOSSARY = ["tiersOnTop", "fourThirds", "alliance", "outsideMix", "inKind", "socialUtility", "model"] as const;

function methodBlock(L: Layout): void {
  const { lang, c } = L;
  sectionHeading(L, "report.method");
  for (const term of GLOSSARY) {
    const text = say(lang, `glossary.${term}.text`);
    c.put("A", say(lang, `glossary.${term}.term`), "label");
    c.put("B", text, "wrap");
    c.merge("B", "H");
    c.fit(text, BH_LINE);
    c.next();
  }
  wideText(L, say(lang, "report.caveat"), "note");
}

function issuesBlock(L: Layout): void {
  const { result, lang, c } = L;
  if (result.issues.length === 0) return;
  c.next();
  sectionHeading(L, "report.toCheckInTheWorkbook");
  for (const issue of result.issues.slice(0, 30)) wideText(L, lang === "fr" ? issue.message : issue.messageEn);
}

// ───────────── the sheet ─────────────

const BODY: ((L: Layout) => void)[] = [budgetBlock, modelBlock, pillarsBlock, mixBlock, rulesBlock, scenarioBlock, implicationsBlock, trajectoryBlock];

export function buildReportSheet(result: WorkbookAnalysis, names: SheetNames, options: ReportOptions): PlannedSheet {
  return buildReport(result, names, options).sheet;
}

/** The report sheet, and the cells other sheets' formulas refer to: the column it shows and the parameters (sheet-qualified). */
export interface BuiltReport {
  sheet: PlannedSheet;
  column: string;
  p: Record<keyof Parameters, string>;
  names: PlannedName[];
}

export function buildReport(result: WorkbookAnalysis, names: SheetNames, options: ReportOptions): BuiltReport {
  const { lang } = options;
  const main = result.analyses.find((a) => a.scenario === options.scenario) ?? result.analyses[result.analyses.length - 1]!;
  const c = new Cursor();
  titleRows(c, result, options);
  const picker = scenarioPicker(c, result, names, main, lang);
  const p = {} as Record<keyof Parameters, string>;
  const L: Layout = {
    lang,
    result,
    main,
    R: mappingRanges(names, result.classified.length),
    c,
    charts: [],
    p,
    scenarioRef: picker.ref,
    F: null as unknown as FigureFormulas,
    names: new Map(),
    scenarios: options.scenarios ?? null,
  };
  L.F = new FigureFormulas(L.R, lang, picker.ref, p);
  // The parameters sit under the body and the body's formulas refer to them: lay the body out once with
  // placeholder refs to learn where the parameters start, then for real.
  const start = c.row;
  const saved = { cells: c.cells.length, merges: c.merges.length };
  Object.assign(p, Object.fromEntries(FORMULA_PARAMS.map((k) => [k, "$Z$1"])));
  for (const block of BODY) block(L);
  const paramStart = c.row;
  c.cells.length = saved.cells;
  c.merges.length = saved.merges;
  L.charts.length = 0;
  c.row = start;
  FORMULA_PARAMS.forEach((k, i) => (p[k] = `$${INPUT_COL}$${paramStart + 1 + i}`));
  for (const block of BODY) block(L);
  parametersBlock(L);
  methodBlock(L);
  issuesBlock(L);
  const lastRow = c.row;
  const own = (ref: string) => `${sheetRef(names.report)}${ref.includes("$") ? ref : abs(ref)}`;
  const sheet: PlannedSheet = {
    name: names.report,
    role: "report",
    cells: c.cells,
    columnWidths: COLUMN_WIDTHS,
    rowHeights: c.heights,
    merges: c.merges,
    tables: [],
    validations: [
      {
        ref: `${INPUT_COL}${picker.row}`,
        listSource: picker.list,
        prompt: { title: say(lang, "report.columnAnalysed"), text: say(lang, "report.pickTheBudgetColumnTo") },
        error: { title: say(lang, "report.unknownColumn"), text: say(lang, "report.pickAColumnFromThe") },
      },
    ],
    conditionalFormats: [
      {
        ref: `G1:G${lastRow}`,
        textEquals: [
          { text: STATUS_NAMES.reached[lang], fill: "C6EFCE", color: "006100" },
          { text: STATUS_NAMES.close[lang], fill: "FFEB9C", color: "9C5700" },
          { text: STATUS_NAMES.below[lang], fill: "FFC7CE", color: "9C0006" },
        ],
      },
    ],
    charts: L.charts,
    print: {
      area: `A1:H${lastRow}`,
      landscape: true,
      fitToWidth: 1,
      header: headerTitle(options.title),
      footer: say(lang, "report.footer", { date: options.dateText }),
    },
    tabColor: "1F3864",
  };
  return {
    sheet,
    column: own(picker.ref),
    p: Object.fromEntries(FORMULA_PARAMS.map((k) => [k, own(p[k])])) as Record<keyof Parameters, string>,
    names: [...L.names].map(([name, ref]) => ({ name, ref: own(ref) })),
  };
}

function titleRows(c: Cursor, result: WorkbookAnalysis, options: ReportOptions): void {
  const { lang } = options;
  c.put("A", say(lang, "report.title"), "title");
  c.merge("A", "E");
  c.put("F", options.title, "label");
  c.merge("F", "H");
  c.next();
  const budgetSheets = [...new Set(result.budgets.map((b) => b.sheet))].map((s) => say(lang, "quoted", { text: s })).join(", ");
  const distinctLines = new Set(result.classified.map((l) => `${l.sheet}!${l.cell}`)).size;
  c.put(
    "A",
    say(lang, "report.source", { sheets: budgetSheets, lines: String(distinctLines), skipped: String(result.skipped.length), date: options.dateText }),
    "subtitle",
  );
  c.merge("A", "H");
  c.next(2);
}

/** The column the report shows, a dropdown over the scenarios (their names in hidden cells from column K). */
function scenarioPicker(c: Cursor, result: WorkbookAnalysis, names: SheetNames, main: Analysis, lang: Lang): { row: number; ref: string; list: string } {
  const row = c.row;
  // The dropdown (an input) sits in column J, right of the print area; the printed page shows its value.
  c.put("A", say(lang, "report.columnAnalysed"), "label");
  c.formula("B", `${INPUT_COL}${row}`, main.scenario, "label");
  c.merge("B", "D");
  c.put(INPUT_COL, main.scenario, "input");
  // An inline list would break on a column name with a comma or a quote, and Excel refuses one over 255 characters.
  const scenarios = [...new Set(result.analyses.map((a) => a.scenario))];
  scenarios.forEach((name, i) => c.put(columnLetters(11 + i), name, "hidden"));
  c.next();
  c.put(INPUT_COL, say(lang, "report.pickAnotherBudgetColumnThe"), "note");
  c.next();
  return { row, ref: `$${INPUT_COL}$${row}`, list: `${sheetRef(names.report)}$K$${row}:$${columnLetters(10 + scenarios.length)}$${row}` };
}

/**
 * The association's name as the print header shows it: Excel refuses a header over 255 characters (the
 * host adds the sheet name and doubles every "&"), so a long name is cut, on one line.
 */
export function headerTitle(title: string, max = 90): string {
  const line = title.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function modelCode(a: Analysis): number {
  if (a.model.baseCents <= 0) return 0;
  return MIX_NATURES.reduce((code, n, i) => code + (a.model.shares[n] >= a.parameters.significanceThreshold ? 1 << i : 0), 0);
}
