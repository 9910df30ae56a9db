import { describe, expect, it } from "vitest";
import { defaultParameters } from "../engine/parameters.ts";
import { analyzeSnapshot } from "./pipeline.ts";
import { buildReportPlan } from "./reportPlan.ts";
import { formatEuros } from "../engine/money.ts";
import { eurosText } from "../engine/figures.ts";
import { PLAN_STYLES } from "./plan.ts";
import { readCorrectionRecords } from "./corrections.ts";
import type { WorkbookSnapshot } from "./snapshot.ts";
import { gridSheet as sheet } from "../../tests/gridSheet.ts";


const budget: WorkbookSnapshot = {
  name: "asso.xlsx",
  sheets: [
    sheet("Budget", [
      ["Poste", "Réalisé 2025", "Budget 2026"],
      ["CHARGES", null, null],
      ["Achats fournitures", 1000, 1200],
      ["=HYPERLINK(\"http://x\",\"clic\")", 500, 500],
      ["Salaire coordinatrice", 20000, 21000],
      ["PRODUITS", null, null],
      ["Subvention Région", 15000, 16000],
      ["+cmd|' /C calc'!A0", 100, 100],
      ["Cotisations", 6400, 6600],
    ]),
  ],
};

describe("the report plan", () => {
  const result = analyzeSnapshot(budget, defaultParameters());
  const plan = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)) });
  const [report, mapping, levers] = plan.sheets;

  it("has the report, the mapping table, the levers table and the scenario inputs, in that order", () => {
    expect(plan.sheets.map((s) => [s.name, s.role])).toEqual([
      ["Équilibre", "report"],
      ["Équilibre – lignes", "mapping"],
      ["Équilibre – leviers", "levers"],
      ["Équilibre – scénarios", "scenarios"],
    ]);
    expect(mapping!.tables[0]!.ref).toBe(`A4:U${4 + result.classified.length}`);
    expect(levers!.tables[0]!.columns[0]).toBe("Levier");
  });

  it("writes labels that look like formulas as text, never as formulas", () => {
    const all = plan.sheets.flatMap((s) => s.cells);
    const hostile = all.filter((c) => typeof c.value === "string" && /^[=+]/.test(c.value));
    expect(hostile.map((c) => c.value)).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","clic")', "+cmd|' /C calc'!A0"]));
    for (const c of all) if (c.formula) expect(c.formula).not.toMatch(/HYPERLINK|cmd\|/);
  });

  it("uses only functions that Excel 2016 and LibreOffice both compute", () => {
    const allowed = new Set(["SUMIFS", "INDEX", "MATCH", "IF", "CHOOSE", "AND", "OR", "ISNUMBER", "MAX", "ABS", "ROUND", "TEXT", "FIXED", "SUBSTITUTE", "TRIM", "INT", "MOD", "MID", "ROUNDUP", "COUNTIFS", "N"]);
    const used = new Set(plan.sheets.flatMap((s) => s.cells.flatMap((c) => (c.formula ? [...c.formula.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!) : []))));
    expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
    for (const c of plan.sheets.flatMap((s) => s.cells)) {
      if (!c.formula) continue;
      const bare = c.formula.replace(/"[^"]*"/g, "");
      expect(bare.split("(").length, c.ref).toBe(bare.split(")").length);
    }
  });

  it("shows the last column by default and lets the user pick another one", () => {
    const pick = report!.cells.find((c) => c.value === "Budget 2026" && c.style === "input");
    expect(pick).toBeDefined();
    // The choices are cells beyond the print area (an inline list breaks on commas and stops at 255 characters).
    expect(report!.validations[0]!.listSource).toBe(`'Équilibre'!$K$${pick!.ref.slice(1)}:$L$${pick!.ref.slice(1)}`);
    expect(["K", "L"].map((col) => report!.cells.find((c) => c.ref === `${col}${pick!.ref.slice(1)}`)?.value)).toEqual(["Réalisé 2025", "Budget 2026"]);
  });

  it("gives every report figure the engine's value as expected result", () => {
    const main = result.analyses[1]!;
    const expectedNumbers = report!.cells.filter((c) => c.formula && typeof c.expected === "number").map((c) => c.expected);
    expect(expectedNumbers).toContain(main.totals.byNature.public / 100);
    expect(expectedNumbers).toContain(main.model.shares.public);
    expect(report!.cells.some((c) => c.expected === main.model.name.fr)).toBe(true);
    expect(report!.print).toMatchObject({ landscape: true, fitToWidth: 1 });
  });

  it("reads back a correction typed into the mapping table, by sheet, label, account and column", () => {
    const header = mapping!.cells.filter((c) => /^[A-U]4$/.test(c.ref)).map((c) => c.value as string);
    const first = 5;
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P"].map((col) => mapping!.cells.find((c) => c.ref === `${col}${r}`)?.value ?? null);
    const rows = [header, row(first)];
    rows[1]![14] = "Dons";
    const snapshot: WorkbookSnapshot = { name: "x", sheets: [sheet("Équilibre – lignes", [[], [], [], ...rows])] };
    const corrections = readCorrectionRecords(snapshot).map((r) => r.correction);
    expect(corrections).toEqual([{ lever: "donations", destination: null }]);
    const again = analyzeSnapshot({ ...budget, sheets: [...budget.sheets, ...snapshot.sheets] }, defaultParameters());
    const corrected = again.classified.filter((l) => l.corrected);
    expect(corrected.map((l) => [l.label, l.lever, l.section])).toEqual([["Achats fournitures", "donations", "income"]]);
  });
});

