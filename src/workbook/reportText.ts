// Words the written report uses (sheet names, column headers, short labels), French and English.
// Levers, natures, pillars and models come from the engine's tables; only the report's own words live here.
import { say } from "../engine/i18n/index.ts";
import type { Destination, Lang, Section } from "../engine/types.ts";

export interface SheetNames {
  report: string;
  mapping: string;
  levers: string;
  /** The scenario inputs (« Variation (%) », « Variation (€) », hours) the report's scenario block reads. */
  scenarios: string;
}

export function sheetNames(lang: Lang): SheetNames {
  return { report: say(lang, "sheet.report"), mapping: say(lang, "sheet.mapping"), levers: say(lang, "sheet.levers"), scenarios: say(lang, "sheet.scenarios") };
}

/** Short section names used in the mapping table (and matched by the report's formulas). */
export function sectionShort(section: Section, lang: Lang): string {
  return say(lang, `section.${section}`);
}

/** The lever family as the levers sheet writes it. */
export function familyShort(family: "income" | "expense" | "in_kind", lang: Lang): string {
  return family === "in_kind" ? say(lang, "family.in_kind") : sectionShort(family, lang);
}

export function destinationShort(d: Destination, lang: Lang): string {
  return say(lang, `destination.${d}`);
}

/** The mapping table's columns, in their order (MAP_COL gives each one's letter). */
const MAPPING_COLUMNS = [
  "sheet", "cell", "label", "account", "column", "scenario", "autoSection", "amount", "autoLever", "autoPillar", "autoNature",
  "autoDestination", "confidence", "reason", "correctedLever", "correctedDestination", "lever", "section", "pillar", "nature", "destination",
] as const;
const mappingHeaders = (lang: Lang) => MAPPING_COLUMNS.map((c) => say(lang, `mapping.header.${c}`));
export const MAPPING_HEADERS: Readonly<Record<Lang, readonly string[]>> = { fr: mappingHeaders("fr"), en: mappingHeaders("en") };

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
const LEVERS_COLUMNS = ["lever", "accounts", "family", "pillar", "nature", "defaultDestination"] as const;
const leversHeaders = (lang: Lang) => LEVERS_COLUMNS.map((c) => say(lang, `levers.header.${c}`));
export const LEVERS_HEADERS: Readonly<Record<Lang, readonly string[]>> = { fr: leversHeaders("fr"), en: leversHeaders("en") };
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
export const MAPPING_VERSION_TEXT: Readonly<Record<Lang, string>> = { fr: say("fr", "mapping.versionText"), en: say("en", "mapping.versionText") };

/** First data row of the mapping table (row 4 holds the headers). */
export const MAPPING_FIRST_ROW = 5;
export const MAPPING_HEADER_ROW = 4;
export const MAPPING_TABLE_NAME = "EquilibreLignes";
export const LEVERS_TABLE_NAME = "EquilibreLeviers";
