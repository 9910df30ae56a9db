// The `equilibre` command as a user runs it, over every fixture workbook: exactly the expected lines and
// skipped rows, the totals and the model; the bad workbooks exit 3 with a French sentence.
import { spawnSync } from "node:child_process";
import { frenchIn } from "../src/engine/i18n/typography.ts";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, loadExpectations, matchesExpected } from "./fixtureExpectations.ts";

const ROOT = join(import.meta.dirname, "..");
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const fixture = (name: string) => join(FIXTURES_DIR, `${name}.xlsx`);

describe.each(loadExpectations())("equilibre analyze $name --json", (fx) => {
  const r = run("analyze", fixture(fx.name), "--json");
  const doc = r.code === 0 ? JSON.parse(r.stdout) : null;

  it("exits 0 and prints one JSON document, nothing else", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(doc.schemaVersion).toBe(1);
  });

  it("reads exactly the expected lines, and classifies each right", () => {
    const got = new Set<string>(doc.lines.map((l: { sheet: string; row: number; column: string | null }) => `${l.sheet}#${l.row}#${fx.lines[0]!.column ? l.column : ""}`));
    const want = new Set(fx.lines.map((l) => `${l.sheet}#${l.row}#${l.column ?? ""}`));
    expect([...got].filter((k) => !want.has(k)), "spurious lines").toEqual([]);
    expect([...want].filter((k) => !got.has(k)), "missing lines").toEqual([]);
    for (const l of fx.lines) {
      const mine = doc.lines.filter((x: { sheet: string; row: number; column: string | null; label: string }) => x.sheet === l.sheet && x.row === l.row && x.label === l.label && (!l.column || x.column === l.column));
      expect(mine.length, `${l.label}`).toBeGreaterThan(0);
      for (const m of mine) expect(matchesExpected(m, l.expect), `${l.label}: ${m.lever}/${m.nature}/${m.destination}`).toBe(true);
      // Amounts per column, errors flagged.
      l.amounts.forEach((amount, k) => {
        const column = l.column ?? fx.amountColumns[k];
        const cell = mine.find((m: { column: string | null }) => l.column || fx.amountColumns.length === 1 || m.column === column);
        if (amount === "error") expect(cell?.amount ?? null).toBeNull();
        else if (!(l.column && amount === 0)) expect(mine.some((m: { amount: number }) => m.amount === amount), `${l.label} ${column} ${amount}`).toBe(true);
      });
    }
  });

  it("skips exactly the expected rows, with their reason", () => {
    const got = doc.skipped.map((s: { sheet: string; row: number; why: string; label: string }) => `${s.sheet}#${s.row}#${s.why}#${s.label}`).sort();
    const want = fx.skipped.map((s) => `${s.sheet}#${s.row}#${s.why}#${s.label}`).sort();
    expect(got).toEqual(want);
  });

  it("gives the expected totals and model for every amount column", () => {
    const totals = fx.totalsByColumn ?? [fx.totals];
    const models = fx.modelByColumn ?? [fx.model];
    expect(doc.analyses).toHaveLength(totals.length);
    totals.forEach((t, k) => {
      const a = doc.analyses[k].totals;
      expect([a.income, a.expense, a.in_kind_use, a.in_kind_resource]).toEqual([t.income, t.expense, t.in_kind_use, t.in_kind_resource]);
      for (const [n, v] of Object.entries(t.nature)) expect(a.byNature[n], n).toBe(v);
      for (const [n, v] of Object.entries(t.pillar)) expect(a.byPillar[n], n).toBe(v);
      for (const [n, v] of Object.entries(t.destination)) expect(a.byDestination[n], n).toBe(v);
      const m = doc.analyses[k].model;
      expect(m.id).toBe(models[k]!.id);
      for (const [n, v] of Object.entries(models[k]!.shares)) expect(m.shares[n]).toBeCloseTo(v, 3);
      expect([...m.closeCalls].sort()).toEqual([...models[k]!.closeCalls].sort());
    });
  });

  it.runIf(fx.errors)("reports error cells as issues", () => {
    for (const e of fx.errors ?? []) expect(doc.issues.some((i: { code: string; message: string }) => i.code === "cell_error" && i.message.includes(e.value))).toBe(true);
  });
});

describe("workbooks that hold no budget", () => {
  it.each(["90-pas-un-budget", "91-classeur-vide"])("%s exits 3 with one French sentence", (name) => {
    const r = run("analyze", fixture(name), "--json");
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Aucun budget trouvé dans « .*\.xlsx » : /);
    // The empty workbook says so; the inventory says what a budget needs.
    expect(r.stderr).toContain(name === "91-classeur-vide" ? "le classeur est vide" : "colonne de montants");
  });
  it("reads the protected sheet", () => {
    const r = run("analyze", fixture("92-feuille-protegee"), "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).lines).toHaveLength(4);
  });
});

