// Renders the report of a workbook to PNG pages (LibreOffice → PDF → pdftoppm), for docs/ and for a look.
// Usage: npx tsx scripts/render-report.ts <workbook.xlsx> <out-prefix>
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main.ts";
import { renderPdf } from "../tests/libreoffice.ts";

const [input, prefix] = process.argv.slice(2);
if (!input || !prefix) {
  console.error("Usage : npx tsx scripts/render-report.ts <classeur.xlsx> <préfixe-de-sortie>");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "equilibre-render-"));
const out = join(dir, "rapport.xlsx");
const code = await main(["analyze", input, "-o", out], { stdout: process.stderr, stderr: process.stderr });
if (code !== 0) process.exit(code);
const pdf = renderPdf(out, dir);
// Keep the report's pages: those whose footer is the report's ("Équilibre · établi le …").
const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
const reportPages: number[] = [];
for (let p = 1; p <= pages; p++) {
  const text = spawnSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }).stdout;
  if (/Équilibre · établi le/.test(text)) reportPages.push(p);
}
for (const [i, p] of reportPages.entries()) {
  spawnSync("pdftoppm", ["-png", "-r", "70", "-f", String(p), "-l", String(p), "-singlefile", pdf, `${prefix}-${i + 1}`]);
  console.log(`${prefix}-${i + 1}.png`);
}
