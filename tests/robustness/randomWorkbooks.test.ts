// Random budget workbooks (fast-check), real .xlsx files built with exceljs: tables anywhere, several
// blocks, section headings, account numbers, amounts as numbers or French text, blanks, errors, merged
// cells, hidden rows and hidden sheets. Every run ends in an analysis or a typed error with a French
// message — never another exception, never NaN or Infinity — and the source sheets come back unchanged.
import fc from "fast-check";
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main.ts";
import { readSnapshotFromBuffer } from "../../src/hosts/file/readSnapshot.ts";
import type { AnalysisJson } from "../../src/workbook/analysisJson.ts";
import { expectFrenchError, expectSoundRun, nonFiniteNumbers, runWholePath, xlsx } from "./pipeline.ts";

type Amount = number | string | boolean | null | { error: string } | Date | { formula: string; result?: number | string | { error: string } } | { richText: readonly { text: string }[] } | { text: string; hyperlink: string };

interface LineSpec {
  label: string;
  account: string | number | null;
  amounts: Amount[];
}
interface SectionSpec {
  heading: string | null;
  lines: LineSpec[];
  total: string | null;
}
interface BlockSpec {
  row: number;
  col: number;
  title: string | null;
  headers: (string | number | null)[];
  withAccount: boolean;
  sections: SectionSpec[];
}
interface SheetSpec {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  blocks: BlockSpec[];
  noise: { row: number; col: number; value: Amount }[];
  merges: [number, number, number, number][];
  hiddenRows: number[];
}

const LABELS = [
  "Achats fournitures", "Achats de marchandises", "Subvention mairie", "Subvention Région Occitanie", "Subvention DRAC", "Cotisations des adhérents",
  "Dons manuels", "Mécénat d'entreprises", "Salaires bruts", "Charges sociales", "Loyer et charges locatives", "Assurance MAIF", "Honoraires comptable",
  "Bénévolat valorisé", "Mise à disposition gratuite de locaux", "Prestations de services", "Billetterie", "Vente de repas", "Cotisation fédération",
  "Frais bancaires", "Dotation aux amortissements", "Impôts et taxes", "Formation des bénévoles", "Reprise sur provisions", "Service civique",
  "60 - Achats", "74 - Subventions d'exploitation", "dont coordination", "Sous-total", "TOTAL DES CHARGES", "Total produits", "Résultat", "Excédent",
  "Report à nouveau", "Capital", "Solde", "N/A", "", "  ", "?",
  '=HYPERLINK("http://evil.example","Subvention")', "+cmd|' /C calc'!A0", "@SUM(A1)", "Loyer\r\nannuel", "\u202eSubvention\u202c", `Dons ${"x".repeat(5000)}`,
];
const HEADINGS = ["CHARGES", "Produits", "DÉPENSES", "Recettes", "RESSOURCES", "Emplois", "Charges d'exploitation", "PRODUITS FINANCIERS", "86 - Emplois des contributions volontaires", "87 - Contributions volontaires en nature", "Divers"];
const AMOUNT_HEADERS = ["Montant", "Budget 2025", "Réalisé 2024", "Prévisionnel 2026", "BP 2025", "Total", "Action 1", "Débit", "Crédit", "Solde", "€", 2025, 2024, null, "Budget*", "<2026", "=Prévu"];
const SHEET_NAMES = ["Budget", "BP 2025", "Compte de résultat", "Compte d'exploitation", "Résultat & bilan", "Feuil1", "Notes", "Ressources", "Emplois", "Balance", "Journal", "Équilibre", "Équilibre – lignes"];

const textAmount = fc
  .tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(" €", "€", "", " EUR", " k€"), fc.constantFrom(" ", "\u00a0", "\u202f", ""))
  .map(([euros, cents, unit, space]) => {
    const whole = Math.abs(euros).toString().replace(/\B(?=(\d{3})+(?!\d))/g, space);
    return `${euros < 0 ? "-" : ""}${whole},${String(cents).padStart(2, "0")}${unit}`;
  });

const amountArb: fc.Arbitrary<Amount> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50_000, max: 500_000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }) },
  { weight: 3, arbitrary: textAmount },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#REF!" }, { error: "#VALUE!" }, { error: "#DIV/0!" }, { error: "#N/A" }, { error: "#NAME?" }) },
  { weight: 1, arbitrary: fc.constantFrom(1e15, -1e15, 1e300, -1e300, 2 ** 53 + 2, 5e-324, -0, "1e308", "(1 200,50)", "12.345,67", "1 234,56 €", "-", "—", "0", "NaN", "Infinity", "#N/A") },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.string({ maxLength: 12 }), fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })) },
  // Formulas with a cached result (or none), rich text and hyperlinks, as Excel saves them.
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({ formula: fc.constantFrom("SUM(C2:C4)", "C3*2", "1/0", "VLOOKUP(A1,Z:Z,2,0)", "'Compte d''exploitation'!B2"), result: fc.option(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom("1 200,00 €", "x"), fc.constant({ error: "#DIV/0!" })), { nil: undefined }) }),
      fc.constant({ richText: [{ text: "1 2" }, { text: "00,50 €" }] }),
      fc.constant({ richText: [{ text: "Subvention " }, { text: "mairie" }] }),
      fc.constant({ text: "Subvention DRAC", hyperlink: "https://example.org/drac" }),
    ),
  },
);

const labelArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LABELS) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 25 }) });
const accountArb = fc.oneof(fc.constant(null), fc.integer({ min: 60, max: 879_999 }), fc.constantFrom("606", "6061", "741000", "756", "8640", "870", "401", "512", "7", "A12"));

function blockArb(amountCount: number): fc.Arbitrary<BlockSpec> {
  const lineArb = fc.record({ label: labelArb, account: accountArb, amounts: fc.array(amountArb, { minLength: amountCount, maxLength: amountCount }) });
  return fc.record({
    row: fc.integer({ min: 1, max: 40 }),
    col: fc.integer({ min: 1, max: 12 }),
    title: fc.option(fc.constantFrom("Association Les Ateliers — Budget prévisionnel 2025", "FC Saint-Martin : compte de résultat", "BUDGET"), { nil: null }),
    headers: fc.tuple(fc.constantFrom("Libellé", "Intitulé", "Poste", "", "Compte"), ...Array.from({ length: amountCount }, () => fc.constantFrom(...AMOUNT_HEADERS))).map((h) => [...h]),
    withAccount: fc.boolean(),
    sections: fc.array(
      fc.record({
        heading: fc.option(fc.constantFrom(...HEADINGS), { nil: null }),
        lines: fc.array(lineArb, { minLength: 0, maxLength: 9 }),
        total: fc.option(fc.constantFrom("Total", "TOTAL DES PRODUITS", "Sous-total", "Total charges"), { nil: null }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
}

const sheetArb: fc.Arbitrary<Omit<SheetSpec, "name">> = fc.record({
  state: fc.constantFrom("visible", "visible", "visible", "hidden", "veryHidden"),
  blocks: fc.array(fc.integer({ min: 1, max: 3 }).chain(blockArb), { minLength: 0, maxLength: 3 }),
  noise: fc.array(fc.record({ row: fc.integer({ min: 1, max: 80 }), col: fc.integer({ min: 1, max: 30 }), value: amountArb }), { maxLength: 6 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), { maxLength: 4 }),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
});

const workbookArb = fc.array(sheetArb, { minLength: 1, maxLength: 3 }).chain((sheets) =>
  fc.shuffledSubarray(SHEET_NAMES, { minLength: sheets.length, maxLength: sheets.length }).map((names) => sheets.map((s, i): SheetSpec => ({ ...s, name: names[i]! }))),
);

function cellValue(v: Amount): ExcelJS.CellValue {
  return v as ExcelJS.CellValue;
}

function writeSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, { state: spec.state });
  const put = (r: number, c: number, v: Amount) => {
    if (v !== null) ws.getCell(r, c).value = cellValue(v);
  };
  for (const b of spec.blocks) {
    let r = b.row;
    const labelCol = b.col + (b.withAccount ? 1 : 0);
    if (b.title) put(r++, b.col, b.title);
    if (b.withAccount) put(r, b.col, "Compte");
    b.headers.forEach((h, i) => put(r, labelCol + i, h));
    r++;
    for (const s of b.sections) {
      if (s.heading) put(r++, labelCol, s.heading);
      for (const l of s.lines) {
        if (b.withAccount) put(r, b.col, l.account);
        put(r, labelCol, l.label);
        l.amounts.forEach((a, i) => put(r, labelCol + 1 + i, a));
        r++;
      }
      if (s.total) put(r++, labelCol, s.total);
    }
  }
  for (const n of spec.noise) put(n.row, n.col, n.value);
  const merged = new Set<string>();
  for (const [r, c, h, w] of spec.merges) {
    if (h === 0 && w === 0) continue;
    const cells: string[] = [];
    for (let i = r; i <= r + h; i++) for (let j = c; j <= c + w; j++) cells.push(`${i},${j}`);
    if (cells.some((k) => merged.has(k))) continue;
    cells.forEach((k) => merged.add(k));
    ws.mergeCells(r, c, r + h, c + w);
  }
  for (const r of spec.hiddenRows) ws.getRow(r).hidden = true;
}

const ALLOWED_ERRORS = ["no_budget", "empty_workbook", "shares_only", "unreadable_file"];

describe("random workbooks, the whole path (fast-check)", () => {
  it("end in an analysis or a French typed error; numbers finite; source sheets unchanged", async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const input = await xlsx((wb) => sheets.forEach((s) => writeSheet(wb, s)));
        const outcome = await runWholePath(input, "aléatoire.xlsx");
        outcomes.push(outcome.kind === "error" ? outcome.error.code : "analysis");
        if (outcome.kind === "error") {
          expectFrenchError(outcome.error);
          expect(ALLOWED_ERRORS).toContain(outcome.error.code);
          // "Empty" only when no sheet holds anything, hidden ones included.
          if (outcome.error.code === "empty_workbook") expect((await readSnapshotFromBuffer(input, "x.xlsx")).sheets.flatMap((s) => s.rows)).toEqual([]);
          return;
        }
        await expectSoundRun(input, outcome);
        // Only visible sheets hold budgets, and every line's amount cell is inside the sheet's data.
        const visible = new Set(sheets.filter((s) => s.state === "visible").map((s) => s.name));
        for (const b of outcome.doc.budgets) expect(visible.has(b.sheet), b.sheet).toBe(true);
      }),
      { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 30) },
    );
    if (process.env.ROBUSTNESS_STATS) console.log(JSON.stringify(outcomes.reduce<Record<string, number>>((n, o) => ({ ...n, [o]: (n[o] ?? 0) + 1 }), {})));
  });

  it("a second run over the written workbook gives the same analysis and still one report", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const input = await xlsx((wb) => sheets.forEach((s) => writeSheet(wb, s)));
        const first = await runWholePath(input, "aléatoire.xlsx");
        if (first.kind === "error") return;
        const second = await runWholePath(first.output, "aléatoire.xlsx");
        expect(second.kind).toBe("analysis");
        if (second.kind !== "analysis") return;
        await expectSoundRun(first.output, second);
        expect(second.doc.lines).toEqual(first.doc.lines);
        expect(second.doc.analyses).toEqual(first.doc.analyses);
        expect(second.back.sheets.map((s) => s.name)).toEqual(first.back.sheets.map((s) => s.name));
      }),
      { numRuns: 15 },
    );
  });
});

