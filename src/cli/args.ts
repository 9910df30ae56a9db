// Command-line arguments of `equilibre` (docs/contrat-json.md).
import { EquilibreError } from "../engine/errors.ts";
import { say, type MessageId } from "../engine/i18n/index.ts";
import type { Lang } from "../engine/types.ts";

export interface AnalyzeArgs {
  command: "analyze";
  input: string;
  json: boolean;
  output: string | null;
  column: string | null;
  params: string | null;
  summary: string | null;
  /** --scenario files, in the order given (the option may be repeated). */
  scenarios: string[];
  lang: Lang;
}
/** `equilibre compare BEFORE.xlsx AFTER.xlsx`: last year's accounts against this year's budget. */
export interface CompareArgs {
  command: "compare";
  before: string;
  after: string;
  json: boolean;
  columnBefore: string | null;
  columnAfter: string | null;
  params: string | null;
  /** -o: a copy of AFTER with its report and the comparison sheet. */
  output: string | null;
  lang: Lang;
}
export type Args = AnalyzeArgs | CompareArgs | { command: "help"; lang: Lang } | { command: "version"; lang: Lang };

/** A usage error, in both languages from the dictionaries (the command's language is known only once --lang is read). */
const usage = (id: MessageId, values: Record<string, string> = {}) => new EquilibreError("bad_usage", { detail: say("fr", id, values), detailEn: say("en", id, values) });

export function parseArgs(argv: readonly string[]): Args {
  const rest = [...argv];
  let lang: Lang = "fr";
  const li = rest.findIndex((a) => a === "--lang");
  if (li >= 0) {
    const v = rest[li + 1];
    if (v !== "fr" && v !== "en") throw usage("usage.langValue");
    lang = v;
    rest.splice(li, 2);
  }
  if (rest.length === 0 || rest.includes("--help") || rest.includes("-h") || rest[0] === "help") return { command: "help", lang };
  if (rest.includes("--version") || rest.includes("-v")) return { command: "version", lang };
  const command = rest.shift();
  if (command !== "analyze" && command !== "compare") throw usage("usage.unknownCommand", { command: String(command) });
  const takeValue = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined || v.startsWith("--")) throw usage("usage.needsValue", { flag });
    return v;
  };
  if (command === "compare") return parseCompare(rest, takeValue, lang);
  const out: AnalyzeArgs = { command: "analyze", input: "", json: false, output: null, column: null, params: null, summary: null, scenarios: [], lang };
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === "--json") out.json = true;
    else if (a === "-o" || a === "--output") out.output = takeValue(a);
    else if (a === "--column") out.column = takeValue(a);
    else if (a === "--params") out.params = takeValue(a);
    else if (a === "--summary") out.summary = takeValue(a);
    else if (a === "--scenario") out.scenarios.push(takeValue(a));
    else if (a.startsWith("-")) throw usage("usage.unknownOption", { option: a });
    else if (!out.input) out.input = a;
    else throw usage("usage.oneInput", { extra: a });
  }
  if (!out.input) throw usage("usage.noInput");
  return out;
}

function parseCompare(rest: string[], takeValue: (flag: string) => string, lang: Lang): CompareArgs {
  const out: CompareArgs = { command: "compare", before: "", after: "", json: false, columnBefore: null, columnAfter: null, params: null, output: null, lang };
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === "--json") out.json = true;
    else if (a === "--column-before") out.columnBefore = takeValue(a);
    else if (a === "--column-after") out.columnAfter = takeValue(a);
    else if (a === "--params") out.params = takeValue(a);
    else if (a === "-o" || a === "--output") out.output = takeValue(a);
    else if (a.startsWith("-")) throw usage("usage.unknownCompareOption", { option: a });
    else if (!out.before) out.before = a;
    else if (!out.after) out.after = a;
    else throw usage("usage.twoWorkbooks", { extra: a });
  }
  if (!out.after) throw usage("usage.compareNeedsTwo");
  return out;
}

