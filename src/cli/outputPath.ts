// Where a report may be written: never onto its input (same path, a symbolic link to it, a hard link, or
// a name that differs only by case on a disk that ignores case), and with the extension its content needs
// (a workbook with macros stays .xlsm: an .xlsx holding a VBA project is refused by Excel; a name without one
// gets it, and any other — .csv, .xls, .ods — is refused: Excel would not open the workbook under that name).
import { statSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { EquilibreError } from "../engine/errors.ts";
import type { Lang } from "../engine/types.ts";

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
export async function realPathOf(path: string): Promise<string> {
  const full = resolve(path);
  const whole = await realpath(full).catch(() => null);
  if (whole) return whole;
  const folder = await realpath(dirname(full)).catch(() => dirname(full));
  return join(folder, basename(full));
}

/** True when writing `output` would replace `input` (same real path, or the same file through a hard link). */
export async function isSameFile(input: string, output: string, inputId?: { dev: number; ino: number }): Promise<boolean> {
  if ((await realPathOf(input)) === (await realPathOf(output))) return true;
  const out = await stat(output).catch(() => null);
  if (!out) return false;
  const id = inputId ?? (await stat(input).catch(() => null));
  return id !== null && out.dev === id.dev && out.ino === id.ino;
}

/**
 * The report's path for a requested one: a macro workbook's report keeps `.xlsm` (asked `out.xlsx`, it is
 * written to `out.xlsm`, and a sentence says so); a workbook without macros is never written as `.xlsm`.
 */
export function reportPath(requested: string, macro: boolean, lang: Lang): { path: string; notice: string | null } {
  const ext = extname(requested).toLowerCase();
  const swap = (to: string) => requested.slice(0, requested.length - ext.length) + to;
  const wanted = macro ? ".xlsm" : ".xlsx";
  // A folder given as -o keeps the writer's sentence (« c'est un dossier : indiquez un nom de fichier »).
  if (/[\\/]$/.test(requested) || statSync(requested, { throwIfNoEntry: false })?.isDirectory()) return { path: requested, notice: null };
  if (ext === "") {
    // « -o rapport »: a file no program would open as a workbook; the extension it needs is added.
    const path = requested + wanted;
    return {
      path,
      notice: lang === "fr" ? `Le rapport est un classeur ${wanted} : il est écrit dans « ${path} ».` : `The report is an ${wanted} workbook: it is written to “${path}”.`,
    };
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    // « -o rapport.csv », « -o rapport.xls »: Excel would refuse (or misread) a workbook under that name.
    throw new EquilibreError("bad_usage", {
      detail: `Le rapport est un classeur ${wanted} : « ${basename(requested)} » ne s'ouvrirait pas dans Excel sous ce nom. Choisissez un nom en ${wanted} avec -o, par exemple « ${basename(swap(wanted))} ».`,
      detailEn: `The report is an ${wanted} workbook: “${basename(requested)}” would not open in Excel under that name. Choose a name ending in ${wanted} with -o, for instance “${basename(swap(wanted))}”.`,
    });
  }
  if (macro && ext === ".xlsx") {
    const path = swap(".xlsm");
    return {
      path,
      notice:
        lang === "fr"
          ? `Le classeur contient des macros : un fichier .xlsx ne peut pas les garder, le rapport est donc écrit dans « ${path} ».`
          : `The workbook holds macros: an .xlsx file cannot keep them, so the report is written to “${path}”.`,
    };
  }
  if (!macro && ext === ".xlsm") {
    const path = swap(".xlsx");
    return {
      path,
      notice:
        lang === "fr"
          ? `Le classeur ne contient pas de macros : Excel refuserait un .xlsm, le rapport est donc écrit dans « ${path} ».`
          : `The workbook holds no macros: Excel would refuse an .xlsm, so the report is written to “${path}”.`,
    };
  }
  return { path: requested, notice: null };
}
