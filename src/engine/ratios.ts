// The three ratios (SPEC.md §4): one table says what each measures; the functions compute value, target,
// gaps, status, the lines that weigh most and a recommendation with the figures in it.
import { formatEuros, formatPercent } from "./money.ts";
import type { Parameters } from "./parameters.ts";
import type { ClassifiedLine, Lang, Pillar } from "./types.ts";

type Text = { fr: string; en: string };
export type RatioId = "tiersOnTop" | "fourThirds" | "alliance";
export type Status = "reached" | "close" | "below";

export interface RatioInfo {
  id: RatioId;
  pillar: Pillar;
  name: Text;
  /** What the ratio measures, for the "Méthode" text. */
  measures: Text;
  targets: (keyof Parameters)[];
}

export const RATIOS: readonly RatioInfo[] = [
  {
    id: "tiersOnTop",
    pillar: "financial",
    name: { fr: "Règle du « tiers on top » (67/33)", en: "“Third on top” rule (67/33)" },
    measures: {
      fr: "Part des charges consacrée à l'ingénierie (coordination, pilotage, évaluation, capitalisation, frais de structure) : ingénierie ÷ (actions + ingénierie), cible un tiers.",
      en: "Share of expenses spent on engineering (coordination, steering, evaluation, capitalisation, structure costs): engineering ÷ (actions + engineering), target one third.",
    },
    targets: ["tiersOnTopTarget"],
  },
  {
    id: "fourThirds",
    pillar: "human",
    name: { fr: "Règle des « 4 tiers »", en: "“Four thirds” rule" },
    measures: {
      fr: "Bénévolat et mécénat de compétences valorisés ÷ charges monétaires, cible un tiers : la valeur économique du projet vaut les 4/3 de son budget en argent.",
      en: "Valued volunteering and skills patronage ÷ monetary expenses, target one third: the project's economic value is 4/3 of its money budget.",
    },
    targets: ["fourThirdsTarget", "volunteerHourlyRate", "employerChargeCoefficient"],
  },
  {
    id: "alliance",
    pillar: "alliances",
    name: { fr: "Règle des « 10+1 % » de prime à l'alliance", en: "“10+1%” alliance premium" },
    measures: {
      fr: "Mutualisation : dépenses d'alliance et contributions en nature de partenaires ÷ charges (cible 10 %) ; prime collective : cotisations aux réseaux et opérations communes ÷ charges (cible 1 %).",
      en: "Pooling: alliance expenses and partners' in-kind contributions ÷ expenses (target 10%); collective premium: network dues and joint operations ÷ expenses (target 1%).",
    },
    targets: ["poolingTarget", "premiumTarget"],
  },
];

export interface Driver {
  lineId: string;
  sheet: string;
  cell: string;
  label: string;
  cents: number;
}

export interface RatioValue {
  /** null when the denominator is zero (no expense): nothing to measure. */
  value: number | null;
  target: number;
  /** Cents still missing to reach the target (negative: above target). */
  gapCents: number;
  /** Target minus value, in share points. */
  gapPoints: number;
  status: Status;
  numeratorCents: number;
  denominatorCents: number;
}

export interface TiersOnTop extends RatioValue {
  drivers: Driver[];
  recommendation: Text;
}

export interface FourThirds extends RatioValue {
  drivers: Driver[];
  humanResources: { employees: boolean; volunteers: boolean; civicService: boolean; skillsPatronage: boolean };
  /** Valued from hours × rate × coefficient because nothing was recorded in 86/87. */
  valuedFromHours: boolean;
  recommendation: Text;
}

export interface Alliance {
  pooling: RatioValue;
  premium: RatioValue;
  drivers: Driver[];
  recommendation: Text;
}

export function status(value: number | null, target: number, closeFraction: number): Status {
  if (value === null) return "below";
  if (value >= target - 1e-9) return "reached";
  return value >= target * (1 - closeFraction) ? "close" : "below";
}

