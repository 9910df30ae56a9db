import { describe, expect, it } from "vitest";
import { ERROR_CATALOGUE, EquilibreError, errorMessage, isEquilibreError, isNoBudget, UNREADABLE_REASONS, type ErrorCode } from "./errors.ts";

/** Every parameter a message may name, with a value easy to spot in the sentence. */
const PARAMS = {
  file: "budget-2026.xlsx",
  detail: "DÉTAIL-42",
  name: "significanceThreshold",
  value: "2",
  expected: "un nombre entre 0 et 1",
  expectedEn: "a number between 0 and 1",
  column: "Budget 2027",
  columns: "« Budget 2026 »",
  header: "Part des recettes (%)",
  cell: "B2",
  sheet: "Budget",
  size: 1500,
  limit: 1024,
  problem: "ENOSPC",
  format: "ods",
  action: "create",
  version: 3,
  known: 2,
  reason: "damaged",
};

const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

describe("the error catalogue", () => {
  it.each(codes)("%s reads as a whole sentence in French and in English, with its details filled in", (code) => {
    for (const lang of ["fr", "en"] as const) {
      const text = errorMessage(code, PARAMS, lang);
      expect(text).not.toMatch(/undefined|null|\[object|NaN|\$\{/);
      expect(text).toMatch(/^[A-ZÀ-Ý«“]/);
      expect(text).toMatch(/[.!]$/);
      // Any file or detail the template names is shown as given.
      const template = ERROR_CATALOGUE[code][lang].toString();
      for (const key of ["file", "detail", "column", "sheet"] as const) if (template.includes(`p.${key}`)) expect(text).toContain(PARAMS[key]);
    }
  });

  it("says what to do, not only what went wrong, in every French message that needs an action", () => {
    const actionWords = /vérifiez|ouvrez|enregistrez|ajoutez|choisissez|tapez|appuyez|ôtez|cliquez|relancez|saisissez|analysez/i;
    const informative: ErrorCode[] = ["invalid_parameter", "unknown_column"];
    for (const code of codes.filter((c) => !informative.includes(c))) expect(errorMessage(code, PARAMS, "fr"), code).toMatch(actionWords);
  });

  it.each(Object.keys(UNREADABLE_REASONS))("says why a file is unreadable (%s) in the reader's language, with no French in English", (reason) => {
    const e = new EquilibreError("unreadable_file", { file: "a.xlsx", reason });
    expect(e.message).toContain(UNREADABLE_REASONS[reason as keyof typeof UNREADABLE_REASONS].fr);
    expect(e.messageIn("en")).toContain(UNREADABLE_REASONS[reason as keyof typeof UNREADABLE_REASONS].en);
    expect(e.messageIn("en").replace(/Équilibre/g, "")).not.toMatch(/[éèàçù«»]|\b(le|la|les|est|fichier|dossier)\b/);
    expect(e.message).not.toMatch(/\([^)]*\([^)]*\)[^(]*\)/);
  });

  it.each(["EROFS", "EFBIG"])("a %s while writing names the option that chose the place: --summary for the summary, -o for a report", (problem) => {
    for (const lang of ["fr", "en"] as const) {
      const summary = new EquilibreError("write_failed", { file: "synthese.csv", problem, option: "--summary" }).messageIn(lang);
      expect(summary).toContain("--summary");
      expect(summary).not.toMatch(/ -o\b|\{option\}/);
      expect(new EquilibreError("write_failed", { file: "r.xlsx", problem }).messageIn(lang)).toMatch(/ -o\b/);
    }
  });

  it("gives the French sentence as the error's message and the English one on demand", () => {
    const e = new EquilibreError("file_not_found", { file: "x.xlsx" });
    expect(e.message).toBe("Le fichier « x.xlsx » est introuvable : vérifiez son nom et son dossier.");
    expect(e.messageIn("en")).toBe("The file “x.xlsx” cannot be found: check its name and folder.");
    expect(isEquilibreError(e)).toBe(true);
    expect(isEquilibreError(new Error("x"))).toBe(false);
  });

  it("counts an empty workbook and a workbook without a budget as 'no budget', and nothing else", () => {
    expect(isNoBudget(new EquilibreError("no_budget", { file: "a" }))).toBe(true);
    expect(isNoBudget(new EquilibreError("empty_workbook", { file: "a" }))).toBe(true);
    expect(isNoBudget(new EquilibreError("unreadable_file", { file: "a" }))).toBe(false);
    expect(isNoBudget(new Error("no_budget"))).toBe(false);
  });
});
