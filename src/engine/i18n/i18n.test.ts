import { describe, expect, it } from "vitest";
import { BUDGET_FIGURES, MIX_SENTENCE, PILLAR_FIGURES, RESULT_WORDS, RULES, SHARE_NAMES, WATCH_SENTENCE } from "../figures.ts";
import { NATURE_NAMES, PILLAR_NAMES, PROFILE_NAMES, STATUS_NAMES } from "../labels.ts";
import { LEVERS } from "../levers.ts";
import { MODELS } from "../models.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { say, sayCount } from "./index.ts";
import { frenchIn } from "./typography.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the dictionaries", () => {
  it("have the same keys, and each key the same placeholders in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const k of Object.keys(fr) as (keyof typeof fr)[]) expect(placeholders(en[k]), k).toEqual(placeholders(fr[k]));
  });
  it("fill their placeholders", () => {
    expect(say("en", "usage.unknownOption", { option: "--x" })).toBe("Unknown option “--x”.");
    expect(say("fr", "report.footer", { date: "24/11/2026" })).toBe("Équilibre · établi le 24/11/2026");
  });
  it("count the French way in French (the singular up to 1) and the English way in English", () => {
    expect([0, 1, 2].map((n) => sayCount("fr", "pane.budgetsFound", n, { sheets: "« B »" }))).toEqual(["0 budget trouvé dans « B »", "1 budget trouvé dans « B »", "2 budgets trouvés dans « B »"]);
    expect([0, 1, 2].map((n) => sayCount("en", "pane.budgetsFound", n, { sheets: "“B”" }))).toEqual(["0 budgets found in “B”", "1 budget found in “B”", "2 budgets found in “B”"]);
    expect([0, 1, 3].map((n) => sayCount("fr", "pane.toCheck", n))).toEqual(["Aucune ligne à vérifier", "1 ligne à vérifier", "3 lignes à vérifier"]);
  });
  it("write English with no French in it, and English typography", () => {
    const texts: [string, string][] = [
      ...Object.entries(en),
      ...RULES.flatMap((r) => [r.name, r.short, r.sentences.reached, r.sentences.below, r.sentences.unmeasured, ...(r.sentences.empty ? [r.sentences.empty] : [])].map((x, i): [string, string] => [`${r.id}.${i}`, x.en])),
      ...BUDGET_FIGURES.map((f): [string, string] => [f.id, f.label.en]),
      ...PILLAR_FIGURES.flatMap((p) => [...p.parts, ...p.beside].map((x): [string, string] => [x.id, x.label.en])),
      ...[MIX_SENTENCE, WATCH_SENTENCE.none, WATCH_SENTENCE.some, ...Object.values(SHARE_NAMES), ...Object.values(RESULT_WORDS)].map((x, i): [string, string] => [`sentence${i}`, x.en]),
      ...[...Object.values(NATURE_NAMES), ...Object.values(PILLAR_NAMES), ...Object.values(PROFILE_NAMES), ...Object.values(STATUS_NAMES), ...LEVERS.map((l) => l.label), ...MODELS.map((m) => m.name)].map((x, i): [string, string] => [`name${i}`, x.en]),
    ];
    expect(texts.flatMap(([k, v]) => frenchIn(v).map((p) => `${k}: ${p} in ${JSON.stringify(v)}`))).toEqual([]);
  });
});
