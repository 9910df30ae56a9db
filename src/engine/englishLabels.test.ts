// Budgets laid out in English (issue 11): a treasurer's English words are read as the French lever words they mean.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import { translateEnglish } from "./englishLabels.ts";
import type { LeverId, Section } from "./types.ts";

const c = (label: string, section: Section) => classify({ label, account: null, context: { sectionHint: section } });

describe("translateEnglish", () => {
  it("reads whole words only, any case, hyphen or space", () => {
    expect(translateEnglish("Bank Charges")).toBe("frais bancaires");
    expect(translateEnglish("In-Kind Support")).toBe("contributions en nature");
    expect(translateEnglish("In kind support")).toBe("contributions en nature");
    // « rent » inside « parent », « grant » inside « grantee »: no word of the table.
    expect(translateEnglish("Parents")).toBe("Parents");
    expect(translateEnglish("Grantees")).toBe("Grantees");
  });

  it("leaves a French label as written", () => {
    for (const label of ["Contributions financières d'autres organismes", "Legs et donations", "Subvention de la Ville", "Frais bancaires", "Location de salle", "Dons manuels"]) {
      expect(translateEnglish(label)).toBe(label);
    }
  });

  it("keeps a label whose only word the table drops", () => {
    expect(translateEnglish("Community")).toBe("Community");
  });
});

describe("English budget labels find their lever", () => {
  it.each<[string, Section, LeverId]>([
    ["Membership fees", "income", "membership_fees"],
    ["Membership dues", "income", "membership_fees"],
    ["Donations", "income", "donations"],
    ["Individual donation", "income", "donations"],
    ["In-Kind Support", "income", "in_kind_goods"],
    ["In-kind donations", "income", "in_kind_goods"],
    ["City of Portland grant", "income", "public_grants"],
    ["State grant", "income", "public_grants"],
    ["Grants", "income", "public_grants"],
    ["Foundation grants", "income", "foundations"],
    ["Bequests", "income", "bequests"],
    ["Interest income", "income", "financial_income"],
    ["Subs", "income", "membership_fees"],
    ["Income from investments", "income", "financial_income"],
    ["Investments", "income", "financial_income"],
    ["Salaries", "expense", "staff"],
    ["Wages", "expense", "staff"],
    ["Payroll", "expense", "staff"],
    ["Rent", "expense", "external_services"],
    ["Insurance", "expense", "external_services"],
    ["Bank charges", "expense", "other_external_services"],
    ["Travel", "expense", "other_external_services"],
    ["Office supplies", "expense", "purchases"],
    ["Member Dues", "income", "membership_fees"],
    ["Volunteer Meals", "expense", "volunteer_expenses"],
    ["Volunteer reimbursements (travel and accommodation)", "expense", "volunteer_expenses"],
  ])("« %s » (%s) → %s", (label, section, lever) => {
    const r = c(label, section);
    expect(r.lever).toBe(lever);
    expect(r.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("« expense report » is no « report à nouveau », « don't » no gift, « community » no commune", () => {
    expect(c("Expense report", "income").lever).not.toBe("reversals_transfers");
    expect(c("Don't know", "income").lever).not.toBe("donations");
    expect(c("Community events", "income").lever).not.toBe("public_grants");
  });

  it("a French « Legs et donations » stays a bequest", () => {
    expect(c("Legs et donations", "income").lever).toBe("bequests");
  });
});
