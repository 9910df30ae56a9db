import { describe, expect, it } from "vitest";
import type { BudgetLine } from "../engine/types.ts";
import type { DetectedBudget, ReadResult } from "./budget.ts";
import { auditSnapshot, kindOf, unaccountedNumbers } from "./numberAudit.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot.ts";

const sheet = (name: string, rows: (string | number | null)[][]): SheetSnapshot => ({
  name,
  visibility: "visible",
  protected: false,
  merges: [],
  rows: rows.map((cells, i) => ({ index: i + 1, cells: cells.flatMap((v, c) => (v === null ? [] : [{ col: c + 1, value: v }])) })),
});

const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ name: "b.xlsx", sheets });

const budget = (extra: Partial<DetectedBudget> = {}): DetectedBudget => ({
  sheet: "Budget",
  range: "A1:C9",
  layout: "simple_list",
  amountColumns: ["Budget 2026"],
  columns: [{ header: "Budget 2026", col: 3, role: "scenario" }],
  labelCol: 2,
  accountCol: 1,
  lineCount: 0,
  ...extra,
});

const line = (row: number, label: string, cents: number, amountCell = `C${row}`): BudgetLine => ({
  id: `Budget!B${row}`,
  sheet: "Budget",
  cell: `B${row}`,
  row,
  amountCell,
  label,
  account: null,
  column: "Budget 2026",
  scenario: "Budget 2026",
  amount: { kind: "value", cents },
  context: {} as BudgetLine["context"],
});

const GRID = [
  [null, "Poste", "Budget 2026", "Qté"],
  [null, "Exercice", 2026],
  [606, "Achats", 1000, 4],
  [6061, "Fournitures", 400],
  [6064, "Petit matériel", 600],
  [null, "Total des charges", 1000],
  [null, "Loyer", "1 200 €"],
  [null, "Assurance", 300],
  [null, "Frais divers", 0],
];

const read = (extra: Partial<ReadResult> = {}): ReadResult => ({
  budgets: [budget()],
  lines: [line(4, "Fournitures", 40000), line(5, "Petit matériel", 60000)],
  skipped: [
    { sheet: "Budget", row: 3, cell: "B3", label: "Achats", why: "subtotal" },
    { sheet: "Budget", row: 6, cell: "B6", label: "Total des charges", why: "total" },
  ],
  issues: [{ sheet: "Budget", cell: "C7", code: "text_not_a_number", message: "C7…", messageEn: "C7…" }],
  ...extra,
});

