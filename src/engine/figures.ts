// The registry of figures (docs/spec.md §3b, §4): every amount the report, the pane, the CLI and the CSV show is
// one entry here — which lines it sums (sections, levers, natures, destinations), and for the rules their
// target parameter, gap, status thresholds, the lines that weigh most and their sentences in French and
// English. The engine evaluates these entries over the lines (evaluateAmount); the report compiles the same
// entries to SUMIFS formulas (src/workbook/figureFormulas.ts). Nothing else restates which lines a figure sums.
import { LEVERS } from "./levers.ts";
import type { Parameters } from "./parameters.ts";
import { MIX_NATURES, type ClassifiedLine, type Destination, type Lang, type LeverId, type MixNature, type Nature, type Pillar, type Section } from "./types.ts";

export type Text = { fr: string; en: string };

/** Lines of one section, narrowed by levers, natures or destination (each list: any of them). */
export interface Selection {
  section: Section;
  levers?: readonly LeverId[];
  natures?: readonly Nature[];
  destination?: Destination;
}

/**
 * An amount: the sum of some selections, or an in-kind contribution counted once — 86 (use) and 87
 * (resource) mirror each other, so the figure is the 87 side of these levers, or the 86 side when the 87
 * side holds nothing (a budget that fills only one side still counts).
 */
export type AmountDef = { kind: "sum"; of: readonly Selection[] } | { kind: "inKindOnce"; levers: readonly LeverId[] };

const sumOf = (...of: Selection[]): AmountDef => ({ kind: "sum", of });
const inKindOnce = (...levers: LeverId[]): AmountDef => ({ kind: "inKindOnce", levers });

const centsOf = (l: ClassifiedLine) => (l.amount.kind === "value" ? l.amount.cents : 0);

export function selects(s: Selection, l: ClassifiedLine): boolean {
  return (
    l.section === s.section &&
    (!s.levers || s.levers.includes(l.lever)) &&
    (!s.natures || (l.nature !== null && s.natures.includes(l.nature))) &&
    (!s.destination || l.destination === s.destination)
  );
}

/** The lines an amount counts (for an in-kind amount, the side that is counted). */
export function linesOf(def: AmountDef, lines: readonly ClassifiedLine[]): ClassifiedLine[] {
  if (def.kind === "sum") return lines.filter((l) => def.of.some((s) => selects(s, l)));
  const side = (section: Section) => lines.filter((l) => l.section === section && def.levers.includes(l.lever));
  const resource = side("in_kind_resource");
  return sumLines(resource) !== 0 ? resource : side("in_kind_use");
}

const sumLines = (lines: readonly ClassifiedLine[]) => lines.reduce((s, l) => s + centsOf(l), 0);

export function evaluateAmount(def: AmountDef, lines: readonly ClassifiedLine[]): number {
  return sumLines(linesOf(def, lines));
}

const IN_KIND_LEVERS = LEVERS.filter((l) => l.family === "in_kind").map((l) => l.id);

// ───────────── the budget as the treasurer knows it ─────────────

export type BudgetFigureId = "expense" | "income" | "inKind";
export interface BudgetFigure {
  id: BudgetFigureId;
  label: Text;
  amount: AmountDef;
}

export const BUDGET_FIGURES: readonly BudgetFigure[] = [
  { id: "expense", label: { fr: "Total des charges", en: "Total expenses" }, amount: sumOf({ section: "expense" }) },
  { id: "income", label: { fr: "Total des produits", en: "Total income" }, amount: sumOf({ section: "income" }) },
  {
    id: "inKind",
    label: { fr: "Contributions volontaires en nature (86 = 87, comptées une fois)", en: "In-kind contributions (86 = 87, counted once)" },
    amount: inKindOnce(...IN_KIND_LEVERS),
  },
];

export type ResultWord = "surplus" | "deficit" | "balanced";
export const RESULT_WORDS: Record<ResultWord, Text> = {
  surplus: { fr: "Excédent", en: "Surplus" },
  deficit: { fr: "Déficit", en: "Deficit" },
  balanced: { fr: "Équilibre", en: "Balanced" },
};
export const RESULT_LABEL: Text = { fr: "Résultat (produits − charges)", en: "Result (income − expenses)" };

