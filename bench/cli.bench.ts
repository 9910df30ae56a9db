// The CLI end to end on a generated 20,000-line trial balance, against exceljs alone reading and writing
// the same file, measured in the same run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

export async function makeTrialBalance(lines: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Balance");
  ws.addRow(["N° compte", "Intitulé du compte", "Total débit", "Total crédit", "Solde débiteur", "Solde créditeur"]);
  const accounts = [
    ["606100", "Fournitures non stockables", "d"], ["613200", "Locations immobilières", "d"], ["616000", "Primes d'assurances", "d"], ["622600", "Honoraires", "d"],
    ["641100", "Salaires", "d"], ["645100", "Cotisations URSSAF", "d"], ["706300", "Prestations de services", "c"], ["741100", "Subvention État", "c"],
    ["754110", "Dons manuels", "c"], ["756100", "Cotisations", "c"], ["401000", "Fournisseurs", "c"], ["512000", "Banque", "d"],
  ];
  for (let i = 0; i < lines; i++) {
    const [account, label, side] = accounts[i % accounts.length]!;
    const amount = 100 + ((i * 37) % 5000);
    ws.addRow([`${account!.slice(0, 4)}${String(i % 100).padStart(2, "0")}`, `${label} ${i}`, side === "d" ? amount : 0, side === "c" ? amount : 0, side === "d" ? amount : null, side === "c" ? amount : null]);
  }
  const file = join(mkdtempSync(join(tmpdir(), "equilibre-bench-")), "balance.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

function timeNode(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - start;
}

export async function cliRatio(lines = 20_000): Promise<{ cliMs: number; exceljsMs: number; ratio: number }> {
  const file = await makeTrialBalance(lines);
  const root = join(import.meta.dirname, "..");
  const baseline = join(import.meta.dirname, "exceljs-roundtrip.mjs");
  const out = file.replace(".xlsx", "-out.xlsx");
  const runs = (f: () => number) => [f(), f(), f()].sort((a, b) => a - b)[1]!;
  const exceljsMs = runs(() => timeNode([baseline, file, `${file}.copy.xlsx`]));
  // Each run writes a new report, as exceljs writes a new copy: over an earlier report the command also reads that
  // report (to keep what the user typed in it), which is a re-run, not this measure.
  const cliMs = runs(() => {
    rmSync(out, { force: true });
    return timeNode([join(root, "bin", "equilibre.mjs"), "analyze", file, "--json", "-o", out]);
  });
  return { cliMs, exceljsMs, ratio: cliMs / exceljsMs };
}