/** What a damaged file can look like: a part missing, a part replaced by garbage or cut short, the zip cut short. */
type Damage = { kind: "remove" | "garbage" | "truncatePart"; part: number; at: number } | { kind: "truncateZip"; at: number };
const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constantFrom("remove" as const, "garbage" as const, "truncatePart" as const), part: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("truncateZip" as const), at: fc.double({ min: 0.05, max: 0.99, noNaN: true }) }),
);

describe("damaged .xlsx files (fast-check)", () => {
  it("end in an analysis or the French « cannot be read » error, never another exception", async () => {
    const good = await xlsx((wb) => {
      wb.title = "Association test";
      const ws = wb.addWorksheet("Budget");
      ws.addRows([["Poste", "Budget 2026"], ["CHARGES", null], ["Achats", 4500], ["Salaires", 19_000], ["PRODUITS", null], ["Subvention commune", 9500], ["Dons", 3500]]);
      ws.mergeCells("C1:D1");
      ws.getCell("B3").value = { formula: "SUM(1,2)", result: 4500 };
      wb.addWorksheet("Notes", { state: "hidden" }).getCell("A1").value = "note";
    });
    const zip = await JSZip.loadAsync(good);
    const parts = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
    await fc.assert(
      fc.asyncProperty(fc.array(damageArb, { minLength: 1, maxLength: 3 }), async (damages) => {
        let bytes: Uint8Array = good;
        const copy = await JSZip.loadAsync(good);
        let zipCut: number | null = null;
        for (const d of damages) {
          if (d.kind === "truncateZip") {
            zipCut = d.at;
            continue;
          }
          const part = parts[d.part % parts.length]!;
          if (d.kind === "remove") copy.remove(part);
          else if (d.kind === "garbage") copy.file(part, "<<<pas du XML & \u0000 ]]>");
          else {
            const text = await copy.file(part)?.async("string");
            if (text !== undefined) copy.file(part, text.slice(0, Math.floor(text.length * d.at)));
          }
        }
        bytes = new Uint8Array(await copy.generateAsync({ type: "uint8array" }));
        if (zipCut !== null) bytes = bytes.slice(0, Math.max(4, Math.floor(bytes.length * zipCut)));
        const outcome = await runWholePath(bytes, "abime.xlsx");
        if (outcome.kind === "error") {
          expectFrenchError(outcome.error);
          expect(ALLOWED_ERRORS).toContain(outcome.error.code);
        } else {
          await expectSoundRun(bytes, outcome);
        }
      }),
      { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 40) },
    );
  });
});

describe("the command on random workbooks (fast-check)", () => {
  it("exits 0 with one JSON document, or 2 / 3 with one French sentence, never 1 (an unexpected error)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-random-cli-"));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb, async (sheets) => {
        const file = join(dir, `aleatoire-${++n}.xlsx`);
        writeFileSync(file, await xlsx((wb) => sheets.forEach((s) => writeSheet(wb, s))));
        let stdout = "";
        let stderr = "";
        const io = { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: (s: string) => ((stderr += s), true) } } as unknown as Io;
        const code = await main(["analyze", file, "--json", "-o", join(dir, `rapport-${n}.xlsx`)], io);
        expect([0, 2, 3], stderr).toContain(code);
        if (code === 0) {
          const doc = JSON.parse(stdout) as AnalysisJson;
          expect(nonFiniteNumbers(doc)).toEqual([]);
          expect(existsSync(join(dir, `rapport-${n}.xlsx`))).toBe(true);
        } else {
          expect(stdout).toBe("");
          expect(stderr.trim().split("\n")).toHaveLength(1);
          expect(stderr.trim()).toMatch(/ : .*\.$/);
        }
      }),
      { numRuns: 20 },
    );
  });
});
