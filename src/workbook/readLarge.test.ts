// Big budgets are read whole: no step walks the rows under every row, no array is spread into a call's
// arguments (`push(...lines)` overflows the stack from about 130,000 lines). No timing here: that is `npm run bench`.
import { describe, expect, it } from "vitest";
import { readBudgets } from "./read.ts";
import type { SheetSnapshot, SnapshotRow } from "./snapshot.ts";

function bigSheet(lines: number, row: (i: number) => SnapshotRow["cells"]): SheetSnapshot {
  const rows: SnapshotRow[] = [{ index: 1, cells: [{ col: 1, value: "Libellé" }, { col: 2, value: "Montant" }] }];
  for (let i = 0; i < lines; i++) rows.push({ index: i + 2, cells: row(i) });
  return { name: "Budget", visibility: "visible", protected: false, merges: [], rows };
}

const LABELS = ["Fournitures", "Loyer", "Assurance", "Honoraires", "Salaires", "Subvention Ville", "Dons", "Cotisations"];

describe("a budget of 150,000 lines", () => {
  it("is read line by line, every amount counted once, its chapter subtotal found", { timeout: 180_000 }, () => {
    const n = 150_000;
    // "60 - Achats" adds up the three lines under it, then a heading opens the next chapter and the long list.
    const head: SnapshotRow["cells"][] = [
      [{ col: 1, value: "60 - Achats" }, { col: 2, value: 30 }],
      [{ col: 1, value: "Fournitures" }, { col: 2, value: 10 }],
      [{ col: 1, value: "Petit matériel" }, { col: 2, value: 10 }],
      [{ col: 1, value: "Carburant" }, { col: 2, value: 10 }],
      [{ col: 1, value: "61 - Services extérieurs" }],
    ];
    const sheet = bigSheet(head.length + n, (i) =>
      i < head.length ? head[i]! : [{ col: 1, value: `${LABELS[i % LABELS.length]} ${i}` }, { col: 2, value: 100 + (i % 997) }],
    );
    const r = readBudgets({ name: "big.xlsx", sheets: [sheet] });
    expect(r.skipped.filter((s) => s.why === "subtotal").map((s) => s.label)).toEqual(["60 - Achats"]);
    expect(r.lines).toHaveLength(n + 3);
    let expected = 3000;
    for (let i = head.length; i < head.length + n; i++) expected += (100 + (i % 997)) * 100;
    expect(r.lines.reduce((s, l) => s + (l.amount.kind === "value" ? l.amount.cents : 0), 0)).toBe(expected);
  });
});
