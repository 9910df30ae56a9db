// Names users see, French first (docs/labels.md). Levers carry their own labels in levers.ts.
import { lever } from "./levers.ts";
import type { Destination, Lang, LeverId, MixNature, Nature, Pillar, Section } from "./types.ts";

type Names<K extends string> = Record<K, { fr: string; en: string }>;

export const PILLAR_NAMES: Names<Pillar> = {
  human: { fr: "Richesses humaines", en: "Human resources" },
  financial: { fr: "Ressources financières", en: "Financial resources" },
  alliances: { fr: "Alliances stratégiques", en: "Strategic alliances" },
};

export const NATURE_NAMES: Names<Nature> = {
  public: { fr: "Financements publics", en: "Public funding" },
  private: { fr: "Financements privés", en: "Private funding" },
  activity: { fr: "Revenus d'activité", en: "Activity income" },
  neutral: { fr: "Hors mix (financier, exceptionnel, reprises)", en: "Outside the mix" },
};

/** The adjective used in sentences: "73 % de vos ressources sont publiques". */
export const NATURE_ADJECTIVES: Names<MixNature> = {
  public: { fr: "publiques", en: "public" },
  private: { fr: "privées", en: "private" },
  activity: { fr: "issues de votre activité", en: "from your activity" },
};

export const SECTION_NAMES: Names<Section> = {
  expense: { fr: "Charges", en: "Expenses" },
  income: { fr: "Produits", en: "Income" },
  in_kind_use: { fr: "Emplois des contributions volontaires en nature", en: "Use of in-kind contributions" },
  in_kind_resource: { fr: "Contributions volontaires en nature", en: "In-kind contributions" },
};

export const DESTINATION_NAMES: Names<Destination> = {
  action: { fr: "Actions / projets", en: "Actions / projects" },
  engineering: { fr: "Ingénierie (animation, pilotage, capitalisation, valorisation)", en: "Engineering (coordination, steering, evaluation)" },
};

export const PROFILE_NAMES: Names<"general_interest" | "social_utility"> = {
  general_interest: { fr: "Intérêt général", en: "General interest" },
  social_utility: { fr: "Utilité sociale (opérateur)", en: "Social utility (operator)" },
};

export const STATUS_NAMES: Names<"reached" | "close" | "below"> = {
  reached: { fr: "Atteint", en: "Reached" },
  close: { fr: "Proche", en: "Close" },
  below: { fr: "À renforcer", en: "To strengthen" },
};

export function leverName(id: LeverId, lang: Lang = "fr"): string {
  return lever(id).label[lang];
}
