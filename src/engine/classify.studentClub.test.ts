// A students' association and a cycling club name their own life with words that also name payers elsewhere:
// « Casquettes BDE » are caps it sells, « Vie du club » its own events, « Brevet fédéral 300 km » a ride; the BDE, a
// club or a federation pays only where named as payer (« BDE de l'UTC », « Aide fédérale »). The FSDIE and the CVEC are
// a university's public funds; an « indemnité de location » is rent, no pay; « randonnées permanentes » no staff
// (issue 11: a blind BDE's and a cycling club's accounts).
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import type { LeverId, Nature, Section } from "./types.ts";

const c = (label: string, section: Section = "income") => classify({ label, account: null, context: { sectionHint: section } });

describe("the association's own words are not payers", () => {
  it.each(["Casquettes BDE (50 x12€)", "RANDONNÉE INTERCLUBS + BREVET FEDERAL 300 KMS", "Repas du club"])("« %s » is no private payer's gift", (label) => {
    expect(c(label).nature).toBe("activity");
  });

  it.each<[string, Nature]>([
    ["BDE de l'UTC", "private"],
    ["Aide fédérale", "private"],
    ["FSDIE", "public"],
    ["Demande CVEC", "public"],
  ])("« %s » → %s", (label, nature) => {
    expect(c(label).nature).toBe(nature);
  });
});

describe("charges", () => {
  it.each<[string, LeverId]>([
    ["Indemnité de location/indemnisation des Margots (avec les charges de la maison)", "external_services"],
    ["Salaires des permanents", "staff"],
  ])("« %s » → %s", (label, lever) => {
    expect(c(label, "expense").lever).toBe(lever);
  });

  it("« RANDONNÉES PERMANENTES » is no post read surely", () => {
    const r = c("RANDONNÉES PERMANENTES", "expense");
    expect(r.lever === "staff" ? r.confidence : 0).toBeLessThan(0.6);
  });
});

describe("a deposit kept is a produit, a deposit paid or refunded is no line", () => {
  it.each(["Cautions sautées", "Caution encaissée (dégâts)"])("« %s » is a produit of the association's own", (label) => {
    expect(c(label)).toMatchObject({ lever: "other_income", section: "income" });
  });
});
