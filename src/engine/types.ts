// The domain vocabulary of docs/spec.md §1. Identifiers are English; labels shown to people live in labels.ts.

export const SECTIONS = ["expense", "income", "in_kind_use", "in_kind_resource"] as const;
export type Section = (typeof SECTIONS)[number];

export const PILLARS = ["human", "financial", "alliances"] as const;
export type Pillar = (typeof PILLARS)[number];

export const NATURES = ["public", "private", "activity", "neutral"] as const;
export type Nature = (typeof NATURES)[number];
/** The three natures that make the model (neutral stays outside the mix). */
export const MIX_NATURES = ["public", "private", "activity"] as const;
export type MixNature = (typeof MIX_NATURES)[number];

export type Payer = "public" | "private";

export const DESTINATIONS = ["action", "engineering"] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const LEVER_IDS = [
  // income
  "membership_fees",
  "sales_services",
  "sponsorship",
  "public_procurement",
  "public_tariffs",
  "public_grants",
  "donations",
  "corporate_patronage",
  "bequests",
  "foundations",
  "financial_income",
  "exceptional_income",
  "reversals_transfers",
  "other_income",
  // expense
  "purchases",
  "external_services",
  "other_external_services",
  "external_staff",
  "network_dues",
  "taxes",
  "payroll_taxes",
  "staff",
  "training",
  "other_operating",
  "common_operations",
  "financial_charges",
  "exceptional_charges",
  "depreciation_provisions",
  "volunteer_expenses",
  // in kind
  "volunteering",
  "skills_patronage",
  "in_kind_services",
  "in_kind_goods",
] as const;
export type LeverId = (typeof LEVER_IDS)[number];

export type Lang = "fr" | "en";

/** An amount as read from one cell: integer cents, or the error the cell holds (never summed). */
export type Amount = { kind: "value"; cents: number } | { kind: "error"; error: string };

/** What the reader knows around a line: it helps the classifier where the label is thin. */
export interface LineContext {
  /** Section told by the layout (block heading "Charges", a Produits column, a trial-balance side…). */
  sectionHint?: Section | null;
  /** The block heading above the line ("CHARGES", "Charges indirectes", "RECETTES"…). */
  heading?: string | null;
  /** The chapter row the line sits under ("60 - Achats", "74 - Subventions d'exploitation"). */
  chapter?: string | null;
  /**
   * A heading further up that names money paid to others (« Subventions versées à … » over « Partenaire B »): the
   * block's lines are what the partner does with the grant.
   */
  paidOutHeading?: string | null;
  /**
   * A heading that names a partner of the association (« FONHSUD : 28 681 € ») over lines that say aid paid to it
   * (« Appui aux caisses des mutuelles »): its lines are money paid out, whatever the partner does with it.
   */
  partnerHeading?: string | null;
  /** The sheet's name (« Subventions Ville de Paris », « Buvette »): a block over the whole sheet, weaker than a heading. */
  sheet?: string | null;
  /** The header of the amount column ("Fonctionnement / coordination", "Budget 2025"). */
  columnHeader?: string | null;
  /** True when the column is an analytic column (one per action, or structure): it decides the destination. */
  analyticColumn?: boolean;
  /**
   * Why the reader gave the line a side other than its heading's (« Ressources » over a block of purchases): said in
   * the reason, with a confidence that asks the user to check (sideNotes.ts).
   */
  sideNote?: { fr: string; en: string } | null;
}

/** One budget line for one amount column: what the reader hands to the engine. */
export interface BudgetLine {
  /** Stable key of the line within a run: sheet, label cell and column. */
  id: string;
  sheet: string;
  /** The label cell, e.g. "B12". */
  cell: string;
  row: number;
  /** The cell that holds the amount, e.g. "D12". */
  amountCell?: string | null;
  label: string;
  account: string | null;
  /** The amount column's header; null when there is only one unnamed column. */
  column: string | null;
  /** Which analysis this line belongs to: a scenario column ("Budget 2025"), or one shared name for analytic columns. */
  scenario: string;
  amount: Amount;
  context: LineContext;
}

export interface Classification {
  section: Section;
  lever: LeverId;
  pillar: Pillar;
  tags: Pillar[];
  nature: Nature | null;
  payer: Payer | null;
  destination: Destination | null;
  confidence: number;
  /** Short French text: why this lever ("compte 741 ; mot-clé « subvention »"). */
  reason: string;
  reasonEn: string;
}

/** A user's correction, read back from the mapping table. */
export interface Correction {
  lever?: LeverId | null;
  destination?: Destination | null;
}

export interface ClassifiedLine extends BudgetLine, Classification {
  corrected: boolean;
  /** The sheet types this line's section as negative numbers; `amount` is the amount as read (positive). */
  negativeInSheet?: boolean;
  /** The automatic answer, kept when a correction replaced it. */
  automatic: Classification;
}
