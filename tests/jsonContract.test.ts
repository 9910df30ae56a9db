// The JSON contract in docs/contrat-json.md is what `equilibre analyze --json` prints: run as a user runs it
// on the fixtures, on a workbook whose charges are typed as negative numbers and with a what-if scenario, every
// field the command outputs is listed in the document with its type, and every field the document lists is
// output by some run. The folder mode's CSV has the columns the document lists, in French and in English.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "tests", "fixtures");
const DOC = readFileSync(join(ROOT, "docs", "contrat-json.md"), "utf8");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The rows of the Markdown tables between two marker comments, as arrays of cells. */
function tableRows(markdown: string, block: string): string[][] {
  const start = markdown.indexOf(`<!-- ${block}:start -->`);
  const end = markdown.indexOf(`<!-- ${block}:end -->`);
  expect(start, `docs/contrat-json.md has its ${block} markers`).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return markdown
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, "|")),
    );
}

type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";

/** Documented fields: path → the types the type column allows ("string or null"). */
function documentedFields(block = "json-fields"): Map<string, Set<JsonType>> {
  const out = new Map<string, Set<JsonType>>();
  for (const [field, type] of tableRows(DOC, block)) {
    const path = /^`([^`]+)`$/.exec(field ?? "")?.[1];
    if (!path) continue; // a header row
    const types = (type ?? "").split(/\s+or\s+/).map((t) => t.trim()) as JsonType[];
    for (const t of types) expect(["null", "boolean", "number", "string", "array", "object"], `type of ${path}`).toContain(t);
    expect(out.has(path), `${path} listed twice`).toBe(false);
    out.set(path, new Set(types));
  }
  return out;
}

const typeOf = (v: unknown): JsonType => (v === null ? "null" : Array.isArray(v) ? "array" : (typeof v as JsonType));

/**
 * Every field of a document as a path: `a.b`, `a[]` for each element of an array, and a map's keys as the
 * placeholder the document uses (`parameters.<parameter>`, `byLever.<lever>`).
 */
function observedFields(doc: unknown, maps: Map<string, string>, out = new Map<string, Set<JsonType>>(), path = ""): Map<string, Set<JsonType>> {
  if (path) {
    const types = out.get(path) ?? new Set<JsonType>();
    types.add(typeOf(doc));
    out.set(path, types);
  }
  if (Array.isArray(doc)) for (const item of doc) observedFields(item, maps, out, `${path}[]`);
  else if (doc && typeof doc === "object") {
    for (const [key, value] of Object.entries(doc)) {
      const base = documentedParent(path, key);
      const name = maps.get(base) ?? key;
      observedFields(value, maps, out, base ? `${base}.${name}` : name);
    }
  }
  return out;
}

/**
 * Parts documented once and reused: a scenario's analysis and each side of a comparison have the very shape of
 * an entry of `analyses`; a comparison's difference is a scenario's, plus its drivers and lines.
 */
function documentedParent(path: string, key: string): string {
  if (path === "scenarios[].analysis" || path === "before.analysis" || path === "after.analysis") return "analyses[]";
  if (path === "difference" && key !== "drivers" && key !== "lines") return "scenarios[].difference";
  return path;
}

/** A minimal .xlsx (one sheet, inline strings) built by hand, as any spreadsheet writer would. */
async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const cell = (v: string | number, r: number, c: number) => {
    const ref = `${String.fromCharCode(65 + c)}${r}`;
    return typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  };
  const sheet = rows.map((row, i) => `<row r="${i + 1}">${row.map((v, c) => cell(v, i + 1, c)).join("")}</row>`).join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    "xl/styles.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
  );
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("docs/contrat-json.md: the fields of `equilibre analyze --json`", () => {
  const documented = documentedFields();
  // A map is a field whose documented children are a placeholder: `parameters.<parameter>`.
  const maps = new Map<string, string>();
  for (const path of documented.keys()) {
    const m = /^(.*)\.(<[a-z]+>)$/.exec(path);
    if (m) maps.set(m[1]!, m[2]!);
  }

  const observed = new Map<string, Set<JsonType>>();
  let runs: { input: string; code: number | null; stdout: string; stderr: string }[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "equilibre-contract-"));
    // Charges typed as negative numbers, as a bank statement gives them: the optional negativeInSheet appears.
    const negative = join(dir, "charges-negatives.xlsx");
    writeFileSync(
      negative,
      await workbook([
        ["Budget 2026 de l'association", ""],
        ["Charges", "Montant"],
        ["Achats de fournitures", -2500],
        ["Salaires et charges sociales", -18000],
        ["Loyer du local", -6000],
        ["Produits", "Montant"],
        ["Subvention de la mairie", 12000],
        ["Cotisations des adhérents", 4500],
        ["Participation des familles aux ateliers", 10000],
      ]),
    );
    const fixtures = ["01-cerfa-12156-ateliers-du-quartier", "02-club-sportif-recettes-depenses", "03-balance-comptable-nature-en-garonne", "04-festival-budget-pluriannuel", "05-budget-analytique-par-action"];
    const inputs = [...fixtures.map((name) => join(FIXTURES, `${name}.xlsx`)), negative];
    runs = inputs.map((input) => ({ input, ...run("analyze", input, "--json") }));
    // A what-if scenario with every kind of change and of goal: the document gains `scenarios`.
    const scenario = join(dir, "scenario.json");
    writeFileSync(
      scenario,
      JSON.stringify({
        name: "Baisse de la région",
        changes: [{ lever: "public_grants", percent: -20 }, { lever: "donations", amount: 5000 }, { volunteerHours: 500 }, { line: "Budget prévisionnel 2026!A6", destination: "engineering" }],
        goals: [{ lever: "corporate_patronage", reach: "hybrid" }, { volunteerHours: true, reach: "fourThirds" }],
      }),
    );
    runs.push({ input: `${inputs[0]} --scenario`, ...run("analyze", inputs[0]!, "--json", "--scenario", scenario) });
    for (const r of runs) if (r.code === 0) observedFields(JSON.parse(r.stdout), maps, observed);
  });

  it("reads the field tables of the document", () => {
    expect(documented.size).toBeGreaterThan(100);
    expect(documented.get("schemaVersion")).toEqual(new Set(["number"]));
  });

  it("runs the command on every input (exit 0, one JSON document of schemaVersion 1)", () => {
    expect(runs).toHaveLength(7);
    for (const r of runs) {
      expect(r.code, `${r.input}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    }
  });

  it("lists every field the command outputs", () => {
    const missing = [...observed.keys()].filter((p) => !documented.has(p));
    expect(missing, "fields the command prints that docs/contrat-json.md does not list").toEqual([]);
  });

  it("lists no field the command does not output", () => {
    const stale = [...documented.keys()].filter((p) => !observed.has(p));
    expect(stale, "fields docs/contrat-json.md lists that no run printed").toEqual([]);
  });

  it("gives every field a type the command respects", () => {
    const wrong = [...observed].flatMap(([path, types]) =>
      [...types].filter((t) => documented.has(path) && !documented.get(path)!.has(t)).map((t) => `${path}: printed ${t}, documented ${[...documented.get(path)!].join(" or ")}`),
    );
    expect(wrong).toEqual([]);
  });

  it("states the schema version the command prints", () => {
    expect(DOC).toMatch(/schemaVersion 1/);
    expect(DOC).toContain("| `schemaVersion` | number | `1` |");
  });
});

