// The 7 models (docs/spec.md §3): one table gives each model its natures, names, meaning and reference model.
import { fillTemplate, MIX_SENTENCE, percentText } from "./figures.ts";
import type { Parameters } from "./parameters.ts";
import { MIX_NATURES, type Lang, type LeverId, type MixNature } from "./types.ts";

export type ModelId = "public" | "private" | "activity" | "public_private" | "public_activity" | "private_activity" | "hybrid";
export type ProfileId = "general_interest" | "social_utility";

type Text = { fr: string; en: string };

interface ModelInfo {
  id: ModelId;
  natures: MixNature[];
  name: Text;
  /** What the model means for the association, in one sentence. */
  meaning: Text;
}

export const MODELS: readonly ModelInfo[] = [
  {
    id: "private",
    natures: ["private"],
    name: { fr: "Modèle privé", en: "Private model" },
    meaning: {
      fr: "Votre projet vit de la mobilisation de vos membres et de vos donateurs : une grande liberté d'action, mais une croissance vite limitée et des ressources à renouveler sans cesse.",
      en: "Your project lives on your members and donors: great freedom of action, but growth is soon limited and resources must be renewed constantly.",
    },
  },
  {
    id: "public",
    natures: ["public"],
    name: { fr: "Modèle public", en: "Public model" },
    meaning: {
      fr: "Votre projet est reconnu et financé par les pouvoirs publics : c'est une force, mais il dépend de leurs choix, de leur calendrier de versement et du renouvellement annuel des subventions.",
      en: "Public authorities recognise and fund your project: a strength, but it depends on their choices, their payment schedule and the yearly renewal of grants.",
    },
  },
  {
    id: "activity",
    natures: ["activity"],
    name: { fr: "Modèle d'activité", en: "Activity-income model" },
    meaning: {
      fr: "Vous vivez surtout de la vente de vos services : une autonomie financière réelle, mais une exposition au marché (ou aux commandes publiques) et aux règles qui l'encadrent.",
      en: "You live mainly on selling your services: real financial autonomy, but exposure to the market (or to public contracts) and to the rules that frame it.",
    },
  },
  {
    id: "public_private",
    natures: ["public", "private"],
    name: { fr: "Modèle mixte public–privé", en: "Mixed public–private model" },
    meaning: {
      fr: "Vos projets sont cofinancés par des acteurs publics et privés : une base diversifiée, qui demande une vraie capacité à animer des partenariats.",
      en: "Public and private funders co-finance your projects: a diversified base that calls for a real capacity to run partnerships.",
    },
  },
  {
    id: "public_activity",
    natures: ["public", "activity"],
    name: { fr: "Modèle mixte public–activité", en: "Mixed public–activity model" },
    meaning: {
      fr: "Vous combinez subventions et revenus de votre activité : deux moteurs, à équilibrer entre reconnaissance publique et logique de service.",
      en: "You combine grants and activity income: two engines to balance between public recognition and service logic.",
    },
  },
  {
    id: "private_activity",
    natures: ["private", "activity"],
    name: { fr: "Modèle mixte privé–activité", en: "Mixed private–activity model" },
    meaning: {
      fr: "Vous vivez de vos membres, de vos soutiens privés et de votre activité : une forte autonomie vis-à-vis des pouvoirs publics, à consolider par des ressources régulières.",
      en: "You live on members, private supporters and your activity: strong autonomy from public authorities, to be consolidated with regular resources.",
    },
  },
  {
    id: "hybrid",
    natures: ["public", "private", "activity"],
    name: { fr: "Modèle hybride", en: "Hybrid model" },
    meaning: {
      fr: "Vos ressources combinent les trois natures : un modèle résilient, mais exigeant à piloter, car chaque source a ses propres règles.",
      en: "Your resources combine all three natures: a resilient model, but demanding to steer, since each source has its own rules.",
    },
  },
];

/** Nearest model of the Mouvement associatif typology (2014). */
export const REFERENCE_MODELS = {
  members: { fr: "Modèle des membres (cotisations et bénévolat)", en: "Members' model (dues and volunteering)" },
  philanthropy: { fr: "Philanthropie privée (dons, mécénat, legs)", en: "Private philanthropy (gifts, patronage, bequests)" },
  public_partner: { fr: "Partenaire de l'action publique (subventions)", en: "Partner of public action (grants)" },
  public_service: { fr: "Opérateur de service public (commande publique, tarification)", en: "Public-service operator (procurement, tariffs)" },
  market: { fr: "Revenus d'activité marchande", en: "Market / activity income" },
  cofinanced: { fr: "Projets cofinancés", en: "Co-financed projects" },
  hybrid: { fr: "Modèle hybride", en: "Hybrid model" },
  public_activity: { fr: "Entre partenaire de l'action publique et opérateur de service", en: "Between partner of public action and service operator" },
  private_activity: { fr: "Entre modèle des membres et revenus d'activité", en: "Between members' model and activity income" },
} satisfies Record<string, Text>;
export type ReferenceId = keyof typeof REFERENCE_MODELS;

/** What the report and the pane say when no resource of the mix was found. */
export const NO_MODEL: { name: Text; meaning: Text } = {
  name: { fr: "Modèle indéterminé", en: "Undetermined model" },
  meaning: {
    fr: "Aucune ressource publique, privée ou d'activité n'a été trouvée : le modèle ne peut pas être établi.",
    en: "No public, private or activity resource was found: the model cannot be established.",
  },
};

