// Every text of the printed report fits its cells with the report's fonts: an approximate width model per
// character (Calibri-like: capitals and bold wider, sizes scaled) against the merged width of each cell, and
// for wrapped text the row height its lines need. A text cut at the margin or spilling over a row fails.
import { describe, expect, it } from "vitest";
import { defaultParameters } from "../src/engine/parameters.ts";
import { readSnapshotFromFile } from "../src/hosts/file/node.ts";
import { PLAN_STYLES, type PlannedSheet } from "../src/workbook/plan.ts";
import { analyzeSnapshot } from "../src/workbook/pipeline.ts";
import { buildReportPlan } from "../src/workbook/reportPlan.ts";
import { LINE_HEIGHT, textWidth, wrappedLines } from "../src/workbook/textWidth.ts";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const DEFAULT_WIDTH = 8.43;
const DEFAULT_HEIGHT = 15;

function problems(sheet: PlannedSheet): string[] {
  const printCols = colIndex(sheet.print!.area.split(":")[1]!.replace(/\d+/g, ""));
  const width = (c: number) => sheet.columnWidths[c] ?? DEFAULT_WIDTH;
  const merges = sheet.merges.map((m) => {
    const [a, b] = m.split(":");
    return { row: Number(a!.replace(/\D/g, "")), from: colIndex(a!.replace(/\d/g, "")), to: colIndex(b!.replace(/\d/g, "")) };
  });
  const out: string[] = [];
  for (const cell of sheet.cells) {
    const col = colIndex(cell.ref.replace(/\d/g, ""));
    const row = Number(cell.ref.replace(/\D/g, ""));
    if (col > printCols || cell.style === "hidden") continue;
    const text = String(cell.formula ? (cell.expected ?? "") : (cell.value ?? ""));
    if (!text || typeof (cell.formula ? cell.expected : cell.value) === "number") continue;
    const style = PLAN_STYLES[cell.style ?? "text"];
    const m = merges.find((x) => x.row === row && x.from === col);
    let room = 0;
    for (let c = col; c <= (m ? m.to : col); c++) room += width(c);
    const need = textWidth(text, style.size ?? 11, Boolean(style.bold)) + 1;
    if (style.wrap) {
      const lines = wrappedLines(text, room, style.size ?? 11, Boolean(style.bold));
      const height = sheet.rowHeights?.[row] ?? DEFAULT_HEIGHT;
      if (lines * LINE_HEIGHT(style.size ?? 11) > height + 1) out.push(`${cell.ref}: ${lines} lines in ${height} pt: ${text.slice(0, 60)}`);
    } else if (need > room) {
      out.push(`${cell.ref}: ${need.toFixed(0)} wide in ${room.toFixed(0)}: ${text.slice(0, 60)}`);
    }
  }
  return out;
}

describe("the printed report", () => {
  it.each([
    ["01-cerfa-12156-ateliers-du-quartier", "fr"],
    ["01-cerfa-12156-ateliers-du-quartier", "en"],
    ["02-club-sportif-recettes-depenses", "fr"],
    ["03-balance-comptable-nature-en-garonne", "fr"],
    ["04-festival-budget-pluriannuel", "fr"],
    ["04-festival-budget-pluriannuel", "en"],
    ["05-budget-analytique-par-action", "fr"],
  ] as const)("%s (%s): every text fits its cells", async (name, lang) => {
    const result = analyzeSnapshot(await readSnapshotFromFile(`${FIXTURES_DIR}/${name}.xlsx`), defaultParameters());
    const report = buildReportPlan(result, { lang, date: new Date(Date.UTC(2026, 10, 24)) }).sheets[0]!;
    expect(problems(report)).toEqual([]);
  });

  it("fits the block « Avec votre scénario » with four scenarios, long names and another model", async () => {
    const result = analyzeSnapshot(await readSnapshotFromFile(`${FIXTURES_DIR}/01-cerfa-12156-ateliers-du-quartier.xlsx`), defaultParameters());
    const scenarios = [-50, -80, 20, 0].map((percent, i) => ({
      name: `Scénario n° ${i + 1} : les subventions de la Région et du Département en baisse`,
      column: null,
      changes: [{ kind: "percent" as const, lever: "public_grants" as const, percent }, { kind: "amount" as const, lever: "sales_services" as const, cents: 9_000_000 }],
    }));
    const report = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)), scenarios }).sheets[0]!;
    expect(report.cells.filter((c) => c.ref.startsWith("G") && c.expected === scenarios[3]!.name)).toHaveLength(1);
    expect(problems(report)).toEqual([]);
  });
});