export function resultWord(resultCents: number): ResultWord {
  return resultCents > 0 ? "surplus" : resultCents < 0 ? "deficit" : "balanced";
}

// ───────────── the three pillars, each euro once ─────────────

export interface PillarPart {
  id: string;
  label: Text;
  amount: AmountDef;
}
export interface PillarDef {
  pillar: Pillar;
  /** Added up: the pillar's figure. */
  parts: readonly PillarPart[];
  /** Shown beside, not added (hors mix; what the association brings to the collective). */
  beside: readonly PillarPart[];
}

const NATURE_PART_LABELS: Record<MixNature, Text> = {
  public: { fr: "publics", en: "public" },
  private: { fr: "privés", en: "private" },
  activity: { fr: "activité", en: "activity" },
};

export const PILLAR_FIGURES: readonly PillarDef[] = [
  {
    pillar: "human",
    parts: [
      { id: "employees", label: { fr: "salariés", en: "employees" }, amount: sumOf({ section: "expense", levers: ["staff", "payroll_taxes", "external_staff"] }) },
      { id: "volunteers", label: { fr: "bénévoles", en: "volunteers" }, amount: inKindOnce("volunteering") },
      { id: "skillsPatronage", label: { fr: "mécénat de compétences", en: "skills patronage" }, amount: inKindOnce("skills_patronage") },
    ],
    beside: [],
  },
  {
    pillar: "financial",
    parts: MIX_NATURES.map((n) => ({ id: n, label: NATURE_PART_LABELS[n], amount: sumOf({ section: "income", natures: [n] }) })),
    beside: [{ id: "neutral", label: { fr: "hors mix", en: "outside the mix" }, amount: sumOf({ section: "income", natures: ["neutral"] }) }],
  },
  {
    pillar: "alliances",
    parts: [
      { id: "corporatePatronage", label: { fr: "mécénat", en: "patronage" }, amount: sumOf({ section: "income", levers: ["corporate_patronage"] }) },
      { id: "foundations", label: { fr: "fondations", en: "foundations" }, amount: sumOf({ section: "income", levers: ["foundations"] }) },
      { id: "sponsorship", label: { fr: "parrainage", en: "sponsorship" }, amount: sumOf({ section: "income", levers: ["sponsorship"] }) },
      { id: "partnerInKind", label: { fr: "en nature", en: "in kind" }, amount: inKindOnce("in_kind_goods", "in_kind_services") },
    ],
    beside: [
      {
        id: "collective",
        label: { fr: "apporté au collectif", en: "brought to the collective" },
        amount: sumOf({ section: "expense", levers: ["network_dues", "common_operations"] }),
      },
    ],
  },
];

export const PILLARS_NOTE: Text = {
  fr: "Chaque pilier compte ce que l'association mobilise de ce type ; les trois ne s'additionnent pas en un budget.",
  en: "Each pillar counts what the association mobilises of that kind; the three do not add up to a budget.",
};

export interface PillarValue {
  pillar: Pillar;
  cents: number;
  parts: { id: string; cents: number }[];
  beside: { id: string; cents: number }[];
}

export function evaluatePillars(lines: readonly ClassifiedLine[]): PillarValue[] {
  const value = (p: PillarPart) => ({ id: p.id, cents: evaluateAmount(p.amount, lines) });
  return PILLAR_FIGURES.map((d) => {
    const parts = d.parts.map(value);
    return { pillar: d.pillar, cents: parts.reduce((s, p) => s + p.cents, 0), parts, beside: d.beside.map(value) };
  });
}

/** Levers that carry an amount, per section: the number any text quotes. */
export function leverCounts(lines: readonly ClassifiedLine[]): Record<"income" | "expense" | "inKind", number> {
  const seen = { income: new Set<LeverId>(), expense: new Set<LeverId>(), inKind: new Set<LeverId>() };
  for (const l of lines) {
    if (centsOf(l) === 0) continue;
    seen[l.section === "income" ? "income" : l.section === "expense" ? "expense" : "inKind"].add(l.lever);
  }
  return { income: seen.income.size, expense: seen.expense.size, inKind: seen.inKind.size };
}

