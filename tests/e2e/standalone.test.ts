// End to end in a real browser: Debian's chromium, driven by playwright-core, opens the built standalone
// page, loads fixture 01, sees "Modèle public", corrects one line's lever, writes the report, downloads it,
// and the downloaded workbook is checked; then the scenario step saves a scenario that the downloaded
// workbook keeps, and compares with another workbook.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileHost } from "../../src/hosts/file/fileHost.ts";
import { MAP_COL } from "../../src/workbook/reportText.ts";
import { readScenarioInputs } from "../../src/workbook/scenarioSheet.ts";
import { FIXTURES_DIR } from "../fixtureExpectations.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");
// Screenshots of each step go to a temporary folder: a test never writes into tracked files.
// `npm run docs:screenshots` runs this test with EQUILIBRE_SCREENSHOTS=docs to refresh the README's pictures.
const SHOTS = process.env.EQUILIBRE_SCREENSHOTS ? join(ROOT, process.env.EQUILIBRE_SCREENSHOTS) : mkdtempSync(join(tmpdir(), "equilibre-shots-"));
const CHROMIUM = "/usr/bin/chromium";
/** The newest modification time of the pane's sources (code, styles, pages) under src/. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** A build older than the sources would test yesterday's pane: it is remade, as `bin/equilibre.mjs` does for the CLI. */
function distIsStale(): boolean {
  const page = join(DIST, "taskpane.html");
  return !existsSync(page) || newestSource(join(ROOT, "src")) > statSync(page).mtimeMs;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

describe.runIf(existsSync(CHROMIUM) || process.env.CI)("the standalone pane in chromium", () => {
  let server: Server;
  let browser: Browser;
  let url = "";

  beforeAll(async () => {
    if (distIsStale()) {
      const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout}\n${r.stderr}`);
    }
    server = createServer((req, res) => {
      const path = join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]!));
      if (!path.startsWith(DIST) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/taskpane.html`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  it("opens a workbook, shows the model, takes a correction, writes and downloads the analysed workbook", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: "fr-FR" });
    const page = await context.newPage();
    // Office.js comes from Microsoft's CDN, unreachable here: the page must run standalone.
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(url);
    await page.getByRole("button", { name: "Ouvrir un classeur…" }).waitFor();
    await page.screenshot({ path: join(SHOTS, "pane-1-ouvrir.png") });

    await page.getByTestId("file-input").setInputFiles(join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx"));
    await page.getByText(/2 budgets trouvés dans/).waitFor();
    expect(await page.getByTestId("file-name").textContent()).toBe("Classeur ouvert : 01-cerfa-12156-ateliers-du-quartier.xlsx");
    await page.screenshot({ path: join(SHOTS, "pane-2-budget.png") });

    await page.getByRole("tab", { name: "Résultats" }).click();
    await expect.poll(() => page.getByTestId("model-name").textContent()).toBe("Modèle public");
    await page.screenshot({ path: join(SHOTS, "pane-3-resultats.png"), fullPage: true });

    await page.getByRole("tab", { name: "Vérifier" }).click();
    await page.getByRole("tab", { name: "Toutes" }).click();
    const label = "Mécénat d'entreprises (Crédit Coopératif)";
    // Standalone there is no cell to go to: a line's label is text, not a link that does nothing.
    expect(await page.getByRole("button", { name: label }).count()).toBe(0);
    await page.getByRole("combobox", { name: `Levier — ${label}` }).click();
    // A produit's dropdown holds produit levers, and the way to another section is named as such.
    expect(await page.getByRole("option", { name: "Achats", exact: true }).count()).toBe(0);
    await page.getByRole("option", { name: "Changer de section…" }).waitFor();
    await page.getByRole("option", { name: "Subventions publiques" }).click();
    await expect.poll(() => page.getByRole("combobox", { name: `Levier — ${label}` }).textContent()).toContain("Subventions publiques");
    await page.getByRole("combobox", { name: `Levier — ${label}` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "pane-4-verifier.png") });

    await page.getByRole("tab", { name: "Rapport" }).click();
    await page.getByRole("button", { name: "Écrire le rapport" }).click();
    const downloadButton = page.getByRole("button", { name: "Télécharger le classeur analysé" });
    await downloadButton.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, "pane-5-rapport.png") });
    const [download] = await Promise.all([page.waitForEvent("download"), downloadButton.click()]);
    expect(download.suggestedFilename()).toBe("01-cerfa-12156-ateliers-du-quartier - Équilibre.xlsx");
    const file = join(mkdtempSync(join(tmpdir(), "equilibre-e2e-")), "analyse.xlsx");
    await download.saveAs(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Budget prévisionnel 2026", "Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios", "_equilibre"]);
    const mapping = wb.getWorksheet("Équilibre – lignes")!;
    let corrected: unknown = null;
    mapping.eachRow((row) => {
      if (row.getCell(MAP_COL.label).value === label) corrected = row.getCell(MAP_COL.correctedLever).value;
    });
    expect(corrected).toBe("Subventions publiques");

    // A file that is not a workbook: its error alone, nothing left of the workbook read before.
    const notAWorkbook = join(mkdtempSync(join(tmpdir(), "equilibre-e2e-")), "budget.xlsx");
    writeFileSync(notAWorkbook, "ceci n'est pas un classeur");
    await page.getByTestId("file-input").setInputFiles(notAWorkbook);
    await page.getByText(/budget\.xlsx.*pas un classeur/).waitFor();
    expect(await page.getByRole("tablist", { name: "Étapes" }).count()).toBe(0);
    expect(await page.getByTestId("line").count()).toBe(0);
    expect(await page.getByTestId("file-name").textContent()).toBe("Classeur ouvert : budget.xlsx");
    await context.close();
  });

  it("the scenario step: a subsidy cut typed in the pane changes the scenario's model and is saved in the downloaded workbook; another workbook is compared in the pane", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: "fr-FR", acceptDownloads: true });
    const page = await context.newPage();
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(url);
    await page.getByTestId("file-input").setInputFiles(join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx"));
    await page.getByText(/2 budgets trouvés dans/).waitFor();
    await page.getByRole("tab", { name: "Scénarios" }).click();
    const cut = page.getByRole("textbox", { name: "Variation (%) — Subventions publiques" });
    await cut.waitFor();
    await expect.poll(() => page.getByTestId("scenario-model").textContent()).toBe("Modèle public");
    await cut.fill("-50");
    await expect.poll(() => page.getByTestId("scenario-model").textContent()).not.toBe("Modèle public");
    await expect.poll(() => page.getByTestId("scenario-sentences").textContent()).toMatch(/en baisse de 50\u00a0%, votre part publique passe de/);
    await page.getByRole("textbox", { name: "Nom du scénario" }).fill("Subventions divisées par deux");
    // Nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByTestId("scenario-hints").waitFor();
    await page.screenshot({ path: join(SHOTS, "pane-6-scenarios.png"), fullPage: true });

    // « Enregistrer le scénario »: the downloaded workbook holds it, and the pane opened on it shows it again.
    await page.getByRole("button", { name: "Enregistrer le scénario" }).click();
    await page.getByText("Les scénarios sont enregistrés dans le classeur, avec le rapport.").waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger le classeur analysé" }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), "equilibre-e2e-")), "scenario.xlsx");
    await download.saveAs(file);
    const written = await new FileHost(new Uint8Array(readFileSync(file)), "scenario.xlsx").readSnapshot();
    expect(readScenarioInputs(written)).toEqual([{ name: "Subventions divisées par deux", column: expect.any(String), changes: [{ kind: "percent", lever: "public_grants", percent: -50 }] }]);
    const reopened = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: "fr-FR" });
    await reopened.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await reopened.goto(url);
    await reopened.getByTestId("file-input").setInputFiles(file);
    await reopened.getByText(/budgets? trouvés? dans/).waitFor();
    await reopened.getByRole("tab", { name: "Scénarios" }).click();
    await expect.poll(() => reopened.getByRole("textbox", { name: "Nom du scénario" }).inputValue()).toBe("Subventions divisées par deux");
    expect(await reopened.getByRole("textbox", { name: "Variation (%) — Subventions publiques" }).inputValue()).toBe("-50");
    await expect.poll(() => reopened.getByTestId("scenario-model").textContent()).not.toBe("Modèle public");
    await reopened.close();

    await page.getByTestId("compare-input").setInputFiles(join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx"));
    await page.getByTestId("compare-result").waitFor();
    await expect.poll(() => page.getByTestId("compare-model").textContent()).toMatch(/^Le modèle (passe de|reste) « /);
    expect(await page.getByTestId("compare-lines").locator("li").count()).toBeGreaterThan(0);
    await page.getByTestId("compare-result").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "pane-7-comparer.png") });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
