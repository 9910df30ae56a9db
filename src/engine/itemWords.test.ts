// « Poste énergie/eau » is the budget item « énergie/eau », not a job; a company's performers and crew are its staff.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";

const charge = (label: string) => classify({ label, account: null, context: { sectionHint: "expense" } });

describe("a treasurer's word for a budget item before the item", () => {
  it.each([
    ["Poste énergie/eau", "purchases"],
    ["Poste téléphone", "other_external_services"],
    ["Poste : assurances", "external_services"],
    ["Rubrique communication", "other_external_services"],
    ["Ligne budgétaire déplacements", "other_external_services"],
  ])("« %s » is read as its item (%s), not as a staff post", (label, lever) => {
    expect(charge(label).lever).toBe(lever);
  });

  it("while a post named as one stays staff", () => {
    for (const label of ["Poste de coordinateur", "Poste d'animatrice", "Postes", "Poste animateur"]) expect(charge(label).lever, label).toBe("staff");
  });
});

describe("a company's performers and crew", () => {
  it.each(["Comédiens et divers", "Techniciens", "Régisseur son", "Entraîneurs", "Directrice"])("« %s » is staff pay", (label) => {
    expect(charge(label).lever).toBe("staff");
  });
});

describe("a keyword written in the plural", () => {
  const produit = (label: string) => classify({ label, account: null, context: { sectionHint: "income" } });
  it("« Dotations globales de financement », « Prix de journées » are the tariffs a funder sets (73), as in the singular", () => {
    expect(produit("Dotations Globales de Financement").lever).toBe("public_tariffs");
    expect(produit("Prix de journées").lever).toBe("public_tariffs");
  });
  it("while a short word keeps its own reading: « États financiers » name no State", () => {
    expect(produit("Annonces publicitaires").lever).toBe(classify({ label: "Annonces publicitaires", account: null, context: { sectionHint: "income", sheet: "États financiers 2018" } }).lever);
  });
});