describe("report formulas Excel accepts, whatever the column headers", () => {
  const headers = ['=HYPERLINK("http://x","Budget")', "<2026", "Budget 2027*", "Réalisé ~?"];
  const snapshot: WorkbookSnapshot = {
    name: "entetes.xlsx",
    sheets: [
      sheet("Budget", [
        ["Poste", ...headers],
        ["CHARGES", null, null, null, null],
        ["Achats fournitures", 1000, 1100, 1200, 1300],
        ["Honoraires comptable", 500, 500, 500, 500],
        ["PRODUITS", null, null, null, null],
        ["Subvention Région", 1000, 1100, 1200, 1300],
        ["Dons", 500, 500, 500, 500],
      ]),
    ],
  };
  const result = analyzeSnapshot(snapshot, defaultParameters());
  const formulas = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)) }).sheets.flatMap((s) => s.cells.flatMap((c) => (c.formula ? [{ ref: c.ref, f: c.formula }] : [])));

  it("matches a column's name as text: never as a comparison or a wildcard pattern", () => {
    expect(result.analyses.map((a) => a.scenario)).toEqual(headers);
    const sumifs = formulas.flatMap(({ f }) => [...f.matchAll(/SUMIFS\([^,]+,[^,]+,([^,]+)/g)].map((m) => m[1]!));
    expect(sumifs.length).toBeGreaterThan(100);
    expect(sumifs.filter((criterion) => !criterion.startsWith('"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE('))).toEqual([]);
  });

  it("keeps every formula within Excel's 8,192 characters, trajectory included", () => {
    expect(formulas.filter(({ f }) => f.length > 8_192).map(({ ref, f }) => `${ref}: ${f.length}`)).toEqual([]);
  });
});

describe("the sheets a run replaces", () => {
  it("include Équilibre's own recognised by their content when the state that names them was lost, never a user's sheet", () => {
    const snapshot: WorkbookSnapshot = {
      ...budget,
      sheets: [
        ...budget.sheets,
        sheet("Équilibre", [["Équilibre — modèle socio-économique"], ["Source : …"]]),
        sheet("Équilibre – leviers", [["Levier", "Identifiant", "Famille", "Pilier", "Nature", "Destination par défaut"], ["Subventions publiques", "public_grants"]]),
        sheet("Notes", [["Équilibre — mes notes sur le rapport"]]),
      ],
      ownSheets: [],
    };
    const result = analyzeSnapshot(snapshot, defaultParameters());
    expect(result.budgets.map((b) => b.sheet)).toEqual(["Budget"]);
    const plan = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)), previousSheets: [] });
    expect(plan.replaces).toEqual(["Équilibre", "Équilibre – leviers"]);
    expect(buildReportPlan(result, { lang: "fr", date: new Date(), previousSheets: ["Ancien rapport"] }).replaces).toEqual(["Ancien rapport", "Équilibre", "Équilibre – leviers"]);
  });
});

