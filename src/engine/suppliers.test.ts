// A supplier named alone among the charges says the kind of charge by its trade (asked unless it has one trade only); a charge nothing names is
// something bought (62), not a grant or dues (65); a company named among the produits is not read as a supplier.
import { describe, expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";
import type { LeverId, Section } from "./types.ts";

const c = (label: string, section: Section = "expense", heading: string | null = "Dépenses") => classify({ label, account: null, context: { sectionHint: section, heading } });

describe("a supplier's name alone under « Dépenses »", () => {
  // A supplier of one trade (a host, an insurer, a legal service, energy) says the charge as a keyword would.
  it.each<[string, LeverId]>([
    ["Scaleway", "external_services"],
    ["OVH", "external_services"],
    ["VPS Scaleway", "external_services"],
    ["MAIF", "external_services"],
    ["Legalstart", "other_external_services"],
    ["EDF", "purchases"],
  ])("« %s » is %s, not asked", (label, lever) => {
    const r = c(label);
    expect(r.section).toBe("expense");
    expect(r.lever).toBe(lever);
    expect(r.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });

  // A shop, a carrier, a telecoms operator sells many things: the kind of charge is asked.
  it.each<[string, LeverId]>([
    ["Intermarché", "purchases"],
    ["SNCF", "other_external_services"],
    ["Orange", "other_external_services"],
  ])("« %s » is %s, asked", (label, lever) => {
    const r = c(label);
    expect(r.section).toBe("expense");
    expect(r.lever).toBe(lever);
    expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it("an unknown name is other external services, at a low confidence; a keyword still decides", () => {
    const r = c("Brique Camp");
    expect(r.lever).toBe("other_external_services");
    expect(r.confidence).toBeLessThan(0.3);
    expect(c("Assurance MAIF").confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });

  it("among the produits, a company's name is no supplier", () => {
    expect(c("MAIF", "income", "Recettes").section).toBe("income");
  });
});
