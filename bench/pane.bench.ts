// The task pane's initial JavaScript in Excel (gzip) and its first render in headless chromium.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");

/** A fresh production build, so the figures are those of the code as it is. */
export function build(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
}

/** Scripts taskpane.html loads at start (the file host chunk is loaded only in standalone mode). */
export function initialGzipBytes(): { files: string[]; bytes: number } {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)].map((m) => m[1]!).filter((f) => !f.startsWith("http"));
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  return { files, bytes };
}

export function lazyChunks(): string[] {
  return readdirSync(DIST).filter((f) => f.endsWith(".js") && !readFileSync(join(DIST, "taskpane.html"), "utf8").includes(f));
}

export async function firstRenderMs(): Promise<number> {
  const server = createServer((req, res) => {
    const path = join(DIST, (req.url ?? "/").split("?")[0]!);
    if (!existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": extname(path) === ".js" ? "text/javascript" : "text/html; charset=utf-8" }).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
  const page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: "fr-FR" });
  await page.route(/appsforoffice\.microsoft\.com/, (r) => r.abort());
  const start = performance.now();
  await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
  await page.getByRole("button", { name: "Ouvrir un classeur…" }).waitFor();
  const ms = performance.now() - start;
  await browser.close();
  server.close();
  return ms;
}
