// Rows that are not budget lines: totals, subtotals, results, carry-forwards (docs/spec.md §2).
import { anyOf, normalizeText } from "./text.ts";

export type NonLineKind = "total" | "subtotal" | "result";

interface Rule {
  kind: NonLineKind;
  /** Regular expression over the normalised label (lower-case, no accent, punctuation as spaces). */
  re: RegExp;
}

/** Words that may follow a result word in a result row (« Résultat net de l'exercice », « Solde positif au 31 12 »). */
const RESULT_TAIL = [
  "de", "du", "d", "l", "la", "le", "les", "des", "a", "au", "aux", "en", "et", "sur", "pour", "avant", "apres",
  "exercice", "exercices", "annee", "annees", "saison", "periode", "mois", "budget", "budgetaire", "comptable", "comptables",
  "net", "nets", "nette", "brut", "brute", "global", "globale", "final", "finale", "fin", "debut", "cumule", "cumulee",
  "previsionnel", "previsionnelle", "prevu", "prevue", "realise", "realisee", "reel", "reelle", "estime", "estimee",
  "positif", "positive", "negatif", "negative", "excedentaire", "deficitaire", "reporte", "reportee", "reportes", "anterieur",
  "precedent", "precedente", "courant", "courante", "exploitation", "fonctionnement", "gestion", "financier", "exceptionnel",
  "impot", "impots", "recettes", "depenses", "charges", "produits", "ressources", "emplois", "total", "general",
  "excedent", "deficit", "benefice", "perte", "insuffisance", "resultat", "disponible", "tresorerie", "bancaire", "caisse", "banque",
  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
].join("|");

const RULES: Rule[] = [
  { kind: "subtotal", re: /^(sous|s) ?total/ },
  { kind: "total", re: /^(total|totaux|tot)\b/ },
  { kind: "total", re: /^(montant|budget) total\b/ },
  // « Coût total du projet, valorisation comprise », « Coût global de l'action »: the project's whole cost.
  { kind: "total", re: /^(couts?|budgets?) (total|totale|totaux|global|globale|globaux) (du|de l|de la|des) (projet|action|operation|programme|manifestation|evenement)s?\b/ },
  // « Revenu total », « Dépenses totales », « Produits totaux 2018 », « Coût total »: the side word, then « total ».
  { kind: "total", re: /^(les )?(revenus?|recettes|depenses|charges|produits|ressources|emplois|couts?|frais) (total|totale|totales|totaux)( \d{4}| general| generale| de l exercice| de l annee)?$/ },
  { kind: "total", re: /\btotal (general|des charges|des produits|charges|produits|recettes|depenses|emplois|ressources)$/ },
  // « Résultat », « Excédent 2022 reporté », « Solde de l'exercice »: a result word and nothing but words of a result.
  // « Solde subvention Région » (a grant's last payment) and « Bénéfice loto » (an event's proceeds) are lines.
  // « Soldes » alone, « Soldes de l'exercice »: the plural says the same result (it was read as a produit).
  { kind: "result", re: new RegExp(`^(resultat|resultats|excedent|excedents|deficit|deficits|benefice|benefices|solde|soldes|equilibre budgetaire|perte de l exercice|pertes de l exercice)( (${RESULT_TAIL}|\\d+(er|e|eme)?))*$`) },
  { kind: "result", re: /^report a nouveau\b/ },
  // The Cerfa form's balancing rows: "Excédent prévisionnel (bénéfice)" / "Insuffisance prévisionnelle (perte)", and
  // the printed form's bare « Excédent » | « Insuffisance » (the one that balances charges and produits).
  { kind: "result", re: new RegExp(`^(insuffisance|insuffisances)( (${RESULT_TAIL}))*$`) },
  { kind: "result", re: /^insuffisance (previsionnelle|de financement|de ressources|d exploitation)\b/ },
  { kind: "result", re: /^(perte|pertes|benefice) (previsionnel|previsionnelle|de l annee)\b/ },
  { kind: "result", re: /^(resultat|excedent|deficit) (previsionnel|de l exercice|net|d exploitation|comptable)/ },
  // « Solde (financements – dépenses) », « Solde recettes - dépenses »: the balance of the two sides, said how.
  { kind: "result", re: /^solde (des )?(financements?|ressources|recettes|produits) (moins )?(les |des )?(depenses|charges|emplois|couts)$/ },
  // A budget laid out in English: « Surplus », « Surplus / (deficit) », « Net income », « Net surplus for the year »,
  // « Balance » (income less expenses). « Net income » is the year's result in English, never a line of income.
  { kind: "result", re: /^(net )?(surplus|deficit|surplus deficit|deficit surplus|surplus or deficit|result|balance)( (for|of) the (year|period))?( \d{4})?$/ },
  // « Net income (revenue minus spending) »: the result said with how it is reckoned.
  { kind: "result", re: /^net (income|result|movement in funds|incoming resources|operating result|profit|loss|gain)( (for|of) the (year|period|month|quarter|event|conference))?( \d{4})?( (revenue|revenues|income|receipts) (minus|less) (spending|expenses|expense|expenditure|expenditures|costs|payments))?$/ },
  { kind: "result", re: /^(net )?(excess|shortfall|surplus|deficit)? ?(of )?(income|revenue|receipts|expenditure|expenses|payments) (over|less) (income|revenue|receipts|expenditure|expenses|payments)\b/ },
  { kind: "result", re: /^net movements? (in|on|of) funds\b/ },
  // « Result of the conference (income − expenses) », « Balance after the carry-over »: the result, said how.
  { kind: "result", re: /^(net )?(result|results|surplus|deficit|balance)\b.*\b(income|revenue|revenues|receipts) (minus |less )?(expenses|expenditure|costs|spending)$/ },
  { kind: "result", re: /^(net )?balance (after|before|including|excluding) (the )?(carry ?over|carried forward|brought forward|reserves?|previous)\b/ },
  // « Excédent des ressources par rapport aux charges », « Déficit des recettes sur les dépenses »: the year's result.
  { kind: "result", re: /^(excedent|excedents|deficit|deficits|insuffisance|solde) (des |de )?(ressources|produits|recettes|charges|depenses|emplois) (par rapport aux|sur les|sur|moins les|moins) (ressources|produits|recettes|charges|depenses|emplois)\b/ },
  { kind: "total", re: /^(grand total|sum total)\b/ },
  // A treasurer's sentence that states a total: « Les recettes se montent à », « Le total des dépenses s'élève à ».
  { kind: "total", re: /^(les |le total des |le montant des |l ensemble des )?(recettes|depenses|charges|produits|ressources|emplois)( totales?| de l (exercice|annee))? (se montent|se monte|se montaient|s elevent|s eleve|s elevaient|s elevait|atteignent|atteint|atteignaient|representent|sont de|est de|etaient de|totalisent)( a| au total a)?\b/ },
];

