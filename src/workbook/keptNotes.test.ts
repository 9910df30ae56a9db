import { describe, expect, it } from "vitest";
import { resolveParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import { buildReportPlan } from "./reportPlan.ts";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";


const BUDGET = sheet("Budget", [["Poste", "Montant"], ["CHARGES", null], ["Loyer", 1200], ["PRODUITS", null], ["Subvention de la mairie", 1200]]);
const DATE = new Date(Date.UTC(2026, 11, 1));
const plan = (snapshot: WorkbookSnapshot) => buildReportPlan(analyzeSnapshot(snapshot, resolveParameters({})), { lang: "fr", date: DATE, previousSheets: snapshot.ownSheets ?? [] });

describe("notes in the report of an earlier run", () => {
  const first = plan({ name: "b.xlsx", sheets: [BUDGET] });
  const report = first.sheets.find((s) => s.role === "report")!;
  /** The earlier report as a host reads it back, with rows added by the user. */
  const earlier = (extra: { row: number; col: number; value: CellValue; formula?: string }[]): SheetSnapshot => {
    const s = sheet("Équilibre", [["Équilibre — modèle socio-économique"]]);
    for (const c of report.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
      if (m[1]!.length !== 1 || c.value === undefined || c.value === null) continue;
      const row = Number(m[2]);
      let r = s.rows.find((x) => x.index === row);
      if (!r) s.rows.push((r = { index: row, cells: [] }));
      r.cells = r.cells.filter((x) => x.col !== m[1]!.charCodeAt(0) - 64);
      r.cells.push({ col: m[1]!.charCodeAt(0) - 64, value: c.value });
    }
    for (const e of extra) {
      let r = s.rows.find((x) => x.index === e.row);
      if (!r) s.rows.push((r = { index: e.row, cells: [] }));
      r.cells.push({ col: e.col, value: e.value, ...(e.formula ? { formula: e.formula } : {}) });
    }
    s.rows.sort((a, b) => a.index - b.index);
    for (const r of s.rows) r.cells.sort((a, b) => a.col - b.col);
    return s;
  };

  it("keeps a typed note at its cell, and nothing of Équilibre's own text, even moved by a row", () => {
    const moved = report.cells.find((c) => typeof c.value === "string" && c.value.length > 3 && c.ref.startsWith("A"))!;
    const old = earlier([
      { row: 3, col: 16, value: "À revoir" },
      { row: 200, col: 1, value: moved.value as string },
      { row: 201, col: 1, value: "x", formula: "B5*2" },
    ]);
    const again = plan({ name: "b.xlsx", sheets: [BUDGET, old], ownSheets: ["Équilibre"] });
    const cells = again.sheets.find((s) => s.role === "report")!.cells;
    expect(cells.filter((c) => c.ref === "P3").map((c) => c.value)).toEqual(["À revoir"]);
    // Without the record of the cells it wrote (a state from an older version), a formula may be Équilibre's.
    expect(cells.some((c) => c.ref === "A200" || c.ref === "A201")).toBe(false);
    expect(again.warnings).toEqual([]);
  });

  it("writes back a percentage typed beside the report as the same number, formatted as a percentage (it became the text « 12.35% »)", () => {
    // A host reads a percentage as the text its cell shows, every digit kept (cellValues' percentText).
    const old = earlier([{ row: 3, col: 16, value: "12.3456%" }]);
    const again = plan({ name: "b.xlsx", sheets: [BUDGET, old], ownSheets: ["Équilibre"], ownCells: first.state.ownCells });
    const kept = again.sheets.find((s) => s.role === "report")!.cells.filter((c) => c.ref === "P3");
    expect(kept).toEqual([{ ref: "P3", value: 0.123456, style: "percent" }]);
  });

  it("keeps a formula the user typed beside the report, at its cell, with its result, when the state records Équilibre's cells", () => {
    const old = earlier([{ row: 4, col: 17, value: 2400, formula: "SUM(Budget!B3:B5)*2" }]);
    const again = plan({ name: "b.xlsx", sheets: [BUDGET, old], ownSheets: ["Équilibre"], ownCells: first.state.ownCells });
    const kept = again.sheets.find((s) => s.role === "report")!.cells.filter((c) => c.ref === "Q4");
    expect(kept).toEqual([{ ref: "Q4", formula: "SUM(Budget!B3:B5)*2", expected: 2400 }]);
  });

  it("keeps a note typed over Équilibre's own text (in a merged area Excel keeps it in the top-left cell) under the report, and says where", () => {
    const merged = report.merges.map((m) => m.split(":")[0]!);
    // Below the title, which names the sheet as Équilibre's report.
    const over = report.cells.find((c) => merged.includes(c.ref) && c.ref !== "A1" && typeof c.value === "string" && c.value.length > 3)!;
    const old = earlier([]);
    const row = Number(/\d+$/.exec(over.ref)![0]);
    old.rows.find((r) => r.index === row)!.cells.find((c) => c.col === 1 + over.ref.charCodeAt(0) - 65)!.value = "Note du bureau : à présenter en AG";
    const again = plan({ name: "b.xlsx", sheets: [BUDGET, old], ownSheets: ["Équilibre"], ownCells: first.state.ownCells });
    const cells = again.sheets.find((s) => s.role === "report")!.cells;
    const kept = cells.filter((c) => c.value === "Note du bureau : à présenter en AG");
    expect(kept).toHaveLength(1);
    expect(kept[0]!.ref).not.toBe(over.ref);
    expect(cells.find((c) => c.ref === over.ref)!.value).toBe(over.value);
    expect(again.warnings).toEqual([`Votre note de la cellule ${over.ref} (feuille « Équilibre ») est reprise en ${kept[0]!.ref} : la nouvelle feuille écrit à sa place.`]);
  });

  it("takes nothing of Équilibre's own values for a note when the report comes back unchanged", () => {
    const again = plan({ name: "b.xlsx", sheets: [BUDGET, earlier([])], ownSheets: ["Équilibre"], ownCells: first.state.ownCells });
    expect(again.warnings).toEqual([]);
    expect(again.sheets.find((s) => s.role === "report")!.cells.length).toBe(report.cells.length);
  });

  it("leaves the notes of a sheet this run does not replace where they are (not copied)", () => {
    const old = { ...earlier([{ row: 3, col: 16, value: "À revoir" }]), name: "Mon rapport" };
    const again = plan({ name: "b.xlsx", sheets: [BUDGET, old] });
    expect(again.sheets.find((s) => s.role === "report")!.cells.some((c) => c.ref === "P3")).toBe(false);
  });
});
