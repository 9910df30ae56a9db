// Typed errors: a code for tests and scripts, a plain sentence for people (French first, English second).
// Every message tells the user what happened and what to do.
import type { Lang } from "./types.ts";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

/** Why a file is not a readable .xlsx (the `reason` of unreadable_file), and what to do, in both languages. */
export const UNREADABLE_REASONS = {
  empty: { fr: "le fichier est vide (0 octet) : vérifiez que c'est le bon fichier, ou enregistrez-le de nouveau depuis Excel", en: "the file is empty (0 bytes): check that it is the right file, or save it again from Excel" },
  notXlsx: { fr: "ce n'est pas un classeur .xlsx : ouvrez-le dans Excel et enregistrez-le au format .xlsx", en: "it is not an .xlsx workbook: open it in Excel and save it as .xlsx" },
  damaged: {
    fr: "son contenu est endommagé (fichier tronqué ou abîmé) : ouvrez-le dans Excel, qui propose de le réparer, et enregistrez-le au format .xlsx",
    en: "its content is damaged (a truncated or broken file): open it in Excel, which offers to repair it, and save it as .xlsx",
  },
  prerelease: {
    fr: "il a été enregistré par une version d'essai d'Excel 2007, dans un format d'avant la norme que les logiciels d'aujourd'hui ne lisent pas : demandez à qui vous l'a transmis une copie au format .xlsx d'aujourd'hui, ou recopiez le budget dans un nouveau classeur",
    en: "it was saved by a pre-release version of Excel 2007, in a format older than the standard that today's software does not read: ask whoever sent it for a copy in today's .xlsx format, or copy the budget into a new workbook",
  },
  folder: { fr: "c'est un dossier : indiquez un classeur .xlsx, ou analysez tout le dossier avec « equilibre analyze <dossier> »", en: "it is a folder: give an .xlsx workbook, or analyse the whole folder with “equilibre analyze <folder>”" },
} as const satisfies Record<string, { fr: string; en: string }>;
export type UnreadableReason = keyof typeof UNREADABLE_REASONS;

function unreadableReason(reason: string | number | undefined, lang: Lang): string {
  return (UNREADABLE_REASONS[reason as UnreadableReason] ?? UNREADABLE_REASONS.notXlsx)[lang];
}

/**
 * What a file system error code (Node's `err.code`, from the OS) means for the person, and what to do.
 * Read by the read_failed / write_failed / folder_failed sentences; an unknown code still gives a sentence.
 */
export const FILE_SYSTEM_PROBLEMS: Record<string, { fr: string; en: string }> = {
  ENOENT: { fr: "ce fichier ou son dossier n'existe pas : vérifiez le chemin", en: "this file or its folder does not exist: check the path" },
  ENOTDIR: { fr: "une partie du chemin est un fichier et non un dossier : vérifiez le chemin", en: "part of the path is a file, not a folder: check the path" },
  EACCES: { fr: "l'accès est refusé : vérifiez les droits du fichier et de son dossier, ou choisissez un dossier à vous", en: "access is denied: check the permissions of the file and its folder, or choose a folder of your own" },
  EPERM: { fr: "l'opération n'est pas permise : vérifiez les droits du fichier et de son dossier, ou choisissez un dossier à vous", en: "the operation is not permitted: check the permissions of the file and its folder, or choose a folder of your own" },
  ENOSPC: { fr: "le disque est plein : libérez de la place, puis relancez", en: "the disk is full: free some space, then try again" },
  EDQUOT: { fr: "votre quota de disque est atteint : libérez de la place, puis relancez", en: "your disk quota is reached: free some space, then try again" },
  EFBIG: { fr: "le fichier dépasse la taille que ce disque accepte : choisissez un autre disque avec {option}", en: "the file is larger than this disk accepts: choose another disk with {option}" },
  EROFS: { fr: "le disque est en lecture seule : choisissez un autre dossier avec {option}", en: "the disk is read-only: choose another folder with {option}" },
  EISDIR: { fr: "c'est un dossier : indiquez un nom de fichier", en: "it is a folder: give a file name" },
  ENAMETOOLONG: { fr: "le nom ou le chemin est trop long : choisissez un nom plus court ou un dossier moins profond", en: "the name or the path is too long: choose a shorter name or a less deep folder" },
  ELOOP: { fr: "le chemin passe par des liens qui tournent en rond : vérifiez le chemin", en: "the path goes through links that loop: check the path" },
  EBUSY: { fr: "le fichier est utilisé par un autre programme : fermez-le (dans Excel par exemple), puis relancez", en: "the file is in use by another program: close it (in Excel for instance), then try again" },
  ETXTBSY: { fr: "le fichier est utilisé par un autre programme : fermez-le, puis relancez", en: "the file is in use by another program: close it, then try again" },
  EMFILE: { fr: "trop de fichiers sont ouverts en même temps : fermez des programmes, puis relancez", en: "too many files are open at once: close some programs, then try again" },
  ENFILE: { fr: "trop de fichiers sont ouverts sur cet ordinateur : fermez des programmes, puis relancez", en: "too many files are open on this computer: close some programs, then try again" },
  EIO: { fr: "le disque a renvoyé une erreur : vérifiez le disque ou la clé USB, puis relancez", en: "the disk reported an error: check the disk or USB stick, then try again" },
  EEXIST: { fr: "un fichier du même nom existe déjà : choisissez un autre nom", en: "a file with that name already exists: choose another name" },
  EXDEV: { fr: "le fichier ne peut pas être déplacé d'un disque à l'autre : choisissez un dossier sur le même disque", en: "the file cannot be moved from one disk to another: choose a folder on the same disk" },
  EINVAL: { fr: "le nom contient des caractères que ce disque refuse (: * ? \" < > |) : choisissez un autre nom", en: "the name holds characters this disk refuses (: * ? \" < > |): choose another name" },
  ENXIO: { fr: "ce n'est pas un fichier ordinaire : indiquez un classeur enregistré sur le disque", en: "it is not a regular file: give a workbook saved on the disk" },
  ENODEV: { fr: "ce n'est pas un fichier ordinaire : indiquez un classeur enregistré sur le disque", en: "it is not a regular file: give a workbook saved on the disk" },
  ESTALE: { fr: "le partage réseau ne répond plus : vérifiez la connexion, puis relancez", en: "the network share no longer answers: check the connection, then try again" },
  ETIMEDOUT: { fr: "le disque réseau ne répond pas à temps : vérifiez la connexion, puis relancez", en: "the network drive does not answer in time: check the connection, then try again" },
  ENOTEMPTY: { fr: "un dossier du même nom existe déjà et n'est pas vide : choisissez un autre nom", en: "a folder with that name already exists and is not empty: choose another name" },
};

