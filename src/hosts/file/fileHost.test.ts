// The browser's file host: the analysed workbook it hands to the download, under which name and media type. A
// workbook with macros downloads as an .xlsm typed macro-enabled, its workbook part so too, as the command writes
// it (src/hosts/file/node.ts): Excel refuses an .xlsx holding a VBA project, and an .xlsm whose workbook says .xlsx.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";
import { BUDGET_ROWS, handMadeXlsx } from "../../../tests/handMadeXlsx.ts";
import { FileHost } from "./fileHost.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));
const VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/** The budget with a VBA project, its workbook typed macro-enabled (as Excel saves an .xlsm) or not (a library's .xlsx). */
async function macroBook(typed: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
  let types = (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  if (typed) types = types.replace(PLAIN_MAIN, MACRO_MAIN);
  zip.file("[Content_Types].xml", types);
  zip.file("xl/vbaProject.bin", VBA);
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
  zip.file("xl/_rels/workbook.xml.rels", rels);
  return zip.generateAsync({ type: "uint8array" });
}

async function written(bytes: Uint8Array, name: string) {
  const host = new FileHost(bytes, name, () => NOW);
  const result = analyzeSnapshot(await host.readSnapshot(), defaultParameters());
  await host.apply(buildReportPlan(result, { lang: "fr", date: NOW }));
  const zip = await JSZip.loadAsync(host.output!);
  return { host, zip, types: await zip.file("[Content_Types].xml")!.async("string") };
}

describe("the browser's download of the analysed workbook", () => {
  it.each([
    ["an .xlsm saved by Excel", true, "budget.xlsm"],
    ["a VBA project in a workbook saved .xlsx by a library", false, "budget.xlsx"],
  ])("%s: downloads as « … - Équilibre.xlsm », typed macro-enabled, its workbook part too, its VBA project kept", async (_, typed, name) => {
    const { host, zip, types } = await written(await macroBook(typed), name);
    expect(host.outputName()).toBe("budget - Équilibre.xlsm");
    expect(host.outputType()).toBe("application/vnd.ms-excel.sheet.macroEnabled.12");
    expect(types).toMatch(/PartName="\/xl\/workbook\.xml" ContentType="application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml"/);
    expect(types).not.toContain(PLAIN_MAIN);
    expect(new Uint8Array(await zip.file("xl/vbaProject.bin")!.async("uint8array"))).toEqual(VBA);
  });

  it("a workbook without macros downloads as « … - Équilibre.xlsx », typed so, even when its name said .xlsm", async () => {
    const { host, types } = await written(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }), "budget.xlsm");
    expect(host.outputName()).toBe("budget - Équilibre.xlsx");
    expect(host.outputType()).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(types).toContain(PLAIN_MAIN);
  });
});