export const HELP = {
  fr: `equilibre — le modèle socio-économique d'une association, lu dans son budget Excel

Usage :
  equilibre analyze <classeur.xlsx> [--json] [-o <sortie.xlsx>] [--column <nom>] [--params <params.json>] [--summary <synthese.csv>] [--lang fr|en]
  equilibre analyze <dossier> [-o <dossier-de-sortie>] [--summary <synthese.csv>]
  equilibre analyze <classeur.xlsx> --scenario <scenario.json> [--json]
  equilibre compare <avant.xlsx> <apres.xlsx> [--json] [-o <sortie.xlsx>] [--column-before <nom>] [--column-after <nom>]

Options :
  --json            le document JSON complet sur la sortie standard (rien d'autre)
  -o <fichier>      écrit une copie du classeur avec le rapport et la table des lignes (l'original n'est jamais modifié)
  --column <nom>    n'analyse que cette colonne de montants (ex. « Budget 2025 »)
  --params <json>   paramètres (seuil, cibles, heures de bénévolat, taux horaire…) dans un fichier JSON
  --summary <csv>   la synthèse CSV (un dossier : par défaut <dossier>/equilibre-synthese.csv ; un classeur : ses lignes)
  --scenario <json> un scénario « et si… » : {"name": "Baisse région", "column": "Budget 2026",
                    "changes": [{"lever": "public_grants", "percent": -20}, {"lever": "donations", "amount": 5000},
                    {"volunteerHours": 500}, {"line": "Budget!B12", "destination": "engineering"}],
                    "goals": [{"lever": "corporate_patronage", "reach": "hybrid"}]} ; l'option peut être répétée
  --lang en         messages et rapport en anglais

compare : l'écart entre deux classeurs (les comptes de l'an dernier et le budget de cette année, même de formes
différentes) par nature, levier, pilier et règle, en euros et en points, et les lignes qui l'expliquent.
  --column-before / --column-after <nom>   la colonne de montants de chaque classeur (par défaut la première)
  -o <fichier>      une copie du second classeur avec son rapport et la feuille « Équilibre – comparaison »

Codes de sortie : 0 analysé ; 2 usage incorrect ou fichier illisible ; 3 aucun budget trouvé.`,
  en: `equilibre — an association's socio-economic model, read from its Excel budget

Usage:
  equilibre analyze <workbook.xlsx> [--json] [-o <out.xlsx>] [--column <name>] [--params <params.json>] [--summary <summary.csv>] [--lang fr|en]
  equilibre analyze <folder> [-o <out-folder>] [--summary <summary.csv>]
  equilibre analyze <workbook.xlsx> --scenario <scenario.json> [--json]
  equilibre compare <before.xlsx> <after.xlsx> [--json] [-o <out.xlsx>] [--column-before <name>] [--column-after <name>]

Options:
  --json            the full JSON document on standard output (nothing else)
  -o <file>         writes a copy of the workbook with the report and the lines table (the original is never modified)
  --column <name>   analyses only this amount column (e.g. “Budget 2025”)
  --params <json>   parameters (threshold, targets, volunteer hours, hourly rate…) in a JSON file
  --summary <csv>   the CSV summary (a folder: default <folder>/equilibre-synthese.csv; a workbook: its rows)
  --scenario <json> a what-if scenario: {"name": "Region cut", "column": "Budget 2026",
                    "changes": [{"lever": "public_grants", "percent": -20}, {"lever": "donations", "amount": 5000},
                    {"volunteerHours": 500}, {"line": "Budget!B12", "destination": "engineering"}],
                    "goals": [{"lever": "corporate_patronage", "reach": "hybrid"}]}; may be repeated
  --lang en         messages and report in English

compare: the difference between two workbooks (last year's accounts and this year's budget, even of different
layouts) by nature, lever, pillar and rule, in euros and points, and the lines that explain it.
  --column-before / --column-after <name>   each workbook's amount column (default: the first)
  -o <file>         a copy of the second workbook with its report and the “Équilibre – comparison” sheet

Exit codes: 0 analysed; 2 bad usage or unreadable file; 3 no budget found.`,
};
