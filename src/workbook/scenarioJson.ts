// The `scenarios` entries of the JSON document (docs/contrat-json.md, `scenarios[]`): the scenario as asked,
// its analysis in the very shape of an entry of `analyses`, and its difference from the column. Euros to the cent.
import type { GoalSeekResult } from "../engine/goalSeek.ts";
import { centsToEuros } from "../engine/money.ts";
import type { Parameters } from "../engine/parameters.ts";
import { runScenario, type Scenario, type ScenarioChange } from "../engine/scenario.ts";
import { analysisDifference, type AmountChange, type AnalysisDifference, type RatioChange, type ShareChange } from "../engine/scenarioDifference.ts";
import { goalSentence, scenarioSentences } from "../engine/scenarioText.ts";
import type { ClassifiedLine, Lang } from "../engine/types.ts";
import { analysisJson } from "./analysisJson.ts";

const round6 = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1_000_000) / 1_000_000);
const eur = centsToEuros;

const amountJson = (c: AmountChange) => ({ before: eur(c.beforeCents), after: eur(c.afterCents), amount: eur(c.cents) });
const shareJson = (c: ShareChange) => ({ ...amountJson(c), shareBefore: round6(c.shareBefore), shareAfter: round6(c.shareAfter), points: round6(c.points) });
const ratioJson = (r: RatioChange) => ({
  valueBefore: round6(r.valueBefore),
  valueAfter: round6(r.valueAfter),
  points: round6(r.points),
  gapBefore: eur(r.gapBeforeCents),
  gapAfter: eur(r.gapAfterCents),
  gapAmount: eur(r.gapCents),
  statusBefore: r.statusBefore,
  statusAfter: r.statusAfter,
});
const each = <K extends string, V, W>(r: Partial<Record<K, V>>, f: (v: V) => W) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;

/** The difference between two analyses, in euros and in share points (0.04 = 4 points). */
export function differenceJson(d: AnalysisDifference) {
  return {
    bySection: each(d.bySection, amountJson),
    result: amountJson(d.result),
    byNature: each(d.byNature, shareJson),
    byLever: each(d.byLever, shareJson),
    byPillar: each(d.byPillar, amountJson),
    byDestination: each(d.byDestination, amountJson),
    ratios: each(d.ratios, ratioJson),
    model: d.model,
  };
}

/** A change as the scenario file writes it (euros, not cents). */
export function changeJson(c: ScenarioChange) {
  if (c.kind === "percent") return { lever: c.lever, percent: c.percent };
  if (c.kind === "amount") return { lever: c.lever, amount: eur(c.cents) };
  if (c.kind === "volunteerHours") return { volunteerHours: c.hours };
  return { line: c.line, destination: c.destination };
}

export interface GoalAnswer {
  reach: string;
  result: GoalSeekResult;
}

function goalJson(g: GoalAnswer, lang: Lang) {
  const v = g.result.variable;
  return {
    ...(v.kind === "lever" ? { lever: v.lever, direction: v.direction > 0 ? "up" : "down" } : { volunteerHours: true }),
    reach: g.reach,
    reached: g.result.cents !== null || g.result.hours !== null,
    amount: g.result.cents === null ? null : eur(g.result.cents),
    hours: g.result.hours,
    model: g.result.model,
    sentence: goalSentence(g.result)[lang],
  };
}

/** One entry of `scenarios`: the scenario run on its column, and the goal-seek questions asked on the scenario. */
export function scenarioJson(
  lines: readonly ClassifiedLine[],
  scenario: Scenario,
  params: Parameters,
  lang: Lang,
  seek: (scenarioLines: ClassifiedLine[], scenarioParams: Parameters) => GoalAnswer[] = () => [],
) {
  const run = runScenario(lines, scenario, params);
  const columnLines = lines.filter((l) => l.scenario === run.column);
  const sentences = scenarioSentences(columnLines, scenario.changes, params, run.base, run.analysis, scenario.name);
  return {
    name: scenario.name,
    column: run.column,
    changes: scenario.changes.map(changeJson),
    analysis: analysisJson(run.analysis, lang, run.lines),
    difference: differenceJson(analysisDifference(run.base, run.analysis)),
    sentences: sentences.map((s) => s.text[lang]),
    goals: seek(run.lines, run.parameters).map((g) => goalJson(g, lang)),
  };
}

export type ScenarioJson = ReturnType<typeof scenarioJson>;
