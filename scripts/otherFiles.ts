// `npx tsx scripts/otherFiles.ts [--mirrors <dir>] [--repo <owner+name>]… [--limit N] [--every N] [--budget] [--no-lo] [--jobs N] [--bin <equilibre.mjs>] [--only <regex>] [--json <out.json>]`:
// the built `equilibre` command run on workbooks OTHER writers made (Excel above all), as a user would bring them.
// It is a measure, not a test: it needs git mirrors of public repositories whose test data are .xlsx files saved by
// Excel and other tools (rust_xlsxwriter, SheetJS/test_files, exceljs, ClosedXML, Apache POI, calamine, excelize),
// which CI does not have. Each .xlsx / .xlsm of each mirror's HEAD is taken out with `git cat-file` and run as
// `equilibre analyze FILE -o OUT`; the table says, per file: the exit code, the first line of stderr, and for exit 0
// whether LibreOffice opens the output (`soffice --headless --convert-to csv`) and whether every sheet of the input
// is still in the output with the same cells (read by openpyxl, a reader we do not own: values and formulas), every
// part of the input still there, every note kept, and a macro workbook still an .xlsm with its VBA project.
// With --budget, each file also gets a small budget sheet added at the zip level (a new part, its relationship,
// content type and <sheet>, nothing else touched), so that the write path runs on every real file, not only the
// few that hold a budget. What must never appear: exit 1, a stack trace, an output LibreOffice refuses, a user's
// cell changed. Exits 0 whatever it finds.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { withBudget } from "../tests/addBudgetSheet.ts";

interface Options { mirrors: string; repos: string[]; limit: number; every: number; budget: boolean; lo: boolean; json: string | null; jobs: number; bin: string; only: RegExp | null }

function optionsOf(argv: string[]): Options {
  const o: Options = { mirrors: "/work/.mirror", repos: [], limit: Infinity, every: 1, budget: false, lo: true, json: null, jobs: 2, bin: "bin/equilibre.mjs", only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? "";
    if (a === "--mirrors") o.mirrors = value();
    else if (a === "--repo") o.repos.push(value());
    else if (a === "--limit") o.limit = Number(value());
    else if (a === "--every") o.every = Number(value());
    else if (a === "--budget") o.budget = true;
    else if (a === "--no-lo") o.lo = false;
    else if (a === "--json") o.json = value();
    else if (a === "--jobs") o.jobs = Number(value());
    // --bin: another build of the command (a copy of an earlier one), to measure before and after with the same checks.
    else if (a === "--bin") o.bin = value();
    // --only REGEX: the files whose path matches (« \\.xlsm$ », « [Ss]trict »), to look again at one kind.
    else if (a === "--only") o.only = new RegExp(value(), "i");
  }
  return o;
}

const DEFAULT_REPOS = ["jmcnamara+rust_xlsxwriter", "SheetJS+test_files", "exceljs+exceljs", "ClosedXML+ClosedXML", "apache+poi", "tafia+calamine", "qax-os+excelize"];

interface Row {
  repo: string;
  path: string;
  variant: "as is" | "with a budget";
  exit: number | null;
  stderr: string;
  stack: boolean;
  ms: number;
  libreoffice?: "opens" | "refused" | "input refused too";
  cells?: string;
}

function filesOf(gitDir: string): string[] {
  const r = spawnSync("git", ["-C", gitDir, "ls-tree", "-r", "--name-only", "HEAD"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return r.stdout.split("\n").filter((p) => /\.(xlsx|xlsm)$/i.test(p));
}

function blobOf(gitDir: string, path: string): Buffer {
  return spawnSync("git", ["-C", gitDir, "cat-file", "blob", `HEAD:${path}`], { maxBuffer: 1 << 30 }).stdout as Buffer;
}

function run(bin: string, file: string, out: string): Promise<{ exit: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "analyze", file, "-o", out], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => { if (stderr.length < 20000) stderr += d.toString(); });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => { clearTimeout(timer); resolve({ exit: code, stderr, ms: Date.now() - started }); });
  });
}

