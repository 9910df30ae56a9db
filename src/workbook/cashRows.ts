// Rows written among the lines that are not flows of the year: the money held at a date (« Au 31 décembre sur le
// compte paypal », « Reste en caisse »), and what an earlier year left (« Excédent de recettes de l'exercice 1885 »).
// Treasurers list them to show where the money is, or to balance an account (receipts = expenses + what remains):
// counted as produits or charges they add the same euros twice. They are set aside like balance-sheet accounts, and
// said in an issue naming each row, so that a real line taken for one is seen.
import { formatEuros } from "../engine/money.ts";
import { normalizeText } from "../engine/text.ts";
import type { ReadIssue } from "./budget.ts";

export type CashRowKind = "cash_balance" | "carried_over" | "loan";

const MONTH = "(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)";
/** Where money is held: a bank or cash account, a savings book, a payment platform. */
const HOLDER = "(?:compte|comptes|caisse|caisses|banque|banques|livret|livrets|ccp|paypal|helloasso|stripe|lydia|tresorerie)";
/** A date in a label: « 31 décembre », « 1er janvier 1886 », « 31 12 », « 31 12 2023 ». */
const DATE = `(?:\\d{1,2}(?: ?er)? (?:${MONTH}|\\d{1,2})(?: \\d{2,4})?)`;

const CASH_BALANCE: RegExp[] = [
  // « Au 31 décembre sur le compte paypal », « Au 1er janvier, en caisse »: a date, then where the money is.
  new RegExp(`^(?:au|le|a la date du) ${DATE}\\b.*\\b(?:sur|en|dans|a) (?:le |la |les |l |notre |nos )?${HOLDER}\\b`),
  // « Sur le compte de la BNP Paribas », « Sur le livret A », « Dans la caisse »: where the money is, nothing spent.
  new RegExp(`^(?:sur|dans) (?:le |la |les |l |notre |nos )?${HOLDER}\\b`),
  // « En caisse », « En banque au 31/12 », « Reste en caisse », « Restant en banque », « Solde en caisse », « Encaisse
  // au 31 décembre », « Argent en caisse », « Avoir en banque ».
  new RegExp(`^(?:(?:il )?(?:reste|restant|restait|resterait|solde|soldes|argent|especes|fonds|avoir|avoirs|disponible|disponibilites|encaisse) )?(?:en|a la|au) (?:${HOLDER})\\b(?! (?:de|des|du|d) (?:frais|charges))`),
  new RegExp(`^(?:encaisse|caisse|banque|tresorerie|solde bancaire|solde de caisse|solde de tresorerie) (?:au|a la date du|en date du|le|du) ${DATE}`),
  // « Nous avons en caisse en novembre 2017 la somme de », « Il reste sur le compte »: a sentence saying what is held.
  new RegExp(`^(?:nous avons|nous avions|nous disposons|il reste|il restait|il y a|il y avait|on a|restent|reste) (?:\\S+ ){0,2}?(?:en|a la|au|sur le|sur la|sur les|sur notre|sur nos|dans la|dans le) ${HOLDER}\\b`),
];

/**
 * The funds of a cash account at a date, and what they are made of: « Fonds le 1er janvier : En caisse », « Fonds
 * restant le 31 décembre : Cotisations non payées » (a receivable), « … : Cotisations payées en 1948 » (paid ahead).
 * An old treasurer's account opens its receipts with the funds it starts from and closes its payments with those it
 * ends with: whatever follows the date, none of them is a flow of the year.
 */
const FUNDS_AT_A_DATE = new RegExp(`^(?:fonds|avoir|avoirs|encaisse|solde|situation)(?: restants?| disponibles?| en caisse| de caisse)? (?:le|au|du|a la date du|en date du) ${DATE}`);

/** « État du compte avant paiement », « État de la caisse au 31/12 »: the state of an account is a balance, whatever payment it is measured around. */
const STATE_OF_ACCOUNT = new RegExp(`^etats? (?:du |des |de la |de l |de )${HOLDER}\\b`);

/** A loan repaid (« Prêt de 500€ par Pierre Lévy remboursé »): the balance sheet moves, nothing is spent. */
const LOAN_REPAID = /^(?:pret|prets|emprunt|emprunts|avance|avances)\b.*\b(?:rembourse|remboursee|rembourses|remboursees)\b/;

/** An earlier year: « de l'exercice 1885 », « de l'année précédente », « antérieur », « N-1 ». */
const EARLIER = "(?:(?:de l |du |des |d |de )?(?:exercices?|annees?|budgets?|comptes?|gestions?|saisons?) )?(?:precedents?|precedentes?|anterieurs?|anterieures?|ecoules?|ecoulees?|passes?|passees?|derniers?|dernieres?|n 1|(?:18|19|20)\\d{2}(?: (?:18|19|20)?\\d{2})?)";

