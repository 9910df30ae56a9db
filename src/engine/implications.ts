// "L'impact opérationnel des leviers" (docs/methode.md, « Ce que le mix implique »), and the national mix: what the levers
// that weigh most imply for autonomy, stability, cash and constraints.
import type { LeverId, MixNature } from "./types.ts";

type Text = { fr: string; en: string };

export type LeverFamilyId = "members" | "private_activity" | "public_activity" | "grants" | "generosity";

export const LEVER_FAMILIES: Record<LeverFamilyId, { levers: LeverId[]; name: Text; implies: Text }> = {
  members: {
    levers: ["membership_fees"],
    name: { fr: "Cotisations", en: "Membership fees" },
    implies: {
      fr: "grande liberté d'action et ressource versée d'avance, stable mais vite plafonnée.",
      en: "great freedom of action and money paid upfront, stable but soon capped.",
    },
  },
  private_activity: {
    levers: ["sales_services", "sponsorship"],
    name: { fr: "Ventes et prestations", en: "Sales and services" },
    implies: {
      fr: "autonomie financière réelle, mais dépendante du marché ; des bénévoles ne peuvent pas tenir une activité marchande, et la fiscalité commerciale peut s'appliquer.",
      en: "real financial autonomy, but market-dependent; volunteers cannot staff a market activity, and commercial taxes may apply.",
    },
  },
  public_activity: {
    levers: ["public_procurement", "public_tariffs"],
    name: { fr: "Commande publique et tarification", en: "Public procurement and tariffs" },
    implies: {
      fr: "faible autonomie : le service est défini par l'acheteur public, mis en concurrence et strictement encadré ; visibilité limitée à la durée du contrat.",
      en: "low autonomy: the public buyer defines the service, which is tendered and strictly regulated; visibility limited to the contract's term.",
    },
  },
  grants: {
    levers: ["public_grants"],
    name: { fr: "Subventions", en: "Grants" },
    implies: {
      fr: "reconnaissance de votre projet, mais renouvellement annuel et versements tardifs : prévoyez environ trois mois de trésorerie.",
      en: "recognition of your project, but yearly renewal and late payments: keep about three months of cash.",
    },
  },
  generosity: {
    levers: ["donations", "corporate_patronage", "bequests", "foundations"],
    name: { fr: "Dons, mécénat et fondations", en: "Gifts, patronage and foundations" },
    implies: {
      fr: "très libre si les fonds ne sont pas affectés, mais volatile et saisonnier ; la collecte a un coût et les fonds affectés deviennent des fonds dédiés.",
      en: "very free when unrestricted, but volatile and seasonal; collection has a cost and restricted funds become dedicated funds.",
    },
  },
};

export function familyOf(lever: LeverId): LeverFamilyId | null {
  for (const [id, f] of Object.entries(LEVER_FAMILIES)) if (f.levers.includes(lever)) return id as LeverFamilyId;
  return null;
}

/** National mix of French associations' resources, 2017 (docs/methode.md, « Ce que le mix implique »), by nature. */
export const NATIONAL_MIX: { year: number; byNature: Record<MixNature, number>; note: Text } = {
  year: 2017,
  byNature: { public: 0.2, private: 0.14, activity: 0.66 },
  note: {
    fr: "Moyenne nationale des associations (2017) : participation des usagers 42 %, commande publique 24 %, subventions 20 %, cotisations 9 %, dons et mécénat 5 %.",
    en: "National average of French associations (2017): users' payments 42%, public procurement 24%, grants 20%, membership fees 9%, gifts and patronage 5%.",
  },
};