function ratio(numerator: number, denominator: number, target: number, params: Parameters): RatioValue {
  const value = denominator > 0 ? numerator / denominator : null;
  return {
    value,
    target,
    gapCents: Math.round(denominator * target - numerator),
    gapPoints: value === null ? target : target - value,
    status: status(value, target, params.closeFraction),
    numeratorCents: numerator,
    denominatorCents: denominator,
  };
}

const centsOf = (l: ClassifiedLine) => (l.amount.kind === "value" ? l.amount.cents : 0);

function topDrivers(lines: ClassifiedLine[], n = 3): Driver[] {
  return lines
    .filter((l) => centsOf(l) !== 0)
    .sort((a, b) => Math.abs(centsOf(b)) - Math.abs(centsOf(a)))
    .slice(0, n)
    .map((l) => ({ lineId: l.id, sheet: l.sheet, cell: l.cell, label: l.label, cents: centsOf(l) }));
}

const sum = (lines: ClassifiedLine[]) => lines.reduce((s, l) => s + centsOf(l), 0);

export function tiersOnTop(lines: ClassifiedLine[], params: Parameters): TiersOnTop {
  const expenses = lines.filter((l) => l.section === "expense");
  const engineering = expenses.filter((l) => l.destination === "engineering");
  const action = expenses.filter((l) => l.destination !== "engineering");
  const E = sum(engineering);
  const P = sum(action);
  const target = params.tiersOnTopTarget;
  const base = ratio(E, P + E, target, params);
  // "On top": the engineering the actions need is P × 33/67, not a third of today's total.
  const needed = target < 1 ? Math.round((P * target) / (1 - target)) : 0;
  const gapCents = needed - E;
  const r: RatioValue = { ...base, gapCents };
  return { ...r, drivers: topDrivers(engineering.length > 0 ? engineering : action), recommendation: tiersRecommendation(r) };
}

function tiersRecommendation(r: RatioValue): Text {
  if (r.value === null) {
    return { fr: "Aucune charge n'a été trouvée : la règle du tiers on top ne peut pas être mesurée.", en: "No expense was found: the third-on-top rule cannot be measured." };
  }
  const t = (lang: Lang) => ({ v: formatPercent(r.value!, lang), c: formatPercent(r.target, lang), g: formatEuros(Math.abs(r.gapCents), lang) });
  const fr = t("fr");
  const en = t("en");
  if (r.status === "reached") {
    const heavy = r.value - r.target > 0.15;
    return {
      fr: `Votre ingénierie (coordination, pilotage, évaluation, structure) représente ${fr.v} de vos charges, pour une cible de ${fr.c} : elle est financée.${heavy ? " Vérifiez que les frais de structure ne prennent pas le pas sur les actions." : ""}`,
      en: `Your engineering (coordination, steering, evaluation, structure) is ${en.v} of your expenses, for a target of ${en.c}: it is funded.${heavy ? " Check that structure costs do not crowd out the actions." : ""}`,
    };
  }
  return {
    fr: `Votre ingénierie (coordination, pilotage, évaluation, structure) représente ${fr.v} de vos charges, pour une cible de ${fr.c} : il manque environ ${fr.g} pour la financer « en plus » de vos actions. Intégrez ce montant à vos demandes de financement.`,
    en: `Your engineering (coordination, steering, evaluation, structure) is ${en.v} of your expenses, for a target of ${en.c}: about ${en.g} is missing to fund it “on top” of your actions. Include this amount in your funding requests.`,
  };
}

const CIVIC_SERVICE = /service civique|volontaire|volontariat/i;

