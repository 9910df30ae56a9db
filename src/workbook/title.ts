// The association's name for the report header: the workbook's title when it has one, else the title row
// above the budget ("FC Saint-Martin — Budget prévisionnel 2025/2026" → "FC Saint-Martin").
import { normalizeText } from "../engine/text.ts";
import type { DetectedBudget } from "./budget.ts";
import { SheetGrid, sheetHead, type WorkbookSnapshot } from "./snapshot.ts";

const NOT_A_NAME = /\b(budget|previsionnel|previsionnelle|exercice|balance|compte|comptes|resultat|bilan|date|plan de financement|annee|saison|\d{4})\b/;

export function associationName(snapshot: WorkbookSnapshot, budgets: readonly DetectedBudget[]): string | null {
  if (snapshot.title) return snapshot.title;
  const first = budgets[0];
  const sheet = first ? snapshot.sheets.find((s) => s.name === first.sheet) : undefined;
  if (!sheet) return null;
  // Its first three rows only: the title is there, and a trial balance has 20,000 more.
  const grid = new SheetGrid(sheetHead(sheet, 3));
  for (const r of grid.rowIndexes().slice(0, 3)) {
    for (const cell of grid.rowCells(r)) {
      if (typeof cell.value !== "string" || cell.value.trim().length < 6) continue;
      const parts = cell.value.split(/\s+[—–-]\s+|\s*:\s+/).map((p) => p.trim()).filter((p) => p.length >= 3);
      const name = parts.find((p) => !NOT_A_NAME.test(normalizeText(p)));
      if (name && parts.length > 1) return name;
    }
  }
  return null;
}
