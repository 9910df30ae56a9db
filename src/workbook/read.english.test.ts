// Budgets laid out in English (a treasurer of an international association, a UK or US partner's budget): the
// reader knows the English words of the layout as it knows the French ones — headings, column titles, totals,
// results and balances — so no line is lost, none read twice and no balance counted as money.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const read = (rows: CellValue[][], name = "Budget") => readBudgets({ name: "test.xlsx", sheets: [gridSheet(name, rows)] });
const sided = (r: ReturnType<typeof readBudgets>) => r.lines.map((l) => [l.label, l.context.sectionHint, l.amount.kind === "value" ? l.amount.cents / 100 : null]);

describe("an English layout is read as its French twin", () => {
  it("« Income » and « Expenses » headings give their lines a side", () => {
    const r = read([
      ["Item", "Amount ($)"],
      ["Income", null],
      ["Membership fees", 500],
      ["Donations", 1000],
      ["Expenditure 2024", null],
      ["Rent", 800],
      ["Insurance", 200],
    ]);
    expect(sided(r)).toEqual([
      ["Membership fees", "income", 500],
      ["Donations", "income", 1000],
      ["Rent", "expense", 800],
      ["Insurance", "expense", 200],
    ]);
  });

  it("« Item | 2024 » is the header row, « Surplus » the result, « Total income » a total: none is a line", () => {
    const r = read([
      ["Item", "2024"],
      ["Membership fees", 500],
      ["Donations", 1000],
      ["Total income", 1500],
      ["Rent", 800],
      ["Insurance", 200],
      ["Total expenses", 1000],
      ["Surplus", 500],
    ]);
    expect(r.lines.map((l) => l.label)).toEqual(["Membership fees", "Donations", "Rent", "Insurance"]);
    expect(r.lines.every((l) => l.column === "2024")).toBe(true);
    expect(r.issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
  });

  it("« Cash in bank », « Fixed assets », « Opening balance », « Closing balance » are balances, never lines", () => {
    const r = read([
      ["Category", "USD"],
      ["Opening balance", 2000],
      ["Revenue", null],
      ["Ticket sales", 3000],
      ["Expenses", null],
      ["Printing", 500],
      ["Cash in Bank", 12000],
      ["Fixed Assets", 4000],
      ["Closing balance", 4500],
    ]);
    expect(sided(r)).toEqual([
      ["Ticket sales", "income", 3000],
      ["Printing", "expense", 500],
    ]);
    expect(r.skipped.filter((s) => s.why === "balance_sheet_account").map((s) => s.label)).toEqual(["Opening balance", "Cash in Bank", "Fixed Assets", "Closing balance"]);
  });

  it("a Type column of « + » and « − » says each row's side, and is no column of nil amounts", () => {
    const r = read([
      ["Item", "Type", "Amount"],
      ["Fees", "+", 300],
      ["Grant", "+", 1000],
      ["Venue", "-", 200],
      ["Catering", "−", 400],
    ]);
    expect(sided(r)).toEqual([
      ["Fees", "income", 300],
      ["Grant", "income", 1000],
      ["Venue", "expense", 200],
      ["Catering", "expense", 400],
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe("a UK charity's statement of financial activities", () => {
  it("« Income and endowments from: » / « Expenditure on: » give the sides; transfers between funds and the net movement are no lines", () => {
    const r = read([
      [null, "Unrestricted funds", "Restricted funds", "Total 2022"],
      ["Income and endowments from:", null, null, null],
      ["Donations and legacies", 100, 200, 300],
      ["Investments", 10, 0, 10],
      ["Total income", 110, 200, 310],
      ["Expenditure on:", null, null, null],
      ["Raising funds", 30, 0, 30],
      ["Charitable activities", 100, 150, 250],
      ["Total expenditure", 130, 150, 280],
      ["Net income", -20, 50, 30],
      ["Transfers between funds", 10, -10, 0],
      ["Net movement in funds", -10, 40, 30],
      ["Total funds brought forward", 500, 900, 1400],
      ["Funds carried forward", 490, 940, 1430],
    ]);
    expect([...new Set(r.lines.map((l) => `${l.label}: ${l.context.sectionHint}`))]).toEqual([
      "Donations and legacies: income",
      "Investments: income",
      "Raising funds: expense",
      "Charitable activities: expense",
    ]);
  });
});