export function fourThirds(lines: ClassifiedLine[], params: Parameters): FourThirds {
  const M = sum(lines.filter((l) => l.section === "expense"));
  const isHuman = (l: ClassifiedLine) => l.lever === "volunteering" || l.lever === "skills_patronage";
  const useSide = lines.filter((l) => l.section === "in_kind_use" && isHuman(l));
  const resourceSide = lines.filter((l) => l.section === "in_kind_resource" && isHuman(l));
  // 86 and 87 mirror each other: count one side, the larger one, so a budget that fills only one side still counts.
  const recordedLines = sum(resourceSide) >= sum(useSide) ? resourceSide : useSide;
  const recorded = sum(recordedLines);
  const fromHours = Math.round(params.volunteerHours * params.volunteerHourlyRate * params.employerChargeCoefficient * 100);
  const valuedFromHours = recorded <= 0 && fromHours > 0;
  const V = valuedFromHours ? fromHours : recorded;
  const r = ratio(V, M, params.fourThirdsTarget, params);
  const present = (pred: (l: ClassifiedLine) => boolean) => lines.some((l) => pred(l) && centsOf(l) !== 0);
  const humanResources = {
    employees: present((l) => l.lever === "staff" || l.lever === "payroll_taxes"),
    volunteers: V > 0 || params.volunteerHours > 0 || present((l) => l.lever === "volunteering" || l.lever === "volunteer_expenses"),
    civicService: present((l) => CIVIC_SERVICE.test(l.label)),
    skillsPatronage: present((l) => l.lever === "skills_patronage"),
  };
  return {
    ...r,
    drivers: topDrivers(recordedLines),
    humanResources,
    valuedFromHours,
    recommendation: fourThirdsRecommendation(r, V, valuedFromHours, params),
  };
}

function fourThirdsRecommendation(r: RatioValue, V: number, fromHours: boolean, params: Parameters): Text {
  if (r.value === null) {
    return { fr: "Aucune charge n'a été trouvée : la règle des 4 tiers ne peut pas être mesurée.", en: "No expense was found: the four-thirds rule cannot be measured." };
  }
  const hourly = params.volunteerHourlyRate * params.employerChargeCoefficient;
  const hoursNeeded = hourly > 0 ? Math.ceil(Math.max(0, r.gapCents) / 100 / hourly) : 0;
  const f = (lang: Lang) => ({
    v: formatPercent(r.value!, lang),
    c: formatPercent(r.target, lang),
    g: formatEuros(Math.abs(r.gapCents), lang),
    need: formatEuros(Math.round(r.denominatorCents * r.target), lang),
    rate: formatEuros(Math.round(params.volunteerHourlyRate * 100), lang, true),
    h: new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(hoursNeeded).replace(/\u202f/g, "\u00a0"),
    hours: new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(params.volunteerHours).replace(/\u202f/g, "\u00a0"),
    V: formatEuros(V, lang),
  });
  const fr = f("fr");
  const en = f("en");
  if (V <= 0) {
    return {
      fr: `Le bénévolat n'est pas valorisé dans ce budget. Pour atteindre la cible de ${fr.c} de vos charges (${fr.need}), il faudrait l'équivalent d'environ ${fr.h} heures au taux de ${fr.rate} de l'heure : comptez les heures de vos bénévoles et inscrivez-les en comptes 86/87.`,
      en: `Volunteering is not valued in this budget. Reaching the ${en.c} target (${en.need}) would take about ${en.h} hours at ${en.rate} an hour: count your volunteers' hours and record them in accounts 86/87.`,
    };
  }
  const source = fromHours
    ? { fr: `Avec ${fr.hours} heures à ${fr.rate}, le bénévolat vaut ${fr.V}, soit`, en: `With ${en.hours} hours at ${en.rate}, volunteering is worth ${en.V}, that is` }
    : { fr: `Le bénévolat et le mécénat de compétences valorisés (${fr.V}) représentent`, en: `Valued volunteering and skills patronage (${en.V}) amount to` };
  if (r.status === "reached") {
    return { fr: `${source.fr} ${fr.v} de vos charges (cible ${fr.c}) : l'engagement bénévole est bien visible.`, en: `${source.en} ${en.v} of your expenses (target ${en.c}): volunteer engagement is clearly visible.` };
  }
  return {
    fr: `${source.fr} ${fr.v} de vos charges (cible ${fr.c}) : il manque ${fr.g} d'engagement valorisé, soit environ ${fr.h} heures. Vérifiez que toutes les heures sont comptées, ou mobilisez de nouveaux bénévoles.`,
    en: `${source.en} ${en.v} of your expenses (target ${en.c}): ${en.g} of valued engagement is missing, about ${en.h} hours. Check that all hours are counted, or bring in new volunteers.`,
  };
}

