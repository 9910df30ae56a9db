import { describe, expect, it } from "vitest";
import { LEVER_NAMES_CHECK } from "./levers.test-helpers.ts";
import { chaptersOf, isLeverId, lever, LEVERS, leversOfSection } from "./levers.ts";
import { LEVER_IDS } from "./types.ts";

describe("the lever registry", () => {
  it("holds every lever of docs/spec.md §2 exactly once", () => {
    expect(LEVERS.map((l) => l.id).sort()).toEqual([...LEVER_IDS].sort());
  });
  it("gives each lever the French label of docs/labels.md", () => {
    for (const [id, fr] of Object.entries(LEVER_NAMES_CHECK)) expect(lever(id as never).label.fr).toBe(fr);
  });
  it("has a nature for every income lever, a destination for every expense lever", () => {
    for (const l of leversOfSection("income")) expect(l.nature).not.toBeNull();
    for (const l of leversOfSection("expense")) expect(l.destination).not.toBeNull();
    for (const l of leversOfSection("in_kind_resource")) expect(l.family).toBe("in_kind");
  });
  it("never gives the same account prefix to two levers of a family", () => {
    for (const family of ["income", "expense", "in_kind"] as const) {
      for (const numbering of ["accountsAnc2018", "accountsCrc99"] as const) {
        const seen = new Map<string, string>();
        for (const l of LEVERS.filter((x) => x.family === family)) {
          for (const a of [...l.accounts, ...(l[numbering] ?? [])]) {
            expect(seen.get(a), `${a} in ${l.id} and ${seen.get(a)}`).toBeUndefined();
            seen.set(a, l.id);
          }
        }
      }
    }
  });
  it("knows 6-digit sub-accounts through their prefixes, and which chapter a lever lives in", () => {
    expect(lever("donations").accounts).toContain("75411");
    expect(chaptersOf(lever("public_procurement"))).toContain("70");
    expect(isLeverId("public_grants")).toBe(true);
    expect(isLeverId("subvention")).toBe(false);
  });
});
