// Workbooks other writers made (tests/fixtures/others/, copied from public repositories; README there), each one
// a kind of file that failed scripts/otherFiles.ts. A budget sheet is added to each at the zip level, and the
// command must read it, write its report beside the writer's sheets, and keep every cell of theirs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { BUDGET_ROWS, withBudget } from "./addBudgetSheet.ts";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(import.meta.dirname, "fixtures", "others");

function analyse(name: string, bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-others-"));
  const input = join(dir, name);
  writeFileSync(input, bytes);
  const out = join(dir, "out.xlsx");
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", input, "--json", "-o", out], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stderr: r.stderr, doc: r.status === 0 ? (JSON.parse(r.stdout) as { lines: { label: string; amount: number }[] }) : null, out };
}

/** Every part of the input is in the output with the same bytes, but the parts a report must change. */
async function keptParts(input: Buffer, output: string, changed: RegExp): Promise<string[]> {
  const a = await JSZip.loadAsync(input);
  const b = await JSZip.loadAsync(readFileSync(output));
  const lost: string[] = [];
  for (const [name, f] of Object.entries(a.files)) {
    if (f.dir || changed.test(name)) continue;
    const other = b.file(name);
    if (!other || Buffer.compare(await f.async("nodebuffer"), await other.async("nodebuffer")) !== 0) lost.push(name);
  }
  return lost;
}

/** The XML parts of a package that a namespace-aware parser (saxes, not ours) refuses, with its reason. */
async function illFormedParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const bad: string[] = [];
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir || !/\.(xml|rels|vml)$/i.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let error: string | null = null;
    parser.on("error", (e) => { error ??= e.message; });
    parser.write(await f.async("string")).close();
    if (error) bad.push(`${name}: ${error}`);
  }
  return bad;
}

describe("workbooks other writers made, with a budget sheet added", () => {
  it("SheetJS' wtf_path.xlsx: a workbook in a folder of its own (wtf/) and an .xlsb content type left for « .bin » is read and written as the .xlsx it is (it was refused as an .xlsb)", async () => {
    const original = readFileSync(join(DIR, "sheetjs-wtf_path.xlsx"));
    const bytes = (await withBudget(original))!;
    const r = analyse("wtf_path.xlsx", bytes);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc!.lines.map((l) => [l.label, l.amount])).toEqual(BUDGET_ROWS.map(([, label, amount]) => [label, amount]));
    // An .xlsx, not an .xlsm: the « bin » default names no macro.
    expect(existsSync(r.out)).toBe(true);
    expect(await keptParts(bytes, r.out, /^(\[Content_Types\]\.xml|wtf\/workbook\.xml|wtf\/_rels\/workbook\.xml\.rels|wtf\/styles\.xml|docProps\/app\.xml)$/)).toEqual([]);
    expect(await illFormedParts(r.out)).toEqual([]);
  });

  it("ClosedXML's inlined rich text: a sheet list written « <sheet …></sheet> » (ClosedXML, the Open XML SDK) gets the report's sheets after it, not inside it (LibreOffice refused the report: « source file could not be loaded »)", async () => {
    const original = readFileSync(join(DIR, "closedxml-inlined-rich-text.xlsx"));
    const bytes = (await withBudget(original))!;
    const r = analyse("rich-text.xlsx", bytes);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc!.lines).toHaveLength(BUDGET_ROWS.length);
    expect(await illFormedParts(r.out)).toEqual([]);
    // The report reads again: a re-run over it finds the writer's sheet, the budget and its own sheets.
    const again = analyse("again.xlsx", readFileSync(r.out));
    expect(again.code, again.stderr).toBe(0);
    expect(again.doc!.lines).toHaveLength(BUDGET_ROWS.length);
  });

  it("POI's 47889.xlsx: an empty style sheet written « <styleSheet …/> » gets the report's styles inside it, not after its root (the report's styles.xml was not XML)", async () => {
    const bytes = (await withBudget(readFileSync(join(DIR, "poi-47889.xlsx"))))!;
    const r = analyse("47889.xlsx", bytes);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc!.lines).toHaveLength(BUDGET_ROWS.length);
    expect(await illFormedParts(r.out)).toEqual([]);
  });
});
