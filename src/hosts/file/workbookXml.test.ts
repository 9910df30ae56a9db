// workbook.xml edits: sheets removed and added, print areas following their sheet's new index, names of
// removed sheets dropped, the active tab kept on its sheet, a full recalculation on open.
import { describe, expect, it } from "vitest";
import { parseStrict } from "./packageChecks.ts";
import { StylesXml, MINIMAL_STYLES } from "./stylesXml.ts";
import { WorkbookXml } from "./workbookXml.ts";

const WORKBOOK = (p: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<${p}bookViews><${p}workbookView activeTab="2"/></${p}bookViews><${p}sheets><${p}sheet name="A" sheetId="1" r:id="rId1"/><${p}sheet name="Équilibre" sheetId="5" r:id="rId2"/><${p}sheet name="B &amp; C" sheetId="3" r:id="rId3"/></${p}sheets>` +
  `<${p}definedNames><${p}definedName name="_xlnm.Print_Area" localSheetId="1">'Équilibre'!$A$1:$H$9</${p}definedName><${p}definedName name="_xlnm.Print_Area" localSheetId="2">'B &amp; C'!$A$1:$B$2</${p}definedName><${p}definedName name="Taux">A!$B$1</${p}definedName></${p}definedNames>` +
  `<${p}calcPr calcId="171027"/></${p}workbook>`;

describe("workbook.xml", () => {
  for (const p of ["", "x:"]) {
    it(`removes a sheet and re-indexes the names local to the others${p ? " (prefixed XML)" : ""}`, () => {
      const wb = new WorkbookXml(WORKBOOK(p));
      expect(wb.sheets.map((s) => s.name)).toEqual(["A", "Équilibre", "B & C"]);
      expect(wb.removeSheets(new Set(["Équilibre"])).map((s) => s.rid)).toEqual(["rId2"]);
      const added = wb.addSheet("Équilibre", "rId9");
      expect(added.sheetId).toBe(4);
      wb.setLocalName("_xlnm.Print_Area", added, "'Équilibre'!$A$1:$H$80");
      const xml = wb.toString();
      parseStrict(xml);
      expect(xml).toContain(`<${p}sheet name="Équilibre" sheetId="4" r:id="rId9"/>`);
      expect(xml).toContain(`localSheetId="1">'B &amp; C'!$A$1:$B$2<`);
      expect(xml).toContain(`<${p}definedName name="_xlnm.Print_Area" localSheetId="2">&apos;Équilibre&apos;!$A$1:$H$80</${p}definedName>`);
      expect(xml).not.toContain("$H$9");
      expect(xml).toContain(`<${p}definedName name="Taux">A!$B$1</${p}definedName>`);
      // The active tab was "B & C": it moved from index 2 to 1.
      expect(xml).toContain('activeTab="1"');
      expect(xml).toContain('<' + p + 'calcPr calcId="171027" fullCalcOnLoad="1"/>');
    });
  }
});

describe("styles.xml", () => {
  it("appends the plan's styles after the workbook's, with new number formats from 164 up", () => {
    const styles = new StylesXml(MINIMAL_STYLES.replace("<fonts", '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.000"/></numFmts><fonts'));
    const money = styles.xf("money");
    expect(money).toBe(1);
    expect(styles.xf("money")).toBe(1);
    expect(styles.xf("tableHeader")).toBe(2);
    expect(styles.xf("percent")).toBe(3);
    expect(styles.dxf("FFC7CE", "9C0006")).toBe(0);
    const xml = styles.toString();
    parseStrict(xml);
    expect(xml).toContain('<numFmt numFmtId="171" formatCode="#,##0 &quot;€&quot;;-#,##0 &quot;€&quot;"/>');
    expect(xml).toMatch(/<numFmts count="2">/);
    expect(xml).toMatch(/<cellXfs count="4">/);
    expect(xml).toMatch(/<dxfs count="1">/);
    expect(xml).toMatch(/<xf numFmtId="9" [^>]*>/);
  });
});
