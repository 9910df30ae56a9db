// A cash book's blocks titled « IN (EUR) » / « OUT (EUR) » (an OpenStreetMap chapter's yearly report, issue 11,
// held-out set D): a year with no income at all listed its purchases under « OUT (EUR) », read as takings.
import { describe, expect, it } from "vitest";
import { classifyLines } from "../engine/analyze.ts";
import { readBudgets } from "./read.ts";
import type { CellValue } from "./snapshot.ts";
import { gridSheet } from "../../tests/gridSheet.ts";

const sides = (rows: CellValue[][]) => classifyLines(readBudgets({ name: "test.xlsx", sheets: [gridSheet("2023", rows)] }).lines).map((l) => [l.label, l.section]);

describe("« IN (EUR) » and « OUT (EUR) » headings", () => {
  it("the purchases under « OUT (EUR) » are charges, even with no « IN » block", () => {
    expect(
      sides([
        ["Topic", "EUR"],
        ["OUT (EUR)", null],
        ["GoPro Max", 450],
        ["SD card", 25],
        ["Postal package camera to Stijn", 12.5],
      ]).map(([, s]) => s),
    ).toEqual(["expense", "expense", "expense"]);
  });

  it("and the donations under « IN (EUR) » are produits", () => {
    expect(
      sides([
        ["Topic", "EUR"],
        ["IN (EUR)", null],
        ["Donations (via Stripe)", 111.52],
        ["OpenKnowledge Belgium", 3.44],
        ["OUT (EUR)", null],
        ["500 stickers (stickermule)", 93.44],
      ]).map(([, s]) => s),
    ).toEqual(["income", "income", "expense"]);
  });
});
