// The workbook defined names Équilibre gives the key figures of its report and of the scenario block, so that a
// user's own sheets (and tests) can write =EquilibreModele or =EquilibreScenarioEcartTiersOnTop. One table: the
// report and the scenario block name their cells from it, the hosts replace exactly these names on a re-run
// (and keep every other name of the workbook). Documented in docs/noms-definis.md.
import type { RuleId } from "../engine/figures.ts";
import type { MixNature } from "../engine/types.ts";

/** A figure of the report that carries a name, for the budget (report) and for the first scenario. */
export type NamedFigure = "model" | "income" | "expense" | "result" | `share.${MixNature}` | `rule.${RuleId}` | `gap.${RuleId}`;

const RULE_PART: Record<RuleId, string> = { tiersOnTop: "TiersOnTop", fourThirds: "4Tiers", pooling: "10plus1", premium: "PrimeCollective" };
const SHARE_PART: Record<MixNature, string> = { public: "PartPublique", private: "PartPrivee", activity: "PartActivite" };
const BASE_PART: Record<"model" | "income" | "expense" | "result", string> = { model: "Modele", income: "TotalProduits", expense: "TotalCharges", result: "Resultat" };

/** « EquilibreModele », « EquilibreScenarioEcart4Tiers »… */
export function definedName(figure: NamedFigure, scenario: boolean): string {
  const [kind, id] = figure.split(".") as [string, string | undefined];
  const part =
    kind === "share" ? SHARE_PART[id as MixNature] : kind === "rule" ? RULE_PART[id as RuleId] : kind === "gap" ? `Ecart${RULE_PART[id as RuleId]}` : BASE_PART[kind as keyof typeof BASE_PART];
  return `Equilibre${scenario ? "Scenario" : ""}${part}`;
}

export const NAMED_FIGURES: readonly NamedFigure[] = [
  "model",
  "income",
  "expense",
  "result",
  "share.public",
  "share.private",
  "share.activity",
  ...(Object.keys(RULE_PART) as RuleId[]).flatMap((r): NamedFigure[] => [`rule.${r}`, `gap.${r}`]),
];

/** Every name Équilibre writes: these (and only these) are replaced on a re-run. */
export const EQUILIBRE_NAMES: readonly string[] = [false, true].flatMap((s) => NAMED_FIGURES.map((f) => definedName(f, s)));

/** True for a name Équilibre owns (case-insensitive, as spreadsheets compare names). */
export function isEquilibreName(name: string): boolean {
  const n = name.toLowerCase();
  return EQUILIBRE_NAMES.some((x) => x.toLowerCase() === n);
}
