// The reader on packages as other writers make them (built part by part, in the test): no prefix and
// absolute targets (openpyxl), the x: prefix (Open XML SDK), Strict namespaces, dates by built-in and
// custom formats and in the 1904 system, inline and rich strings, shared formulas, formulas without a
// cached value, pivot tables, a label merged over two rows, a hidden sheet holding the produits.
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { EquilibreError } from "../../engine/errors.ts";
import { defaultParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { BUDGET_ROWS, handMadeXlsx, openpyxlBook, type HandBook } from "../../../tests/handMadeXlsx.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

const read = async (book: HandBook) => readSnapshotFromBuffer(await handMadeXlsx(book), "budget.xlsx");

/** Label → euros of the lines read, and the issue codes. */
function budgetOf(snapshot: WorkbookSnapshot) {
  const result = analyzeSnapshot(snapshot, defaultParameters());
  const lines = new Map<string, number>();
  for (const l of result.lines) if (l.amount.kind === "value") lines.set(l.label, (lines.get(l.label) ?? 0) + l.amount.cents / 100);
  return { lines: Object.fromEntries(lines), issues: result.issues, skipped: result.skipped };
}

const EXPECTED = { "Achats de fournitures": 1000, Salaires: 2500, "Subvention de la commune": 1500, "Cotisations des adhérents": 2000 };

describe("the .xlsx reader", () => {
  it("reads a text longer than a cell can hold as Excel shows it, cut at 32,767 characters (a 1 MB string another tool wrote ran for minutes)", async () => {
    const long = `Achats divers ${"x".repeat(40_000)}`;
    const rows = [...BUDGET_ROWS, [long, 300]];
    const lines = budgetOf(await read({ sheets: [{ name: "Budget", rows }] })).lines;
    const labels = Object.keys(lines);
    expect(labels.find((l) => l.startsWith("Achats divers"))?.length).toBe(32_767);
    expect(lines).toMatchObject(EXPECTED);
  });

  it("reads SpreadsheetML with the x: prefix, as the Open XML SDK writes it", async () => {
    expect(budgetOf(await read({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }], prefix: "x" })).lines).toEqual(EXPECTED);
  });

  it("reads Strict OOXML (purl.oclc.org namespaces and relationship types)", async () => {
    expect(budgetOf(await read({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }], conformance: "strict" })).lines).toEqual(EXPECTED);
  });

  it("follows absolute relationship targets and ignores a drawing without the xdr: prefix and a comment part, as openpyxl writes them", async () => {
    const snapshot = await read(openpyxlBook());
    expect(budgetOf(snapshot).lines).toEqual(EXPECTED);
  });

  it("joins rich text runs and reads inline strings, leaving phonetic runs out", async () => {
    const rows = BUDGET_ROWS.map((r) => [...r]);
    rows[2]![0] = { t: "inlineStr", xml: "<{p}is><{p}t>Achats de fournitures</{p}t></{p}is>" };
    rows[3]![0] = { t: "inlineStr", xml: '<{p}is><{p}r><{p}rPr><{p}b/></{p}rPr><{p}t>Sala</{p}t></{p}r><{p}r><{p}t xml:space="preserve">ires</{p}t></{p}r><{p}rPh sb="0" eb="1"><{p}t>x</{p}t></{p}rPh></{p}is>' };
    expect(budgetOf(await read({ sheets: [{ name: "Budget", rows }] })).lines).toEqual(EXPECTED);
  });

  it("reads dates from built-in and custom formats as dates, never as money, in both date systems", async () => {
    const cellXfs =
      '<{p}cellXfs count="4"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><{p}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<{p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><{p}xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></{p}cellXfs>';
    const numFmts = '<{p}numFmts count="2"><{p}numFmt numFmtId="164" formatCode="[$-40C]d\\ mmmm\\ yyyy"/><{p}numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;;[Red]\\-#,##0.00\\ &quot;€&quot;"/></{p}numFmts>';
    const book = (date1904: boolean): HandBook => ({
      date1904,
      numFmts,
      cellXfs,
      sheets: [
        {
          name: "Budget",
          rows: [
            ["Poste", "Date", "Montant"],
            ["Achats de fournitures", { s: 1, xml: "<{p}v>46023</{p}v>" }, { s: 3, xml: "<{p}v>1000</{p}v>" }],
            ["Salaires", { s: 2, xml: "<{p}v>46054</{p}v>" }, { s: 3, xml: "<{p}v>2500</{p}v>" }],
            ["Subvention de la commune", { s: 1, xml: "<{p}v>46082</{p}v>" }, { s: 3, xml: "<{p}v>1500</{p}v>" }],
            ["Cotisations des adhérents", { s: 2, xml: "<{p}v>46113</{p}v>" }, { s: 3, xml: "<{p}v>2000</{p}v>" }],
          ],
        },
      ],
    });
    const s1900 = await read(book(false));
    const dates = (s: WorkbookSnapshot) => s.sheets[0]!.rows.slice(1).map((r) => r.cells.find((c) => c.col === 2)!.value);
    expect(dates(s1900)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(dates(await read(book(true)))).toEqual(["2030-01-02", "2030-02-02", "2030-03-02", "2030-04-02"]);
    expect(budgetOf(s1900).lines).toEqual(EXPECTED);
  });

  it("reads the East Asian built-in date formats (27–36, 50–58, no code in styles.xml) as dates, never as money", async () => {
    const ids = [27, 31, 36, 50, 57, 58];
    const cellXfs = `<{p}cellXfs count="${ids.length + 1}"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${ids.map((id) => `<{p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</{p}cellXfs>`;
    const labels = Object.keys(EXPECTED);
    const rows = [["Poste", "Date", "Montant"], ...ids.map((_, i) => [labels[i % 4]!, { s: i + 1, xml: "<{p}v>46023</{p}v>" }, i < 4 ? Object.values(EXPECTED)[i]! : null])];
    const snapshot = await read({ cellXfs, sheets: [{ name: "Budget", rows }] });
    const dates = snapshot.sheets[0]!.rows.slice(1).map((r) => r.cells.find((c) => c.col === 2)!.value);
    expect(dates).toEqual(ids.map(() => "2026-01-01"));
    expect(budgetOf(snapshot).lines).toEqual(EXPECTED);
  });

  it("gives each cell of a shared formula its own references, and names a formula whose result was never saved", async () => {
    const rows = BUDGET_ROWS.map((r) => [...r]);
    // A lookup Équilibre leaves to Excel (its arithmetic, « 20*100 », it calculates: formulaValues.ts).
    rows[6]![1] = { xml: "<{p}f>VLOOKUP(A7,Tarifs!A:B,2,FALSE)</{p}f>" };
    rows[2]![2] = { xml: '<{p}f t="shared" ref="C3:C4" si="0">B3*2</{p}f><{p}v>2000</{p}v>' };
    rows[3]![2] = { xml: '<{p}f t="shared" si="0"/><{p}v>5000</{p}v>' };
    const snapshot = await read({ sheets: [{ name: "Budget", rows }] });
    const cell = (r: number, c: number) => snapshot.sheets[0]!.rows.find((x) => x.index === r)!.cells.find((x) => x.col === c)!;
    expect(cell(4, 3).formula).toBe("B4*2");
    expect(cell(7, 2)).toEqual({ col: 2, value: null, formula: "VLOOKUP(A7,Tarifs!A:B,2,FALSE)", uncached: true });
    const { issues } = budgetOf(snapshot);
    expect(issues.find((i) => i.code === "formula_without_value")).toMatchObject({ cell: "B7", message: expect.stringMatching(/B7 \(« Cotisations des adhérents »\)/) });
  });

  it("keeps the second row's amount of a label merged over two rows", async () => {
    const rows = [["Poste", "Budget 2026"], ["CHARGES", null], ["Salaires", 2500], [null, 500], ["PRODUITS", null], ["Subvention de la commune", 3000]];
    const { lines } = budgetOf(await read({ sheets: [{ name: "Budget", rows, after: '<{p}mergeCells count="1"><{p}mergeCell ref="A3:A4"/></{p}mergeCells>' }] }));
    expect(lines).toEqual({ Salaires: 3000, "Subvention de la commune": 3000 });
  });

  it("skips a pivot table summarising the budget, so no figure is counted twice, and says so", async () => {
    const pivotRows = [null, null, ["Étiquettes de lignes", "Somme de Budget 2026"], ...BUDGET_ROWS.filter((r) => typeof r[1] === "number"), ["Total général", 7000]];
    const pivot =
      '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="TCD1" cacheId="1" dataCaption="Valeurs"><location ref="A3:B8" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>';
    const cache =
      '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><cacheSource type="worksheet"><worksheetSource ref="A1:B7" sheet="Budget"/></cacheSource></pivotCacheDefinition>';
    const book: HandBook = {
      sheets: [
        { name: "Budget", rows: BUDGET_ROWS },
        { name: "TCD", rows: pivotRows.map((r) => r ?? []), rels: [{ id: "rId1", type: "pivotTable", target: "../pivotTables/pivotTable1.xml" }] },
      ],
      parts: {
        "xl/pivotTables/pivotTable1.xml": { xml: pivot, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml" },
        "xl/pivotCache/pivotCacheDefinition1.xml": { xml: cache, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml" },
        "xl/pivotTables/_rels/pivotTable1.xml.rels": {
          xml: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
          contentType: "application/vnd.openxmlformats-package.relationships+xml",
        },
      },
    };
    const snapshot = await read(book);
    expect(snapshot.sheets[1]!.pivotTables).toEqual([{ name: "TCD1", range: "A3:B8", sourceSheet: "Budget" }]);
    const { lines, issues, skipped } = budgetOf(snapshot);
    expect(lines).toEqual(EXPECTED);
    expect(skipped.filter((s) => s.why === "pivot").map((s) => s.label)).toContain("Salaires");
    expect(issues.find((i) => i.code === "pivot_table")?.message).toMatch(/TCD1.*Budget/);
  });

  it.each([
    ["Excel, in French", ["Étiquettes de lignes", "Somme de Budget 2026"], "Total général"],
    ["Excel, in English", ["Row Labels", "Sum of Budget 2026"], "Grand Total"],
    ["LibreOffice", ["Poste", "Somme - Budget 2026"], "Total Résultat"],
  ])("skips a pivot table pasted as values (%s), so no figure is counted twice, and says so", async (_, header, total) => {
    const amounts = BUDGET_ROWS.filter((r) => typeof r[1] === "number");
    const pasted = [null, null, header, ...amounts, [total, amounts.reduce((a, r) => a + (r[1] as number), 0)]];
    const { lines, issues, skipped } = budgetOf(await read({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }, { name: "TCD", rows: pasted.map((r) => r ?? []) }] }));
    expect(lines).toEqual(EXPECTED);
    expect(skipped.filter((s) => s.why === "pivot").map((s) => s.label)).toContain("Salaires");
    expect(issues.filter((i) => i.code === "pivot_table").map((i) => [i.sheet, i.cell])).toEqual([["TCD", "A3"]]);
  });

  it("keeps a budget whose last row is « Total général » but that is no pivot table", async () => {
    const rows = [...BUDGET_ROWS, ["Total général", 7000]];
    const { lines, issues } = budgetOf(await read({ sheets: [{ name: "Budget", rows }] }));
    expect(lines).toEqual(EXPECTED);
    expect(issues.filter((i) => i.code === "pivot_table")).toEqual([]);
  });

  it("says that a hidden sheet holds amounts", async () => {
    const charges = BUDGET_ROWS.slice(0, 4);
    const produits = [["Poste", "Budget 2026"], ...BUDGET_ROWS.slice(4)];
    const { lines, issues } = budgetOf(await read({ sheets: [{ name: "Charges", rows: charges }, { name: "Produits", rows: produits, state: "hidden" }] }));
    expect(lines).toEqual({ "Achats de fournitures": 1000, Salaires: 2500 });
    const issue = issues.find((i) => i.code === "hidden_sheet_amounts");
    expect(issue?.sheet).toBe("Produits");
    expect(issue?.message).toMatch(/feuille masquée « Produits » contient des montants/);
  });
});

describe("files no spreadsheet holds", () => {
  const refused = async (bytes: Uint8Array) => {
    const e = await readSnapshotFromBuffer(bytes, "piege.xlsx").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EquilibreError);
    expect((e as EquilibreError).code).toBe("unreadable_file");
  };
  const withPart = async (path: string, xml: string) => {
    const zip = await JSZip.loadAsync(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    zip.file(path, xml);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  };

  it("refuses entity declarations (billion laughs)", async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>';
    await refused(await withPart("xl/sharedStrings.xml", lol));
  });

  it("refuses absurdly deep nesting", async () => {
    const deep = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si>".repeat(100_000)}${"</si>".repeat(100_000)}</sst>`;
    await refused(await withPart("xl/sharedStrings.xml", deep));
  });

  it("refuses a part that inflates far beyond its size (zip bomb)", async () => {
    const bomb = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${" ".repeat(20 << 20)}</t></si></sst>`;
    await refused(await withPart("xl/sharedStrings.xml", bomb));
  });
});

describe("a workbook saved by a pre-release version of Excel 2007 (POI's sample-beta.xlsx)", () => {
  it("is refused with its own sentence, which says what to do, not called damaged", async () => {
    const zip = await JSZip.loadAsync(await handMadeXlsx({ sheets: [{ name: "Budget", rows: BUDGET_ROWS }] }));
    const beta = "http://schemas.microsoft.com/office/excel/2006/2";
    for (const path of ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) {
      zip.file(path, (await zip.file(path)!.async("string")).replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", beta).replace(/<(\/?)si>/g, "<$1sstItem>"));
    }
    const e = await readSnapshotFromBuffer(await zip.generateAsync({ type: "uint8array" }), "ancien.xlsx").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EquilibreError);
    expect((e as EquilibreError).params).toMatchObject({ reason: "prerelease" });
    expect((e as EquilibreError).message).toContain("version d'essai d'Excel 2007");
  });
});
