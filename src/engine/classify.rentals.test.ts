// « Loc salle », « loc tente Commune de Choilley » in a foyer rural's cash book (issue 11, held-out set D): the
// abbreviation without its full stop was not read, and the commune renting a tent was read as its grant.
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";

const income = (label: string) => classify({ label, account: null, context: { sectionHint: "income" } });

describe("« loc » is a rental, with or without its full stop", () => {
  it("a commune renting the association's tent pays for a service", () => {
    expect(income("loc tente Commune de Choilley").lever).toBe("public_procurement");
  });

  it("a family renting the hall is a sale", () => {
    expect(income("Loc salle Famille Martin").lever).toBe("sales_services");
  });
});