/** openpyxl (python3), not our reader: every sheet of the input with the same cells in the output. */
const COMPARE_PY = String.raw`
import json, sys, warnings
warnings.filterwarnings("ignore")
from openpyxl import load_workbook
import io, re, zipfile
# openpyxl reads no Strict OOXML (it drops every sheet as « an invalid specification »), so the comparison would
# pass on nothing: a Strict package is read through a copy whose namespaces are rewritten to Transitional ones.
STRICT = [(b"http://purl.oclc.org/ooxml/spreadsheetml/main", b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
          (b"http://purl.oclc.org/ooxml/officeDocument/relationships", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
          (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
          (b"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", b"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
          (b"http://purl.oclc.org/ooxml/drawingml/chart", b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
          (b"http://purl.oclc.org/ooxml/officeDocument/", b"http://schemas.openxmlformats.org/officeDocument/2006/")]
def transitional(path):
    z = zipfile.ZipFile(path)
    if not any(b"purl.oclc.org/ooxml" in z.read(n) for n in z.namelist() if re.search(r"workbook[^/]*\.xml$", n)):
        return path
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as w:
        for n in z.namelist():
            data = z.read(n)
            if re.search(r"\.(xml|rels)$", n):
                for s_, t_ in STRICT: data = data.replace(s_, t_)
            w.writestr(n, data)
    out.seek(0)
    return out
def cells(path):
    wb = load_workbook(transitional(path), read_only=True, data_only=False, keep_links=True)
    out = {}
    for ws in wb.worksheets:
        d = {}
        try:
            for row in ws.iter_rows():
                for c in row:
                    v = getattr(c, "value", None)
                    if v is not None and v != "":
                        d[c.coordinate] = v
        except Exception as e:
            d = {"!error": type(e).__name__}
        out[ws.title] = d
    return out
def notes(z, name):
    # A note is a <comment> of a comments part, a threaded comment a <threadedComment>: whatever the prefix.
    return len(re.findall(rb"<(?:\w+:)?(?:comment|threadedComment)[\s>]", z.read(name)))
def package_verdict(a, b):
    """Beyond the cells: every part of the input is still there, the VBA project with its bytes and the workbook
    still typed as macro-enabled (Excel refuses an .xlsm whose workbook says .xlsx, and the reverse), every note kept."""
    za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
    names_b = set(zb.namelist())
    for n in za.namelist():
        # The calculation chain is dropped on purpose when formulas are added: Excel rebuilds it, and a stale one
        # makes Excel repair the file.
        if n.endswith("/") or re.search(r"(^|/)calcChain\.xml$", n, re.I): continue
        if n not in names_b: return "part lost: " + n
    for n in za.namelist():
        if re.search(r"(comments|threadedComment)[^/]*\.xml$", n, re.I) and notes(zb, n) < notes(za, n):
            return "notes lost: " + n
    vba = [n for n in za.namelist() if n.lower().endswith("vbaproject.bin")]
    for n in vba:
        if zb.read(n) != za.read(n): return "macro changed: " + n
    if vba:
        ct = zb.read("[Content_Types].xml").decode("utf8", "replace")
        if "macroEnabled" not in ct: return "macro lost: the workbook is no longer typed macro-enabled"
        if not b.lower().endswith(".xlsm"): return "macro lost: the report is not an .xlsm"
    elif b.lower().endswith(".xlsm") and "macroEnabled" not in zb.read("[Content_Types].xml").decode("utf8", "replace"):
        return "macro wrong: an .xlsm without a macro-enabled workbook"
    return "same"
for line in sys.stdin:
    a, b = json.loads(line)
    try:
        before = cells(a)
    except Exception as e:
        print(json.dumps("input unreadable by openpyxl: " + type(e).__name__), flush=True); continue
    try:
        after = cells(b)
    except Exception as e:
        print(json.dumps("OUTPUT unreadable by openpyxl: " + type(e).__name__ + " " + str(e)[:80]), flush=True); continue
    verdict = "same"
    for title, d in before.items():
        if title not in after:
            verdict = "sheet lost: " + title; break
        e = after[title]
        for k, v in d.items():
            w = e.get(k)
            if isinstance(v, float) and isinstance(w, (int, float)) and abs(v - w) <= 1e-9 * max(1, abs(v)): continue
            if w != v and str(w) != str(v):
                verdict = "cell changed: %s!%s %r -> %r" % (title, k, v, w); break
        if verdict != "same": break
        extra = [k for k in e if k not in d]
        if extra:
            verdict = "cell added: %s!%s" % (title, extra[0]); break
    if verdict == "same":
        verdict = package_verdict(a, b)
    print(json.dumps(verdict), flush=True)
`;