/** The Cerfa form's balancing rows: « insuffisance prévisionnelle », « excédent prévisionnel (bénéfice) ». */
const FORM_RESULT = /^(insuffisance|excedent|deficit|perte|benefice) previsionnel(le)?( (perte|benefice))?$/;

const ANY_RULE = anyOf(RULES.map((r) => r.re));

/** A result row's words with a note in brackets after them: « Solde positif (reversé au GSP) ». */
const RESULT_WITH_NOTE = new RegExp(`^(resultat|excedent|deficit|benefice|solde|soldes)( (${RESULT_TAIL}))+$`);

/** What a label names when it is a total, a subtotal, a result or a carry-forward; null for an ordinary line. */
export function nonLineKind(label: string): NonLineKind | null {
  const text = normalizeText(label).replace(/^\d+\s+/, "");
  if (text === "") return null;
  // Most labels are lines: one expression says no rule matches before each is asked which.
  if (ANY_RULE.test(text)) for (const rule of RULES) if (rule.re.test(text)) return rule.kind;
  // « Solde positif (reversé au GSP) »: the words before the brackets make a result of two words or more (« Solde
  // (subvention Région) », a grant's last payment, has one: a line).
  if (label.includes("(")) {
    const before = normalizeText(label.replace(/\([^)]*\)?/g, " ")).replace(/^\d+\s+/, "");
    if (RESULT_WITH_NOTE.test(before)) return "result";
    // « Autofinancement (insuffisance prévisionnelle) », « Fonds propres (excédent prévisionnel) »: the Cerfa's
    // balancing row named in brackets is the forecast's result, whatever the treasurer titled it.
    const inside = /\(([^)]*)\)/.exec(label);
    if (inside && FORM_RESULT.test(normalizeText(inside[1]!))) return "result";
  }
  return null;
}