export function modelInfo(id: ModelId): ModelInfo {
  return MODELS.find((m) => m.id === id)!;
}

export interface ModelResult {
  id: ModelId | null;
  name: Text;
  meaning: Text;
  /** Base of the mix, in cents (public + private + activity). */
  baseCents: number;
  shares: Record<MixNature, number>;
  dominant: MixNature | null;
  closeCalls: MixNature[];
  profile: ProfileId;
  profileWarning: Text | null;
  reference: { id: ReferenceId; fr: string; en: string } | null;
  /** Herfindahl index of lever shares in the mix (1 = a single lever). */
  concentration: number;
  topLever: { id: LeverId; share: number } | null;
  sentence: Text;
}

export interface MixInput {
  byNature: Record<MixNature, number>;
  /** Cents per lever, for the levers inside the mix. */
  byMixLever: Partial<Record<LeverId, number>>;
  /** Public-payer activity (procurement + tariffs), cents. */
  publicPayerActivity: number;
  /** Share of valued volunteering in monetary expenses, to warn an operator that relies on it. */
  volunteeringShare: number;
}

export function classifyModel(mix: MixInput, params: Parameters): ModelResult {
  const base = MIX_NATURES.reduce((s, n) => s + mix.byNature[n], 0);
  const shares = Object.fromEntries(MIX_NATURES.map((n) => [n, base > 0 ? mix.byNature[n] / base : 0])) as Record<MixNature, number>;
  const significant = MIX_NATURES.filter((n) => base > 0 && shares[n] >= params.significanceThreshold);
  const info = significant.length > 0 ? MODELS.find((m) => sameSet(m.natures, significant)) ?? null : null;
  const dominant = MIX_NATURES.find((n) => shares[n] > params.dominanceThreshold) ?? null;
  const closeCalls = base > 0 ? MIX_NATURES.filter((n) => Math.abs(shares[n] - params.significanceThreshold) < params.closeCallMargin) : [];
  const profile: ProfileId = shares.activity > params.socialUtilityThreshold ? "social_utility" : "general_interest";

  const leverEntries = Object.entries(mix.byMixLever).filter(([, v]) => (v ?? 0) > 0) as [LeverId, number][];
  const concentration = base > 0 ? leverEntries.reduce((s, [, v]) => s + (v / base) ** 2, 0) : 0;
  const top = leverEntries.sort((a, b) => b[1] - a[1])[0];

  const reference = info ? referenceFor(info.id, mix) : null;
  const privateGifts = (mix.byMixLever.donations ?? 0) + (mix.byMixLever.corporate_patronage ?? 0) + (mix.byMixLever.bequests ?? 0);
  let profileWarning: Text | null = null;
  if (profile === "social_utility" && base > 0 && (privateGifts / base >= 0.1 || mix.volunteeringShare >= 0.1)) {
    profileWarning = {
      fr: "Votre budget est surtout fait de revenus d'activité, mais il s'appuie aussi sur des dons ou un bénévolat important : vérifiez que votre activité reste non lucrative (dons avec reçu fiscal, bénévoles sur une activité marchande).",
      en: "Your budget is mostly activity income but also relies on gifts or substantial volunteering: check that your activity stays non-profit (tax receipts for gifts, volunteers on a market activity).",
    };
  }
  const noModel = NO_MODEL.name;
  const noMeaning = NO_MODEL.meaning;
  return {
    id: info?.id ?? null,
    name: info?.name ?? noModel,
    meaning: info?.meaning ?? noMeaning,
    baseCents: base,
    shares,
    dominant,
    closeCalls,
    profile,
    profileWarning,
    reference,
    concentration,
    topLever: top && base > 0 ? { id: top[0], share: top[1] / base } : null,
    sentence: { fr: mixSentence(shares, base, "fr"), en: mixSentence(shares, base, "en") },
  };
}

function referenceFor(id: ModelId, mix: MixInput): { id: ReferenceId } & Text {
  const pick = (r: ReferenceId) => ({ id: r, ...REFERENCE_MODELS[r] });
  switch (id) {
    case "private": {
      const fees = mix.byMixLever.membership_fees ?? 0;
      const gifts = (mix.byMixLever.donations ?? 0) + (mix.byMixLever.corporate_patronage ?? 0) + (mix.byMixLever.bequests ?? 0);
      return pick(fees >= gifts ? "members" : "philanthropy");
    }
    case "public":
      return pick("public_partner");
    case "activity":
      return pick(mix.byNature.activity > 0 && mix.publicPayerActivity / mix.byNature.activity >= 0.5 ? "public_service" : "market");
    case "public_private":
      return pick("cofinanced");
    case "public_activity":
      return pick("public_activity");
    case "private_activity":
      return pick("private_activity");
    case "hybrid":
      return pick("hybrid");
  }
}

function mixSentence(shares: Record<MixNature, number>, base: number, lang: Lang): string {
  if (base <= 0) return NO_MIX_SENTENCE[lang];
  return fillTemplate(MIX_SENTENCE[lang], Object.fromEntries(MIX_NATURES.map((n) => [n, percentText(shares[n], lang)])));
}

export const NO_MIX_SENTENCE: Text = { fr: "Aucune ressource dans le mix.", en: "No resource in the mix." };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
