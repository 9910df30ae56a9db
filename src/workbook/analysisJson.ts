// The JSON document of docs/contrat-json.md (schemaVersion 1): a stable contract that other tools read.
// Fields may be added; none may change meaning. Euros rounded to the cent; never NaN or Infinity.
import type { Analysis } from "../engine/analyze.ts";
import { PILLAR_FIGURES, pillarDetail, RESULT_WORDS, watchSentence, type RuleValue } from "../engine/figures.ts";
import { leverName, PILLAR_NAMES } from "../engine/labels.ts";
import { REVIEW_CONFIDENCE } from "../engine/classify.ts";
import { centsToEuros } from "../engine/money.ts";
import type { Driver } from "../engine/ratios.ts";
import { MIX_NATURES, type ClassifiedLine, type Lang } from "../engine/types.ts";
import type { WorkbookAnalysis } from "./pipeline.ts";

export const SCHEMA_VERSION = 1;

const round6 = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1_000_000) / 1_000_000);
const eur = (cents: number): number => (Number.isFinite(cents) ? centsToEuros(cents) : 0);
const record = <K extends string>(r: Partial<Record<K, number>>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, eur(v as number)])) as Record<K, number>;

/** One formatter per language: building an Intl.NumberFormat costs far more than formatting with it. */
const WHOLE_EUROS: Partial<Record<Lang, Intl.NumberFormat>> = {};

function driverText(d: Driver, lang: Lang): string {
  const format = (WHOLE_EUROS[lang] ??= new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 0 }));
  const amount = format.format(d.cents / 100).replace(/\u202f/g, "\u00a0");
  return `${d.label} (${amount}\u00a0€)`;
}

function ratioJson(r: RuleValue, lang: Lang) {
  return {
    value: round6(r.value),
    target: round6(r.target),
    gapAmount: eur(r.gapCents),
    gapPoints: round6(r.gapPoints),
    status: r.status,
    numerator: eur(r.numeratorCents),
    denominator: eur(r.denominatorCents),
    sentence: r.sentence[lang],
  };
}

function lineJson(l: ClassifiedLine, lang: Lang) {
  return {
    sheet: l.sheet,
    cell: l.cell,
    row: l.row,
    amountCell: l.amountCell ?? null,
    column: l.column,
    scenario: l.scenario,
    label: l.label,
    account: l.account,
    // The contract gives the sign as in the sheet; a section typed negative is analysed as positive.
    amount: l.amount.kind === "value" ? eur(l.negativeInSheet ? -l.amount.cents : l.amount.cents) : null,
    ...(l.negativeInSheet ? { negativeInSheet: true } : {}),
    ...(l.amount.kind === "error" ? { error: l.amount.error } : {}),
    section: l.section,
    pillar: l.pillar,
    tags: l.tags,
    nature: l.nature,
    payer: l.payer,
    lever: l.lever,
    leverLabel: leverName(l.lever, lang),
    destination: l.destination,
    confidence: l.confidence,
    reason: l.reason,
    reasonEn: l.reasonEn,
    corrected: l.corrected,
  };
}

/**
 * How much of the mix rests on lines the classifier is unsure of (confidence below the review threshold): an
 * income line with no sure clue stays in the mix, and this says how much of the model it weighs.
 */
function unsureOfMix(a: Analysis, lines: readonly ClassifiedLine[]) {
  const mix = new Set<string>(MIX_NATURES);
  const unsure = lines.filter(
    (l) => l.scenario === a.scenario && l.nature !== null && mix.has(l.nature) && l.amount.kind === "value" && !l.corrected && l.confidence < REVIEW_CONFIDENCE,
  );
  const cents = unsure.reduce((n, l) => n + (l.amount.kind === "value" ? l.amount.cents : 0), 0);
  const base = a.model.baseCents;
  return { amount: eur(cents), share: round6(base > 0 ? cents / base : null), lineCount: unsure.length };
}

