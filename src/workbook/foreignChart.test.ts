import { describe, expect, it } from "vitest";
import { followsAnotherChart } from "./foreignChart.ts";

describe("an account column that follows another chart than the French one", () => {
  it("is the Swiss chart when income is numbered 3xxx and event costs 4xxx under the headings that say so", () => {
    expect(
      followsAnotherChart([
        { account: "3410", side: "income" },
        { account: "3620", side: "income" },
        { account: "3630", side: "income" },
        { account: "4425", side: "expense" },
        { account: "4430", side: "expense" },
        { account: "6500", side: "expense" },
        { account: "6503", side: "expense" },
      ]),
    ).toBe(true);
  });

  it("is the French chart with one bank account filed among the produits", () => {
    expect(
      followsAnotherChart([
        { account: "706", side: "income" },
        { account: "756", side: "income" },
        { account: "512", side: "income" },
        { account: "606", side: "expense" },
        { account: "627", side: "expense" },
      ]),
    ).toBe(false);
  });

  it("is the French chart in a trial balance, where no heading says a side", () => {
    expect(followsAnotherChart([{ account: "401", side: null }, { account: "512", side: null }, { account: "706", side: null }])).toBe(false);
  });

  it("counts contributions in kind on their side (86 among the charges, 87 among the produits)", () => {
    expect(followsAnotherChart([{ account: "870", side: "income" }, { account: "864", side: "expense" }, { account: "875", side: "income" }])).toBe(false);
  });
});