const CARRIED_OVER: RegExp[] = [
  // « Excédent (Excédant) de recettes de l'exercice 1885 », « Reliquat de l'exercice précédent », « Boni de 2022 »,
  // « Déficit de l'année précédente », « Solde créditeur de l'exercice 2023 ».
  new RegExp(`^(?:excedents?|excedants?|reliquats?|bonis?|deficits?|soldes?(?: crediteurs?| debiteurs?)?|restes?|resultats?) (?:de recettes |des recettes |de caisse |en caisse |de tresorerie |de gestion |budgetaires? |disponibles? )?(?:de l |du |des |d |de |en )?${EARLIER}$`),
  // « Report de l'exercice 2023 », « Report du solde », « Solde reporté », « Reprise du résultat antérieur ».
  new RegExp(`^(?:report|reports|reporte|reportes)(?: (?:de l |du |des |d |de )?(?:solde|soldes|excedent|excedents|resultat|resultats|reliquat|caisse|tresorerie|exercice|exercices|annee))?(?: ${EARLIER})?$`),
  new RegExp(`^(?:solde|soldes|excedent|excedents|resultat|resultats|reliquat) (?:reporte|reportes|reportee|a reporter|anterieur|anterieurs|precedent|de l exercice precedent)\\b`),
  /^reprise (?:du |de l |des )(?:resultat|resultats|excedent|excedents|reliquat|solde)s? (?:anterieurs?|precedents?|de l exercice precedent|n 1)$/,
  // « Apport exercice 2024 », « Apport de l'année précédente »: what an earlier year brings in, said by its year. Only
  // with the word « exercice » or « année »: « Apport 2025 » may be this year's contribution of a member.
  /^apports? (?:de l |du |de |d )?(?:exercices?|annees?) (?:precedents?|precedentes?|anterieurs?|anterieures?|n 1|(?:18|19|20)\d{2}(?: (?:18|19|20)?\d{2})?)$/,
];

/** Words of money that moved: « Au 31 décembre, dons reçus sur le compte HelloAsso » is gifts, not a balance. */
const FLOW = /\b(?:dons?|cotisations?|adhesions?|ventes?|subventions?|recus?|recues?|encaissees?|versements?|verses?|versees?|paiements?|payes?|payees?|achats?|frais|interets?|agios|commissions?|depenses?|recettes?|factures?|charges?|produits?)\b/;

/** Whether a label names a cash balance or a carried-over result, never a flow of the year. */
export function cashRowKind(label: string): CashRowKind | null {
  // « 1. Excédant de recettes… », « 2° Reste en caisse »: a numbered row is read without its number.
  const text = normalizeText(label).replace(/^(?:\d{1,3}|[a-h]|[ivx]{1,4}) (?:o )?/, "");
  if (text === "") return null;
  if (CARRIED_OVER.some((re) => re.test(text))) return "carried_over";
  if (LOAN_REPAID.test(text)) return "loan";
  if (FUNDS_AT_A_DATE.test(text) || STATE_OF_ACCOUNT.test(text)) return "cash_balance";
  if (CASH_BALANCE.some((re) => re.test(text)) && !FLOW.test(text) && !/\bcomptes? (?:de resultat|d exploitation|annuels?)\b/.test(text)) return "cash_balance";
  return null;
}

/** A row set aside as cash or carried over: its row, label cell, label, kind and amount (cents, first amount column). */
export interface CashRow {
  row: number;
  cell: string;
  label: string;
  kind: CashRowKind;
  cents: number | null;
}

/** The issue that names the rows set aside, so that a real line taken for a balance is seen and can be rewritten. */
export function cashRowsIssue(sheet: string, rows: readonly CashRow[]): ReadIssue | null {
  if (rows.length === 0) return null;
  const listed = (lang: "fr" | "en") =>
    rows
      .slice(0, 5)
      .map((x) => `${lang === "fr" ? "ligne" : "row"} ${x.row} (${lang === "fr" ? "« " : "“"}${x.label}${lang === "fr" ? " »" : "”"}${x.cents !== null ? `, ${formatEuros(x.cents, lang, x.cents % 100 !== 0)}` : ""})`)
      .join(", ") + (rows.length > 5 ? (lang === "fr" ? ` et ${rows.length - 5} autre(s)` : ` and ${rows.length - 5} more`) : "");
  const has = (k: CashRowKind) => rows.some((x) => x.kind === k);
  const what = {
    fr: [has("cash_balance") ? "les fonds à une date (en caisse, en banque, ou dus à l'association)" : null, has("carried_over") ? "ce qu'une année précédente a laissé" : null, has("loan") ? "un prêt reçu ou remboursé" : null].filter(Boolean).join(", "),
    en: [has("cash_balance") ? "the funds held at a date (in cash, at the bank, or owed to the association)" : null, has("carried_over") ? "what an earlier year left" : null, has("loan") ? "a loan received or repaid" : null].filter(Boolean).join(", "),
  };
  return {
    sheet,
    cell: rows[0]!.cell,
    code: "cash_row",
    message: `Ligne${rows.length > 1 ? "s" : ""} de trésorerie non comptée${rows.length > 1 ? "s" : ""} : ${listed("fr")}. ${what.fr[0]!.toUpperCase()}${what.fr.slice(1)} : ni charge ni produit de l'année, Équilibre ne ${rows.length > 1 ? "les" : "la"} compte pas dans les totaux. Si c'est une vraie recette ou dépense, écrivez ce qu'elle est dans son libellé (« Dons reçus sur PayPal »).`,
    messageEn: `Cash row${rows.length > 1 ? "s" : ""} not counted: ${listed("en")}. ${what.en[0]!.toUpperCase()}${what.en.slice(1)}: neither a charge nor income of the year, Équilibre leaves ${rows.length > 1 ? "them" : "it"} out of the totals. If it is a real receipt or expense, say what it is in its label (“Gifts received on PayPal”).`,
  };
}