/**
 * The sentence for a file system error code, in a language; any code (or none) gives one. `option` is the
 * option that chose the place being written (`-o` for a report, `--summary` for the folder's CSV).
 */
export function fileSystemProblem(code: string | number | undefined, lang: Lang, option: string | number = "-o"): string {
  const known = code === undefined ? undefined : FILE_SYSTEM_PROBLEMS[String(code)];
  if (known) return known[lang].replace("{option}", String(option));
  const tag = code === undefined || code === "" ? "" : ` ${code}`;
  return lang === "fr"
    ? `le système de fichiers a renvoyé l'erreur${tag} : vérifiez le disque et le dossier, puis relancez`
    : `the file system reported the error${tag}: check the disk and the folder, then try again`;
}

/** What each format the command cannot read is, and how to make an .xlsx of it. */
const FORMATS: Record<string, { fr: string; en: string }> = {
  xls: { fr: "au format Excel 97-2003 (.xls)", en: "in the Excel 97-2003 format (.xls)" },
  ods: { fr: "au format OpenDocument (.ods)", en: "in the OpenDocument format (.ods)" },
  xlsb: { fr: "au format Excel binaire (.xlsb)", en: "in the Excel binary format (.xlsb)" },
  csv: { fr: "un fichier texte (.csv ou .txt), pas un classeur", en: "a text file (.csv or .txt), not a workbook" },
  numbers: { fr: "au format Numbers d'Apple", en: "in Apple's Numbers format" },
  template: { fr: "un modèle Excel (.xltx, .xltm)", en: "an Excel template (.xltx, .xltm)" },
  addin: { fr: "une macro complémentaire Excel (.xlam), pas un classeur", en: "an Excel add-in (.xlam), not a workbook" },
  zip: { fr: "une archive .zip qui n'est pas un classeur", en: "a .zip archive that is not a workbook" },
  xml2003: { fr: "au format XML d'Excel 2003", en: "in Excel 2003's XML format" },
  html: { fr: "une page web enregistrée comme un classeur", en: "a web page saved as a workbook" },
  other: { fr: "d'un format qui n'est pas un classeur Excel", en: "in a format that is not an Excel workbook" },
};
const formatName = (p: Params, lang: Lang) => (FORMATS[String(p.format)] ?? FORMATS.other!)[lang];

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
    fr: (p) => `Le fichier « ${p.file} » ne peut pas être lu comme un classeur Excel (.xlsx) : ${unreadableReason(p.reason, "fr")}.`,
    en: (p) => `“${p.file}” cannot be read as an Excel workbook (.xlsx): ${unreadableReason(p.reason, "en")}.`,
  },
  encrypted_file: {
    fr: (p) => `Le fichier « ${p.file} » est protégé par un mot de passe à l'ouverture : enregistrez-en une copie sans mot de passe, puis relancez l'analyse.`,
    en: (p) => `“${p.file}” is password-protected: save a copy without a password, then run the analysis again.`,
  },
  legacy_format: {
    fr: (p) => `Le fichier « ${p.file} » est au format Excel 97-2003 (.xls) : ouvrez-le dans Excel et enregistrez-le au format .xlsx, ou enregistrez-le au format .xlsx depuis LibreOffice : Fichier > Enregistrer sous…, type « Excel 2007-365 (.xlsx) ».`,
    en: (p) => `“${p.file}” is in the Excel 97-2003 format (.xls): open it in Excel and save it as .xlsx, or save it as .xlsx from LibreOffice: File > Save As…, type “Excel 2007-365 (.xlsx)”.`,
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
  shares_only: {
    fr: (p) =>
      `Aucun budget trouvé dans « ${p.file} » : la colonne « ${p.header} » (feuille « ${p.sheet} », ${p.cell}) donne des parts en %, pas des montants. Équilibre lit des montants en euros (les écarts qu'il calcule sont en euros) : saisissez les montants de chaque ligne, ou ajoutez une colonne « Montant » qui multiplie chaque part par le total du budget.`,
    en: (p) =>
      `No budget found in “${p.file}”: the column “${p.header}” (sheet “${p.sheet}”, ${p.cell}) gives shares in %, not amounts. Équilibre reads amounts in euros (the gaps it computes are in euros): type each line's amount, or add an “Amount” column that multiplies each share by the budget's total.`,
  },
  unsupported_format: {
    fr: (p) => `Le fichier « ${p.file} » est ${formatName(p, "fr")} : Équilibre lit les classeurs .xlsx. Ouvrez-le dans Excel et enregistrez-le au format .xlsx, ou enregistrez-le au format .xlsx depuis LibreOffice : Fichier > Enregistrer sous…, type « Excel 2007-365 (.xlsx) ».`,
    en: (p) => `“${p.file}” is ${formatName(p, "en")}: Équilibre reads .xlsx workbooks. Open it in Excel and save it as .xlsx, or save it as .xlsx from LibreOffice: File > Save As…, type “Excel 2007-365 (.xlsx)”.`,
  },
  not_a_file: {
    fr: (p) => `« ${p.file} » n'est pas un fichier ordinaire (un tube, un périphérique…) : vérifiez le chemin, il faut un classeur .xlsx enregistré sur le disque.`,
    en: (p) => `“${p.file}” is not a regular file (a pipe, a device…): check the path, it must be an .xlsx workbook saved on the disk.`,
  },
  file_too_large: {
    fr: (p) => `Le fichier « ${p.file} » pèse ${p.size} Mo, plus que les ${p.limit} Mo qu'Équilibre lit : vérifiez que c'est bien le budget, ou analysez une copie allégée.`,
    en: (p) => `“${p.file}” weighs ${p.size} MB, more than the ${p.limit} MB Équilibre reads: check that it is the budget, or analyse a lighter copy.`,
  },
  read_failed: {
    fr: (p) => `Le fichier « ${p.file} » n'a pas pu être lu : ${fileSystemProblem(p.problem, "fr")}.`,
    en: (p) => `“${p.file}” could not be read: ${fileSystemProblem(p.problem, "en")}.`,
  },
  folder_failed: {
    fr: (p) => `Le dossier « ${p.file} » n'a pas pu être ${p.action === "create" ? "créé" : "lu"} : ${fileSystemProblem(p.problem, "fr", p.option)}.`,
    en: (p) => `The folder “${p.file}” could not be ${p.action === "create" ? "created" : "read"}: ${fileSystemProblem(p.problem, "en", p.option)}.`,
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
  mapping_too_new: {
    fr: (p) =>
      `La feuille « ${p.sheet} » a été écrite par une version plus récente d'Équilibre (format de table ${p.version} ; cette version lit jusqu'au format ${p.known}) : ses corrections seraient mal lues. Mettez Équilibre à jour, puis relancez l'analyse.`,
    en: (p) =>
      `The sheet “${p.sheet}” was written by a newer version of Équilibre (table format ${p.version}; this version reads up to format ${p.known}): its corrections would be misread. Update Équilibre, then run the analysis again.`,
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
    fr: (p) =>
      p.problem !== undefined
        ? `Le fichier « ${p.file} » n'a pas pu être écrit${p.detail ? ` (${p.detail})` : ""} : ${fileSystemProblem(p.problem, "fr", p.option)}. Aucun fichier existant n'a été abîmé.`
        : `Le fichier « ${p.file} » n'a pas pu être écrit${p.detail ? ` (${p.detail})` : ""} : vérifiez qu'il n'est pas ouvert dans Excel et que le dossier est accessible en écriture.`,
    en: (p) =>
      p.problem !== undefined
        ? `“${p.file}” could not be written${p.detail ? ` (${p.detail})` : ""}: ${fileSystemProblem(p.problem, "en", p.option)}. No existing file was damaged.`
        : `“${p.file}” could not be written${p.detail ? ` (${p.detail})` : ""}: check that it is not open in Excel and that the folder is writable.`,
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
  return isEquilibreError(e) && (e.code === "no_budget" || e.code === "empty_workbook" || e.code === "shares_only");
}
