// The difference between two analyses (a column and its scenario, or last year and this year): lever by
// lever, nature by nature, pillar by pillar, rule by rule, in cents and in share points.
import type { Analysis } from "./analyze.ts";
import { lever as leverById } from "./levers.ts";
import type { ModelId } from "./models.ts";
import type { RatioValue, Status } from "./ratios.ts";
import { normalizeText } from "./text.ts";
import { DESTINATIONS, MIX_NATURES, NATURES, PILLARS, SECTIONS, type ClassifiedLine, type Destination, type LeverId, type MixNature, type Nature, type Pillar, type Section } from "./types.ts";

export interface AmountChange {
  beforeCents: number;
  afterCents: number;
  /** after − before. */
  cents: number;
}

export interface ShareChange extends AmountChange {
  /** Share of its whole (the mix for natures and income levers, the expenses for expense levers); null outside. */
  shareBefore: number | null;
  shareAfter: number | null;
  /** shareAfter − shareBefore, in share units (0.04 = 4 points). */
  points: number | null;
}

export interface RatioChange {
  valueBefore: number | null;
  valueAfter: number | null;
  points: number | null;
  gapBeforeCents: number;
  gapAfterCents: number;
  /** How much the gap moved (negative: the gap shrank). */
  gapCents: number;
  statusBefore: Status;
  statusAfter: Status;
}

export const RULE_IDS = ["tiersOnTop", "fourThirds", "pooling", "premium"] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface AnalysisDifference {
  bySection: Record<Section, AmountChange>;
  result: AmountChange;
  byNature: Record<Nature, ShareChange>;
  byLever: Partial<Record<LeverId, ShareChange>>;
  byPillar: Record<Pillar, AmountChange>;
  byDestination: Record<Destination, AmountChange>;
  ratios: Record<RuleId, RatioChange>;
  model: { from: ModelId | null; to: ModelId | null; changed: boolean };
}

const change = (before: number, after: number): AmountChange => ({ beforeCents: before, afterCents: after, cents: after - before });

function shareChange(before: number, after: number, wholeBefore: number | null, wholeAfter: number | null): ShareChange {
  const share = (v: number, whole: number | null) => (whole === null ? null : whole > 0 ? v / whole : 0);
  const shareBefore = share(before, wholeBefore);
  const shareAfter = share(after, wholeAfter);
  return { ...change(before, after), shareBefore, shareAfter, points: shareBefore === null || shareAfter === null ? null : shareAfter - shareBefore };
}

/** The rule values of an analysis, by rule id: the alliance rule counts as its two sub-rules. */
export function ruleValues(a: Analysis): Record<RuleId, RatioValue> {
  return { tiersOnTop: a.ratios.tiersOnTop, fourThirds: a.ratios.fourThirds, pooling: a.ratios.alliance.pooling, premium: a.ratios.alliance.premium };
}

function ratioChange(b: RatioValue, a: RatioValue): RatioChange {
  return {
    valueBefore: b.value,
    valueAfter: a.value,
    points: b.value === null || a.value === null ? null : a.value - b.value,
    gapBeforeCents: b.gapCents,
    gapAfterCents: a.gapCents,
    gapCents: a.gapCents - b.gapCents,
    statusBefore: b.status,
    statusAfter: a.status,
  };
}

/** Whole a lever's share is taken of: the mix for mix income levers, the expenses for expense levers. */
function wholeOf(id: LeverId, a: Analysis): number | null {
  const l = leverById(id);
  if (l.family === "income") return l.nature && l.nature !== "neutral" ? a.model.baseCents : null;
  if (l.family === "expense") return a.totals.bySection.expense;
  return null;
}

export function analysisDifference(before: Analysis, after: Analysis): AnalysisDifference {
  const tb = before.totals;
  const ta = after.totals;
  const rec = <K extends string>(keys: readonly K[], b: Record<K, number>, a: Record<K, number>) =>
    Object.fromEntries(keys.map((k) => [k, change(b[k], a[k])])) as Record<K, AmountChange>;
  const isMix = (n: Nature): n is MixNature => (MIX_NATURES as readonly string[]).includes(n);
  const byNature = Object.fromEntries(
    NATURES.map((n) => [n, shareChange(tb.byNature[n], ta.byNature[n], isMix(n) ? before.model.baseCents : null, isMix(n) ? after.model.baseCents : null)]),
  ) as Record<Nature, ShareChange>;
  const levers = [...new Set([...Object.keys(tb.byLever), ...Object.keys(ta.byLever)])] as LeverId[];
  const byLever: Partial<Record<LeverId, ShareChange>> = {};
  for (const id of levers) byLever[id] = shareChange(tb.byLever[id] ?? 0, ta.byLever[id] ?? 0, wholeOf(id, before), wholeOf(id, after));
  const rb = ruleValues(before);
  const ra = ruleValues(after);
  return {
    bySection: rec(SECTIONS, tb.bySection, ta.bySection),
    result: change(before.resultCents, after.resultCents),
    byNature,
    byLever,
    byPillar: rec(PILLARS, tb.byPillar, ta.byPillar),
    byDestination: rec(DESTINATIONS, tb.byDestination, ta.byDestination),
    ratios: Object.fromEntries(RULE_IDS.map((r) => [r, ratioChange(rb[r], ra[r])])) as Record<RuleId, RatioChange>,
    model: { from: before.model.id, to: after.model.id, changed: before.model.id !== after.model.id },
  };
}

/** The levers whose amount moved, the largest move first. */
export function leversThatMoved(d: AnalysisDifference): LeverId[] {
  return (Object.entries(d.byLever) as [LeverId, ShareChange][])
    .filter(([, c]) => c.cents !== 0)
    .sort((a, b) => Math.abs(b[1].cents) - Math.abs(a[1].cents))
    .map(([id]) => id);
}

export interface LineDriver {
  label: string;
  lever: LeverId;
  section: Section;
  beforeCents: number;
  afterCents: number;
  cents: number;
  /** Where the line is in each workbook ("Budget!C12"), null when it is absent from one. */
  before: string | null;
  after: string | null;
}

/**
 * The lines that explain most of the change between two budgets, possibly of different layouts: lines are
 * matched by section, lever and label (case, accents and spacing ignored); a line found on one side only
 * counts from zero.
 */
export function lineDrivers(before: readonly ClassifiedLine[], after: readonly ClassifiedLine[], n = 5): LineDriver[] {
  const byKey = new Map<string, LineDriver>();
  const add = (l: ClassifiedLine, side: "before" | "after") => {
    if (l.amount.kind !== "value") return;
    const key = [l.section, l.lever, normalizeText(l.label)].join("\u241f");
    let d = byKey.get(key);
    if (!d) {
      d = { label: l.label, lever: l.lever, section: l.section, beforeCents: 0, afterCents: 0, cents: 0, before: null, after: null };
      byKey.set(key, d);
    }
    if (side === "before") d.beforeCents += l.amount.cents;
    else d.afterCents += l.amount.cents;
    d[side] ??= `${l.sheet}!${l.amountCell ?? l.cell}`;
  };
  for (const l of before) add(l, "before");
  for (const l of after) add(l, "after");
  return [...byKey.values()]
    .map((d) => ({ ...d, cents: d.afterCents - d.beforeCents }))
    .filter((d) => d.cents !== 0)
    .sort((a, b) => Math.abs(b.cents) - Math.abs(a.cents))
    .slice(0, n);
}