// ───────────── the rules (docs/spec.md §4) ─────────────

export type RuleId = "tiersOnTop" | "fourThirds" | "pooling" | "premium";
export type Status = "reached" | "close" | "below";

/**
 * The values a sentence may quote, by placeholder: {value} {target} (percent), {gap} (euros still missing,
 * or above target), {amount} (the numerator, euros), {need} (denominator × target, euros), {hours} (hours of
 * volunteering the gap is worth), {rate} (hourly rate, euros and cents), {volunteerHours}.
 */
export type Placeholder = "value" | "target" | "gap" | "amount" | "need" | "hours" | "rate" | "volunteerHours";

export interface RuleSentences {
  /** The denominator is 0: nothing to measure. */
  unmeasured: Text;
  /** The numerator is 0 (optional: else `below`). */
  empty?: Text;
  reached: Text;
  /** Close or below target. */
  below: Text;
  /** Appended to `reached` when the value passes the target by more than `margin`. */
  reachedFar?: { margin: number; text: Text };
  /** Replaces "{source}" in the sentences: the numerator recorded, or valued from hours. */
  source?: { recorded: Text; fromHours: Text };
}

export interface RuleDef {
  id: RuleId;
  /** Name in the report's table of rules. */
  name: Text;
  /** Short name (pane, CLI, CSV headers). */
  short: Text;
  pillar: Pillar;
  /** Added up; each term may be an in-kind amount counted once. */
  numerator: readonly AmountDef[];
  denominator: AmountDef;
  /** "share": gap = denominator × target − numerator; "onTop": the numerator is added on top of the rest,
   *  gap = (denominator − numerator) × target ÷ (1 − target) − numerator. */
  gap: "share" | "onTop";
  target: "tiersOnTopTarget" | "fourThirdsTarget" | "poolingTarget" | "premiumTarget";
  /** With nothing recorded, the numerator is the volunteer hours × rate × coefficient (parameters). */
  valuedFromHours?: boolean;
  /** The lines the "weigh most" list draws from (default: the numerator's). */
  drivers?: AmountDef;
  sentences: RuleSentences;
}

const EXPENSES = sumOf({ section: "expense" });
/** Network dues and joint operations: what the premium counts is not also pooling (docs/spec.md §4). */
const PREMIUM_LEVERS: readonly LeverId[] = ["network_dues", "common_operations"];
/** Expenses of an alliance lever other than the premium's. */
const POOLING_EXPENSE_LEVERS = LEVERS.filter(
  (l) => l.family === "expense" && (l.pillar === "alliances" || l.tags.includes("alliances")) && !PREMIUM_LEVERS.includes(l.id),
).map((l) => l.id);

