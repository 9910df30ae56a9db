// The « Scénarios » step's model: what the user typed (kept as typed, so nothing is lost when a field does not
// parse yet), the engine scenario it means, and what the engine says of it. Pure functions; Scenarios.tsx renders.
import type { Analysis } from "../engine/analyze.ts";
import { isEquilibreError } from "../engine/errors.ts";
import { goalSeek, type Goal, type Variable } from "../engine/goalSeek.ts";
import { say } from "../engine/i18n/index.ts";
import { LEVERS, lever as leverById } from "../engine/levers.ts";
import { eurosToCents, formatEuros } from "../engine/money.ts";
import type { Parameters } from "../engine/parameters.ts";
import { hoursToCents, linesOfColumn, runScenario, type Scenario, type ScenarioChange, type ScenarioRun } from "../engine/scenario.ts";
import { analysisDifference, type AnalysisDifference } from "../engine/scenarioDifference.ts";
import { goalSentence, scenarioSentences } from "../engine/scenarioText.ts";
import { MIX_NATURES, type ClassifiedLine, type Lang, type LeverId, type MixNature } from "../engine/types.ts";

/** One lever's two fields, as typed. */
export interface LeverInput {
  percent: string;
  euros: string;
}

export interface ScenarioDraft {
  /** Stable key for React and for switching (names may repeat while being typed). */
  key: number;
  name: string;
  levers: Partial<Record<LeverId, LeverInput>>;
  hours: string;
}

export interface ScenarioDrafts {
  drafts: ScenarioDraft[];
  active: number;
  next: number;
}

const MINUS = /[\u2212\u2012\u2013\u2014\u2010]/g;
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a']/g;

/**
 * A number typed in a field, the user's way: « -20 », « −12,5 % », « 5 000,50 », « 5.000 » in French;
 * « 5,000.50 » in English. A unit (€, %, h) may follow. Null for an empty field, NaN for what is not a number.
 */
export function parseNumberInput(text: string, lang: Lang): number | null {
  let t = text.trim().replace(MINUS, "-").replace(SPACES, "");
  t = t.replace(/(€|eur|euros?|%|h|heures?|hours?)$/i, "");
  if (t === "") return null;
  let sign = 1;
  if (t.startsWith("-") || t.startsWith("+")) {
    sign = t.startsWith("-") ? -1 : 1;
    t = t.slice(1);
  }
  const [decimal, group] = lang === "fr" ? [",", "."] : [".", ","];
  const cut = t.indexOf(decimal);
  let whole = cut < 0 ? t : t.slice(0, cut);
  const fraction = cut < 0 ? "" : t.slice(cut + 1);
  if (whole.includes(group)) {
    // « 5.000 » groups thousands; « 12.5 » in French is a decimal point typed the English way.
    if (/^\d{1,3}(\.\d{3})+$/.test(whole) || /^\d{1,3}(,\d{3})+$/.test(whole)) whole = whole.split(group).join("");
    else if (cut < 0 && lang === "fr" && /^\d+\.\d+$/.test(whole)) return sign * Number(whole);
    else return Number.NaN;
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === "") return Number.NaN;
  return sign * Number(`${whole || "0"}.${fraction || "0"}`);
}

/** A number as the user types it back: « 12,5 », « 5000,5 » in French. */
export function numberText(n: number, lang: Lang): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === "fr" ? s.replace(".", ",") : s;
}

/** The amount a lever carries in a column: in-kind levers on their resource side (87), which mirrors 86. */
export function leverAmount(lines: readonly ClassifiedLine[], id: LeverId): number {
  const l = leverById(id);
  const side = l.family === "in_kind" ? "in_kind_resource" : l.family;
  return lines.reduce((s, x) => s + (x.lever === id && x.section === side && x.amount.kind === "value" ? x.amount.cents : 0), 0);
}

/** The levers that carry an amount in the column, in the lever table's order (income, expenses, in kind). */
export function leverRows(lines: readonly ClassifiedLine[]): { lever: LeverId; cents: number }[] {
  return LEVERS.map((l) => ({ lever: l.id, cents: leverAmount(lines, l.id) })).filter((r) => r.cents !== 0);
}

export type FieldProblem = "number" | "percent" | "hours";

