// classifyLines classifies a label once per context it is read in: a label met again in another context (another
// side, account, block or sheet) is read again, and met in a context already seen, it is that reading.
import { describe, expect, it } from "vitest";
import { classifyLines } from "./analyze.ts";
import { line } from "./budgetLine.test-helpers.ts";
import type { BudgetLine } from "./types.ts";

const read = (lines: BudgetLine[]) => classifyLines(lines).map((l) => [l.section, l.lever, l.reason]);

describe("classifyLines, one reading per label and context", () => {
  it("reads a label again under another side, account, block or sheet, and the same in a context already seen", () => {
    const income = line("Cotisations", 100, "income");
    const expense = line("Cotisations", 100, "expense");
    const withAccount = line("Cotisations", 100, "expense", "628100");
    const underBlock: BudgetLine = { ...line("Cotisations", 100, "expense"), context: { sectionHint: "expense", heading: "Charges de personnel" } };
    const otherSheet: BudgetLine = { ...line("Cotisations", 100, "expense"), sheet: "Subventions" };
    const lines = [income, expense, withAccount, underBlock, otherSheet, line("Cotisations", 5, "income"), line("Cotisations", 5, "expense", "628100")];
    const each = lines.map((l) => read([l])[0]);
    expect(read(lines)).toEqual(each);
    expect(each[0]![0]).toBe("income");
    expect(each[1]![0]).toBe("expense");
    expect(each[2]![2]).toContain("628100");
    expect(new Set(each.slice(1, 5).map((e) => JSON.stringify(e))).size).toBeGreaterThan(1);
  });

  it("an empty account, heading or side note is the same as none", () => {
    const none = line("Location de salle", 10, "expense");
    const empty: BudgetLine = { ...line("Location de salle", 10, "expense", ""), context: { sectionHint: "expense", heading: "", chapter: null } };
    const [a, b] = classifyLines([none, empty]);
    expect(b!.automatic).toBe(a!.automatic);
  });
});
