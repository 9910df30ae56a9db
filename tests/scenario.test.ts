// `equilibre analyze FILE --json --scenario SCENARIO.json` as a treasurer runs it: the scenario's figures are
// those of the same workbook edited by hand, and a bad scenario file gets one sentence and exit 2.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";

const ROOT = join(import.meta.dirname, "..");
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const FIXTURE_01 = join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx");
const dir = mkdtempSync(join(tmpdir(), "equilibre-scenario-"));
function scenarioFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

interface Line {
  sheet: string;
  amountCell: string;
  lever: string;
  amount: number;
}
interface Skipped {
  sheet: string;
  cell: string;
  label: string;
  why: string;
}

/** The workbook with its subsidy lines halved by hand, and the chapter and total rows above them updated, as a treasurer would. */
async function halvedByHand(base: { lines: Line[]; skipped: Skipped[] }): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_01);
  const grants = base.lines.filter((l) => l.lever === "public_grants");
  expect(grants.length).toBeGreaterThan(3);
  const ws = wb.getWorksheet(grants[0]!.sheet)!;
  let removed = 0;
  for (const l of grants) {
    ws.getCell(l.amountCell).value = l.amount / 2;
    removed += l.amount / 2;
  }
  // The amount column of the income side, and the rows that add up the subsidies: the 74 chapter and the totals.
  const amountColumn = grants[0]!.amountCell.replace(/\d+$/, "");
  const labelColumn = Number(ws.getCell(grants[0]!.amountCell).col) - 1;
  const sums = base.skipped.filter(
    (s) => s.sheet === ws.name && Number(ws.getCell(s.cell).col) === labelColumn && ((s.why === "subtotal" && s.label.startsWith("74")) || s.why === "total"),
  );
  expect(sums.length).toBeGreaterThanOrEqual(2);
  for (const s of sums) {
    const cell = ws.getCell(`${amountColumn}${s.cell.replace(/^[A-Z]+/, "")}`);
    cell.value = (cell.value as number) - removed;
  }
  const out = join(dir, "01-subventions-divisees-par-deux.xlsx");
  await wb.xlsx.writeFile(out);
  return out;
}

describe("equilibre analyze --scenario on fixture 01 (subsidies halved)", () => {
  let doc: { analyses: { model: { id: string } }[]; scenarios: { name: string; column: string; changes: unknown[]; analysis: unknown; difference: Record<string, unknown>; sentences: string[] }[]; lines: Line[]; skipped: Skipped[] };
  let byHand: { analyses: unknown[] };
  beforeAll(async () => {
    const r = run("analyze", FIXTURE_01, "--json", "--scenario", scenarioFile("half.json", { changes: [{ lever: "public_grants", percent: -50 }] }));
    expect(r.code, r.stderr).toBe(0);
    doc = JSON.parse(r.stdout);
    const copy = await halvedByHand(doc);
    const h = run("analyze", copy, "--json");
    expect(h.code, h.stderr).toBe(0);
    byHand = JSON.parse(h.stdout);
  }, 120_000);

  it("names another model than the budget's own", () => {
    const s = doc.scenarios[0]!;
    expect(doc.analyses[0]!.model.id).toBe("public");
    expect((s.analysis as { model: { id: string } }).model.id).not.toBe(doc.analyses[0]!.model.id);
    expect(s.difference.model).toEqual({ from: "public", to: (s.analysis as { model: { id: string } }).model.id, changed: true });
  });

  it("gives exactly the analysis of the workbook whose subsidy lines were halved by hand", () => {
    expect(doc.scenarios[0]!.analysis).toEqual(byHand.analyses[0]);
  });

  it("says the change in one French sentence, with the public share before and after", () => {
    const s = doc.scenarios[0]!;
    expect(s.name).toBe("half");
    expect(s.column).toBe("Montant");
    expect(s.changes).toEqual([{ lever: "public_grants", percent: -50 }]);
    expect(s.sentences[0]).toMatch(/^Avec « Subventions publiques » en baisse de 50\u00a0%, votre part publique passe de 73\u00a0% à 58\u00a0% ; le modèle devient mixte public–privé\.$/);
  });
});

describe("equilibre analyze --scenario: goal-seek and text output", () => {
  it("answers the treasurer's question to the euro, and prints the scenario under the summary", () => {
    const file = scenarioFile("goals.json", { name: "Mécénat", changes: [], goals: [{ lever: "corporate_patronage", reach: "model" }] });
    const r = run("analyze", FIXTURE_01, "--json", "--scenario", file);
    expect(r.code, r.stderr).toBe(0);
    const g = JSON.parse(r.stdout).scenarios[0].goals[0];
    expect(g.reached).toBe(true);
    expect(Number.isInteger(g.amount)).toBe(true);
    // One euro less and the model stays: the answer is the least amount.
    const less = run("analyze", FIXTURE_01, "--json", "--scenario", scenarioFile("less.json", { changes: [{ lever: "corporate_patronage", amount: g.amount - 1 }] }));
    const exact = run("analyze", FIXTURE_01, "--json", "--scenario", scenarioFile("exact.json", { changes: [{ lever: "corporate_patronage", amount: g.amount }] }));
    expect(JSON.parse(less.stdout).scenarios[0].difference.model.changed).toBe(false);
    expect(JSON.parse(exact.stdout).scenarios[0].analysis.model.id).toBe(g.model);
    const text = run("analyze", FIXTURE_01, "--scenario", file);
    expect(text.stdout).toContain("■ Scénario « Mécénat »");
    expect(text.stdout).toContain("de mécénat d'entreprise en plus vous rendraient");
  });
});

describe("a bad scenario file gets one sentence and exit 2", () => {
  const cases: [string, string | unknown, RegExp, RegExp][] = [
    ["missing", null, /Le fichier de scénario « .*absent\.json » est introuvable/, /The scenario file “.*absent\.json” cannot be found/],
    ["not JSON", '{ "changes": [ { "lever": "public_grants", "percent": -20 }, ] }', /n'est pas du JSON valide/, /is not valid JSON/],
    ["an unknown lever", { changes: [{ lever: "subventions", percent: -20 }] }, /levier inconnu « subventions » \(leviers possibles : membership_fees, .*public_grants, .*in_kind_goods\)/, /unknown lever “subventions” \(valid levers: membership_fees/],
    ["a cut below −100 %", { changes: [{ lever: "public_grants", percent: -150 }] }, /une baisse ne peut pas dépasser 100 %/, /a cut cannot exceed 100%/],
    ["an unknown column", { column: "Budget 2031", changes: [{ lever: "public_grants", percent: -20 }] }, /La colonne « Budget 2031 » n'existe pas dans ce budget\. Colonnes trouvées : « Montant »/, /There is no column “Budget 2031”/],
    ["a change it cannot read", { changes: [{ lever: "donations", percent: 10, amount: 5 }] }, /la modification n° 1 doit donner soit « percent », soit « amount »/, /change #1 must give either/],
  ];
  it.each(cases)("%s", (name, content, fr, en) => {
    const file = content === null ? join(dir, "absent.json") : scenarioFile(`${name.replace(/\W+/g, "-")}.json`, content);
    for (const [lang, sentence] of [["fr", fr], ["en", en]] as const) {
      const r = run("analyze", FIXTURE_01, "--json", "--scenario", file, "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(sentence);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+|Error:/);
    }
  });
});
