// Big files and big folders: the CLI on a plain list of 20,000 rows, a journal of 10,000 rows and a
// 1,000,000-line ledger, each against exceljs alone reading and writing the same file; and a folder of
// 1,000 member workbooks of varied layouts (Cerfa, sections, ledger, multi-year) analysed in parallel.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "equilibre.mjs");
const BASELINE = join(import.meta.dirname, "exceljs-roundtrip.mjs");
const LABELS = ["Fournitures", "Loyer", "Assurance", "Honoraires", "Salaires", "Subvention Ville", "Dons", "Cotisations", "Billetterie", "Téléphone"];

/** Rows written through exceljs's streaming writer: a million rows take little memory to make. */
async function writeRows(file: string, sheet: string, rows: Iterable<(string | number | Date | null)[]>): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r).commit();
  await wb.commit();
  return file;
}

const benchDir = () => mkdtempSync(join(tmpdir(), "equilibre-bench-files-"));

export function plainList(n: number): Promise<string> {
  return writeRows(join(benchDir(), "liste.xlsx"), "Budget", (function* () {
    yield ["Libellé", "Montant"];
    for (let i = 0; i < n; i++) yield [`${LABELS[i % LABELS.length]} ${i}`, 100 + ((i * 37) % 5000)];
  })());
}

export function journal(n: number): Promise<string> {
  const accounts = ["606100", "613200", "616000", "622600", "641100", "706000", "741000", "756000"];
  return writeRows(join(benchDir(), "journal.xlsx"), "Journal", (function* () {
    yield ["Date", "Pièce", "Compte", "Libellé", "Débit", "Crédit"];
    for (let i = 0; i < n; i++) {
      const a = accounts[i % accounts.length]!;
      const amount = 100 + ((i * 37) % 5000);
      const credit = a.startsWith("7");
      yield [new Date(Date.UTC(2025, i % 12, 1 + (i % 28))), `P${i}`, a, `${LABELS[i % LABELS.length]} ${i}`, credit ? null : amount, credit ? amount : null];
    }
  })());
}

export function ledger(n: number): Promise<string> {
  const accounts = ["606100", "613200", "616000", "622600", "641100", "645100", "706300", "741100", "754110", "756100"];
  return writeRows(join(benchDir(), "grand-livre.xlsx"), "Grand livre", (function* () {
    yield ["Compte", "Libellé", "Débit", "Crédit"];
    for (let i = 0; i < n; i++) {
      const a = accounts[i % accounts.length]!;
      const amount = 1 + ((i * 37) % 5000);
      const credit = a.startsWith("7");
      yield [a, `${LABELS[i % LABELS.length]} ${i}`, credit ? null : amount, credit ? amount : null];
    }
  })());
}

/** `node …args` timed, with its peak memory; `nodeFlags` go to Node (exceljs needs a bigger heap for a million rows). */
function timeNode(args: string[], nodeFlags: string[] = []): { ms: number; peakKb: number } {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...nodeFlags, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(" ")}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  const peakKb = Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1] ?? NaN);
  return { ms, peakKb };
}

/** The CLI (analysis and report) against exceljs reading and writing the same file: one run each, or the median of three. */
export function ratioToExceljs(file: string, runs = 1): { cliMs: number; exceljsMs: number; ratio: number; peakMb: number } {
  const median = (f: () => { ms: number; peakKb: number }) => {
    const all = Array.from({ length: runs }, f).sort((a, b) => a.ms - b.ms);
    return all[Math.floor(all.length / 2)]!;
  };
  const exceljs = median(() => timeNode([BASELINE, file, `${file}.copy.xlsx`], ["--max-old-space-size=16384"]));
  // The command as a user runs it: it sizes its own heap for a big input (bin/heap.mjs).
  // A new report each time (over an earlier one the command would also read it: a re-run, not this measure).
  const out = file.replace(/\.xlsx$/, "-equilibre.xlsx");
  const cli = median(() => {
    rmSync(out, { force: true });
    return timeNode([BIN, "analyze", file, "-o", out]);
  });
  return { cliMs: cli.ms, exceljsMs: exceljs.ms, ratio: cli.ms / exceljs.ms, peakMb: cli.peakKb / 1024 };
}

