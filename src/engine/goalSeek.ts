// Goal-seek: how many euros on one lever (or how many volunteer hours) reach a rule's target or change the
// model. Bisection over the real analysis function, to the euro (to the hour), never a formula of its own.
// For one lever the shares and the ratios move monotonically with the amount (a ratio (N + a·x)/(D + b·x)),
// so each nature crosses the threshold at most once and each rule is reached at most once: bisection finds
// the first amount that does it.
import { analyze, type Analysis } from "./analyze.ts";
import { lever as leverById } from "./levers.ts";
import type { ModelId } from "./models.ts";
import type { Parameters } from "./parameters.ts";
import { applyChanges, type ScenarioChange } from "./scenario.ts";
import { ruleValues, type RuleId } from "./scenarioDifference.ts";
import { MIX_NATURES, type ClassifiedLine, type LeverId } from "./types.ts";

/** What to reach: any other model, a given model, or a rule's target. */
export type Goal = { kind: "model"; model: ModelId | null } | { kind: "rule"; rule: RuleId };

/** What to move: euros on a lever (up or down), or volunteer hours added. */
export type Variable = { kind: "lever"; lever: LeverId; direction: 1 | -1 } | { kind: "volunteerHours" };

export interface GoalSeekResult {
  variable: Variable;
  goal: Goal;
  /** Euros on the lever (whole euros, in cents) or hours: the least that reaches the goal; null when nothing does. */
  cents: number | null;
  hours: number | null;
  /** The model the amount leads to. */
  model: ModelId | null;
  /** The analysis at that amount. */
  analysis: Analysis | null;
}

/** Further than this is no answer a treasurer can use: ten times the budget (at least a million euros), or 10 million hours. */
const MAX_HOURS = 10_000_000;
const BUDGET_TIMES = 10;
const MIN_MAX_EUROS = 1_000_000;

function changeFor(v: Variable, units: number): ScenarioChange {
  return v.kind === "lever" ? { kind: "amount", lever: v.lever, cents: v.direction * units * 100 } : { kind: "volunteerHours", hours: units };
}

/**
 * The least whole number in [1, max] for which `holds` is true, assuming it stays true once it is. The search
 * starts at `start` (a guess of the scale, so a large budget does not double up from one euro), then narrows
 * the bracket. `score` (≥ 0 where `holds`, from the same analyses) lets a step aim where the figure crosses
 * its threshold instead of the middle — a few analyses instead of thirty on a large budget; `holds` alone
 * decides, so the answer is the same to the euro.
 */
function firstTrue(holds: (n: number) => boolean, max: number, start = 1, score?: (n: number) => number): number | null {
  let lo = 0; // holds(lo) is false (0: the unchanged column)
  let hi = Math.max(1, Math.min(max, Math.floor(start)));
  while (hi < max && !holds(hi)) {
    lo = hi;
    hi = Math.min(max, hi * 2);
  }
  if (!holds(hi)) return null;
  if (!score) {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (holds(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  // Illinois (regula falsi that halves the weight of an end kept twice), in whole units; a halving step
  // whenever the aim is unusable, so the bracket always shrinks.
  let fa = score(lo);
  let fb = score(hi);
  let kept: "lo" | "hi" | null = null;
  while (hi - lo > 1) {
    const usable = Number.isFinite(fa) && Number.isFinite(fb) && fb !== fa;
    const guess = usable ? lo + ((hi - lo) * -fa) / (fb - fa) : (lo + hi) / 2;
    const next = Math.min(hi - 1, Math.max(lo + 1, Math.ceil(guess)));
    if (holds(next)) {
      hi = next;
      fb = score(next);
      if (kept === "lo") fa /= 2;
      kept = "lo";
    } else {
      lo = next;
      fa = score(next);
      if (kept === "hi") fb /= 2;
      kept = "hi";
    }
  }
  return hi;
}

/** `onAnalysis` is told of every analysis run (the benchmark counts them). */
export function goalSeek(lines: readonly ClassifiedLine[], params: Parameters, variable: Variable, goal: Goal, onAnalysis?: () => void): GoalSeekResult {
  const scenario = lines[0]?.scenario ?? "";
  const memo = new Map<number, Analysis>();
  const at = (units: number): Analysis => {
    let a = memo.get(units);
    if (!a) {
      const changed = units === 0 ? { lines: [...lines], parameters: params } : applyChanges(lines, [changeFor(variable, units)], params, scenario);
      a = analyze(changed.lines, changed.parameters)[0]!;
      memo.set(units, a);
      onAnalysis?.();
    }
    return a;
  };
  // The scale of the answer: a hundredth of the column's money (in euros, or in hours at the hourly rate).
  const money = lines.reduce((s, x) => s + (x.amount.kind === "value" && (x.section === "income" || x.section === "expense") ? Math.abs(x.amount.cents) : 0), 0) / 100;
  const hourly = params.volunteerHourlyRate * params.employerChargeCoefficient;
  const start = variable.kind === "volunteerHours" ? (hourly > 0 ? money / 100 / hourly : 1) : money / 100;
  let max = variable.kind === "volunteerHours" ? MAX_HOURS : Math.max(MIN_MAX_EUROS, Math.ceil(money * BUDGET_TIMES));
  if (variable.kind === "lever" && variable.direction < 0) {
    // Down: no further than the lever's amount (on one side for in-kind levers).
    const l = leverById(variable.lever);
    const side = l.family === "in_kind" ? "in_kind_resource" : l.family;
    const total = lines.filter((x) => x.lever === variable.lever && x.section === side && x.amount.kind === "value").reduce((s, x) => s + (x.amount.kind === "value" ? x.amount.cents : 0), 0);
    max = Math.floor(total / 100);
  }
  const done = (units: number | null): GoalSeekResult => {
    const a = units === null ? null : at(units);
    return {
      variable,
      goal,
      cents: units !== null && variable.kind === "lever" ? units * 100 : null,
      hours: units !== null && variable.kind === "volunteerHours" ? units : null,
      model: a?.model.id ?? null,
      analysis: a,
    };
  };
  if (max < 1) return done(null);
  if (goal.kind === "rule") {
    const reached = (n: number) => ruleValues(at(n))[goal.rule].status === "reached";
    const score = (n: number) => {
      const r = ruleValues(at(n))[goal.rule];
      return r.value === null ? Number.NaN : r.value - r.target;
    };
    return done(reached(0) ? null : firstTrue(reached, max, start, score));
  }
  // Models: walk from one change of model to the next (at most one per nature) until the one asked for.
  let from = 0;
  for (let step = 0; step < 4; step++) {
    const current = at(from).model;
    const significant = MIX_NATURES.map((n) => current.shares[n] >= params.significanceThreshold);
    // How far the nature nearest to changing side is from the threshold (≥ 0 once one has crossed it).
    const score = (n: number) =>
      Math.max(...MIX_NATURES.map((nature, k) => (significant[k] ? params.significanceThreshold - at(from + n).model.shares[nature] : at(from + n).model.shares[nature] - params.significanceThreshold)));
    const next = firstTrue((n) => at(from + n).model.id !== current.id, max - from, start, score);
    if (next === null) return done(null);
    from += next;
    if (goal.model === null || at(from).model.id === goal.model) return done(from);
  }
  return done(null);
}
