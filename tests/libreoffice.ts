// LibreOffice headless as a formula oracle and a renderer (test helper, not a test).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

let available: boolean | null = null;
export function libreOfficeAvailable(): boolean {
  if (available === null) available = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 }).status === 0;
  return available;
}

/**
 * A fresh LibreOffice profile that recalculates every formula when it loads a file: by default it would
 * trust the cached results the file carries, and a check of the formulas would prove nothing.
 */
function recalculatingProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`,
  );
  return profile;
}

function convert(file: string, outDir: string, to: string): string {
  mkdirSync(outDir, { recursive: true });
  const profile = recalculatingProfile();
  const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", to, "--outdir", outDir, file], {
    encoding: "utf8",
    timeout: 180_000,
  });
  const out = join(outDir, basename(file).replace(/\.xlsx$/i, `.${to.split(":")[0]}`));
  // soffice may exit 0 without writing anything: the file is the proof.
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${file}: ${r.stderr || r.stdout}`);
  return out;
}

/** Recalculates every formula: the returned copy's cells hold LibreOffice's results. */
export function recalculate(xlsx: string, outDir: string): string {
  return convert(xlsx, outDir, "xlsx");
}

export function renderPdf(xlsx: string, outDir: string): string {
  return convert(xlsx, outDir, "pdf");
}

export function pdfToPng(pdf: string, outPrefix: string, resolution = 80): string[] {
  const r = spawnSync("pdftoppm", ["-png", "-r", String(resolution), pdf, outPrefix], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const dir = join(outPrefix, "..");
  return spawnSync("ls", [dir], { encoding: "utf8" })
    .stdout.split("\n")
    .filter((f) => f.startsWith(basename(outPrefix)) && f.endsWith(".png"))
    .map((f) => join(dir, f));
}

/** Cached cell results of an .xlsx, read from its XML (exceljs drops a cached 0): sheet name → cell → value. */
export async function cachedValues(xlsx: string): Promise<Map<string, Map<string, string | number | boolean>>> {
  const { readFileSync } = await import("node:fs");
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const rels = new Map([...(await text("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const out = new Map<string, Map<string, string | number | boolean>>();
  for (const m of (await text("xl/workbook.xml")).matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = rels.get(m[2]!)!.replace(/^\/?(xl\/)?/, "");
    const xml = await text(`xl/${target}`);
    const cells = new Map<string, string | number | boolean>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="([^"]+)"/.exec(c[2]!)?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? "")?.[1];
      if (type === "s" && v !== undefined) cells.set(c[1]!, shared[Number(v)] ?? "");
      else if (type === "str" || type === "inlineStr") cells.set(c[1]!, decode(v ?? inline ?? ""));
      else if (type === "b") cells.set(c[1]!, v === "1");
      else if (type === "e") cells.set(c[1]!, `#ERR:${v}`);
      else if (v !== undefined && v !== "") cells.set(c[1]!, Number(v));
    }
    out.set(decode(m[1]!), cells);
  }
  return out;
}

/** The value of each workbook defined name that points at one cell (EquilibreModele → its cached result). */
export async function namedValues(xlsx: string): Promise<Map<string, string | number | boolean>> {
  const { readFileSync } = await import("node:fs");
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const values = await cachedValues(xlsx);
  const out = new Map<string, string | number | boolean>();
  const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const m of xml.matchAll(/<definedName [^>]*?name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)) {
    const ref = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]+)\$?(\d+)$/.exec(decode(m[2]!));
    if (!ref) continue;
    const sheet = (ref[1] ?? ref[2]!).replace(/''/g, "'");
    const v = values.get(sheet)?.get(`${ref[3]}${ref[4]}`);
    if (v !== undefined) out.set(m[1]!, v);
  }
  return out;
}
