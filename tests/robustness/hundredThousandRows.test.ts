// 100,000 rows in one sheet (a federation's general ledger): read, analysed and reported through the whole
// file path, every line in the mapping table, totals to the cent, the source sheet unchanged. Most of the time
// is exceljs writing the input and reading the output back; no timing here (`npm run bench` measures).
import { describe, expect, it } from "vitest";
import { expectFiniteDocument, expectFinitePlan, runWholePath, xlsx } from "./pipeline.ts";

const euros = (cents: number) => Math.round(cents) / 100;

describe("a sheet of 100,000 rows", () => {
  it("is read, analysed and reported: one mapping row per line, totals to the cent", async () => {
    const n = 100_000;
    const labels = ["Achats fournitures", "Prestations de services", "Subvention commune", "Cotisations", "Frais de déplacement", "Dons manuels", "Honoraires", "Billetterie"];
    const accounts = ["6061", "706", "7474", "756", "6251", "7541", "6226", "7062"];
    let expenseCents = 0;
    let incomeCents = 0;
    const input = await xlsx((wb) => {
      const ws = wb.addWorksheet("Grand livre");
      ws.addRow(["Compte", "Libellé", "Montant"]);
      for (let i = 0; i < n; i++) {
        const k = i % labels.length;
        const cents = 1000 + ((i * 7919) % 100_000);
        if (accounts[k]!.startsWith("6")) expenseCents += cents;
        else incomeCents += cents;
        ws.addRow([accounts[k], `${labels[k]} n° ${i + 1}`, cents / 100]);
      }
    });
    const run = await runWholePath(input, "grand-livre.xlsx");
    if (run.kind === "error") throw run.error;
    expectFiniteDocument(run.doc);
    expectFinitePlan(run.plan);
    expect(run.doc.lines).toHaveLength(n);
    expect(run.doc.analyses[0]!.totals.expense).toBe(euros(expenseCents));
    expect(run.doc.analyses[0]!.totals.income).toBe(euros(incomeCents));
    // The written copy holds every line in its mapping table, and the source sheet as it was.
    const mapping = run.back.sheets.find((s) => s.name === "Équilibre – lignes")!;
    expect(mapping.rows.filter((r) => r.index > 4)).toHaveLength(n);
    const source = (s: typeof run.snapshot) => s.sheets.find((x) => x.name === "Grand livre")!.rows;
    expect(JSON.stringify(source(run.back)) === JSON.stringify(source(run.snapshot))).toBe(true);
  }, 240_000);
});