/** One member association's workbook, in one of four layouts, its amounts varied by its number. */
async function memberWorkbook(file: string, k: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const v = (base: number) => base + ((k * 97) % 900);
  const layout = k % 4;
  if (layout === 0) {
    // A Cerfa side by side: charges left, produits right.
    const ws = wb.addWorksheet("Budget prévisionnel");
    ws.addRow(["CHARGES", "Montant", null, "PRODUITS", "Montant"]);
    const rows: [string, number, string, number][] = [
      ["60 - Achats", v(1200), "70 - Ventes de produits finis, prestations", v(3000)],
      ["61 - Services extérieurs", v(2400), "74 - Subventions d'exploitation", v(6000)],
      ["62 - Autres services extérieurs", v(800), "75 - Autres produits de gestion courante", v(900)],
      ["64 - Charges de personnel", v(5000), "Cotisations", v(400)],
    ];
    for (const [a, x, b, y] of rows) ws.addRow([a, x, null, b, y]);
  } else if (layout === 1) {
    // Vertical sections.
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Poste", "Budget 2026"]);
    ws.addRow(["DÉPENSES", null]);
    for (const [l, x] of [["Location de salle", 900], ["Matériel pédagogique", 450], ["Assurance", 300], ["Déplacements", 250]] as const) ws.addRow([l, v(x)]);
    ws.addRow(["RECETTES", null]);
    for (const [l, x] of [["Subvention de la mairie", 1200], ["Cotisations des adhérents", 600], ["Dons", 200]] as const) ws.addRow([l, v(x)]);
  } else if (layout === 2) {
    // A trial balance.
    const ws = wb.addWorksheet("Balance");
    ws.addRow(["Compte", "Intitulé", "Solde débiteur", "Solde créditeur"]);
    for (const [a, l, d, c] of [["606100", "Fournitures", 800, null], ["613200", "Locations", 1500, null], ["641100", "Salaires", 9000, null], ["706000", "Prestations", null, 4000], ["741000", "Subvention État", null, 6000], ["756000", "Cotisations", null, 700]] as const) {
      ws.addRow([a, l, d === null ? null : v(d), c === null ? null : v(c)]);
    }
  } else {
    // Several years side by side.
    const ws = wb.addWorksheet("Pluriannuel");
    ws.addRow(["Libellé", "Réalisé 2024", "Budget 2025", "Prévisionnel 2026"]);
    ws.addRow(["CHARGES", null, null, null]);
    for (const [l, x] of [["Achats", 1000], ["Loyer", 2400], ["Salaires", 8000]] as const) ws.addRow([l, v(x), v(x + 100), v(x + 200)]);
    ws.addRow(["PRODUITS", null, null, null]);
    for (const [l, x] of [["Billetterie", 3000], ["Subvention Région", 5000], ["Mécénat", 1500]] as const) ws.addRow([l, v(x), v(x + 100), v(x + 200)]);
  }
  await wb.xlsx.writeFile(file);
}

export async function folderOfMembers(count: number): Promise<string> {
  const dir = join(benchDir(), "adherents");
  mkdirSync(dir);
  for (let k = 0; k < count; k++) await memberWorkbook(join(dir, `adherent-${String(k + 1).padStart(4, "0")}.xlsx`), k);
  return dir;
}

/** The folder analysed as a user runs it (with -o into a reports folder): wall time and the number of workers. */
export function folderRun(dir: string): { ms: number; workers: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, "analyze", dir, "-o", join(dir, "..", "rapports")], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(r.stderr.slice(-2000));
  return { ms, workers: availableParallelism() };
}
