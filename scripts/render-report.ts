// Renders the report of a workbook to PNG pages (LibreOffice → PDF → pdftoppm), for docs/ and for a look.
// Usage: npx tsx scripts/render-report.ts                      fixtures 01 and 04, French and English → docs/
//        npx tsx scripts/render-report.ts <workbook.xlsx> <out-prefix> [fr|en]
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main.ts";
import { renderPdf } from "../tests/libreoffice.ts";

const ROOT = join(import.meta.dirname, "..");

async function render(input: string, prefix: string, lang: "fr" | "en", extra: string[] = []): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-render-"));
  const out = join(dir, "rapport.xlsx");
  const code = await main(["analyze", input, "-o", out, "--lang", lang, ...extra], { stdout: process.stderr, stderr: process.stderr });
  if (code !== 0) process.exit(code);
  const pdf = renderPdf(out, dir);
  // Keep the report's pages: those whose footer is the report's ("Équilibre · établi le …" / "made on …").
  const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
  const reportPages: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = spawnSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }).stdout;
    if (/Équilibre · (établi le|made on)/.test(text)) reportPages.push(p);
  }
  // Old pages of this prefix go first, so a shorter report leaves none behind.
  for (const f of readdirSync(dirname(prefix))) if (f.startsWith(`${basename(prefix)}-`) && f.endsWith(".png")) rmSync(join(dirname(prefix), f));
  const written: string[] = [];
  for (const [i, p] of reportPages.entries()) {
    spawnSync("pdftoppm", ["-png", "-r", "70", "-f", String(p), "-l", String(p), "-singlefile", pdf, `${prefix}-${i + 1}`]);
    written.push(`${prefix}-${i + 1}.png`);
  }
  return written;
}

const [input, prefix, lang] = process.argv.slice(2);
if (input && prefix) {
  for (const f of await render(input, prefix, lang === "en" ? "en" : "fr")) console.log(f);
} else if (input) {
  console.error("Usage : npx tsx scripts/render-report.ts [<classeur.xlsx> <préfixe-de-sortie> [fr|en]]");
  process.exit(2);
} else {
  const fixtures = { "01": "01-cerfa-12156-ateliers-du-quartier", "04": "04-festival-budget-pluriannuel" };
  for (const [n, name] of Object.entries(fixtures))
    for (const l of ["fr", "en"] as const) for (const f of await render(join(ROOT, "tests", "fixtures", `${name}.xlsx`), join(ROOT, "docs", `rapport-${n}-${l}`), l)) console.log(f);
  // The block « Avec votre scénario » of fixture 01, with the subsidies halved and 500 volunteer hours added.
  const scenario = join(mkdtempSync(join(tmpdir(), "equilibre-scenario-")), "subventions-divisees-par-deux.json");
  writeFileSync(scenario, JSON.stringify({ name: "Subventions −50 %", changes: [{ lever: "public_grants", percent: -50 }, { volunteerHours: 500 }] }));
  for (const f of await render(join(ROOT, "tests", "fixtures", `${fixtures["01"]}.xlsx`), join(ROOT, "docs", "rapport-01-scenario"), "fr", ["--scenario", scenario])) console.log(f);
}
