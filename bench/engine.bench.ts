// Engine benchmark: classify and analyse 100,000 generated lines (budget: ≤ 1 s on the 2-core machine).
import { analyze, classifyLines } from "../src/engine/analyze.ts";
import { defaultParameters } from "../src/engine/parameters.ts";
import type { BudgetLine, Section } from "../src/engine/types.ts";

const LABELS: [string, Section, string | null][] = [
  ["Subvention Région Occitanie", "income", null],
  ["Cotisations des adhérents", "income", "756"],
  ["Billetterie spectacle", "income", null],
  ["Dons HelloAsso", "income", null],
  ["Prestations pour la commune", "income", "706"],
  ["Salaires animateurs", "expense", "641"],
  ["Salaire de la coordinatrice", "expense", null],
  ["Location de salle", "expense", null],
  ["Assurance MAIF", "expense", "616"],
  ["Achats fournitures pédagogiques", "expense", null],
  ["Honoraires expert-comptable", "expense", "6226"],
  ["Personnel bénévole", "in_kind_use", "864"],
  ["Bénévolat", "in_kind_resource", "870"],
];

export function generateLines(count: number): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (let i = 0; i < count; i++) {
    const [label, section, account] = LABELS[i % LABELS.length]!;
    // Vary the labels so the classifier's cache does not make the run trivial.
    const l = `${label} ${i % 997}`;
    lines.push({
      id: `B!C${i + 2}`,
      sheet: "B",
      cell: `A${i + 2}`,
      row: i + 2,
      label: l,
      account: account ? `${account}${String(i % 100).padStart(2, "0")}` : null,
      column: null,
      scenario: i % 3 === 0 ? "2025" : "2026",
      amount: { kind: "value", cents: ((i * 7919) % 1_000_000) + 100 },
      context: { sectionHint: section },
    });
  }
  return lines;
}

export function runEngineBench(count = 100_000): { ms: number; lines: number } {
  const lines = generateLines(count);
  const params = defaultParameters();
  const start = performance.now();
  const classified = classifyLines(lines, { inKindNumbering: params.inKindNumbering });
  analyze(classified, params);
  return { ms: performance.now() - start, lines: count };
}

/** A trial balance's accounts, as bench/cli.bench.ts's makeTrialBalance writes them (the reader's sides). */
const TRIAL_BALANCE: [string, string, Section][] = [
  ["606100", "Fournitures non stockables", "expense"], ["613200", "Locations immobilières", "expense"], ["616000", "Primes d'assurances", "expense"],
  ["622600", "Honoraires", "expense"], ["641100", "Salaires", "expense"], ["645100", "Cotisations URSSAF", "expense"],
  ["706300", "Prestations de services", "income"], ["741100", "Subvention État", "income"], ["754110", "Dons manuels", "income"], ["756100", "Cotisations", "income"],
];
let distinctRuns = 0;

/**
 * The classifier's cost per distinct label: `count` trial-balance lines whose labels are all distinct (« Salaires 12 »,
 * « Salaires 13 »…, as a trial balance numbers its sub-accounts) and new to this process, so no cache of a run before
 * answers. A 20,000-line trial balance has some 16,700 distinct labels.
 */
export function runDistinctLabelsBench(count = 16_000): { ms: number; labels: number; usPerLabel: number } {
  const run = distinctRuns++;
  const lines: BudgetLine[] = [];
  for (let i = 0; i < count; i++) {
    const [account, label, section] = TRIAL_BALANCE[i % TRIAL_BALANCE.length]!;
    lines.push({
      id: `Balance!E${i + 2}`,
      sheet: "Balance",
      cell: `B${i + 2}`,
      row: i + 2,
      label: `${label} ${run * count + i}`,
      account: `${account.slice(0, 4)}${String(i % 100).padStart(2, "0")}`,
      column: "Solde",
      scenario: "Solde",
      amount: { kind: "value", cents: 10_000 + ((i * 3700) % 500_000) },
      context: { sectionHint: section, heading: null, chapter: null, columnHeader: null, analyticColumn: false },
    });
  }
  const start = performance.now();
  classifyLines(lines, { inKindNumbering: "crc99" });
  const ms = performance.now() - start;
  return { ms, labels: count, usPerLabel: (ms * 1000) / count };
}
