// Action or engineering (docs/spec.md §2, "Any expense whose label says coordination…"): one table of the words
// and the block or column names that make an expense "ingénierie".
import { compilePattern, KeywordIndex, normalizeText, tokenize, type Token } from "./text.ts";

/** Label words that make an expense engineering, whatever its lever. */
const ENGINEERING_LABEL_WORDS = [
  "coordination*", "coordinat*", "direction", "directeur*", "directrice*", "pilotage", "gouvernance", "comite de pilotage", "COPIL", "copil",
  "evaluation*", "capitalisation*", "communication institutionnelle", "plaidoyer", "animation de reseau*", "animation du reseau*",
  "animation de partenariat*", "animation du partenariat*", "animation de la vie associative", "vie associative", "comptabilite*",
  "comptable*", "expert comptable", "commissaire aux comptes", "commissariat aux comptes", "CAC", "audit*", "frais de siege", "siege*",
  "administratif*", "administrative*", "administration", "secretariat*", "frais generaux", "charges indirectes", "charges fixes",
  "frais de structure", "structure", "fonctionnement", "gestion administrative", "ressources humaines", "assemblee generale",
  "conseil d administration", "juridique*", "avocat*", "paie externalisee", "frais de gestion",
  // A compte d'emploi's fundraising costs are the structure's, not a mission's.
  "collecte de fonds", "recherche de fonds", "frais de collecte", "appel* a la generosite", "frais d appel* a la generosite",
];

/** Block headings and analytic column headers that make their lines engineering. */
const ENGINEERING_BLOCK_WORDS = [
  "fonctionnement", "structure", "coordination*", "charges indirectes", "frais generaux", "frais de structure", "siege*", "pilotage",
  "administration*", "administratif*", "transversal*", "support", "gouvernance", "ingenierie", "vie associative", "frais de fonctionnement",
  "hors projet*", "non affecte*", "non affectees", "commun*", "mutualise*",
];

const indexOf = (ps: string[]) => new KeywordIndex(ps.map((p) => ({ item: p, pattern: compilePattern(p) })));
const LABEL = indexOf(ENGINEERING_LABEL_WORDS);
const BLOCK = indexOf(ENGINEERING_BLOCK_WORDS);

/** The first pattern of the table (in table order) that the words hold exactly. */
function firstMatch(index: KeywordIndex<string>, tokens: readonly Token[]): string | null {
  return index.matchAll(tokens).find((m) => !m.fuzzy)?.item ?? null;
}

/** The engineering word the label holds ("coordination", "comptable"…), or null. */
export function engineeringWordInLabel(tokens: readonly Token[]): string | null {
  return firstMatch(LABEL, tokens);
}

/** True when a block heading or an analytic column header names structure / coordination costs. */
export function isEngineeringBlock(heading: string | null | undefined): boolean {
  if (!heading || normalizeText(heading) === "") return false;
  return firstMatch(BLOCK, tokenize(heading)) !== null;
}
