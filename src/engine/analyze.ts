// The analysis: classified lines → totals, model, ratios and what the mix implies, per scenario.
import { classify, type ClassifyOptions } from "./classify.ts";
import { inKindBlockmates, mirroredInKindBlocks, resourceSideForOneSidedInKind } from "./inKindSides.ts";
import { withSideNote } from "./sideNotes.ts";
import { dittoLabels, isDittoLabel } from "./dittoRows.ts";
import { BUDGET_FIGURES, evaluateAmount, evaluatePillars, leverCounts, resultWord, type PillarValue, type ResultWord } from "./figures.ts";
import { familyOf, LEVER_FAMILIES } from "./implications.ts";
import { lever as leverById } from "./levers.ts";
import { classifyModel, type ModelResult } from "./models.ts";
import type { Parameters } from "./parameters.ts";
import { alliance, fourThirds, tiersOnTop, type Alliance, type FourThirds, type TiersOnTop } from "./ratios.ts";
import {
  DESTINATIONS,
  NATURES,
  PILLARS,
  SECTIONS,
  type BudgetLine,
  type Classification,
  type ClassifiedLine,
  type Correction,
  type Destination,
  type LeverId,
  type MixNature,
  type Nature,
  type Pillar,
  type Section,
} from "./types.ts";

export interface Totals {
  bySection: Record<Section, number>;
  byNature: Record<Nature, number>;
  byPillar: Record<Pillar, number>;
  byLever: Partial<Record<LeverId, number>>;
  byDestination: Record<Destination, number>;
}

export interface Implication {
  lever: LeverId;
  cents: number;
  share: number;
  text: { fr: string; en: string };
}

/** The budget as the treasurer knows it (docs/spec.md §3b): its totals, its result and the in-kind counted once. */
export interface BudgetSummary {
  expenseCents: number;
  incomeCents: number;
  /** Income minus expenses. */
  resultCents: number;
  result: ResultWord;
  /** Contributions volontaires en nature, once (87, else 86). */
  inKindCents: number;
  /** Levers that carry an amount, per section. */
  leverCounts: { income: number; expense: number; inKind: number };
}

export interface Analysis {
  scenario: string;
  lineCount: number;
  /** Lines of this scenario whose cell holds an error: not summed. */
  errorLines: string[];
  totals: Totals;
  /** Income minus expenses, in cents (0 for a balanced budget). */
  resultCents: number;
  budget: BudgetSummary;
  /** The three pillars, each euro once, with their parts (docs/spec.md §3b). */
  pillars: PillarValue[];
  model: ModelResult;
  ratios: { tiersOnTop: TiersOnTop; fourThirds: FourThirds; alliance: Alliance };
  implications: Implication[];
  parameters: Parameters;
}

/** A key for a correction that survives rows inserted above: sheet, label, account, column. */
export function correctionKey(line: Pick<BudgetLine, "sheet" | "label" | "account" | "column">): string {
  return [line.sheet, keyText(line.label), keyText(line.account ?? ""), keyText(line.column ?? "")].join("\u241f");
}

/**
 * Control characters a spreadsheet file cannot hold (XML 1.0 forbids them) are dropped when the mapping table
 * is written, so the key ignores them: a correction on a label with a stray BEL or ESC is found again.
 */
function keyText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}

/** Classifies every line (once per distinct label/account/context) and applies the user's corrections. */
/** The row above's reading, said as such: « id. » is the treasurer's word, the reading is the row above's. */
function asDitto(above: string, c: Classification): Classification {
  const q = above.length > 40 ? `${above.slice(0, 40)}…` : above;
  return {
    ...c,
    confidence: Math.min(c.confidence, 0.75),
    reason: `« id. » : comme la ligne au-dessus, « ${q} » ; ${c.reason}`,
    reasonEn: `“id.”: as the row above, “${q}”; ${c.reasonEn}`,
  };
}

/**
 * Classifications by what the classifier reads of a line: its label, account, sheet and context (its block, side,
 * column, side note). By label first, with the first line's context beside it: a label met once (most of a trial
 * balance's) costs no key string; a label met again in another context is looked up by the rest of its key.
 */
class LineCache {
  private readonly byLabel = new Map<string, { line: BudgetLine; classification: Classification; others: Map<string, Classification> | null }>();

  get(line: BudgetLine): Classification | undefined {
    const entry = this.byLabel.get(line.label);
    if (!entry) return undefined;
    return sameReading(entry.line, line) ? entry.classification : entry.others?.get(restKey(line));
  }

  set(line: BudgetLine, classification: Classification): void {
    const entry = this.byLabel.get(line.label);
    if (!entry) this.byLabel.set(line.label, { line, classification, others: null });
    else (entry.others ??= new Map()).set(restKey(line), classification);
  }
}