describe("bad usage and unreadable files", () => {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-cli-"));
  it("a missing file exits 2", () => {
    const r = run("analyze", join(dir, "absent.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/introuvable/);
  });
  it("a text file named .xlsx exits 2 with a French sentence", () => {
    const f = join(dir, "faux.xlsx");
    writeFileSync(f, "Libellé;Montant\nSubvention;100\n");
    const r = run("analyze", f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/est un fichier texte .*enregistrez-le au format \.xlsx depuis LibreOffice : Fichier > Enregistrer sous…/);
  });
  it("an unknown option or a bad parameter exits 2", () => {
    expect(run("analyze", fixture("02-club-sportif-recettes-depenses"), "--frobnicate").code).toBe(2);
    const p = join(dir, "p.json");
    writeFileSync(p, JSON.stringify({ significanceThreshold: 2 }));
    const r = run("analyze", fixture("02-club-sportif-recettes-depenses"), "--params", p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/significanceThreshold/);
  });
  it("refuses to write over its input", () => {
    const f = fixture("02-club-sportif-recettes-depenses");
    const r = run("analyze", f, "-o", f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fichier d'entrée/);
  });
  it("--column keeps one scenario; an unknown one lists the columns", () => {
    const ok = run("analyze", fixture("04-festival-budget-pluriannuel"), "--json", "--column", "Budget 2025");
    expect(JSON.parse(ok.stdout).analyses.map((a: { column: string }) => a.column)).toEqual(["Budget 2025"]);
    const bad = run("analyze", fixture("04-festival-budget-pluriannuel"), "--column", "2030");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/« Réalisé 2024 », « Budget 2025 », « Prévisionnel 2026 »/);
  });
  it("--params changes the model and the JSON says which parameters were used", () => {
    const p = join(dir, "seuil.json");
    writeFileSync(p, JSON.stringify({ significanceThreshold: 0.15 }));
    const doc = JSON.parse(run("analyze", fixture("01-cerfa-12156-ateliers-du-quartier"), "--json", "--params", p).stdout);
    expect(doc.parameters.significanceThreshold).toBe(0.15);
    expect(doc.analyses[0].model.id).toBe("public_private");
  });
});

describe("--lang en", () => {
  it("says everything in English: the summary, the help with its options, and usage errors", () => {
    const summary = run("analyze", fixture("02-club-sportif-recettes-depenses"), "--lang", "en");
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(/Total expenses: €38,100/);
    expect(frenchIn(summary.stdout)).toEqual([]);
    const help = run("--help", "--lang", "en");
    expect(help.stdout).toMatch(/--column <name>/);
    expect(frenchIn(help.stdout)).toEqual([]);
    for (const bad of [["analyze", "--bogus"], ["analyze"], ["compare", "a.xlsx"], ["frobnicate"]]) {
      const r = run(...bad, "--lang", "en");
      expect(r.code).toBe(2);
      expect(frenchIn(r.stderr), r.stderr).toEqual([]);
    }
  });
});

describe("a folder of workbooks", () => {
  it("analyses each, survives a broken one, and writes a French CSV summary", () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-folder-"));
    for (const f of ["01-cerfa-12156-ateliers-du-quartier", "02-club-sportif-recettes-depenses", "90-pas-un-budget"]) copyFileSync(fixture(f), join(dir, `${f}.xlsx`));
    writeFileSync(join(dir, "casse.xlsx"), "pas un classeur");
    writeFileSync(join(dir, "~$verrou.xlsx"), "lock");
    const r = run("analyze", dir);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(dir, "equilibre-synthese.csv"), "utf8");
    expect(csv.startsWith("\ufeffFichier;Statut")).toBe(true);
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows.map((l) => l.split(";").slice(0, 2).join(";"))).toEqual([
      "01-cerfa-12156-ateliers-du-quartier.xlsx;ok",
      "02-club-sportif-recettes-depenses.xlsx;ok",
      "90-pas-un-budget.xlsx;pas de budget",
      "casse.xlsx;erreur",
    ]);
    // Totals, result with its word, the model's id and name, shares and rules in percent (not raw fractions).
    expect(rows[0]).toContain(";Montant;160000;160000;0;Équilibre;public;Modèle public;73,1;18,1;8,9;6,9;À renforcer;62388,06;");
    expect(rows[3]).toMatch(/ne peut pas être lu comme un classeur Excel/);
    expect(r.stderr).toMatch(/2 classeur\(s\) analysé\(s\) sur 4/);
    // In English: commas between fields, a decimal point, English words.
    const en = run("analyze", dir, "--lang", "en", "--summary", join(dir, "summary.csv"));
    expect(en.code, en.stderr).toBe(0);
    const enRows = readFileSync(join(dir, "summary.csv"), "utf8").trim().split("\r\n");
    expect(enRows[0]!.startsWith("File,Status,Column,Total expenses (€)")).toBe(true);
    expect(enRows[1]).toContain(",160000,160000,0,Balanced,public,Public model,73.1,18.1,8.9,6.9,To strengthen,62388.06,");
  });
});
