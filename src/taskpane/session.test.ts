import { describe, expect, it } from "vitest";
import { resolveParameters } from "../engine/parameters.ts";
import { MAPPING_HEADERS } from "../workbook/reportText.ts";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot.ts";
import { correct, reviewRows, startSession, type Session } from "./session.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";


/** Two amount columns and two lines labelled « Divers »: a charge (row 4) and a produit (row 8). */
const BUDGET = sheet("Budget", [
  ["Poste", "Budget 2025", "Budget 2026"],
  ["CHARGES", null, null],
  ["Loyer", 1200, 1300],
  ["Divers", 300, 350],
  ["Assurance", 400, 400],
  ["PRODUITS", null, null],
  ["Subvention de la mairie", 1500, 1600],
  ["Divers", 400, 450],
]);

const start = (snapshot: WorkbookSnapshot): Promise<Session> => startSession(snapshot, resolveParameters({}), "fr");
const byCell = (s: Session, cell: string) => s.result!.classified.find((l) => l.amountCell === cell)!;

describe("the pane's corrections belong to the line clicked", () => {
  it("a lever chosen for the charge « Divers » changes that row in every column, and not the produit « Divers »", async () => {
    const s = await start({ name: "b.xlsx", sheets: [BUDGET] });
    const charge = reviewRows(s.result!, null).find((l) => l.label === "Divers" && l.row === 4)!;
    const after = correct(s, charge, { lever: "purchases" }, "fr");
    expect([byCell(after, "B4").lever, byCell(after, "C4").lever]).toEqual(["purchases", "purchases"]);
    expect([byCell(after, "B4").corrected, byCell(after, "C4").corrected]).toEqual([true, true]);
    expect([byCell(after, "B8").corrected, byCell(after, "C8").corrected]).toEqual([false, false]);
    expect(byCell(after, "B8").section).toBe("income");
  });

  it("a second correction on the same line keeps the first (a destination after a lever)", async () => {
    const s = await start({ name: "b.xlsx", sheets: [BUDGET] });
    const charge = s.result!.classified.find((l) => l.amountCell === "B4")!;
    const once = correct(s, charge, { lever: "purchases" }, "fr");
    const twice = correct(once, charge, { destination: "engineering" }, "fr");
    expect([byCell(twice, "C4").lever, byCell(twice, "C4").destination]).toEqual(["purchases", "engineering"]);
  });

  it("opens a workbook whose mapping table corrects one « Divers »: only that line is corrected, and stays so after another correction", async () => {
    const h = MAPPING_HEADERS.fr;
    const row: CellValue[] = new Array(h.length).fill(null);
    Object.assign(row, { 0: "Budget", 1: "B4", 2: "Divers", 4: "Budget 2025", 7: 300, 14: "Achats" });
    const table = sheet("Équilibre – lignes", [["Équilibre — lignes du budget"], [], [], [...h], row]);
    const s = await start({ name: "b.xlsx", sheets: [BUDGET, table] });
    expect(s.result!.classified.filter((l) => l.corrected).map((l) => l.amountCell)).toEqual(["B4"]);
    const loyer = s.result!.classified.find((l) => l.amountCell === "B3")!;
    const after = correct(s, loyer, { lever: "other_operating" }, "fr");
    expect(after.result!.classified.filter((l) => l.corrected).map((l) => l.amountCell).sort()).toEqual(["B3", "B4", "C3"]);
  });
});
