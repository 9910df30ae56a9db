import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Amount } from "../engine/types.ts";
import { closes, findSubtotals, isChapterish, siblingsShaped, type SubtotalCandidate } from "./subtotals.ts";

const cents = (a: Amount | null) => (a && a.kind === "value" ? a.cents : null);

/** The definition, written the plain way (each parent walks the rows under it): the fast search must agree. */
function subtotalsByDefinition(cands: SubtotalCandidate[]): Set<number> {
  const out = findSubtotals(cands.map((c) => ({ ...c, amounts: c.amounts.map(() => null) })));
  // The ranges the SUMs found above add: a row inside one is a line of it, its own children stop at the range's end.
  const spans = cands.filter((c) => out.has(c.row)).flatMap((c) => {
    const body = (c.formulas[0] ?? "").replace(/^\s*(SUM|SOMME|SUBTOTAL)\(\s*(9|109)?\s*,?/i, "");
    return [...body.matchAll(/[A-Z]+(\d+)(?::[A-Z]+(\d+))?/g)].map((m) => ({ owner: c.row, from: Number(m[1]), to: Number(m[2] ?? m[1]) }));
  });
  for (let i = 0; i < cands.length; i++) {
    const parent = cands[i]!;
    if (out.has(parent.row)) continue;
    const limit = Math.min(...spans.filter((sp) => sp.owner !== parent.row && sp.from <= parent.row && parent.row <= sp.to).map((sp) => sp.to));
    const parentCents = parent.amounts.map(cents);
    if (parentCents.every((v) => v === null)) continue;
    const minChildren = isChapterish(parent) ? 1 : 2;
    const sums = parent.amounts.map(() => 0);
    const filled = parent.amounts.map(() => 0);
    for (let j = i + 1; j < cands.length; j++) {
      const child = cands[j]!;
      if (closes(parent, child) || child.row > limit) break;
      child.amounts.forEach((a, k) => (sums[k]! += cents(a) ?? 0));
      child.amounts.forEach((a, k) => (filled[k]! += cents(a) ? 1 : 0));
      const count = j - i;
      if (count < minChildren || !parentCents.every((v, k) => v === null || v === sums[k])) continue;
      // The children hold amounts: as many rows with one in a column of the parent as a subtotal needs.
      if (!parentCents.every((v) => v === null || v === 0) && !parentCents.some((v, k) => v !== null && filled[k]! >= minChildren)) continue;
      const next = cands[j + 1];
      if (!next || next.row !== child.row + 1 || closes(parent, next) || next.row > limit || isChapterish(next) || (count >= 2 && isChapterish(parent))) {
        // A row shaped like its children (« Sponsoring ITNetwork » over « Sponsoring ComSource ») is one of them.
        if (!isChapterish(parent) && siblingsShaped(parent, cands.slice(i + 1, j + 1))) continue;
        // A sum written on another row that adds the parent and its children together counts the parent as a line.
        if (!isChapterish(parent) && parent.account === null && parentCents[0] !== null && spans.some((sp) => sp.owner !== parent.row && sp.from <= parent.row && child.row <= sp.to)) break;
        out.add(parent.row);
        break;
      }
    }
  }
  return out;
}

const LABELS = ["Achats", "Fournitures", "PERSONNEL", "Loyer", "Frais :", "Divers", "60 - Achats", "Subventions", "Dons", "Sponsoring Gandi", "Sponsoring Liopen", "Sponsoring"];

const candidates = fc
  .array(
    fc.record({
      gap: fc.constantFrom(1, 1, 1, 2),
      account: fc.constantFrom(null, null, "6", "60", "606", "6061", "706", "74"),
      label: fc.constantFrom(...LABELS),
      amounts: fc.array(fc.option(fc.constantFrom(0, 100, 200, 300, 500, 1000), { nil: null }), { minLength: 2, maxLength: 2 }),
      formula: fc.option(fc.constantFrom("SUM(B2:B4)", "SUBTOTAL(9,B1:B30)", "B3*2", "SUM(B2,B5:B6)"), { nil: null, freq: 6 }),
    }),
    { maxLength: 30 },
  )
  .map((rows) => {
    let row = 1;
    return rows.map((r): SubtotalCandidate => {
      row += r.gap;
      return {
        row,
        account: r.account,
        label: r.label,
        amounts: r.amounts.map((v) => (v === null ? null : { kind: "value", cents: v })),
        formulas: [r.formula, null],
        amountCols: [2, 3],
      };
    });
  });

describe("subtotal detection", () => {
  it("finds the same subtotals as the plain definition, on any mix of chapters, headings and lines", () => {
    fc.assert(
      fc.property(candidates, (cands) => {
        expect([...findSubtotals(cands)].sort()).toEqual([...subtotalsByDefinition(cands)].sort());
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a chapter above its lines as their subtotal", () => {
    const line = (row: number, label: string, v: number, account: string | null = null): SubtotalCandidate => ({
      row, account, label, amounts: [{ kind: "value", cents: v }], formulas: [null], amountCols: [2],
    });
    const cands = [line(2, "60 - Achats", 8400, "60"), line(3, "Prestations", 2000), line(4, "Fournitures", 4900), line(5, "Autres", 1500), line(6, "61 - Services", 100, "61"), line(7, "Loyer", 100)];
    expect([...findSubtotals(cands)]).toEqual([2, 6]);
  });

  it("reads a row whose SUM lists other rows (« =SUM(B5,B8,B9) », a block's sum on its heading) as their total", () => {
    const row = (r: number, label: string, v: number, formula: string | null = null): SubtotalCandidate => ({ row: r, account: null, label, amounts: [{ kind: "value", cents: v }], formulas: [formula], amountCols: [2] });
    const cands = [
      row(4, "Recettes (financement des actions au Niger)", 3670000, "SUM(B5,B8,B9)"),
      row(5, "Parrainages de France", 3170000, "SUM(B6:B7)"),
      row(6, "Parrainages annuels", 1500000),
      row(7, "Parrainages mensuels", 1670000),
      row(8, "Parrainages d'Italie", 350000),
      row(9, "Dons à l'association", 150000),
    ];
    expect([...findSubtotals(cands)].sort()).toEqual([4, 5]);
  });

  it("does not take a line shaped like the lines under it for their subtotal, whatever the amounts add up to", () => {
    const line = (row: number, label: string, v: number): SubtotalCandidate => ({ row, account: null, label, amounts: [{ kind: "value", cents: v }], formulas: [null], amountCols: [2] });
    // A blank row after the last sponsor ends the run: 400 = 200 + 200 by coincidence.
    expect([...findSubtotals([line(13, "Sponsoring ITNetwork", 40000), line(14, "Sponsoring ComSource", 20000), line(15, "Sponsoring OpenStudio", 20000), line(17, "Cotisations", 5000)])]).toEqual([]);
    // « Sponsoring » over its sponsors names what they share: their subtotal.
    expect([...findSubtotals([line(13, "Sponsoring", 40000), line(14, "Sponsoring ComSource", 20000), line(15, "Sponsoring OpenStudio", 20000), line(17, "Cotisations", 5000)])]).toEqual([13]);
  });

  it("does not take a line inside a SUM's range for the subtotal of rows that run past the range's end", () => {
    const row = (r: number, label: string, v: number, formula: string | null = null): SubtotalCandidate => ({ row: r, account: null, label, amounts: [{ kind: "value", cents: v }], formulas: [formula], amountCols: [2] });
    // « Personnel =SUM(B4:B5) »: « Animatrice 2 000 » is one of its two posts, not 1 000 + 700 + 300 across the range's end.
    const cands = [row(3, "Personnel", 300000, "SUM(B4:B5)"), row(4, "Animatrice", 200000), row(5, "Agent d'accueil", 100000), row(6, "Projet Kerguelen", 70000), row(7, "Bulletin", 30000)];
    expect([...findSubtotals(cands)]).toEqual([3]);
  });

  it("does not take a line for the subtotal of one line followed by rows with nothing in its column (a journal's credits)", () => {
    // « Poste | Dépenses | Recettes »: « CotisationReduite | | 40 » over « Don | | 40 » and charges with no credit.
    const row = (r: number, label: string, debit: number | null, credit: number | null): SubtotalCandidate => ({
      row: r, account: null, label, amounts: [debit, credit].map((v) => (v === null ? null : { kind: "value", cents: v })), formulas: [null, null], amountCols: [2, 3],
    });
    const cands = [row(9, "CotisationEntreprise", null, 20000), row(10, "CotisationReduite", null, 4000), row(11, "Don", null, 4000), row(12, "Bourse", 33943, null), row(13, "Hosting", 92224, null), row(14, "Bank", 18839, 0)];
    expect([...findSubtotals(cands)]).toEqual([]);
    // Two lines with amounts under it still make a subtotal.
    const two = [row(2, "Frais", 30000, null), row(3, "Loyer", 10000, null), row(4, "Assurance", 20000, null), row(5, "Don", null, 5000)];
    expect([...findSubtotals(two)]).toEqual([2]);
  });
});

describe("a label written like a heading", () => {
  // The definition the reader keeps: at least four of A–Z and À–ÿ, unchanged in upper case, or a colon at the end.
  const byDefinition = (label: string) => {
    if (/:\s*$/.test(label)) return true;
    const letters = label.replace(/[^A-Za-zÀ-ÿ]/g, "");
    return letters.length >= 4 && letters === letters.toUpperCase();
  };
  const heading = (label: string) => isChapterish({ row: 1, account: null, label, amounts: [], formulas: [], amountCols: [] });

  it("is one in capitals (accents, ×, ÷ and figures aside) or ending with a colon, never with a small letter, ß or ÿ", () => {
    const labels = ["FRAIS DIVERS", "ÉTÉ 2025", "Été", "DÉPENSES ß", "STRAßE", "ÀÉÎÕÜ", "ÿÿÿÿ", "A×B÷C D", "AB 12", "ABCD", "ABC", "Loyer :", "LOYER 1", "Œuvres", "ŒUVRES", "12 345", "Ça va", "ÇA VA"];
    for (const label of labels) expect(heading(label), label).toBe(byDefinition(label));
  });

  it("is read as its definition says, for any text", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."aZéÉßÿ×÷: 1Œ-".split("")), maxLength: 12 }), (label) => heading(label) === byDefinition(label)));
  });
});
