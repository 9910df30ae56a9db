// Typed errors: a code for tests and scripts, a plain sentence for people (French first, English second).
// Every message tells the user what happened and what to do.
import type { Lang } from "./types.ts";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

interface ErrorEntry {
  fr: Template;
  en: Template;
}

export const ERROR_CATALOGUE = {
  file_not_found: {
    fr: (p) => `Le fichier « ${p.file} » est introuvable : vérifiez son nom et son dossier.`,
    en: (p) => `The file “${p.file}” cannot be found: check its name and folder.`,
  },
  unreadable_file: {
    fr: (p) =>
      `Le fichier « ${p.file} » ne peut pas être lu comme un classeur Excel (.xlsx)${p.detail ? ` (${p.detail})` : ""} : ouvrez-le dans Excel et enregistrez-le au format .xlsx.`,
    en: (p) => `“${p.file}” cannot be read as an Excel workbook (.xlsx)${p.detail ? ` (${p.detail})` : ""}: open it in Excel and save it as .xlsx.`,
  },
  encrypted_file: {
    fr: (p) => `Le fichier « ${p.file} » est protégé par un mot de passe à l'ouverture : enregistrez-en une copie sans mot de passe, puis relancez l'analyse.`,
    en: (p) => `“${p.file}” is password-protected: save a copy without a password, then run the analysis again.`,
  },
  legacy_format: {
    fr: (p) => `Le fichier « ${p.file} » est au format Excel 97-2003 (.xls) : ouvrez-le dans Excel et enregistrez-le au format .xlsx.`,
    en: (p) => `“${p.file}” is in the Excel 97-2003 format (.xls): open it in Excel and save it as .xlsx.`,
  },
  empty_workbook: {
    fr: (p) => `Aucun budget trouvé dans « ${p.file} » : le classeur est vide, aucune feuille visible ne contient de données. Ajoutez votre budget (libellés et montants), puis relancez l'analyse.`,
    en: (p) => `No budget found in “${p.file}”: the workbook is empty, no visible sheet holds any data. Add your budget (labels and amounts), then run the analysis again.`,
  },
  no_budget: {
    fr: (p) =>
      `Aucun budget trouvé dans « ${p.file} » : il faut une colonne de libellés (charges, produits…) et au moins une colonne de montants. Vérifiez que le budget est dans une feuille visible.`,
    en: (p) => `No budget found in “${p.file}”: a budget needs a column of labels (expenses, income…) and at least one column of amounts. Check that it is on a visible sheet.`,
  },
  output_is_input: {
    fr: (p) => `Le fichier de sortie « ${p.file} » est le fichier d'entrée : choisissez un autre nom avec -o, le classeur d'origine n'est jamais modifié.`,
    en: (p) => `The output file “${p.file}” is the input file: choose another name with -o; the original workbook is never modified.`,
  },
  bad_usage: {
    fr: (p) => `${p.detail} Tapez « equilibre --help » pour voir les options.`,
    en: (p) => `${p.detailEn ?? p.detail} Type “equilibre --help” to see the options.`,
  },
  invalid_parameter: {
    fr: (p) => `Le paramètre « ${p.name} » vaut « ${p.value} » : ${p.expected}.`,
    en: (p) => `The parameter “${p.name}” is “${p.value}”: ${p.expectedEn ?? p.expected}.`,
  },
  unknown_column: {
    fr: (p) => `La colonne « ${p.column} » n'existe pas dans ce budget. Colonnes trouvées : ${p.columns}.`,
    en: (p) => `There is no column “${p.column}” in this budget. Columns found: ${p.columns}.`,
  },
  scenario_file: {
    fr: (p) => `Le fichier de scénario « ${p.file} » ${p.detail} : corrigez-le, puis relancez (exemple : {"name": "Baisse région", "changes": [{"lever": "public_grants", "percent": -20}]}).`,
    en: (p) => `The scenario file “${p.file}” ${p.detailEn ?? p.detail}: fix it, then run again (example: {"name": "Region cut", "changes": [{"lever": "public_grants", "percent": -20}]}).`,
  },
  scenario_invalid: {
    fr: (p) => `Le scénario ne peut pas être appliqué : ${p.detail}. Corrigez le fichier de scénario, puis relancez.`,
    en: (p) => `The scenario cannot be applied: ${p.detailEn ?? p.detail}. Fix the scenario file, then run again.`,
  },
  write_failed: {
    fr: (p) => `Le classeur « ${p.file} » n'a pas pu être écrit (${p.detail}) : vérifiez qu'il n'est pas ouvert dans Excel et que le dossier est accessible en écriture.`,
    en: (p) => `The workbook “${p.file}” could not be written (${p.detail}): check that it is not open in Excel and that the folder is writable.`,
  },
  office_cell_edit_mode: {
    fr: () => `Excel est en train de modifier une cellule : appuyez sur Entrée ou Échap pour terminer la saisie, puis relancez.`,
    en: () => `Excel is editing a cell: press Enter or Esc to finish, then try again.`,
  },
  office_protected: {
    fr: () => `Une feuille ou le classeur est protégé et Équilibre ne peut pas y écrire : ôtez la protection de la structure du classeur (Révision > Protéger le classeur), puis relancez.`,
    en: () => `A sheet or the workbook is protected and Équilibre cannot write there: unprotect the workbook structure (Review > Protect Workbook), then try again.`,
  },
  office_too_large: {
    fr: () => `Le classeur est trop volumineux pour être lu ou écrit en une fois par Excel sur le web : ouvrez-le dans Excel pour Windows ou Mac, ou analysez une copie allégée.`,
    en: () => `The workbook is too large for Excel on the web to read or write at once: open it in Excel for Windows or Mac, or analyse a lighter copy.`,
  },
  office_workbook_protected: {
    fr: () => `La structure du classeur est protégée : Équilibre ne peut pas y ajouter ses feuilles. Ôtez la protection (Révision > Protéger le classeur), puis relancez.`,
    en: () => `The workbook structure is protected: Équilibre cannot add its sheets. Unprotect it (Review > Protect Workbook), then try again.`,
  },
  office_invalid_operation: {
    fr: () => `Excel a refusé l'opération pour le moment : terminez la saisie en cours (Entrée ou Échap), fermez les boîtes de dialogue ouvertes, vérifiez que le classeur n'est pas protégé, puis relancez.`,
    en: () => `Excel refused the operation for now: finish the cell you are editing (Enter or Esc), close any open dialog box, check that the workbook is not protected, then try again.`,
  },
  office_busy: {
    fr: () => `Excel est occupé (trop de demandes à la fois) : attendez quelques secondes, puis relancez.`,
    en: () => `Excel is busy (too many requests at once): wait a few seconds, then try again.`,
  },
  office_session_expired: {
    fr: () => `La session Excel a expiré : enregistrez le classeur, rechargez la page ou rouvrez le volet Équilibre, puis relancez.`,
    en: () => `The Excel session has expired: save the workbook, reload the page or reopen the Équilibre pane, then try again.`,
  },
  office_dialog_open: {
    fr: () => `Une boîte de dialogue est ouverte dans Excel : fermez-la, puis relancez.`,
    en: () => `A dialog box is open in Excel: close it, then try again.`,
  },
  office_inactive_workbook: {
    fr: () => `Le classeur n'est plus actif (un autre classeur a pris la main) : cliquez dans ce classeur, puis relancez.`,
    en: () => `The workbook is no longer active (another workbook took over): click into this workbook, then try again.`,
  },
  office_changed: {
    fr: () => `Le classeur a changé depuis la lecture du budget : relancez l'analyse, puis écrivez le rapport.`,
    en: () => `The workbook changed since the budget was read: run the analysis again, then write the report.`,
  },
  office_unknown: {
    fr: (p) => `Excel a refusé l'opération (${p.detail}) : enregistrez le classeur, fermez et rouvrez le volet Équilibre, puis relancez.`,
    en: (p) => `Excel refused the operation (${p.detail}): save the workbook, close and reopen the Équilibre pane, then try again.`,
  },
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function errorMessage(code: ErrorCode, params: Params = {}, lang: Lang = "fr"): string {
  return ERROR_CATALOGUE[code][lang](params);
}

/** An error people may see. `message` is the French sentence; `messageIn(lang)` gives another language. */
export class EquilibreError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;

  constructor(code: ErrorCode, params: Params = {}, options?: { cause?: unknown }) {
    super(errorMessage(code, params, "fr"), options);
    this.name = "EquilibreError";
    this.code = code;
    this.params = params;
  }

  messageIn(lang: Lang): string {
    return errorMessage(this.code, this.params, lang);
  }
}

export function isEquilibreError(e: unknown): e is EquilibreError {
  return e instanceof EquilibreError;
}

/** The workbook was read but holds no budget (the CLI's exit code 3). */
export function isNoBudget(e: unknown): boolean {
  return isEquilibreError(e) && (e.code === "no_budget" || e.code === "empty_workbook");
}
