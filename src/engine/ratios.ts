// The three rules (docs/spec.md §4) as the analysis carries them: each is evaluated from its entry in the registry
// of figures (figures.ts), which says what it sums, its target, gap, status and sentences. This file only
// groups the four entries into the three rules and adds what the human pillar reports beside its ratio.
import { evaluateRule, rule, RULES, type Driver, type RuleId, type RuleValue, type Status, type Text } from "./figures.ts";
import type { Parameters } from "./parameters.ts";
import type { ClassifiedLine, Pillar } from "./types.ts";

export type { Driver, Status };
export type RatioId = "tiersOnTop" | "fourThirds" | "alliance";

export interface RatioInfo {
  id: RatioId;
  pillar: Pillar;
  name: Text;
  /** What the ratio measures, for the "Méthode" text. */
  measures: Text;
  /** The registry's entries this rule is made of. */
  rules: RuleId[];
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
    rules: ["tiersOnTop"],
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
    rules: ["fourThirds"],
    targets: ["fourThirdsTarget", "volunteerHourlyRate", "employerChargeCoefficient"],
  },
  {
    id: "alliance",
    pillar: "alliances",
    name: { fr: "Règle des « 10+1 % » de prime à l'alliance", en: "“10+1%” alliance premium" },
    measures: {
      fr: "Mutualisation : dépenses d'alliance et contributions en nature de partenaires ÷ charges (cible 10 %) ; prime collective : cotisations aux réseaux et opérations communes ÷ charges (cible 1 %). Chaque euro compte dans une seule des deux.",
      en: "Pooling: alliance expenses and partners' in-kind contributions ÷ expenses (target 10%); collective premium: network dues and joint operations ÷ expenses (target 1%). Each euro counts in only one of the two.",
    },
    rules: ["pooling", "premium"],
    targets: ["poolingTarget", "premiumTarget"],
  },
];

export type RatioValue = RuleValue;

export interface TiersOnTop extends RuleValue {
  recommendation: Text;
}

export interface FourThirds extends RuleValue {
  humanResources: { employees: boolean; volunteers: boolean; civicService: boolean; skillsPatronage: boolean };
  recommendation: Text;
}

export interface Alliance {
  pooling: RuleValue;
  premium: RuleValue;
  drivers: Driver[];
  recommendation: Text;
}

export { status } from "./figures.ts";

const centsOf = (l: ClassifiedLine) => (l.amount.kind === "value" ? l.amount.cents : 0);

export function tiersOnTop(lines: ClassifiedLine[], params: Parameters): TiersOnTop {
  const r = evaluateRule(rule("tiersOnTop"), lines, params);
  return { ...r, recommendation: r.sentence };
}

const CIVIC_SERVICE = /service civique|volontaire|volontariat/i;

export function fourThirds(lines: ClassifiedLine[], params: Parameters): FourThirds {
  const r = evaluateRule(rule("fourThirds"), lines, params);
  const present = (pred: (l: ClassifiedLine) => boolean) => lines.some((l) => pred(l) && centsOf(l) !== 0);
  const humanResources = {
    employees: present((l) => l.lever === "staff" || l.lever === "payroll_taxes"),
    volunteers: r.numeratorCents > 0 || params.volunteerHours > 0 || present((l) => l.lever === "volunteering" || l.lever === "volunteer_expenses"),
    civicService: present((l) => CIVIC_SERVICE.test(l.label)),
    skillsPatronage: present((l) => l.lever === "skills_patronage"),
  };
  return { ...r, humanResources, recommendation: r.sentence };
}

export function alliance(lines: ClassifiedLine[], params: Parameters): Alliance {
  const pooling = evaluateRule(rule("pooling"), lines, params);
  const premium = evaluateRule(rule("premium"), lines, params);
  // One sentence when nothing can be measured, else the two sub-rules' sentences one after the other.
  const recommendation =
    pooling.value === null ? pooling.sentence : { fr: `${pooling.sentence.fr} ${premium.sentence.fr}`, en: `${pooling.sentence.en} ${premium.sentence.en}` };
  return { pooling, premium, drivers: pooling.drivers, recommendation };
}

/** Every rule value of an analysis, in the registry's order (pane, CLI, CSV loop over it). */
export function ruleValues(ratios: { tiersOnTop: TiersOnTop; fourThirds: FourThirds; alliance: Alliance }): RuleValue[] {
  const byId: Record<RuleId, RuleValue> = { tiersOnTop: ratios.tiersOnTop, fourThirds: ratios.fourThirds, pooling: ratios.alliance.pooling, premium: ratios.alliance.premium };
  return RULES.map((r) => byId[r.id]);
}