/** The engine scenario a draft means, and the fields that do not say a number the scenario can use. */
export function draftScenario(draft: ScenarioDraft, column: string, lang: Lang): { scenario: Scenario; problems: Map<string, FieldProblem> } {
  const problems = new Map<string, FieldProblem>();
  const changes: ScenarioChange[] = [];
  for (const l of LEVERS) {
    const input = draft.levers[l.id];
    if (!input) continue;
    const percent = parseNumberInput(input.percent, lang);
    const euros = parseNumberInput(input.euros, lang);
    if (percent !== null && Number.isNaN(percent)) problems.set(`${l.id}:percent`, "number");
    else if (percent !== null && percent < -100) problems.set(`${l.id}:percent`, "percent");
    else if (percent) changes.push({ kind: "percent", lever: l.id, percent });
    if (euros !== null && Number.isNaN(euros)) problems.set(`${l.id}:euros`, "number");
    else if (euros) changes.push({ kind: "amount", lever: l.id, cents: eurosToCents(euros) });
  }
  const hours = parseNumberInput(draft.hours, lang);
  if (hours !== null && (Number.isNaN(hours) || hours < 0)) problems.set("hours", Number.isNaN(hours) ? "number" : "hours");
  else if (hours) changes.push({ kind: "volunteerHours", hours });
  return { scenario: { name: draft.name.trim() || say(lang, "pane.scenarios.defaultName", { n: draft.key }), column, changes }, problems };
}

/** A saved scenario (read back from the workbook) as fields to edit; changes the fields cannot hold are dropped. */
export function scenarioDraft(s: Scenario, key: number, lang: Lang): ScenarioDraft {
  const levers: Partial<Record<LeverId, LeverInput>> = {};
  let hours = 0;
  for (const c of s.changes) {
    if (c.kind === "percent") levers[c.lever] = { ...(levers[c.lever] ?? { percent: "", euros: "" }), percent: numberText(c.percent, lang) };
    else if (c.kind === "amount") levers[c.lever] = { ...(levers[c.lever] ?? { percent: "", euros: "" }), euros: numberText(c.cents / 100, lang) };
    else if (c.kind === "volunteerHours") hours += c.hours;
  }
  return { key, name: s.name, levers, hours: hours ? numberText(hours, lang) : "" };
}

export function emptyDraft(key: number, lang: Lang): ScenarioDraft {
  return { key, name: say(lang, "pane.scenarios.defaultName", { n: key }), levers: {}, hours: "" };
}

/** The pane's scenarios: those the workbook holds, or one empty scenario to fill. */
export function startDrafts(saved: readonly Scenario[], lang: Lang): ScenarioDrafts {
  const drafts = saved.length > 0 ? saved.map((s, i) => scenarioDraft(s, i + 1, lang)) : [emptyDraft(1, lang)];
  return { drafts, active: drafts[0]!.key, next: drafts.length + 1 };
}

export function addDraft(state: ScenarioDrafts, lang: Lang): ScenarioDrafts {
  const d = emptyDraft(state.next, lang);
  return { drafts: [...state.drafts, d], active: d.key, next: state.next + 1 };
}

/** Deletes the active scenario; the last one left is emptied instead, so the step always has one to fill. */
export function removeDraft(state: ScenarioDrafts, key: number, lang: Lang): ScenarioDrafts {
  const at = state.drafts.findIndex((d) => d.key === key);
  if (at < 0) return state;
  if (state.drafts.length === 1) return { drafts: [emptyDraft(state.next, lang)], active: state.next, next: state.next + 1 };
  const drafts = state.drafts.filter((d) => d.key !== key);
  return { ...state, drafts, active: state.active === key ? drafts[Math.max(0, at - 1)]!.key : state.active };
}

export function updateDraft(state: ScenarioDrafts, key: number, change: (d: ScenarioDraft) => ScenarioDraft): ScenarioDrafts {
  return { ...state, drafts: state.drafts.map((d) => (d.key === key ? change(d) : d)) };
}

export function setLeverField(d: ScenarioDraft, lever: LeverId, field: keyof LeverInput, text: string): ScenarioDraft {
  return { ...d, levers: { ...d.levers, [lever]: { ...(d.levers[lever] ?? { percent: "", euros: "" }), [field]: text } } };
}

export interface ScenarioView {
  scenario: Scenario;
  problems: Map<string, FieldProblem>;
  /** Null when the engine refuses the scenario (a cut larger than the lever): `error` says why. */
  run: ScenarioRun | null;
  difference: AnalysisDifference | null;
  sentences: string[];
  error: string | null;
  /** Each lever's amount after the scenario (same side as leverAmount). */
  after: Partial<Record<LeverId, number>>;
}