/** What the classifier reads of a line besides its label, as a key (a separator below U+0100 keeps it a one-byte string). */
function restKey(line: BudgetLine): string {
  const c = line.context;
  return [line.account ?? "", c.sectionHint ?? "", c.heading ?? "", c.chapter ?? "", c.paidOutHeading ?? "", c.partnerHeading ?? "", c.columnHeader ?? "", c.analyticColumn ? 1 : 0, line.sheet, c.sideNote?.fr ?? ""].join("\u0000");
}

/** True when two lines of one label have the same key (restKey), without building it. */
function sameReading(a: BudgetLine, b: BudgetLine): boolean {
  const [x, y] = [a.context, b.context];
  return (
    (a.account ?? "") === (b.account ?? "") &&
    (x.sectionHint ?? "") === (y.sectionHint ?? "") &&
    (x.heading ?? "") === (y.heading ?? "") &&
    (x.chapter ?? "") === (y.chapter ?? "") &&
    (x.paidOutHeading ?? "") === (y.paidOutHeading ?? "") &&
    (x.partnerHeading ?? "") === (y.partnerHeading ?? "") &&
    (x.columnHeader ?? "") === (y.columnHeader ?? "") &&
    Boolean(x.analyticColumn) === Boolean(y.analyticColumn) &&
    a.sheet === b.sheet &&
    (x.sideNote?.fr ?? "") === (y.sideNote?.fr ?? "")
  );
}

export function classifyLines(
  lines: readonly BudgetLine[],
  options: ClassifyOptions = {},
  corrections: ReadonlyMap<string, Correction> = new Map(),
): ClassifiedLine[] {
  const cache = new LineCache();
  // « 2. id. à 15 fr »: a ditto row is read as the row above it (dittoRows.ts).
  const dittos = lines.some((l) => isDittoLabel(l.label)) ? dittoLabels(lines) : null;
  const first = lines.map((line, index) => {
    const ditto = dittos && dittos[index] !== line.label ? dittos[index]! : null;
    if (ditto !== null) return asDitto(ditto, withSideNote(line, classify({ label: ditto, account: line.account, context: { sheet: line.sheet, ...line.context } }, options)));
    let automatic = cache.get(line);
    if (!automatic) {
      // The sheet's name is evidence too: « Subventions Ville de Paris » says what a line with no clue of its own is.
      automatic = withSideNote(line, classify({ label: line.label, account: line.account, context: { sheet: line.sheet, ...line.context } }, options));
      cache.set(line, automatic);
    }
    return automatic;
  });
  const reclassify = (line: BudgetLine, side: Section) => classify({ label: line.label, account: line.account, context: { sheet: line.sheet, ...line.context, sectionHint: side } }, options);
  // Decisions about a block or the whole budget: lines nothing read among contributions in kind, a one-sided in-kind list.
  const automatics = mirroredInKindBlocks(lines, resourceSideForOneSidedInKind(lines, inKindBlockmates(lines, first, reclassify)));
  return lines.map((line, index) => {
    const automatic = automatics[index]!;
    // By the line itself (its id, as the mapping table places corrections), else by sheet, label, account and column.
    const correction = corrections.size > 0 ? (corrections.get(line.id) ?? corrections.get(correctionKey(line))) : undefined;
    const e = correction ? applyCorrection(automatic, correction) : automatic;
    // One fixed shape for every line: V8 keeps property access fast on 100,000 of them.
    const out: ClassifiedLine = {
      id: line.id,
      sheet: line.sheet,
      cell: line.cell,
      row: line.row,
      amountCell: line.amountCell ?? null,
      label: line.label,
      account: line.account,
      column: line.column,
      scenario: line.scenario,
      amount: line.amount,
      context: line.context,
      section: e.section,
      lever: e.lever,
      pillar: e.pillar,
      tags: e.tags,
      nature: e.nature,
      payer: e.payer,
      destination: e.destination,
      confidence: e.confidence,
      reason: e.reason,
      reasonEn: e.reasonEn,
      corrected: e !== automatic,
      automatic,
    };
    return out;
  });
}

/**
 * A corrected lever brings its own pillar, tags, nature and payer (the registry's); the destination is
 * the corrected one, else the automatic one — the same rule the report's formulas apply.
 */