export function alliance(lines: ClassifiedLine[], params: Parameters): Alliance {
  const expenses = lines.filter((l) => l.section === "expense");
  const T = sum(expenses);
  const allianceExpenses = expenses.filter((l) => l.pillar === "alliances" || l.tags.includes("alliances"));
  const partnerInKind = (side: "in_kind_use" | "in_kind_resource") =>
    lines.filter((l) => l.section === side && (l.lever === "in_kind_goods" || l.lever === "in_kind_services" || l.lever === "skills_patronage"));
  const use = partnerInKind("in_kind_use");
  const res = partnerInKind("in_kind_resource");
  const inKind = sum(res) >= sum(use) ? res : use;
  const pooledLines = [...allianceExpenses, ...inKind];
  const premiumLines = expenses.filter((l) => l.lever === "network_dues" || l.lever === "common_operations");
  const pooling = ratio(sum(pooledLines), T, params.poolingTarget, params);
  const premium = ratio(sum(premiumLines), T, params.premiumTarget, params);
  return { pooling, premium, drivers: topDrivers(pooledLines), recommendation: allianceRecommendation(pooling, premium) };
}

function allianceRecommendation(pooling: RatioValue, premium: RatioValue): Text {
  if (pooling.value === null) {
    return { fr: "Aucune charge n'a été trouvée : la règle des 10+1 % ne peut pas être mesurée.", en: "No expense was found: the 10+1% rule cannot be measured." };
  }
  const part = (r: RatioValue, lang: Lang) => ({ v: formatPercent(r.value!, lang), c: formatPercent(r.target, lang), g: formatEuros(Math.abs(r.gapCents), lang) });
  const p = { fr: part(pooling, "fr"), en: part(pooling, "en") };
  const q = { fr: part(premium, "fr"), en: part(premium, "en") };
  const poolFr =
    pooling.status === "reached"
      ? `Mutualisation : ${p.fr.v} de vos charges (cible ${p.fr.c}), atteinte.`
      : `Mutualisation : ${p.fr.v} de vos charges (cible ${p.fr.c}) ; il manque ${p.fr.g} de moyens partagés (locaux, personnel, achats groupés, mises à disposition par des partenaires).`;
  const poolEn =
    pooling.status === "reached"
      ? `Pooling: ${p.en.v} of your expenses (target ${p.en.c}), reached.`
      : `Pooling: ${p.en.v} of your expenses (target ${p.en.c}); ${p.en.g} of shared means is missing (premises, staff, joint purchasing, partners' in-kind support).`;
  const premFr =
    premium.status === "reached"
      ? `Prime collective : ${q.fr.v} (cible ${q.fr.c}), atteinte.`
      : `Prime collective : ${q.fr.v} (cible ${q.fr.c}) ; prévoyez ${q.fr.g} pour le collectif (cotisations aux réseaux, opérations communes, évaluation partagée).`;
  const premEn =
    premium.status === "reached"
      ? `Collective premium: ${q.en.v} (target ${q.en.c}), reached.`
      : `Collective premium: ${q.en.v} (target ${q.en.c}); set aside ${q.en.g} for the collective (network dues, joint operations, shared evaluation).`;
  return { fr: `${poolFr} ${premFr}`, en: `${poolEn} ${premEn}` };
}