describe("docs/contrat-json.md: the fields of `equilibre compare --json`", () => {
  const documented = documentedFields("compare-fields");
  const all = new Map([...documentedFields(), ...documented]);
  const maps = new Map<string, string>();
  for (const path of all.keys()) {
    const m = /^(.*)\.(<[a-z]+>)$/.exec(path);
    if (m) maps.set(m[1]!, m[2]!);
  }
  const r = run("compare", join(FIXTURES, "04-festival-budget-pluriannuel.xlsx"), join(FIXTURES, "01-cerfa-12156-ateliers-du-quartier.xlsx"), "--json");
  const observed = r.code === 0 ? observedFields(JSON.parse(r.stdout), maps) : new Map<string, Set<JsonType>>();

  it("exits 0 with one document of schemaVersion 1", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it("lists every field the command outputs, with its type (the analyses' and differences' as documented above)", () => {
    const missing = [...observed.keys()].filter((p) => !all.has(p));
    expect(missing).toEqual([]);
    const wrong = [...observed].flatMap(([path, types]) => [...types].filter((t) => all.has(path) && !all.get(path)!.has(t)).map((t) => `${path}: ${t}`));
    expect(wrong).toEqual([]);
  });

  it("lists no field of the comparison the command does not output", () => {
    expect([...documented.keys()].filter((p) => !observed.has(p))).toEqual([]);
  });
});

describe("docs/contrat-json.md: the folder mode's CSV columns", () => {
  const rows = tableRows(DOC, "csv-columns").filter((r) => /^\d+$/.test(r[0] ?? ""));
  for (const [lang, index] of [["fr", 1], ["en", 2]] as const) {
    it(`are the header row the command writes with --lang ${lang}`, () => {
      const dir = mkdtempSync(join(tmpdir(), "equilibre-contract-folder-"));
      copyFileSync(join(FIXTURES, "02-club-sportif-recettes-depenses.xlsx"), join(dir, "club.xlsx"));
      const csv = join(dir, "synthese.csv");
      const r = run("analyze", dir, "--summary", csv, "--lang", lang);
      expect(r.code, r.stderr).toBe(0);
      const header = readFileSync(csv, "utf8").replace(/^\ufeff/, "").split("\r\n")[0]!.split(lang === "fr" ? ";" : ",");
      expect(header).toEqual(rows.map((row) => row[index]));
    });
  }
});