function compareAll(pairs: [string, string][]): string[] {
  if (pairs.length === 0) return [];
  const r = spawnSync(existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3", ["-c", COMPARE_PY], { input: pairs.map((p) => JSON.stringify(p)).join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28, timeout: 3_600_000 });
  const lines = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as string);
  return pairs.map((_, i) => lines[i] ?? `compare failed: ${r.stderr.trim().split("\n").pop() ?? ""}`);
}

/** LibreOffice opens a file when it converts it: batches of files through one soffice, the CSV the proof. */
function libreOfficeOpens(files: string[], profile: string): Set<string> {
  const opened = new Set<string>();
  for (let i = 0; i < files.length; i += 40) {
    const batch = files.slice(i, i + 40);
    const outDir = mkdtempSync(join(tmpdir(), "eq-lo-"));
    // Each file under a name of its own: the outputs are all « budget-out.xlsx », and one CSV made would have
    // stood for every file of the batch.
    const inDir = mkdtempSync(join(tmpdir(), "eq-lo-in-"));
    const named = batch.map((f, j) => {
      const copy = join(inDir, `f${i + j}${f.slice(f.lastIndexOf("."))}`);
      copyFileSync(f, copy);
      return copy;
    });
    spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "csv", "--outdir", outDir, ...named], { timeout: 1_200_000, stdio: "ignore" });
    const made = new Set(readdirSync(outDir));
    batch.forEach((f, j) => { if (made.has(basename(named[j]!).replace(/\.[^.]+$/, ".csv"))) opened.add(f); });
    rmSync(outDir, { recursive: true, force: true });
    rmSync(inDir, { recursive: true, force: true });
  }
  return opened;
}

async function pool<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: jobs }, async () => { while (next < items.length) await work(items[next++]!); }));
}