describe("every number accounted for", () => {
  it("explains a number carried, a subtotal, a total, a text an issue names, a header year, an account and a zero", () => {
    expect(unaccountedNumbers(book(sheet("Budget", GRID)), read()).map((u) => u.cell)).toEqual(["C8"]);
  });

  it("reports the number nothing explains, with its label, header and layout", () => {
    const [u] = unaccountedNumbers(book(sheet("Budget", GRID)), read());
    expect(u).toMatchObject({ sheet: "Budget", cell: "C8", value: 300, label: "Assurance", header: "Budget 2026", layout: "simple_list", where: "amount_column" });
    expect(kindOf(u!)).toBe("amount_column · simple_list · (période)");
  });

  it("reports a subtotal or a cell no longer explained when the reader forgets it", () => {
    const r = read({ skipped: [], issues: [] });
    expect(unaccountedNumbers(book(sheet("Budget", GRID)), r).map((u) => u.cell)).toEqual(["C3", "C6", "C7", "C8"]);
  });

  it("takes a year for a header only above the lines: a lone 2000 on a row below them is reported", () => {
    const grid = [...GRID, [null, "Don de la fondation", 2000]];
    const tally = new Map<string, number>();
    expect(unaccountedNumbers(book(sheet("Budget", grid)), read(), tally).map((u) => u.cell)).toEqual(["C8", "C10"]);
    expect(Object.fromEntries(tally)).toEqual({ line: 2, "skipped:subtotal": 3, "skipped:total": 1, issue: 1, zero: 1, "not_money:year": 1, "not_money:account": 2 });
  });

  it("takes a quantity column as no money, but not a number in a column without a header", () => {
    const grid = GRID.map((r) => [...r]);
    grid[7] = [null, "Assurance", 300, null, 12];
    const r = read({ lines: [...read().lines, line(8, "Assurance", 30000)] });
    const found = unaccountedNumbers(book(sheet("Budget", grid)), r);
    expect(found.map((u) => u.cell)).toEqual(["E8"]);
    expect(found[0]!.header).toBeNull();
  });

  it("takes months beside the total a line reads as its parts, only when they add up to it", () => {
    const grid = [
      ["Poste", "Janv.", "Févr.", "Total"],
      ["Loyer", 600, 600, 1200],
      ["Assurance", 100, 150, 300],
    ];
    const b = budget({ range: "A1:D3", columns: [{ header: "Total", col: 4, role: "scenario" }], labelCol: 1, accountCol: null });
    const mk = (row: number, label: string, cents: number): BudgetLine => ({ ...line(row, label, cents, `D${row}`), cell: `A${row}` });
    const r: ReadResult = { budgets: [b], lines: [mk(2, "Loyer", 120000), mk(3, "Assurance", 20000)], skipped: [], issues: [] };
    expect(unaccountedNumbers(book(sheet("Budget", grid)), r).map((u) => u.cell)).toEqual(["B3", "C3"]);
  });

  it("takes the debit and credit of a trial balance as the movements of the balance a line reads", () => {
    const grid = [
      ["Compte", "Libellé", "Débit", "Crédit", "Solde"],
      [6061, "Fournitures", 500, 100, 400],
      [706, "Ventes", 50, 900, 800],
      [708, "Produits annexes", 10, 20, 30],
    ];
    const b = budget({
      range: "A1:E4",
      layout: "trial_balance",
      columns: [
        { header: "Débit", col: 3, role: "debit" },
        { header: "Crédit", col: 4, role: "credit" },
        { header: "Solde", col: 5, role: "balance" },
      ],
    });
    const mk = (row: number, label: string, cents: number): BudgetLine => line(row, label, cents, `E${row}`);
    const r: ReadResult = { budgets: [b], lines: [mk(2, "Fournitures", 40000), mk(3, "Ventes", 85000), mk(4, "Produits annexes", 3000)], skipped: [], issues: [] };
    expect(unaccountedNumbers(book(sheet("Budget", grid)), r).map((u) => u.cell)).toEqual(["C4", "D4"]);
  });

  it("asks a hidden sheet's amounts to be said, and the reader says them", () => {
    const hidden = { ...sheet("Ancien", [["Taux", null], [null, 0.2], ["Subvention Région", 7000]]), visibility: "hidden" as const };
    const visible = sheet("Budget", GRID);
    expect(unaccountedNumbers(book(visible, hidden), read()).map((u) => `${u.sheet}!${u.cell}`)).toEqual(["Budget!C8", "Ancien!B3"]);
    const budget = sheet("Budget", [["Poste", "Budget 2026"], ["CHARGES", null], ["Loyer", 1200], ["PRODUITS", null], ["Cotisations", 1200]]);
    expect(auditSnapshot(book(budget, hidden)).unaccounted).toEqual([]);
  });

  it("runs the reader: a budget fully read leaves nothing; a workbook the command refuses is said as a whole", () => {
    const ok = auditSnapshot(book(sheet("Budget", [["Poste", "Budget 2026"], ["CHARGES", null], ["Loyer", 1200], ["PRODUITS", null], ["Cotisations", 1200]])));
    expect(ok).toEqual({ unaccounted: [], refused: null });
    expect(auditSnapshot(book(sheet("Notes", [["Bonjour"], [12]])))).toMatchObject({ unaccounted: [], refused: "no_budget" });
  });
});
