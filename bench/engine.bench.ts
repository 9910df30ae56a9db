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
