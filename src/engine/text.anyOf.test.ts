import { describe, expect, it } from "vitest";
import { anyOf } from "./text.ts";

describe("anyOf", () => {
  it("matches exactly where one of its patterns matches", () => {
    const res = [/^total\b/, /\bsolde (crediteur|debiteur)$/, /^(caisse|especes)$/];
    const any = anyOf(res);
    for (const s of ["total general", "le solde crediteur", "caisse", "caisses", "totaux", "solde", "especes en caisse", ""]) {
      expect(any.test(s)).toBe(res.some((re) => re.test(s)));
    }
  });

  it("refuses a pattern whose meaning an alternation would change (flags, back-references)", () => {
    expect(() => anyOf([/total/i])).toThrow();
    expect(() => anyOf([/(a)\1/])).toThrow();
  });
});
