// The report written by editing the package: a user's chart and image survive byte for byte, a re-run
// replaces Équilibre's parts without leaving any behind, every part is well-formed XML, worksheet
// children follow CT_Worksheet's order, and LibreOffice renders the result.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";
import { libreOfficeAvailable, renderPdf } from "../../../tests/libreoffice.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { buildChartXml } from "./chartXml.ts";
import { openPackage, parseStrict } from "./packageChecks.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";
import { WORKSHEET_ORDER } from "./sheetXml.ts";
import { unesc } from "./xmlText.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));
// A 2×2 red PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");

/** A budget with the user's own image (written by exceljs) and chart (added to the package by hand). */
async function budgetWithChartAndImage(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRows([
    ["Charges", "Montant"],
    ["Achats", 1200],
    ["Salaires", 30000],
    ["Produits", null],
    ["Subvention mairie", 20000],
    ["Cotisations", 5000],
    ["Ventes", 6200],
  ]);
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "E2:F6");
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const drawing = Object.keys(zip.files).find((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f))!;
  const chart = buildChartXml(
    { kind: "column", title: "Mon graphique", categories: "$A$5:$A$7", series: [{ name: "Produits", values: "$B$5:$B$7" }], anchor: { from: "H2", to: "M14" } },
    "Budget",
    new Map(),
  );
  zip.file("xl/charts/chart1.xml", chart);
  const relsPath = drawing.replace("drawings/", "drawings/_rels/") + ".rels";
  zip.file(relsPath, (await zip.file(relsPath)!.async("string")).replace("</Relationships>", '<Relationship Id="rIdUserChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>'));
  const frame =
    '<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="99" name="Mon graphique"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdUserChart"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  zip.file(drawing, (await zip.file(drawing)!.async("string")).replace("</xdr:wsDr>", `${frame}</xdr:wsDr>`));
  zip.file(
    "[Content_Types].xml",
    (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'),
  );
  // A calculation chain, as Excel leaves one: it lists cells and goes stale once sheets change.
  zip.file("xl/calcChain.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/></calcChain>');
  zip.file(
    "[Content_Types].xml",
    (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function run(input: Uint8Array) {
  const snapshot = await readSnapshotFromBuffer(input, "budget.xlsx");
  const plan = buildReportPlan(analyzeSnapshot(snapshot, defaultParameters()), { lang: "fr", date: NOW, previousSheets: snapshot.ownSheets ?? [] });
  return writeReportBuffer(input, plan, NOW);
}

/** Parts the writer edits (everything else must pass through). */
const EDITED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/core.xml", "xl/calcChain.xml"]);

describe("the report written into the package", () => {
  it("keeps the user's chart, image and every part it does not own byte for byte", async () => {
    const input = await budgetWithChartAndImage();
    const { bytes, result } = await run(input);
    expect(result.chartsWritten).toBe(true);
    const before = await openPackage(input);
    const after = await openPackage(bytes);
    expect(before.files).toContain("xl/charts/chart1.xml");
    expect(before.files.some((f) => f.startsWith("xl/media/"))).toBe(true);
    for (const f of before.files.filter((f) => !EDITED.has(f))) {
      expect(after.files, f).toContain(f);
      const [a, b] = await Promise.all([before.zip.file(f)!.async("uint8array"), after.zip.file(f)!.async("uint8array")]);
      expect(Buffer.from(b).equals(Buffer.from(a)), f).toBe(true);
    }
    expect(after.overrides.get("xl/charts/chart1.xml")).toMatch(/chart\+xml$/);
    expect(after.sheets.map((s) => s.name)).toEqual(["Budget", "Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"]);
    // The user's sheet still points at its drawing.
    const budgetRels = await after.rels(after.sheets[0]!.path);
    expect(budgetRels.some((r) => r.type.endsWith("/drawing"))).toBe(true);
  });

  it("copies every part it does not edit as its compressed bytes, never inflated and deflated again", async () => {
    const input = await budgetWithChartAndImage();
    const { bytes } = await run(input);
    /** The entry as stored in the zip: compression method, CRC-32 and compressed bytes. */
    const stored = async (data: Uint8Array) => {
      const zip = await JSZip.loadAsync(data);
      return (f: string) => {
        const d = (zip.files[f] as unknown as { _data: { compression: { magic: string }; crc32: number; compressedContent: Uint8Array } })._data;
        return { method: d.compression.magic, crc: d.crc32, bytes: Buffer.from(d.compressedContent).toString("base64") };
      };
    };
    const [before, after] = [await stored(input), await stored(bytes)];
    const parts = (await openPackage(input)).files.filter((f) => !EDITED.has(f));
    expect(parts).toContain("xl/worksheets/sheet1.xml");
    for (const f of parts) expect(after(f), f).toEqual(before(f));
  });

  it("replaces its own parts on a re-run, leaving nothing behind and giving the same cells", async () => {
    const input = await budgetWithChartAndImage();
    const first = await run(input);
    const second = await run(first.bytes);
    const [a, b] = await Promise.all([readSnapshotFromBuffer(first.bytes, "a.xlsx"), readSnapshotFromBuffer(second.bytes, "b.xlsx")]);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    for (const [i, s] of a.sheets.entries()) expect(b.sheets[i]!.rows, s.name).toEqual(s.rows);
    const pa = await openPackage(first.bytes);
    const pb = await openPackage(second.bytes);
    expect([...pb.files].sort()).toEqual([...pa.files].sort());
    for (const p of [pa, pb]) await expectConsistent(p);
  });

  it("writes well-formed XML, worksheets in CT_Worksheet order, a print area per report sheet and a full recalculation on open", async () => {
    const { bytes } = await run(await budgetWithChartAndImage());
    const p = await openPackage(bytes);
    for (const f of p.files.filter((f) => /\.(xml|rels)$/.test(f))) parseStrict(await p.text(f), f);
    for (const s of p.sheets.slice(1)) {
      const { root, children } = parseStrict(await p.text(s.path), s.path);
      expect(root).toBe("worksheet");
      const order = children.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(order, s.name).not.toContain(-1);
      expect(order, `${s.name}: ${children.join(",")}`).toEqual([...order].sort((x, y) => x - y));
    }
    expect(p.sheets.at(-1)).toMatchObject({ name: "_equilibre", state: "veryHidden" });
    const workbook = unesc(await p.text("xl/workbook.xml"));
    expect(workbook).toContain('fullCalcOnLoad="1"');
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">'Équilibre'!\$A\$1:\$H\$\d+<\/definedName>/);
    expect(p.files).not.toContain("xl/calcChain.xml");
    expect(await p.text("[Content_Types].xml")).not.toContain("calcChain");
    expect(await p.text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    const report = await p.text(p.sheets[1]!.path);
    expect(report).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1"/);
    expect(report).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it.runIf(libreOfficeAvailable() || process.env.CI)("is converted to PDF by LibreOffice", async () => {
    const { bytes } = await run(await budgetWithChartAndImage());
    const dir = mkdtempSync(join(tmpdir(), "equilibre-pkg-"));
    const file = join(dir, "rapport.xlsx");
    writeFileSync(file, bytes);
    expect(renderPdf(file, dir)).toMatch(/rapport\.pdf$/);
  });
});

/** No orphan parts, content types that match the zip, unique table names and ids. */
async function expectConsistent(p: Awaited<ReturnType<typeof openPackage>>): Promise<void> {
  const referenced = new Set<string>();
  for (const f of p.files.filter((f) => f.endsWith(".rels"))) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(f)!;
    const part = m[1]! + m[2]!;
    if (part !== "") expect(p.files, `rels of a missing part: ${f}`).toContain(part);
    for (const r of await p.rels(part)) if (r.path) referenced.add(r.path);
  }
  for (const f of p.files.filter((f) => /^xl\/(tables|drawings|charts|worksheets|media)\/[^/]+$/.test(f))) expect(referenced.has(f), `orphan ${f}`).toBe(true);
  for (const r of referenced) expect(p.files, `missing ${r}`).toContain(r);
  for (const part of p.overrides.keys()) expect(p.files, `override without a part: ${part}`).toContain(part);
  for (const f of p.files.filter((f) => f !== "[Content_Types].xml")) {
    expect(p.overrides.has(f) || p.defaults.has(f.split(".").pop()!.toLowerCase()), `no content type: ${f}`).toBe(true);
  }
  const tables = await Promise.all(p.files.filter((f) => f.startsWith("xl/tables/")).map((f) => p.text(f)));
  const names = tables.map((t) => /<table\b[^>]*\bname="([^"]+)"/.exec(t)![1]!.toLowerCase());
  const ids = tables.map((t) => /<table\b[^>]*\bid="(\d+)"/.exec(t)![1]);
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(ids).size).toBe(ids.length);
}