export const RULES: readonly RuleDef[] = [
  {
    id: "tiersOnTop",
    name: { fr: "Tiers on top (67/33)", en: "Third on top (67/33)" },
    short: { fr: "Tiers on top", en: "Third on top" },
    pillar: "financial",
    numerator: [sumOf({ section: "expense", destination: "engineering" })],
    denominator: sumOf({ section: "expense", destination: "engineering" }, { section: "expense", destination: "action" }),
    gap: "onTop",
    target: "tiersOnTopTarget",
    drivers: sumOf({ section: "expense", destination: "engineering" }),
    sentences: {
      unmeasured: { fr: "Aucune charge n'a été trouvée : la règle du tiers on top ne peut pas être mesurée.", en: "No expense was found: the third-on-top rule cannot be measured." },
      reached: {
        fr: "Votre ingénierie (coordination, pilotage, évaluation, structure) représente {value} de vos charges, pour une cible de {target} : elle est financée.",
        en: "Your engineering (coordination, steering, evaluation, structure) is {value} of your expenses, for a target of {target}: it is funded.",
      },
      reachedFar: {
        margin: 0.15,
        text: { fr: " Vérifiez que les frais de structure ne prennent pas le pas sur les actions.", en: " Check that structure costs do not crowd out the actions." },
      },
      below: {
        fr: "Votre ingénierie (coordination, pilotage, évaluation, structure) représente {value} de vos charges, pour une cible de {target} : il manque environ {gap} pour la financer « en plus » de vos actions. Intégrez ce montant à vos demandes de financement.",
        en: "Your engineering (coordination, steering, evaluation, structure) is {value} of your expenses, for a target of {target}: about {gap} is missing to fund it “on top” of your actions. Include this amount in your funding requests.",
      },
    },
  },
  {
    id: "fourThirds",
    name: { fr: "4 tiers (bénévolat)", en: "Four thirds (volunteering)" },
    short: { fr: "4 tiers", en: "Four thirds" },
    pillar: "human",
    numerator: [inKindOnce("volunteering", "skills_patronage")],
    denominator: EXPENSES,
    gap: "share",
    target: "fourThirdsTarget",
    valuedFromHours: true,
    sentences: {
      unmeasured: { fr: "Aucune charge n'a été trouvée : la règle des 4 tiers ne peut pas être mesurée.", en: "No expense was found: the four-thirds rule cannot be measured." },
      empty: {
        fr: "Le bénévolat n'est pas valorisé dans ce budget. Pour atteindre la cible de {target} de vos charges ({need}), il faudrait l'équivalent d'environ {hours} heures au taux de {rate} de l'heure : comptez les heures de vos bénévoles et inscrivez-les en comptes 86/87.",
        en: "Volunteering is not valued in this budget. Reaching the {target} target ({need}) would take about {hours} hours at {rate} an hour: count your volunteers' hours and record them in accounts 86/87.",
      },
      source: {
        recorded: { fr: "Le bénévolat et le mécénat de compétences valorisés ({amount}) représentent", en: "Valued volunteering and skills patronage ({amount}) amount to" },
        fromHours: { fr: "Avec {volunteerHours} heures à {rate}, le bénévolat vaut {amount}, soit", en: "With {volunteerHours} hours at {rate}, volunteering is worth {amount}, that is" },
      },
      reached: {
        fr: "{source} {value} de vos charges (cible {target}) : l'engagement bénévole est bien visible.",
        en: "{source} {value} of your expenses (target {target}): volunteer engagement is clearly visible.",
      },
      below: {
        fr: "{source} {value} de vos charges (cible {target}) : il manque {gap} d'engagement valorisé, soit environ {hours} heures. Vérifiez que toutes les heures sont comptées, ou mobilisez de nouveaux bénévoles.",
        en: "{source} {value} of your expenses (target {target}): {gap} of valued engagement is missing, about {hours} hours. Check that all hours are counted, or bring in new volunteers.",
      },
    },
  },
  {
    id: "pooling",
    name: { fr: "10+1 % : mutualisation", en: "10+1%: pooling" },
    short: { fr: "Mutualisation", en: "Pooling" },
    pillar: "alliances",
    numerator: [
      ...(POOLING_EXPENSE_LEVERS.length > 0 ? [sumOf({ section: "expense", levers: POOLING_EXPENSE_LEVERS })] : []),
      inKindOnce("in_kind_goods", "in_kind_services", "skills_patronage"),
    ],
    denominator: EXPENSES,
    gap: "share",
    target: "poolingTarget",
    sentences: {
      unmeasured: { fr: "Aucune charge n'a été trouvée : la règle des 10+1 % ne peut pas être mesurée.", en: "No expense was found: the 10+1% rule cannot be measured." },
      reached: { fr: "Mutualisation : {value} de vos charges (cible {target}), atteinte.", en: "Pooling: {value} of your expenses (target {target}), reached." },
      below: {
        fr: "Mutualisation : {value} de vos charges (cible {target}) ; il manque {gap} de moyens partagés (locaux, personnel, achats groupés, mises à disposition par des partenaires).",
        en: "Pooling: {value} of your expenses (target {target}); {gap} of shared means is missing (premises, staff, joint purchasing, partners' in-kind support).",
      },
    },
  },
  {
    id: "premium",
    name: { fr: "10+1 % : prime collective", en: "10+1%: collective premium" },
    short: { fr: "Prime collective", en: "Collective premium" },
    pillar: "alliances",
    numerator: [sumOf({ section: "expense", levers: PREMIUM_LEVERS })],
    denominator: EXPENSES,
    gap: "share",
    target: "premiumTarget",
    sentences: {
      unmeasured: { fr: "Aucune charge n'a été trouvée : la règle des 10+1 % ne peut pas être mesurée.", en: "No expense was found: the 10+1% rule cannot be measured." },
      reached: { fr: "Prime collective : {value} (cible {target}), atteinte.", en: "Collective premium: {value} (target {target}), reached." },
      below: {
        fr: "Prime collective : {value} (cible {target}) ; prévoyez {gap} pour le collectif (cotisations aux réseaux, opérations communes, évaluation partagée).",
        en: "Collective premium: {value} (target {target}); set aside {gap} for the collective (network dues, joint operations, shared evaluation).",
      },
    },
  },
];

