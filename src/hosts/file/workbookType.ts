// The workbook part's content type follows the report's extension: Excel opens an .xlsm only when its workbook
// part says macro-enabled, and an .xlsx only when it does not (« le format ou l'extension n'est pas valide »).
// A package holding a VBA project under the plain workbook type (a library that added macros and saved an
// .xlsx) gets its report as an .xlsm (src/cli/outputPath.ts): its workbook must say so, or Excel refuses it.
import { relIs } from "./ooxml.ts";
import { resolveTarget, type XlsxPackage } from "./xlsxPackage.ts";

export const WORKBOOK_TYPE = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
} as const;

/** The media type of a whole file of each kind, as a browser's download gives it (Excel's registered types). */
export const FILE_TYPE = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.12",
} as const;

async function workbookPartOf(pkg: XlsxPackage): Promise<string> {
  const rel = (await pkg.rels("")).find((r) => relIs(r.type, "officeDocument"));
  return rel ? resolveTarget("", rel.target) : "xl/workbook.xml";
}

/**
 * The package runs macros: its workbook part is typed macro-enabled, or it holds a VBA project (a library that
 * added macros and saved an .xlsx). Its report must be an .xlsm — the rule the command applies to its bytes
 * (src/cli/inputFormat.ts), here on the opened package, for the browser's download.
 */
export async function isMacroPackage(pkg: XlsxPackage): Promise<boolean> {
  if (/macroEnabled\.main\+xml$/i.test(pkg.contentTypeOf(await workbookPartOf(pkg)) ?? "")) return true;
  return Object.keys(pkg.zip.files).some((p) => /(^|\/)vbaProject\.bin$/i.test(p));
}

/**
 * Types the package's workbook part for a file named `fileName` (.xlsx or .xlsm); true when its type changed
 * (the content types part must then be written again). Templates, add-ins and other types are left as they are.
 */
export async function typeWorkbookFor(pkg: XlsxPackage, fileName: string): Promise<boolean> {
  const ext = /\.(xlsx|xlsm)$/i.exec(fileName)?.[1]?.toLowerCase() as "xlsx" | "xlsm" | undefined;
  if (!ext) return false;
  const path = await workbookPartOf(pkg);
  const type = pkg.contentTypeOf(path);
  const known = type === undefined || type === "application/xml" || type === WORKBOOK_TYPE.xlsx || type === WORKBOOK_TYPE.xlsm;
  if (!known || type === WORKBOOK_TYPE[ext] || !pkg.has(path)) return false;
  pkg.setContentType(path, WORKBOOK_TYPE[ext]);
  return true;
}
