// `equilibre compare BEFORE.xlsx AFTER.xlsx`: on two fixtures of different layouts, every difference is what
// the two analyses (`equilibre analyze --json` of each) imply, to the cent.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const ROOT = join(import.meta.dirname, "..");
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const BEFORE = join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx");
const AFTER = join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx");
const AFTER_COLUMN = "Prévisionnel 2026";

const cents = (euros: number) => Math.round(euros * 100);
type Totals = { income: number; expense: number; result: number; byNature: Record<string, number>; byLever: Record<string, number>; byPillar: Record<string, number> };
type Ratio = { value: number | null; gapAmount: number; status: string };
type AnalysisDoc = { column: string; totals: Totals; model: { id: string | null; shares: Record<string, number> }; ratios: { tiersOnTop: Ratio; fourThirds: Ratio; alliance: { pooling: Ratio; premium: Ratio } } };

describe("equilibre compare (a Cerfa budget against a multi-year festival budget)", () => {
  const r = run("compare", BEFORE, AFTER, "--json", "--column-after", AFTER_COLUMN);
  const doc = r.code === 0 ? JSON.parse(r.stdout) : null;
  const before: AnalysisDoc = JSON.parse(run("analyze", BEFORE, "--json").stdout).analyses[0];
  const after: AnalysisDoc = JSON.parse(run("analyze", AFTER, "--json", "--column", AFTER_COLUMN).stdout).analyses[0];

  it("exits 0 with one JSON document naming both files, columns and analyses", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(doc.before.column).toBe("Montant");
    expect(doc.after.column).toBe(AFTER_COLUMN);
    expect(doc.before.analysis).toEqual(before);
    expect(doc.after.analysis).toEqual(after);
  });

  it("gives each nature, lever, pillar and the result as after − before, to the cent", () => {
    const d = doc.difference;
    for (const n of ["public", "private", "activity", "neutral"]) {
      expect(cents(d.byNature[n].amount), n).toBe(cents(after.totals.byNature[n]!) - cents(before.totals.byNature[n]!));
    }
    for (const n of ["public", "private", "activity"]) {
      expect(d.byNature[n].points, n).toBeCloseTo(after.model.shares[n]! - before.model.shares[n]!, 5);
    }
    const levers = new Set([...Object.keys(before.totals.byLever), ...Object.keys(after.totals.byLever)]);
    expect(new Set(Object.keys(d.byLever))).toEqual(levers);
    for (const l of levers) expect(cents(d.byLever[l].amount), l).toBe(cents(after.totals.byLever[l] ?? 0) - cents(before.totals.byLever[l] ?? 0));
    for (const p of ["human", "financial", "alliances"]) expect(cents(d.byPillar[p].amount), p).toBe(cents(after.totals.byPillar[p]!) - cents(before.totals.byPillar[p]!));
    expect(cents(d.bySection.income.amount)).toBe(cents(after.totals.income) - cents(before.totals.income));
    expect(cents(d.bySection.expense.amount)).toBe(cents(after.totals.expense) - cents(before.totals.expense));
    expect(cents(d.result.amount)).toBe(cents(after.totals.result) - cents(before.totals.result));
  });

  it("gives each rule's move in points and its gap in euros, and the model before and after", () => {
    const d = doc.difference;
    const rules: [string, Ratio, Ratio][] = [
      ["tiersOnTop", before.ratios.tiersOnTop, after.ratios.tiersOnTop],
      ["fourThirds", before.ratios.fourThirds, after.ratios.fourThirds],
      ["pooling", before.ratios.alliance.pooling, after.ratios.alliance.pooling],
      ["premium", before.ratios.alliance.premium, after.ratios.alliance.premium],
    ];
    for (const [id, b, a] of rules) {
      expect(d.ratios[id].valueBefore, id).toBe(b.value);
      expect(d.ratios[id].valueAfter, id).toBe(a.value);
      expect(d.ratios[id].points, id).toBeCloseTo(a.value! - b.value!, 5);
      expect(cents(d.ratios[id].gapAmount), id).toBe(cents(a.gapAmount) - cents(b.gapAmount));
      expect([d.ratios[id].statusBefore, d.ratios[id].statusAfter]).toEqual([b.status, a.status]);
    }
    expect(d.model).toEqual({ from: before.model.id, to: after.model.id, changed: before.model.id !== after.model.id });
  });

  it("names the levers and the lines that explain most of the change, largest first", () => {
    const d = doc.difference;
    const moves = d.drivers.map((x: { amount: number }) => Math.abs(x.amount));
    expect(moves).toEqual([...moves].sort((x, y) => y - x));
    expect(d.drivers[0].amount).toBe(d.byLever[d.drivers[0].lever].amount);
    const largestLever = Math.max(...Object.values(d.byLever as Record<string, { amount: number }>).map((x) => Math.abs(x.amount)));
    expect(Math.abs(d.drivers[0].amount)).toBe(largestLever);
    expect(d.lines.length).toBeGreaterThan(0);
    for (const l of d.lines) expect(cents(l.amount)).toBe(cents(l.after) - cents(l.before));
  });

  it("prints the comparison in French, and in English with --lang en", () => {
    const fr = run("compare", BEFORE, AFTER, "--column-after", AFTER_COLUMN);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toMatch(/^Avant : 01-cerfa.*après : 04-festival/);
    expect(fr.stdout).toContain(`Le modèle passe de « ${doc.before.analysis.model.name} » à « ${doc.after.analysis.model.name} ».`);
    expect(fr.stdout).toContain("Les lignes qui expliquent le plus l'écart :");
    const en = run("compare", BEFORE, AFTER, "--column-after", AFTER_COLUMN, "--lang", "en");
    expect(en.stdout).toContain("The lines that explain most of the change:");
    // English typography: no space before a colon, and the cells' minus sign.
    expect(en.stdout).not.toMatch(/ : [€+-]/);
    expect(en.stdout).not.toContain("\u2212");
  });

  it("says on stderr which column of a multi-year workbook it compared, and how to choose another", () => {
    const r2 = run("compare", BEFORE, AFTER);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/« 04-festival-budget-pluriannuel\.xlsx » a 3 colonnes de montants \(.*\) : la comparaison prend « .* » ; choisissez-en une autre avec --column-after\./);
    expect(r.stderr).toBe("");
  });

  it("refuses one workbook, or a column that is not there, with one sentence and exit 2", () => {
    const one = run("compare", BEFORE);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/« compare » attend deux classeurs/);
    const col = run("compare", BEFORE, AFTER, "--column-after", "Budget 2031");
    expect(col.code).toBe(2);
    expect(col.stderr).toMatch(/La colonne « Budget 2031 » n'existe pas/);
  });
});
