// Cell formats other writers use, in budgets written by the real libraries (tests/fixtures/writers/formats.py made
// the committed bytes), run through the command as a user runs it: percentages and times in an amount column are
// never money, ISO date cells and error cells are named by their cell, money formats (symbol before or after,
// negatives in parentheses or in red, accounting) are read with their sign, array formulas give their saved result,
// rows hidden by an autofilter are still lines, and said; LibreOffice's pivot table is skipped like Excel's.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WRITERS_BUDGET_LINES } from "./writersBudget.ts";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(import.meta.dirname, "fixtures", "writers");

interface Doc {
  lines: { label: string; cell: string; amount: number }[];
  issues: { code: string; cell: string | null; message: string }[];
  analyses: { budget: { expense: number; income: number } }[];
}

function analyse(name: string): Doc {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "equilibre.mjs"), "analyze", join(DIR, name), "--json"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}
const amounts = (d: Doc) => d.lines.map((l) => [l.label, l.amount]);
const issueCells = (d: Doc) => d.issues.map((i) => `${i.code} ${i.cell ?? ""}`).sort();
const LINES = WRITERS_BUDGET_LINES;

describe("cell formats of other writers, through the command", () => {
  it("openpyxl: percentages (0 %, 0.00 %, « 0.0 % ») and times or durations (h:mm, [h]:mm, mm:ss) in the amount column are never money, and each is named as shown", () => {
    const d = analyse("formats-openpyxl-percent-time.xlsx");
    expect(amounts(d)).toEqual(LINES);
    expect(d.analyses[0]!.budget).toMatchObject({ expense: 4700, income: 6700 });
    // Each said as the cell shows it, and why it is no amount (it said « Saisissez un nombre »: it is one).
    const shown = Object.fromEntries(d.issues.map((i) => [i.cell, / affiche (.+?) : un(?:e)? /.exec(i.message)?.[1]]));
    expect(shown).toEqual({ B6: "20\u00a0%", B7: "12,5\u00a0%", B8: "1:30", B9: "36:00", B14: "3,5\u00a0%", B15: "05:00" });
  });

  it("openpyxl: an ISO date cell (t=\"d\"), error cells (#REF!, #DIV/0!, #N/A) and a boolean in the amount column are each named by their cell, never 0", () => {
    const d = analyse("formats-openpyxl-dates-errors-booleans.xlsx");
    // An error is a line without an amount (its row is the budget's), never an amount of 0.
    expect(amounts(d).filter(([, a]) => a !== null)).toEqual(LINES);
    expect(amounts(d).filter(([, a]) => a === null)).toEqual([["Frais de déplacement", null], ["Part des salaires", null], ["Subvention de la région", null]]);
    // The boolean typed among the amounts (« Mécénat confirmé | VRAI ») is named too: it was dropped in silence.
    expect(issueCells(d)).toEqual(["cell_error B13", "cell_error B7", "cell_error B8", "date_not_an_amount B6", "text_not_a_number B14"]);
    expect(d.issues.find((i) => i.cell === "B6")?.message).toContain("2026-03-14");
    expect(d.issues.find((i) => i.cell === "B7")?.message).toContain("#REF!");
  });

  it("XlsxWriter: money with the symbol before or after, in red, in parentheses, the accounting format, and « (200,00) » typed as text: each with its sign", () => {
    const d = analyse("formats-xlsxwriter-currency.xlsx");
    expect(amounts(d)).toEqual([...LINES, ["Remboursement de cotisations", -300], ["Annulation d'un don", -200]]);
    expect(d.analyses[0]!.budget).toMatchObject({ expense: 4700, income: 6200 });
    expect(issueCells(d)).toEqual(["amounts_as_text B11"]);
  });

  it("XlsxWriter: a « Montant » column formatted « Texte » (@), with figures typed as text and as numbers: every amount read and the text ones said (it was « Aucun budget trouvé », exit 3)", () => {
    const d = analyse("formats-xlsxwriter-text-column.xlsx");
    expect(amounts(d)).toEqual(LINES);
    expect(d.issues.map((i) => i.code)).toEqual(["amounts_as_text"]);
    expect(d.issues[0]!.message).toContain("(B3, B5, B7, B9)");
  });

  it("XlsxWriter: an array formula (t=\"array\") and a dynamic-array formula (cm=) give their saved results", () => {
    expect(amounts(analyse("formats-xlsxwriter-array-formulas.xlsx"))).toEqual(LINES);
  });

  it("XlsxWriter: rows grouped in an outline under their =SOUS.TOTAL rows: every line read (a 2 000 € line beside its « Produits » Type cell was dropped as a header of the year 2000), the subtotals skipped", () => {
    const d = analyse("formats-xlsxwriter-outline.xlsx");
    expect(amounts(d)).toEqual(LINES);
    expect(d.issues).toEqual([]);
  });

  it("LibreOffice: a DataPilot (pivot table) saved as .xlsx is recognised and skipped like Excel's, so no figure is counted twice", () => {
    const d = analyse("libreoffice-pivot.xlsx");
    expect(amounts(d)).toEqual(LINES);
    expect(d.analyses[0]!.budget).toMatchObject({ expense: 4700, income: 6700 });
    expect(d.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["pivot_table A3"]);
    expect(d.issues[0]!.message).toMatch(/« Pilote de données 1 ».*« Budget »/);
  });

  it("XlsxWriter: rows hidden by an autofilter are still lines of the budget, and the hidden rows are said", () => {
    const d = analyse("formats-xlsxwriter-autofilter.xlsx");
    expect(amounts(d)).toEqual(LINES);
    expect(d.issues.map((i) => i.code)).toEqual(["hidden_rows"]);
    expect(d.issues[0]!.message).toMatch(/3 ligne\(s\) masquée\(s\) : elles ont été lues/);
  });
});