async function mainOf(argv: string[]): Promise<void> {
  const o = optionsOf(argv);
  const repos = o.repos.length > 0 ? o.repos : DEFAULT_REPOS;
  const work = mkdtempSync(join(tmpdir(), "eq-other-"));
  const profile = mkdtempSync(join(tmpdir(), "eq-lo-profile-"));
  const rows: Row[] = [];
  const tasks: { row: Row; input: string; output: string }[] = [];
  let n = 0;
  for (const repo of repos) {
    const gitDir = join(o.mirrors, repo, "repo");
    if (!existsSync(gitDir)) { process.stderr.write(`no mirror ${gitDir}\n`); continue; }
    // --every N: one file in N of each repository (rust_xlsxwriter alone holds a thousand), spread over its folders.
    for (const path of filesOf(gitDir).filter((p) => !o.only || o.only.test(p)).filter((_, i) => i % o.every === 0)) {
      if (n >= o.limit) break;
      const dir = join(work, String(n++));
      mkdirSync(dir);
      const bytes = blobOf(gitDir, path);
      const ext = path.match(/\.[^.]+$/)![0].toLowerCase();
      const input = join(dir, `in${ext}`);
      writeFileSync(input, bytes);
      tasks.push({ row: { repo, path, variant: "as is", exit: null, stderr: "", stack: false, ms: 0 }, input, output: join(dir, `out${ext}`) });
      if (o.budget) {
        const b = await withBudget(bytes);
        if (b) {
          const inputB = join(dir, `budget${ext}`);
          writeFileSync(inputB, b);
          tasks.push({ row: { repo, path, variant: "with a budget", exit: null, stderr: "", stack: false, ms: 0 }, input: inputB, output: join(dir, `budget-out${ext}`) });
        }
      }
    }
  }
  let done = 0;
  await pool(tasks, o.jobs, async (t) => {
    const r = await run(o.bin, t.input, t.output);
    t.row.exit = r.exit;
    t.row.ms = r.ms;
    t.row.stderr = r.stderr.split("\n").find((l) => l.trim() !== "") ?? "";
    t.row.stack = /^\s+at .+:\d+:\d+\)?$/m.test(r.stderr) || /Error: /.test(r.stderr.split("\n")[0] ?? "");
    rows.push(t.row);
    if (++done % 50 === 0) process.stderr.write(`${done}/${tasks.length}\n`);
  });
  // The report of a macro workbook is an .xlsm whatever -o says, of any other workbook an .xlsx: the output is
  // looked for under both names, and the comparison says when the one written is the wrong one.
  for (const t of tasks) {
    const other = t.output.replace(/\.xls[xm]$/i, (e) => (e.toLowerCase() === ".xlsx" ? ".xlsm" : ".xlsx"));
    if (!existsSync(t.output) && existsSync(other)) t.output = other;
  }
  const written = tasks.filter((t) => t.row.exit === 0 && existsSync(t.output));
  const verdicts = compareAll(written.map((t) => [t.input, t.output]));
  written.forEach((t, i) => { t.row.cells = verdicts[i]; });
  if (o.lo) {
    const opened = libreOfficeOpens(written.map((t) => t.output), profile);
    const refused = written.filter((t) => !opened.has(t.output));
    const inputsOpened = libreOfficeOpens(refused.map((t) => t.input), profile);
    for (const t of written) t.row.libreoffice = opened.has(t.output) ? "opens" : inputsOpened.has(t.input) ? "refused" : "input refused too";
  }
  report(tasks.map((t) => t.row));
  if (o.json) writeFileSync(o.json, JSON.stringify(tasks.map((t) => t.row), null, 1));
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}

function report(rows: Row[]): void {
  const count = (f: (r: Row) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(f(r), (m.get(f(r)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const out: string[] = [];
  out.push(`files tried: ${new Set(rows.map((r) => `${r.repo}:${r.path}`)).size}, runs: ${rows.length}`);
  out.push("per variant and exit code:");
  for (const [k, v] of count((r) => `${r.variant} · exit ${r.exit}`)) out.push(`  ${v}\t${k}`);
  out.push("per repository and exit code:");
  for (const [k, v] of count((r) => `${r.repo} · exit ${r.exit}`)) out.push(`  ${v}\t${k}`);
  out.push("first line of stderr (exit ≠ 0, kinds):");
  for (const [k, v] of count((r) => (r.exit === 0 ? "" : `exit ${r.exit}: ${r.stderr.replace(/« [^»]*»/g, "«…»").replace(/[A-Z]{1,3}\d+/g, "X").slice(0, 140)}`)).filter(([k]) => k)) out.push(`  ${v}\t${k}`);
  out.push("outputs (exit 0): LibreOffice, cells:");
  for (const [k, v] of count((r) => (r.exit === 0 ? `${r.libreoffice ?? "-"} · ${(r.cells ?? "-").replace(/:.*$/, "")}` : "")).filter(([k]) => k)) out.push(`  ${v}\t${k}`);
  out.push("must never happen:");
  for (const r of rows) {
    const bad = r.exit === 1 || r.exit === null || r.stack || r.libreoffice === "refused" || (r.cells !== undefined && /changed|lost|added|wrong|OUTPUT/.test(r.cells));
    if (bad) out.push(`  ${r.repo}:${r.path} [${r.variant}] exit ${r.exit} ${r.stack ? "STACK " : ""}${r.libreoffice ?? ""} ${r.cells ?? ""} ${r.stderr.slice(0, 160)}`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

await mainOf(process.argv.slice(2));