describe("the print header", () => {
  it("cuts a long association name so the header stays within Excel's 255 characters", () => {
    const result = analyzeSnapshot(budget, defaultParameters());
    const long = `Association ${"très longue & ".repeat(30)}`;
    const report = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)), title: long }).sheets[0]!;
    expect(report.print!.header.length).toBeLessThanOrEqual(90);
    expect(report.print!.header).toMatch(/^Association très longue & .*…$/);
    expect(report.cells.find((c) => c.ref === "F1")!.value).toBe(long);
    expect(buildReportPlan(result, { lang: "fr", date: new Date(), title: "FC Saint-Martin\n(section foot)" }).sheets[0]!.print!.header).toBe("FC Saint-Martin (section foot)");
  });
});

describe("the mapping table's effective lever", () => {
  it("reads a typed correction as the engine does: trimmed, matched as text (no wildcard), shown as the lever's own label", () => {
    const result = analyzeSnapshot(budget, defaultParameters());
    const mapping = buildReportPlan(result, { lang: "fr", date: new Date(Date.UTC(2026, 10, 24)) }).sheets[1]!;
    const lever = mapping.cells.find((c) => c.ref === "Q5")!;
    expect(lever.formula).toContain('SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(O5),"~","~~"),"*","~*"),"?","~?")');
    expect(lever.formula).toMatch(/^IF\(AND\(O5<>"",ISNUMBER\(MATCH\(.*\)\)\),INDEX\('Équilibre – leviers'!\$A\$2:\$A\$\d+,MATCH\(/);
  });
});

describe("money in the written workbook", () => {
  const result = analyzeSnapshot(budget, defaultParameters());
  // What a cell's number format shows for 12 345 € in a spreadsheet of that language (the whole euros).
  const shown = (numFmt: string, lang: "fr" | "en") =>
    numFmt.split(";")[0]!.replace(/#,##0(\.00)?/, lang === "fr" ? "12 345" : "12,345").replace(/"/g, "");
  const space = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
  for (const lang of ["fr", "en"] as const) {
    it(`follows one rule in ${lang === "fr" ? "French (12 345 €)" : "English (€12,345)"}: cells and the amounts of the sentences and the CLI (eurosText) alike`, () => {
      const plan = buildReportPlan(result, { lang, date: new Date(Date.UTC(2026, 10, 24)) });
      const formats = new Set(plan.sheets.flatMap((sh) => sh.cells).flatMap((c) => (c.style && /€/.test(PLAN_STYLES[c.style].numFmt ?? "") ? [PLAN_STYLES[c.style].numFmt!] : [])));
      expect(formats.size).toBeGreaterThan(0);
      const rule = space(formatEuros(1234500, lang));
      expect(space(eurosText(1234500, lang))).toBe(rule);
      for (const f of formats) expect(space(shown(f, lang)), f).toBe(rule);
    });
  }
});

describe("scenarios the scenario sheet cannot hold are said, not dropped in silence", () => {
  const result = analyzeSnapshot(budget, defaultParameters());
  const date = new Date(Date.UTC(2026, 10, 24));

  it("a destination change (the sheet has no cell for it) is a warning naming its scenario", () => {
    const moved = { name: "Coordination en ingénierie", column: null, changes: [{ kind: "destination" as const, line: "Budget!A5", destination: "engineering" as const }] };
    const plan = buildReportPlan(result, { lang: "fr", date, scenarios: [moved] });
    expect(plan.warnings).toEqual([expect.stringContaining("Le scénario « Coordination en ingénierie » déplace aussi 1 ligne(s)")]);
    expect(buildReportPlan(result, { lang: "fr", date, scenarios: [{ ...moved, changes: [{ kind: "percent", lever: "public_grants", percent: -20 }] }] }).warnings).toEqual([]);
  });

  it("scenarios beyond the sheet's columns are named in a warning", () => {
    const scenarios = ["A", "B", "C", "D", "E", "F"].map((name) => ({ name, column: null, changes: [{ kind: "percent" as const, lever: "public_grants" as const, percent: -10 }] }));
    const plan = buildReportPlan(result, { lang: "en", date, scenarios });
    expect(plan.warnings).toEqual(["The “Équilibre – scenarios” sheet holds 4 scenarios side by side: “E”, “F” are not written there."]);
  });
});