/** What the engine says of a draft on the analysed column: the same analysis as the column's, on changed copies of its lines. */
export function evaluateDraft(classified: readonly ClassifiedLine[], column: string, draft: ScenarioDraft, params: Parameters, lang: Lang): ScenarioView {
  const { scenario, problems } = draftScenario(draft, column, lang);
  try {
    const run = runScenario(classified, scenario, params);
    const columnLines = linesOfColumn(classified, run.column).lines;
    const sentences = scenarioSentences(columnLines, scenario.changes, params, run.base, run.analysis, scenario.name).map((s) => s.text[lang]);
    const after = Object.fromEntries(leverRows(columnLines).map((r) => [r.lever, leverAmount(run.lines, r.lever)]));
    return { scenario, problems, run, difference: analysisDifference(run.base, run.analysis), sentences, error: null, after };
  } catch (e) {
    if (!isEquilibreError(e)) throw e;
    const detail = String((lang === "en" ? (e.params.detailEn ?? e.params.detail) : e.params.detail) ?? e.messageIn(lang));
    return { scenario, problems, run: null, difference: null, sentences: [], error: say(lang, "pane.scenarios.cannotApply", { detail }), after: {} };
  }
}

/** The lever a treasurer would move to bring a nature into the mix: the largest of that nature in the column, or the usual one. */
const USUAL_LEVER: Record<MixNature, LeverId> = { public: "public_grants", private: "corporate_patronage", activity: "sales_services" };

function leverOfNature(lines: readonly ClassifiedLine[], nature: MixNature): LeverId {
  const ofNature = LEVERS.filter((l) => l.family === "income" && l.nature === nature).map((l) => ({ id: l.id, cents: leverAmount(lines, l.id) }));
  const largest = ofNature.sort((a, b) => b.cents - a.cents)[0];
  return largest && largest.cents > 0 ? largest.id : USUAL_LEVER[nature];
}

/** The goal-seek questions worth asking of an analysis: each nature outside the model, and volunteering when its rule is not reached. */
export function hintQuestions(lines: readonly ClassifiedLine[], analysis: Analysis, params: Parameters): { variable: Variable; goal: Goal }[] {
  const out: { variable: Variable; goal: Goal }[] = [];
  if (analysis.model.baseCents > 0) {
    for (const n of MIX_NATURES) {
      if (analysis.model.shares[n] >= params.significanceThreshold) continue;
      out.push({ variable: { kind: "lever", lever: leverOfNature(lines, n), direction: 1 }, goal: { kind: "model", model: null } });
    }
  }
  if (analysis.ratios.fourThirds.status !== "reached" && params.volunteerHourlyRate * params.employerChargeCoefficient > 0) {
    out.push({ variable: { kind: "volunteerHours" }, goal: { kind: "rule", rule: "fourThirds" } });
  }
  return out;
}

/** « 18 400 € de mécénat en plus vous rendraient hybride »: the answers the engine finds, on the scenario's lines. */
export function goalHints(view: ScenarioView, lang: Lang): string[] {
  if (!view.run) return [];
  const { lines, parameters, analysis } = view.run;
  return hintQuestions(lines, analysis, parameters)
    .map((q) => goalSeek(lines, parameters, q.variable, q.goal))
    .filter((g) => g.cents !== null || g.hours !== null)
    .map((g) => goalSentence(g)[lang]);
}

/** « valorisées 8 220 € »: what the typed hours are worth at the parameters' rate. */
export function hoursValue(draft: ScenarioDraft, params: Parameters, lang: Lang): string | null {
  const h = parseNumberInput(draft.hours, lang);
  return h && h > 0 ? say(lang, "pane.scenarios.hoursValue", { amount: formatEuros(hoursToCents(h, params), lang) }) : null;
}

/** The scenarios the workbook should keep: every draft that says something, with a unique name. */
export function scenariosToSave(views: readonly ScenarioView[]): Scenario[] {
  const seen = new Set<string>();
  const out: Scenario[] = [];
  for (const v of views) {
    if (!v.run || v.problems.size > 0 || v.scenario.changes.length === 0) continue;
    let name = v.scenario.name;
    for (let i = 2; seen.has(name); i++) name = `${v.scenario.name} (${i})`;
    seen.add(name);
    out.push({ ...v.scenario, name });
  }
  return out;
}