export function rule(id: RuleId): RuleDef {
  return RULES.find((r) => r.id === id)!;
}

export function status(value: number | null, target: number, closeFraction: number): Status {
  if (value === null) return "below";
  if (value >= target - 1e-9) return "reached";
  return value >= target * (1 - closeFraction) ? "close" : "below";
}

// ───────────── numbers in sentences ─────────────
// The report builds the same texts with formulas; these are written so a spreadsheet gives the same
// characters in any locale (no locale-dependent TEXT format): digits grouped by three, no-break spaces.

/** "12 400" (French, no-break spaces) or "12,400" (English), from a whole number. */
export function groupedInteger(n: number, lang: Lang): string {
  const digits = String(Math.round(Math.abs(n)));
  const sep = lang === "fr" ? "\u00a0" : ",";
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** "7 640 €" or "€7,640": whole euros of the absolute amount. */
export function eurosText(cents: number, lang: Lang): string {
  const n = groupedInteger(Math.round(Math.abs(cents) / 100), lang);
  return lang === "fr" ? `${n}\u00a0€` : `€${n}`;
}

/**
 * The sign of a negative amount, as the report's money cells show it: their number formats (plan.ts) are built
 * from it, and formatEuros gives the same, so the CLI, the sentences and the cells write « -1 200 € » alike.
 */
export const NEGATIVE_SIGN = "-";

/** "-1 200 €" or "-€1,200" for a negative amount, "1 200 €" otherwise. */
export function signedEurosText(cents: number, lang: Lang): string {
  return `${Math.round(cents / 100) < 0 ? NEGATIVE_SIGN : ""}${eurosText(cents, lang)}`;
}

/** "12,02 €" or "€12.02". */
export function eurosCentsText(cents: number, lang: Lang): string {
  const c = Math.round(Math.abs(cents));
  const whole = groupedInteger(Math.floor(c / 100), lang);
  const frac = String(c % 100).padStart(2, "0");
  return lang === "fr" ? `${whole},${frac}\u00a0€` : `€${whole}.${frac}`;
}

/** "18 %" or "18%": a share rounded to the whole point. */
export function percentText(share: number, lang: Lang): string {
  const v = Math.round(share * 100);
  return lang === "fr" ? `${v}\u00a0%` : `${v}%`;
}

export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

// ───────────── sentences of the model and the pillars ─────────────

export const MIX_SENTENCE: Text = {
  fr: "{public} de vos ressources sont publiques, {private} privées, {activity} issues de votre activité.",
  en: "{public} of your resources are public, {private} private, {activity} from your activity.",
};

export const SHARE_NAMES: Record<MixNature, Text> = {
  public: { fr: "la part publique", en: "the public share" },
  private: { fr: "la part privée", en: "the private share" },
  activity: { fr: "la part d'activité", en: "the activity share" },
};

/** « À surveiller » : the shares within the close-call margin of the significance threshold. */
export const WATCH_SENTENCE = {
  none: { fr: "Aucune part n'est proche du seuil de {threshold} qui change le modèle.", en: "No share is close to the {threshold} threshold that changes the model." },
  some: { fr: "À surveiller, près du seuil de {threshold} qui change le modèle : {shares}.", en: "Watch, near the {threshold} threshold that changes the model: {shares}." },
  item: { fr: "{name} ({share})", en: "{name} ({share})" },
  separator: ", ",
} as const;

export function watchSentence(shares: Record<MixNature, number>, closeCalls: readonly MixNature[], threshold: number, lang: Lang): string {
  const items = MIX_NATURES.filter((n) => closeCalls.includes(n)).map((n) => fillTemplate(WATCH_SENTENCE.item[lang], { name: SHARE_NAMES[n][lang], share: percentText(shares[n], lang) }));
  const t = percentText(threshold, lang);
  return items.length === 0 ? fillTemplate(WATCH_SENTENCE.none[lang], { threshold: t }) : fillTemplate(WATCH_SENTENCE.some[lang], { threshold: t, shares: items.join(WATCH_SENTENCE.separator) });
}

export const PART_MARKS = { absent: "✗", present: "✓", separator: " · " } as const;
export const BESIDE_TEXT: Text = { fr: " — {label} : {amount}, non compté", en: " — {label}: {amount}, not added" };
export const CIVIC_SERVICE_LABEL: Text = { fr: "volontaires", en: "civic service" };

/** "salariés 121 000 € · bénévoles 28 848 € · volontaires ✗ · mécénat de compétences ✗". */
export function partText(label: string, cents: number, lang: Lang): string {
  return cents !== 0 ? `${label} ${eurosText(cents, lang)}` : `${label} ${PART_MARKS.absent}`;
}

export function pillarDetail(value: PillarValue, lang: Lang, civicService: boolean): string {
  const def = PILLAR_FIGURES.find((d) => d.pillar === value.pillar)!;
  const parts = def.parts.map((p, i) => partText(p.label[lang], value.parts[i]!.cents, lang));
  if (def.pillar === "human") parts.splice(2, 0, `${CIVIC_SERVICE_LABEL[lang]} ${civicService ? PART_MARKS.present : PART_MARKS.absent}`);
  const beside = def.beside
    .map((b, i) => (value.beside[i]!.cents !== 0 ? fillTemplate(BESIDE_TEXT[lang], { label: b.label[lang], amount: eurosText(value.beside[i]!.cents, lang) }) : ""))
    .join("");
  return parts.join(PART_MARKS.separator) + beside;
}

// ───────────── evaluating a rule ─────────────

export interface Driver {
  lineId: string;
  sheet: string;
  cell: string;
  label: string;
  cents: number;
}

export interface RuleValue {
  id: RuleId;
  /** null when the denominator is zero (no expense): nothing to measure. */
  value: number | null;
  target: number;
  /** Cents still missing to reach the target (negative: above target). */
  gapCents: number;
  /** Target minus value, in share points. */
  gapPoints: number;
  status: Status;
  numeratorCents: number;
  /** The numerator as recorded in the budget (before any valuation from hours). */
  recordedCents: number;
  denominatorCents: number;
  valuedFromHours: boolean;
  drivers: Driver[];
  sentence: Text;
}

function topDrivers(lines: readonly ClassifiedLine[], n = 3): Driver[] {
  return lines
    .filter((l) => centsOf(l) !== 0)
    .sort((a, b) => Math.abs(centsOf(b)) - Math.abs(centsOf(a)))
    .slice(0, n)
    .map((l) => ({ lineId: l.id, sheet: l.sheet, cell: l.cell, label: l.label, cents: centsOf(l) }));
}

export function hoursValueCents(params: Parameters): number {
  return Math.round(params.volunteerHours * params.volunteerHourlyRate * params.employerChargeCoefficient * 100);
}

export function evaluateRule(r: RuleDef, lines: readonly ClassifiedLine[], params: Parameters): RuleValue {
  const terms = r.numerator;
  const recorded = terms.reduce((s, t) => s + evaluateAmount(t, lines), 0);
  const fromHours = r.valuedFromHours ? hoursValueCents(params) : 0;
  const valuedFromHours = Boolean(r.valuedFromHours) && recorded <= 0 && fromHours > 0;
  const N = valuedFromHours ? fromHours : recorded;
  const D = evaluateAmount(r.denominator, lines);
  const target = params[r.target];
  const value = D > 0 ? N / D : null;
  const gapCents = r.gap === "onTop" ? (target < 1 ? Math.round(((D - N) * target) / (1 - target)) : 0) - N : Math.round(D * target - N);
  const st = status(value, target, params.closeFraction);
  const driverLines = r.drivers ? linesOf(r.drivers, lines) : terms.flatMap((t) => linesOf(t, lines));
  const out: RuleValue = {
    id: r.id,
    value,
    target,
    gapCents,
    gapPoints: value === null ? target : target - value,
    status: st,
    numeratorCents: N,
    recordedCents: recorded,
    denominatorCents: D,
    valuedFromHours,
    drivers: topDrivers(driverLines),
    sentence: { fr: "", en: "" },
  };
  out.sentence = { fr: ruleSentence(r, out, params, "fr"), en: ruleSentence(r, out, params, "en") };
  return out;
}

/** Which sentence a rule's value takes: the report's formula makes the same choice. */
export function sentenceKind(r: RuleDef, v: Pick<RuleValue, "value" | "numeratorCents" | "status" | "target">): "unmeasured" | "empty" | "reached" | "reachedFar" | "below" {
  if (v.value === null) return "unmeasured";
  if (r.sentences.empty && v.numeratorCents <= 0) return "empty";
  if (v.status === "reached") return r.sentences.reachedFar && v.value - v.target > r.sentences.reachedFar.margin ? "reachedFar" : "reached";
  return "below";
}

export function hoursNeeded(gapCents: number, params: Parameters): number {
  const hourly = params.volunteerHourlyRate * params.employerChargeCoefficient;
  return hourly > 0 ? Math.ceil(Math.max(0, gapCents) / 100 / hourly) : 0;
}

/** The texts a rule's sentences quote, by placeholder (the report writes each in a cell of its own). */
export function placeholderTexts(v: RuleValue, params: Parameters, lang: Lang): Record<Placeholder, string> {
  return {
    value: percentText(v.value ?? 0, lang),
    target: percentText(v.target, lang),
    gap: eurosText(v.gapCents, lang),
    amount: eurosText(v.numeratorCents, lang),
    need: eurosText(Math.round(v.denominatorCents * v.target), lang),
    hours: groupedInteger(hoursNeeded(v.gapCents, params), lang),
    rate: eurosCentsText(Math.round(params.volunteerHourlyRate * 100), lang),
    volunteerHours: groupedInteger(params.volunteerHours, lang),
  };
}

export const PLACEHOLDERS: readonly Placeholder[] = ["value", "target", "gap", "amount", "need", "hours", "rate", "volunteerHours"];

/** The "{source}" part of a rule's sentences, when it has one. */
export function sourceText(r: RuleDef, v: RuleValue, params: Parameters, lang: Lang): string | null {
  if (!r.sentences.source) return null;
  return fillTemplate((v.valuedFromHours ? r.sentences.source.fromHours : r.sentences.source.recorded)[lang], placeholderTexts(v, params, lang));
}

export function ruleSentence(r: RuleDef, v: RuleValue, params: Parameters, lang: Lang): string {
  const kind = sentenceKind(r, v);
  const s = r.sentences;
  const template =
    kind === "unmeasured" ? s.unmeasured[lang] : kind === "empty" ? s.empty![lang] : kind === "below" ? s.below[lang] : s.reached[lang] + (kind === "reachedFar" ? s.reachedFar!.text[lang] : "");
  const values: Record<string, string | undefined> = { ...placeholderTexts(v, params, lang), source: sourceText(r, v, params, lang) ?? undefined };
  return fillTemplate(template, values);
}
