// Command-line arguments of `equilibre` (shared/contracts/cli.md).
import { EquilibreError } from "../engine/errors.ts";
import type { Lang } from "../engine/types.ts";

export interface AnalyzeArgs {
  command: "analyze";
  input: string;
  json: boolean;
  output: string | null;
  column: string | null;
  params: string | null;
  summary: string | null;
  lang: Lang;
}
export type Args = AnalyzeArgs | { command: "help"; lang: Lang } | { command: "version"; lang: Lang };

const usage = (detail: string) => new EquilibreError("bad_usage", { detail });

export function parseArgs(argv: readonly string[]): Args {
  const rest = [...argv];
  let lang: Lang = "fr";
  const li = rest.findIndex((a) => a === "--lang");
  if (li >= 0) {
    const v = rest[li + 1];
    if (v !== "fr" && v !== "en") throw usage("--lang attend « fr » ou « en ».");
    lang = v;
    rest.splice(li, 2);
  }
  if (rest.length === 0 || rest.includes("--help") || rest.includes("-h") || rest[0] === "help") return { command: "help", lang };
  if (rest.includes("--version") || rest.includes("-v")) return { command: "version", lang };
  const command = rest.shift();
  if (command !== "analyze") throw usage(`Commande inconnue « ${command} » : la seule commande est « analyze ».`);
  const out: AnalyzeArgs = { command: "analyze", input: "", json: false, output: null, column: null, params: null, summary: null, lang };
  const takeValue = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || v.startsWith("--")) throw usage(`L'option ${flag} attend une valeur.`);
    return v;
  };
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === "--json") out.json = true;
    else if (a === "-o" || a === "--output") out.output = takeValue(a);
    else if (a === "--column") out.column = takeValue(a);
    else if (a === "--params") out.params = takeValue(a);
    else if (a === "--summary") out.summary = takeValue(a);
    else if (a.startsWith("-")) throw usage(`Option inconnue « ${a} ».`);
    else if (!out.input) out.input = a;
    else throw usage(`Un seul fichier ou dossier à la fois (reçu aussi « ${a} »).`);
  }
  if (!out.input) throw usage("Indiquez le classeur (.xlsx) ou le dossier à analyser.");
  return out;
}

export const HELP = {
  fr: `equilibre — le modèle socio-économique d'une association, lu dans son budget Excel

Usage :
  equilibre analyze <classeur.xlsx> [--json] [-o <sortie.xlsx>] [--column <nom>] [--params <params.json>] [--lang fr|en]
  equilibre analyze <dossier> [-o <dossier-de-sortie>] [--summary <synthese.csv>]

Options :
  --json            le document JSON complet sur la sortie standard (rien d'autre)
  -o <fichier>      écrit une copie du classeur avec le rapport et la table des lignes (l'original n'est jamais modifié)
  --column <nom>    n'analyse que cette colonne de montants (ex. « Budget 2025 »)
  --params <json>   paramètres (seuil, cibles, heures de bénévolat, taux horaire…) dans un fichier JSON
  --summary <csv>   dossier : la synthèse CSV (par défaut <dossier>/equilibre-synthese.csv)
  --lang en         messages et rapport en anglais

Codes de sortie : 0 analysé ; 2 usage incorrect ou fichier illisible ; 3 aucun budget trouvé.`,
  en: `equilibre — an association's socio-economic model, read from its Excel budget

Usage:
  equilibre analyze <workbook.xlsx> [--json] [-o <out.xlsx>] [--column <name>] [--params <params.json>] [--lang fr|en]
  equilibre analyze <folder> [-o <out-folder>] [--summary <summary.csv>]

Exit codes: 0 analysed; 2 bad usage or unreadable file; 3 no budget found.`,
};
