// Words the written report uses (sheet names, column headers, short labels), French and English.
// Levers, natures, pillars and models come from the engine's tables; only the report's own words live here.
import type { Destination, Lang, Section } from "../engine/types.ts";

export interface SheetNames {
  report: string;
  mapping: string;
  levers: string;
  /** The scenario inputs (« Variation (%) », « Variation (€) », hours) the report's scenario block reads. */
  scenarios: string;
}

export function sheetNames(lang: Lang): SheetNames {
  return lang === "fr"
    ? { report: "Équilibre", mapping: "Équilibre – lignes", levers: "Équilibre – leviers", scenarios: "Équilibre – scénarios" }
    : { report: "Équilibre", mapping: "Équilibre – lines", levers: "Équilibre – levers", scenarios: "Équilibre – scenarios" };
}

/** Short section names used in the mapping table (and matched by the report's formulas). */
export function sectionShort(section: Section, lang: Lang): string {
  const fr: Record<Section, string> = {
    expense: "Charges",
    income: "Produits",
    in_kind_use: "Emplois en nature (86)",
    in_kind_resource: "Contributions en nature (87)",
  };
  const en: Record<Section, string> = {
    expense: "Expenses",
    income: "Income",
    in_kind_use: "In-kind use (86)",
    in_kind_resource: "In-kind resources (87)",
  };
  return (lang === "fr" ? fr : en)[section];
}

/** The lever family as the levers sheet writes it. */
export function familyShort(family: "income" | "expense" | "in_kind", lang: Lang): string {
  if (family === "in_kind") return lang === "fr" ? "En nature" : "In kind";
  return sectionShort(family, lang);
}

export function destinationShort(d: Destination, lang: Lang): string {
  if (d === "action") return lang === "fr" ? "Actions / projets" : "Actions / projects";
  return lang === "fr" ? "Ingénierie" : "Engineering";
}

export const MAPPING_HEADERS = {
  fr: [
    "Feuille", "Cellule", "Libellé", "Compte", "Colonne", "Scénario", "Section (auto)", "Montant", "Levier (auto)", "Pilier (auto)",
    "Nature (auto)", "Destination (auto)", "Confiance", "Pourquoi", "Levier corrigé", "Destination corrigée", "Levier", "Section", "Pilier",
    "Nature", "Destination",
  ],
  en: [
    "Sheet", "Cell", "Label", "Account", "Column", "Scenario", "Section (auto)", "Amount", "Lever (auto)", "Pillar (auto)", "Nature (auto)",
    "Destination (auto)", "Confidence", "Why", "Corrected lever", "Corrected destination", "Lever", "Section", "Pillar", "Nature", "Destination",
  ],
} as const;

/** Column letters of the mapping table, by meaning (the order of MAPPING_HEADERS). */
export const MAP_COL = {
  sheet: "A",
  cell: "B",
  label: "C",
  account: "D",
  column: "E",
  scenario: "F",
  autoSection: "G",
  amount: "H",
  autoLever: "I",
  autoPillar: "J",
  autoNature: "K",
  autoDestination: "L",
  confidence: "M",
  reason: "N",
  correctedLever: "O",
  correctedDestination: "P",
  lever: "Q",
  section: "R",
  pillar: "S",
  nature: "T",
  destination: "U",
} as const;

/** The levers sheet shows a reader's words only: the lever's accounts, not its internal id. */
export const LEVERS_HEADERS = {
  fr: ["Levier", "Comptes", "Famille", "Pilier", "Nature", "Destination par défaut"],
  en: ["Lever", "Accounts", "Family", "Pillar", "Nature", "Default destination"],
} as const;
/** Headers of levers sheets written by earlier versions (still recognised as Équilibre's own). */
export const EARLIER_LEVERS_HEADERS = [
  ["Levier", "Identifiant", "Famille", "Pilier", "Nature", "Destination par défaut"],
  ["Lever", "Id", "Family", "Pillar", "Nature", "Default destination"],
] as const;

/**
 * The mapping table's layout version, written in its row 3 (« Format de la table : 2 »). Tables written before
 * the version existed have none and are format 1 (read by a migration); a table from a newer format is not
 * guessed at. Raise it whenever the table's columns or what they mean change, with a migration for the last one.
 */
export const MAPPING_SCHEMA_VERSION = 2;
export const MAPPING_VERSION_ROW = 3;
export const MAPPING_VERSION_TEXT = { fr: "Format de la table : ", en: "Table format: " } as const;

/** First data row of the mapping table (row 4 holds the headers). */
export const MAPPING_FIRST_ROW = 5;
export const MAPPING_HEADER_ROW = 4;
export const MAPPING_TABLE_NAME = "EquilibreLignes";
export const LEVERS_TABLE_NAME = "EquilibreLeviers";
