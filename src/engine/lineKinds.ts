// Rows that are not budget lines: totals, subtotals, results, carry-forwards (docs/spec.md §2).
import { normalizeText } from "./text.ts";

export type NonLineKind = "total" | "subtotal" | "result";

interface Rule {
  kind: NonLineKind;
  /** Regular expression over the normalised label (lower-case, no accent, punctuation as spaces). */
  re: RegExp;
}

const RULES: Rule[] = [
  { kind: "subtotal", re: /^(sous|s) ?total/ },
  { kind: "total", re: /^(total|totaux|tot)\b/ },
  { kind: "total", re: /^(montant|budget) total\b/ },
  { kind: "total", re: /\btotal (general|des charges|des produits|charges|produits|recettes|depenses|emplois|ressources)$/ },
  { kind: "result", re: /^(resultat|excedent|deficit|benefice|perte de l exercice|pertes de l exercice|solde de l exercice|solde budgetaire|solde|equilibre budgetaire)\b/ },
  { kind: "result", re: /^report a nouveau\b/ },
  // The Cerfa form's balancing rows: "Excédent prévisionnel (bénéfice)" / "Insuffisance prévisionnelle (perte)".
  { kind: "result", re: /^insuffisance (previsionnelle|de financement|de ressources|d exploitation)\b/ },
  { kind: "result", re: /^(perte|pertes|benefice) (previsionnel|previsionnelle|de l annee)\b/ },
  { kind: "result", re: /^(resultat|excedent|deficit) (previsionnel|de l exercice|net|d exploitation|comptable)/ },
];

/** What a label names when it is a total, a subtotal, a result or a carry-forward; null for an ordinary line. */
export function nonLineKind(label: string): NonLineKind | null {
  const text = normalizeText(label).replace(/^\d+\s+/, "");
  if (text === "") return null;
  for (const rule of RULES) if (rule.re.test(text)) return rule.kind;
  return null;
}
