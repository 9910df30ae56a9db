// Budgets that type their charges (or produits) as negative numbers, as a bank statement would:
// "Achats -2 500". Summed as written, the expenses would be negative and every ratio meaningless.
import type { ClassifiedLine, Section } from "../engine/types.ts";
import type { ReadIssue } from "./budget.ts";

const SECTION_WORDS: Record<Section, { fr: string; typed: string; en: string }> = {
  expense: { fr: "Les charges", typed: "sont saisies", en: "The expenses" },
  income: { fr: "Les produits", typed: "sont saisis", en: "The income lines" },
  in_kind_use: { fr: "Les emplois en nature (86)", typed: "sont saisis", en: "The in-kind uses (86)" },
  in_kind_resource: { fr: "Les contributions en nature (87)", typed: "sont saisies", en: "The in-kind resources (87)" },
};

/**
 * Reads as positive a section whose amounts are typed negative (at least two lines, two thirds of them or
 * more below zero, and a negative total), per sheet and amount column. A single negative line among positive
 * ones — a refund — keeps its sign. Says which sections were read so.
 */
export function readNegativeSections(lines: readonly ClassifiedLine[]): { lines: ClassifiedLine[]; issues: ReadIssue[] } {
  const groups = new Map<string, ClassifiedLine[]>();
  for (const l of lines) {
    if (l.amount.kind !== "value" || l.amount.cents === 0) continue;
    const key = `${l.sheet}\u0000${l.scenario}\u0000${l.section}`;
    // Push, never copy: copying the group for every line made a 100,000-line section take half a minute.
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  const flipped = new Set<ClassifiedLine>();
  const issues: ReadIssue[] = [];
  for (const group of groups.values()) {
    const cents = group.map((l) => (l.amount.kind === "value" ? l.amount.cents : 0));
    const negative = cents.filter((c) => c < 0).length;
    if (negative < 2 || negative * 3 < group.length * 2 || cents.reduce((a, b) => a + b, 0) >= 0) continue;
    for (const l of group) flipped.add(l);
    const { sheet, scenario, section } = group[0]!;
    const words = SECTION_WORDS[section];
    issues.push({
      sheet,
      cell: null,
      code: "negative_amounts",
      message: `${words.fr} de la feuille « ${sheet} » (« ${scenario} ») ${words.typed} en nombres négatifs : Équilibre les lit en positif (${group.length} lignes). Vérifiez que c'est bien le cas.`,
      messageEn: `${words.en} of the sheet “${sheet}” (“${scenario}”) are typed as negative numbers: Équilibre reads them as positive (${group.length} lines). Check that this is right.`,
    });
  }
  if (flipped.size === 0) return { lines: [...lines], issues };
  return {
    lines: lines.map((l) => (flipped.has(l) && l.amount.kind === "value" ? { ...l, amount: { kind: "value", cents: -l.amount.cents }, negativeInSheet: true } : l)),
    issues,
  };
}