export function applyCorrection(auto: Classification, correction: Correction): Classification {
  const leverId = correction.lever ?? null;
  const destination = correction.destination ?? null;
  if (!leverId && !destination) return auto;
  let section = auto.section;
  let out: Classification = { ...auto };
  if (leverId && leverId !== auto.lever) {
    const l = leverById(leverId);
    if (l.family === "income" || l.family === "expense") section = l.family;
    else if (section === "income") section = "in_kind_resource";
    else if (section === "expense") section = "in_kind_use";
    out = {
      ...out,
      section,
      lever: l.id,
      pillar: l.pillar,
      tags: [...l.tags],
      nature: section === "income" ? l.nature : section === "in_kind_resource" ? "neutral" : null,
      payer: section === "income" && l.nature === "activity" ? l.payer : null,
      destination: section === "expense" ? (auto.section === "expense" ? auto.destination : l.destination) : null,
      confidence: 1,
      reason: "corrigé par l'utilisateur",
      reasonEn: "corrected by the user",
    };
  }
  if (destination && out.section === "expense" && destination !== out.destination) {
    out = { ...out, destination, confidence: 1, reason: "corrigé par l'utilisateur", reasonEn: "corrected by the user" };
  }
  return out.lever === auto.lever && out.destination === auto.destination && out.section === auto.section ? auto : out;
}

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function totalsOf(lines: readonly ClassifiedLine[], params: Parameters): Totals {
  const t: Totals = { bySection: zero(SECTIONS), byNature: zero(NATURES), byPillar: zero(PILLARS), byLever: {}, byDestination: zero(DESTINATIONS) };
  for (const l of lines) {
    if (l.amount.kind !== "value") continue;
    const c = l.amount.cents;
    t.bySection[l.section] += c;
    t.byPillar[l.pillar] += c;
    t.byLever[l.lever] = (t.byLever[l.lever] ?? 0) + c;
    if (l.section === "income" && l.nature) t.byNature[l.nature] += c;
    if (l.section === "in_kind_resource" && params.inKindInMix) t.byNature[inKindNature(l)] += c;
    if (l.section === "expense" && l.destination) t.byDestination[l.destination] += c;
  }
  return t;
}

/** With in-kind in the mix, volunteering is a private gift of time; goods and services follow their provider. */
function inKindNature(l: ClassifiedLine): MixNature {
  if (l.lever === "volunteering") return "private";
  return /mairie|commune|ville|d[ée]partement|r[ée]gion|[ée]tat\b|public/i.test(l.label) ? "public" : "private";
}

/** One analysis per scenario, in the order scenarios first appear. */
export function analyze(lines: readonly ClassifiedLine[], params: Parameters): Analysis[] {
  const scenarios: string[] = [];
  const byScenario = new Map<string, ClassifiedLine[]>();
  for (const l of lines) {
    let list = byScenario.get(l.scenario);
    if (!list) {
      list = [];
      byScenario.set(l.scenario, list);
      scenarios.push(l.scenario);
    }
    list.push(l);
  }
  return scenarios.map((s) => analyzeScenario(s, byScenario.get(s)!, params));
}

export function analyzeScenario(scenario: string, lines: ClassifiedLine[], params: Parameters): Analysis {
  const totals = totalsOf(lines, params);
  const byMixLever: Partial<Record<LeverId, number>> = {};
  let publicPayerActivity = 0;
  for (const l of lines) {
    if (l.amount.kind !== "value" || l.section !== "income" || !l.nature || l.nature === "neutral") continue;
    byMixLever[l.lever] = (byMixLever[l.lever] ?? 0) + l.amount.cents;
    if (l.nature === "activity" && l.payer === "public") publicPayerActivity += l.amount.cents;
  }
  const four = fourThirds(lines, params);
  const model = classifyModel(
    {
      byNature: { public: totals.byNature.public, private: totals.byNature.private, activity: totals.byNature.activity },
      byMixLever,
      publicPayerActivity,
      volunteeringShare: four.value ?? 0,
    },
    params,
  );
  const figure = (id: (typeof BUDGET_FIGURES)[number]["id"]) => evaluateAmount(BUDGET_FIGURES.find((f) => f.id === id)!.amount, lines);
  const budget: BudgetSummary = {
    expenseCents: figure("expense"),
    incomeCents: figure("income"),
    resultCents: totals.bySection.income - totals.bySection.expense,
    result: resultWord(totals.bySection.income - totals.bySection.expense),
    inKindCents: figure("inKind"),
    leverCounts: leverCounts(lines),
  };
  return {
    scenario,
    lineCount: lines.length,
    errorLines: lines.filter((l) => l.amount.kind === "error").map((l) => l.id),
    totals,
    resultCents: budget.resultCents,
    budget,
    pillars: evaluatePillars(lines),
    model,
    ratios: { tiersOnTop: tiersOnTop(lines, params), fourThirds: four, alliance: alliance(lines, params) },
    implications: implicationsOf(byMixLever, model.baseCents),
    parameters: params,
  };
}

/** What the two or three levers that weigh most imply (one sentence per lever family). */
function implicationsOf(byMixLever: Partial<Record<LeverId, number>>, base: number): Implication[] {
  if (base <= 0) return [];
  const seen = new Set<string>();
  const out: Implication[] = [];
  const sorted = (Object.entries(byMixLever) as [LeverId, number][]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  for (const [id, cents] of sorted) {
    const family = familyOf(id);
    if (!family || seen.has(family)) continue;
    seen.add(family);
    const f = LEVER_FAMILIES[family];
    const name = leverById(id).label;
    out.push({ lever: id, cents, share: cents / base, text: { fr: `${name.fr} : ${f.implies.fr}`, en: `${name.en}: ${f.implies.en}` } });
    if (out.length === 3) break;
  }
  return out;
}