export function analysisJson(a: Analysis, lang: Lang, lines?: readonly ClassifiedLine[]) {
  const m = a.model;
  const r = a.ratios;
  return {
    column: a.scenario,
    lineCount: a.lineCount,
    totals: {
      income: eur(a.totals.bySection.income),
      expense: eur(a.totals.bySection.expense),
      in_kind_use: eur(a.totals.bySection.in_kind_use),
      in_kind_resource: eur(a.totals.bySection.in_kind_resource),
      result: eur(a.resultCents),
      byNature: record(a.totals.byNature),
      byPillar: record(a.totals.byPillar),
      byLever: record(a.totals.byLever),
      byDestination: record(a.totals.byDestination),
    },
    budget: {
      expense: eur(a.budget.expenseCents),
      income: eur(a.budget.incomeCents),
      result: eur(a.budget.resultCents),
      resultKind: a.budget.result,
      resultWord: RESULT_WORDS[a.budget.result][lang],
      inKind: eur(a.budget.inKindCents),
      leverCounts: a.budget.leverCounts,
    },
    pillars: a.pillars.map((p) => {
      const def = PILLAR_FIGURES.find((d) => d.pillar === p.pillar)!;
      return {
        pillar: p.pillar,
        name: PILLAR_NAMES[p.pillar][lang],
        amount: eur(p.cents),
        parts: p.parts.map((x, i) => ({ id: x.id, label: def.parts[i]!.label[lang], amount: eur(x.cents) })),
        beside: p.beside.map((x, i) => ({ id: x.id, label: def.beside[i]!.label[lang], amount: eur(x.cents) })),
        detail: pillarDetail(p, lang, a.ratios.fourThirds.humanResources.civicService),
      };
    }),
    model: {
      id: m.id,
      name: m.name[lang],
      shares: { public: round6(m.shares.public), private: round6(m.shares.private), activity: round6(m.shares.activity) },
      dominant: m.dominant,
      closeCalls: m.closeCalls,
      profile: m.profile,
      reference: m.reference ? m.reference[lang] : null,
      referenceId: m.reference?.id ?? null,
      concentration: round6(m.concentration),
      topLever: m.topLever ? { lever: m.topLever.id, share: round6(m.topLever.share) } : null,
      base: eur(m.baseCents),
      sentence: m.sentence[lang],
      watch: watchSentence(m.shares, m.baseCents > 0 ? m.closeCalls : [], a.parameters.significanceThreshold, lang),
      meaning: m.meaning[lang],
      profileWarning: m.profileWarning ? m.profileWarning[lang] : null,
      // null only for a caller that has no lines to give.
      unsure: lines ? unsureOfMix(a, lines) : null,
    },
    ratios: {
      tiersOnTop: { ...ratioJson(r.tiersOnTop, lang), drivers: r.tiersOnTop.drivers.map((d) => driverText(d, lang)), recommendation: r.tiersOnTop.recommendation[lang] },
      fourThirds: {
        ...ratioJson(r.fourThirds, lang),
        drivers: r.fourThirds.drivers.map((d) => driverText(d, lang)),
        humanResources: r.fourThirds.humanResources,
        valuedFromHours: r.fourThirds.valuedFromHours,
        recommendation: r.fourThirds.recommendation[lang],
      },
      alliance: {
        pooling: ratioJson(r.alliance.pooling, lang),
        premium: ratioJson(r.alliance.premium, lang),
        drivers: r.alliance.drivers.map((d) => driverText(d, lang)),
        recommendation: r.alliance.recommendation[lang],
      },
    },
    implications: a.implications.map((i) => ({ lever: i.lever, amount: eur(i.cents), share: round6(i.share), text: i.text[lang] })),
  };
}

export function toAnalysisJson(result: WorkbookAnalysis, lang: Lang = "fr") {
  return {
    schemaVersion: SCHEMA_VERSION,
    file: result.fileName,
    parameters: { ...result.parameters },
    budgets: result.budgets.map((b) => ({ sheet: b.sheet, range: b.range, layout: b.layout, amountColumns: b.amountColumns })),
    lines: result.classified.map((l) => lineJson(l, lang)),
    skipped: result.skipped.map((s) => ({ sheet: s.sheet, row: s.row, cell: s.cell, label: s.label, why: s.why })),
    issues: result.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, code: i.code, message: lang === "fr" ? i.message : i.messageEn })),
    analyses: result.analyses.map((a) => analysisJson(a, lang, result.classified)),
  };
}

export type AnalysisJson = ReturnType<typeof toAnalysisJson>;
