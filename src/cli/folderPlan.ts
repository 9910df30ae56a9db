// What folder mode does with each file of the folder, decided before anything is written: analyse it (and
// where its report goes), or skip it with a reason that gets its own row in the CSV. A report never lands on
// an input: not on a file of the same name (whatever its case), not on a hard link to an input, not on a
// user's own file that happens to end in « -equilibre.xlsx »; Équilibre's reports of an earlier run are
// recognised (by their name and their state sheet) and neither re-analysed nor kept from being refreshed.
import { mkdir, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { EquilibreError } from "../engine/errors.ts";
import { toCsv } from "./csv.ts";
import { csvHeader } from "./folderCsv.ts";
import { readInputBytes } from "./inputFile.ts";
import { workbookFormat } from "./inputFormat.ts";
import { realPathOf } from "./outputPath.ts";

export interface PlannedFile {
  name: string;
  path: string;
  /** Why the file is not analysed (its CSV row says it), or null when it is. */
  skip: { fr: string; en: string } | null;
  /** Where its report goes (with -o). */
  output: string | null;
}

/** Files that are surely no workbook: listed as skipped without being opened. */
const NOT_WORKBOOK = new Set([
  ".pdf", ".doc", ".docx", ".odt", ".rtf", ".ppt", ".pptx", ".odp", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg", ".webp", ".heic",
  ".mp3", ".mp4", ".mov", ".avi", ".wav", ".md", ".json", ".js", ".exe", ".dmg", ".msg", ".eml", ".lnk", ".url", ".ini", ".log",
]);

/** « budget-equilibre.xlsx », « budget-equilibre (2).xlsm »: the names Équilibre gives its reports. */
const REPORT_NAME = /^(.+)-equilibre(?: \(\d+\))?\.xls[xm]$/i;

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code ?? "";
const stemOf = (name: string) => name.slice(0, name.length - extname(name).length);

/** Équilibre's summary of an earlier run (elsewhere than this run's --summary): its first line is the summary's header. */
async function isEquilibreSummary(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== ".csv") return false;
  try {
    const head = new TextDecoder().decode((await readInputBytes(path, 1 << 20)).bytes.subarray(0, 4096)).replace(/^\ufeff/, "").split(/\r?\n/)[0]!;
    return (["fr", "en"] as const).some((lang) => head === toCsv([csvHeader(lang)], lang).replace(/^\ufeff/, "").trimEnd());
  } catch {
    return false;
  }
}

async function isEquilibreReport(path: string): Promise<boolean> {
  try {
    return workbookFormat((await readInputBytes(path)).bytes, path).equilibreReport;
  } catch {
    return false;
  }
}

export async function planFolder(folder: string, options: { outputDir: string | null; summary: string }): Promise<PlannedFile[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((e: unknown) => {
    throw new EquilibreError("folder_failed", { file: folder, action: "read", problem: errnoOf(e) }, { cause: e });
  });
  const summaryReal = await realPathOf(options.summary);
  const names = entries.map((d) => d.name).sort((a, b) => a.localeCompare(b, "fr"));
  const files: (PlannedFile & { id: string | null })[] = [];
  for (const name of names) {
    // Hidden files, Excel's lock files (~$budget.xlsx) and Équilibre's own temporary files are no one's workbook.
    if (name.startsWith(".") || name.startsWith("~$")) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) continue;
    if ((await realPathOf(path)) === summaryReal) continue;
    const file: PlannedFile & { id: string | null } = { name, path, skip: null, output: null, id: info ? `${info.dev}:${info.ino}` : null };
    if (info && !info.isFile()) file.skip = { fr: "ce n'est pas un fichier ordinaire", en: "it is not a regular file" };
    else if (NOT_WORKBOOK.has(extname(name).toLowerCase())) file.skip = { fr: "ce n'est pas un classeur", en: "it is not a workbook" };
    else if (await isEquilibreSummary(path)) file.skip = { fr: "c'est la synthèse d'une analyse précédente", en: "it is the summary of an earlier analysis" };
    files.push(file);
  }
  // A report of an earlier run beside its workbook: the workbook is analysed again, the report is not. It is
  // replaced only when the new reports go into this folder (the reason is shown in parentheses: it has none).
  const stems = new Set(files.map((f) => stemOf(f.name).toLowerCase()));
  const inPlace = options.outputDir !== null && (await realPathOf(options.outputDir)) === (await realPathOf(folder));
  const earlierReport = inPlace
    ? { fr: "c'est le rapport d'une analyse précédente, que le nouveau remplace", en: "it is the report of an earlier analysis, which the new one replaces" }
    : { fr: "c'est le rapport d'une analyse précédente, qui n'est pas analysé de nouveau", en: "it is the report of an earlier analysis, not analysed again" };
  for (const f of files) {
    const source = REPORT_NAME.exec(f.name)?.[1];
    if (f.skip || !source || !stems.has(source.toLowerCase()) || !(await isEquilibreReport(f.path))) continue;
    f.skip = earlierReport;
  }
  if (options.outputDir) await assignOutputs(files, options.outputDir);
  return files.map(({ id: _id, ...f }) => f);
}

async function assignOutputs(files: (PlannedFile & { id: string | null })[], outputDir: string): Promise<void> {
  await mkdir(outputDir, { recursive: true }).catch((e: unknown) => {
    throw new EquilibreError("folder_failed", { file: outputDir, action: "create", problem: errnoOf(e) }, { cause: e });
  });
  const analysed = files.filter((f) => !f.skip);
  const inputIds = new Set(analysed.map((f) => f.id).filter((id): id is string => id !== null));
  const inputPaths = new Set(await Promise.all(analysed.map((f) => realPathOf(f.path).then((p) => p.toLowerCase()))));
  // Names taken in this run, lower-cased: a.xlsx and a.XLSX do not both write a-equilibre.xlsx.
  const taken = new Set<string>();
  const free = async (name: string): Promise<boolean> => {
    if (taken.has(name.toLowerCase())) return false;
    const path = join(outputDir, name);
    if (inputPaths.has((await realPathOf(path)).toLowerCase())) return false;
    const info = await stat(path).catch(() => null);
    if (!info) return true;
    // Only a report Équilibre wrote may be replaced, and never one that is (a link to) an input.
    return info.isFile() && !inputIds.has(`${info.dev}:${info.ino}`) && (await isEquilibreReport(path));
  };
  for (const f of analysed) {
    const ext = extname(f.name).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
    const stem = `${stemOf(f.name)}-equilibre`;
    for (let n = 1; ; n++) {
      const base = n === 1 ? stem : `${stem} (${n})`;
      // A macro workbook's report is .xlsm whatever its name says: both names must be free.
      if ((await free(`${base}.xlsx`)) && (await free(`${base}.xlsm`))) {
        taken.add(`${base}.xlsx`.toLowerCase());
        taken.add(`${base}.xlsm`.toLowerCase());
        f.output = join(outputDir, `${base}${ext}`);
        break;
      }
    }
  }
}
