// One workbook of a folder, analysed into its CSV rows: the same code runs in a worker thread or, when no
// worker can start, in the command's own thread. Its input and output are plain data (they cross threads).
import { isEquilibreError, isNoBudget } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Lang } from "../engine/types.ts";
import { say } from "../engine/i18n/index.ts";
import { analyzeFile } from "./analyzeFile.ts";
import { csvHeader, csvRows } from "./folderCsv.ts";

export type CsvCell = string | number | null;

export interface FolderJob {
  id: number;
  name: string;
  path: string;
  /** The report's path with -o (the .xlsm extension is kept for a macro workbook), or null. */
  output: string | null;
  params: Parameters;
  lang: Lang;
}

export interface FolderJobResult {
  id: number;
  /** 0 analysed, 2 unreadable, 3 no budget, 1 an unexpected error (a bug, said as such). */
  code: 0 | 1 | 2 | 3;
  rows: CsvCell[][];
  /** The sentence shown on the progress line: the model, or the error. */
  message: string;
  written: string | null;
}

/** A row without analysis: its name, its status, empty columns, and the sentence in the last one. */
export function sentenceRow(name: string, status: string, sentence: string, lang: Lang): CsvCell[] {
  return [name, status, ...new Array<null>(csvHeader(lang).length - 3).fill(null), sentence];
}

export function statusWord(code: number, lang: Lang): string {
  if (code === 0) return "ok";
  return say(lang, code === 3 ? "csv.noBudget" : "csv.error");
}

export async function runFolderJob(job: FolderJob): Promise<FolderJobResult> {
  const { lang, name } = job;
  try {
    const run = await analyzeFile(job.path, { params: job.params, column: null, output: job.output, lang });
    const rows = csvRows(name, run.doc, lang);
    // A notice about the report (a macro workbook kept as .xlsm) joins the warnings of the first row.
    const notices = run.written?.warnings ?? [];
    if (notices.length > 0 && rows[0]) rows[0][rows[0].length - 1] = [rows[0][rows[0].length - 1], ...notices].filter((x) => x).join(" | ");
    const models = [...new Set(run.doc.analyses.map((a) => a.model.name))].join(", ");
    return { id: job.id, code: 0, rows, message: models, written: run.written?.path ?? null };
  } catch (e) {
    const code = isEquilibreError(e) ? (isNoBudget(e) ? 3 : 2) : 1;
    const message = isEquilibreError(e)
      ? e.messageIn(lang)
      : lang === "fr"
        ? "Erreur inattendue pendant l'analyse : relancez ce classeur seul avec EQUILIBRE_DEBUG=1 et transmettez le message à l'équipe Équilibre."
        : "Unexpected error during the analysis: run this workbook alone with EQUILIBRE_DEBUG=1 and send the message to the Équilibre team.";
    return { id: job.id, code, rows: [sentenceRow(name, statusWord(code, lang), message, lang)], message, written: null };
  }
}
