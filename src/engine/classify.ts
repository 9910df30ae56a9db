// The line classifier: a budget line (label, account, context) → lever, pillar, nature, destination,
// a confidence and a short reason. Accounts first where present; the label where the account is absent,
// generic, or contradicted by the funder the label names (docs/spec.md §2).
import { expandAbbreviations } from "./abbreviations.ts";
import { translateEnglish } from "./englishLabels.ts";
import { CHART_WORDS, matchAccountTitle } from "./accountTitles.ts";
import { COMMON_WORDS, PHRASES_OF_THEIR_OWN } from "./commonWords.ts";
import { CHART_OF_ACCOUNTS } from "./chartOfAccounts.ts";
import { engineeringWordInLabel, isEngineeringBlock } from "./destinations.ts";
import { findFunder, namesAnEvent, PAYER_ONLY_WORDS, saidAsPayer, type FunderMatch } from "./funders.ts";
import { namesAPerson, namesAPersonPaying, namesALocalBusiness, namesCostsOfMissions } from "./people.ts";
import { inPlatformName, platformIn } from "./platforms.ts";
import { supplierIn } from "./suppliers.ts";
import { chapterOf, chaptersOf, familyOfSection, IN_KIND_SIGNALS, STRONG_IN_KIND_SIGNALS, lever as leverById, leversOfSection, LEVERS, type Keyword, type Lever, type LeverFamily } from "./levers.ts";
import { anyOf, asciiWords, compilePattern, KeywordIndex, memoOf, memoSlot, pinMemo, splitCamelCase, tokenize, withoutMarks, type CompiledPattern, type Token } from "./text.ts";
import type { Classification, Destination, LeverId, LineContext, Section } from "./types.ts";

export type InKindNumbering = "crc99" | "anc2018";

/** Below this confidence a line is one the user should check (the pane's review list, the mix's unsure share). */
export const REVIEW_CONFIDENCE = 0.6;

/**
 * At or above this confidence the label was recognised (a keyword, an account, a title, a mission), even where
 * the reading is one to check: the reader counts such lines to tell a budget from an inventory. Below it the
 * classifier found no clue at all.
 */
export const RECOGNISED_CONFIDENCE = 0.5;

export interface ClassifyInput {
  label: string;
  account?: string | null;
  context?: LineContext;
}

export interface ClassifyOptions {
  /** How to read 870/875 when the label says nothing: Cerfa / CRC 99-01 (870 bénévolat) or ANC 2018-06 (875 bénévolat). */
  inKindNumbering?: InKindNumbering;
}

interface CompiledKeyword {
  lever: Lever;
  pattern: CompiledPattern;
  dest?: Destination;
  weight: number;
  order: number;
  doubt?: { fr: string; en: string };
  payee: boolean;
}

const KEYWORDS: CompiledKeyword[] = LEVERS.flatMap((l, leverIndex) =>
  l.keywords.map((k: Keyword, i) => {
    const rule = typeof k === "string" ? { p: k } : k;
    return { lever: l, pattern: compilePattern(rule.p), dest: rule.dest, weight: rule.w ?? 0, order: leverIndex * 1000 + i, doubt: rule.doubt, payee: rule.payee === true };
  }),
);

/** Where an account number puts a line: a section, the balance sheet (classes 1–5), or nothing known. */
export function accountSection(account: string | null | undefined): Section | "balance_sheet" | null {
  const digits = normalizeAccount(account);
  if (!digits) return null;
  const c = digits[0]!;
  if (c >= "1" && c <= "5") return "balance_sheet";
  if (c === "6") return "expense";
  if (c === "7") return "income";
  if (digits.startsWith("86")) return "in_kind_use";
  if (digits.startsWith("87")) return "in_kind_resource";
  return null;
}

/** Bank and cash balances (class 5) written as a line: « Compte courant disponible », « Solde bancaire au 31/12 ». */
const BALANCE_SHEET_LABEL = [
  /\b(compte|comptes|banque|caisse|livret|livrets|tresorerie|fonds)\b.*\bdisponibles?\b/,
  /\bdisponibles? (en|sur) (banque|compte|caisse|livret)/,
  /^(solde|soldes|avoir|avoirs|encaisse|disponibilites|tresorerie)\b.*\b(banque|bancaires?|caisse|compte|comptes|livrets?|tresorerie|disponibles?|paypal|ccp|especes)\b/,
  /^disponibilites\b/,
  // A compte d'emploi des ressources' first and last rows: the public's gifts not yet used, carried from the year
  // before (« Report des ressources collectées … non affectées et non utilisées en début d'exercice ») or left at its
  // end (« Solde des ressources … en fin d'exercice »): a stock, not this year's income. Carried-forward dedicated
  // resources used this year (« Report des ressources affectées non utilisées des exercices antérieurs », 789) are a flow.
  /^(report|solde|soldes) des ressources\b.*\b(en )?(debut|fin) d exercice\b/,
  // The cash position said alone or at a date (« Trésorerie », « Caisse au 1er janvier », « Banque au 31/12 »): what
  // the association holds, not a flow. « Caisse de retraite » names no date, « Caisse du 14 juillet » an event's takings: lines.
  /^tresoreries?$/,
  /^(caisse|caisses|banque|banques|tresorerie|compte|comptes|especes)( en caisse)? (au|le|a la) (\d|1er\b|debut\b|fin\b|date\b|cloture\b|ouverture\b|l ouverture\b|la cloture\b|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)/,
  // The association's own accounts named as such: « Compte courant au 31/12 », « Compte chèque », « Livret Bleu ».
  /^comptes? (courants?|cheques?|d epargne|epargne|portefeuille|titres?|bancaires?|a terme|sur livret|joint|de depot)\b/,
  // A Belgian savings book (« Carnet de dépôt », « carnet d'épargne »): the association's own account.
  /^carnets? (de |d )?(depot|depots|epargne)\b/,
  /^livrets? (a|bleu|jeune|d epargne|epargne|associati[a-z]*|cmb|cm|ca|lcl|bnp|sg|ce|cic|bred|bp|ldd|ldds)( \d.*| (au|du|de la|a la) .*)?$/,
  /^(caisse|especes|caisse especes|fonds? de caisse)$/,
  // A loan received or repaid (16) moves the balance sheet: « Prêt CMB (hors frais et intérêt) », « Emprunt bancaire ».
  /^(emprunts?$|(emprunts?|prets?) (bancaires?|aupres|cmb|cm|ca|lcl|bnp|sg|ce|cic|bred|bp|bpi|de la banque|du credit|a taux zero|d honneur)\b)/,
  // What is owed to or by the association (40, 41, 46): invoices not yet paid, money to pass on.
  /\bfactures? (en cours|a recevoir|a encaisser|impayees?|non (reglees?|payees?|encaissees?))\b/,
  /\ben cours de recouvrement\b/,
  /\bpas encore (factur|regl|encaiss|pay|percu|vers|revers)[a-z]*\b/,
  /^(a reverser|reste a (payer|reverser|percevoir|encaisser)|restant (a payer|du))\b/,
  // « Créances irrécouvrables » is no debt owed but its loss (654), a charge.
  /^(creances?|dettes?|produits a recevoir|charges a payer|charges constatees d avance|produits constates d avance)\b(?! (irrecouvrables?|perdues?|admises? en non valeur)\b)/,
  // A loan named by its bank in capitals (« Prêt CMB », « Emprunt BRED ») or released in instalments.
  /\b(deblocage|deblocable|debloque) (de |du |d )?(l )?(pret|emprunt|credit)\b/,
  // A grant for equipment (13) finances the balance sheet, not the year (its yearly share, 777, does).
  /^subventions? d (investissement|equipement)s?\b/,
  // Internal transfers between the association's own accounts (58): money moved, neither earned nor spent.
  /^(virements?|transferts?) (internes?|de compte a compte|entre comptes)\b/,
  // Money put into or taken out of its savings (« Virement sur le livret A », « Placement sur livret », « Transfert vers le
  // compte épargne »): the association's own money moved.
  /^(virements?|versements?|transferts?|placements?|mises? de cote) (\d+ )?(vers|sur|au|du|depuis|en|a partir du|a partir de) (le |la |l |un |une |notre |nos )?(livrets?|comptes? (d )?epargne|epargne|compte a terme|depot a terme|compte sur livret|carnets? (de |d )?(depot|epargne)|compte de depot)\b/,
  /^(virements?|transferts?) (\d+ )?(compte )?(d )?(epargne|livrets?)\b/,
  // Repaying a loan or a debt moves the balance sheet (16, 40…), it is not a charge.
  /^remboursements? (d |de l |des |du )?(emprunts?|dettes?|capital|pret|prets|avance|avances)\b/,
  /^tresorerie (disponible|au|en debut|en fin|de debut|de fin|debut|fin|finale|initiale|nette|a la cloture|a l ouverture)\b/,
  // A balance said as such (« Solde créditeur », « Fonds de roulement », « Capital restant dû », « Emprunts et dettes »).
  /^(soldes? (crediteurs?|debiteurs?)|situation de tresorerie|fonds de roulement|capital restant du|emprunts? et dettes)\b/,
  // What the previous year left (11, 12): « Report solde 2013 », « Report de l'exercice précédent », « Report N-1 ».
  /^reports? (du |de |des |d )?(l |la )?(solde|soldes|excedent|excedents|deficit|resultat|resultats|tresorerie|benefice|benefices|perte|pertes|caisse|banque|compte|comptes|exercice|annee|an|n 1|situation anterieure|situation precedente)\b/,
  // Costs charged straight to a reserve or a fund (« Travaux … imputés au compte réserve immobilière »): the fund
  // pays them, as the balance sheet records, not the year's account.
  /\bimpute(e|es|s)? (au|a la|sur le|sur la|sur les) (compte )?(de |des )?(reserves?|fonds)\b/,
  // Closing entries (12): the year's result moved to another account, not earned nor spent again.
  /^(virement|virements|affectation|transfert|transferts) (du |de l |des |d )?(benefice|benefices|resultat|resultats|excedent|excedents|deficit|perte|pertes)\b/,
  // A bank's or a cooperative's share (26, 261): a security the association holds, not a charge.
  /^((achat|souscription|acquisition|liberation)s? (d |de |des |d une )?)?(parts? sociales?|parts? de capital|parts? de la banque)\b/,
  // The association's own funds (10, 11): « Fonds associatif », « Report à nouveau », « Apport initial » of its founders.
  /^(fonds associatifs?|fonds associatif sans droit de reprise|reports? a nouveau|apports? (initial|initiaux|des fondateurs|fondateurs|sans droit de reprise|avec droit de reprise))\b/,
  // What a predecessor hands over (« reçu de la défunte association de fait », « Dévolution de l'actif de l'ancienne
  // association »): its cash becomes the new association's funds (102), it was neither earned nor given this year.
  /\b(defunte?s?|dissoutes?|anciennes?|precedentes?|liquidees?|feue) associations?\b/,
  /\bassociations? (de fait )?(dissoute|defunte|precedente|liquidee)\b/,
  /\b(recu|recus|apports?|transferts?|soldes?|encaisse|tresorerie|reprise|avoirs?) (de |d |du |de la |des )?(l )?association de fait\b/,
  /\b(devolution|boni de liquidation)\b/,
  // A cash account's opening and closing funds, printed inside its columns (« Fonds le 1er janvier : En caisse »,
  // « Fonds restant le 31 décembre : Cotisations non payées »): what the association holds, whatever follows.
  /^(fonds|encaisse|avoir|avoirs|solde|soldes|reliquat|reste|restant)( restant| disponibles?| existant| en caisse)? (le|au|du|a la|en|fin|debut|de fin|de debut) (\d{1,2}(er)? )?(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|\d{4}|exercice|l exercice|l annee|annee|mois)\b/,
  // Cash said in a sentence: « Reste en caisse », « Nous avons en caisse en novembre 2017 la somme de », « En caisse au 31/12 ».
  /^((il )?reste|restant|nous avons|nous disposons|avons|somme|soit)\b.*\ben caisse\b/,
  /^en (caisse|banque)( (au|le|en|a la|fin|debut)\b.*)?$/,
  // The surplus or deficit of a past year carried into this account (11, 12): « 1. Excédant de recettes de l'exercice 1885 ».
  /^(\d{1,3} )?(excedents?|excedants?|deficits?|reliquats?|bonis?) (de recettes |des recettes |de caisse |budgetaires? )?(de |du )(l )?(exercice|annee|budget)( precedent| anterieur| \d{4})+$/,
  // The same in an English budget: « Cash in bank », « Cash at bank and in hand », « Opening balance », « Balance
  // brought forward », « Fixed assets », « Accounts receivable », « Loan repayment », « Transfer to reserves ».
  /^(cash|funds|money|balance)( held)? (in|at|on) (the )?(bank|hand|account|paypal)s?\b/,
  /^(bank|cash|petty cash|savings) (balance|balances|account|accounts|in hand|on hand)\b/,
  /^(opening|closing|starting|ending|beginning|year end|end of year|start of year) (bank |cash |fund |funds )?(balance|balances|funds|cash|position)\b/,
  /\b(balance|balances|funds|reserves|surplus|deficit) (brought|carried) (forward|fwd)\b|^balance (b f|c f|bf|cf|b fwd|c fwd)$/,
  // Money an earlier year or edition left: « We started with 102,000 CZK left over from PyCon CZ 2018 », « some
  // available amount from previous conferences », « Surplus carried over from 2019 ».
  /\b(left ?over|carried over|rolled over|carry ?over) (from|of)\b|\b(available|remaining|left|surplus|remainder)( amount| funds| money| cash)? (from|of) (the )?(previous|last|prior|earlier|past)\b/,
  /^(fixed|current|net|total|tangible|intangible) assets\b|^(current |long term |total )?liabilities\b|^accounts? (receivable|payable)\b|^(debtors|creditors)$/,
  /^(loan|mortgage|debt) (repayments?|principal)\b|^repayments? of (the )?(loan|loans|debt|mortgage)\b/,
  /^transfers? (to|from) (the )?(restricted |unrestricted |general |designated )?reserves?\b/,
  // Money moved between the association's own funds or accounts: « Transfers between funds », « Virements internes ».
  /^(transfers?|virements?|transferts?) (between (funds|accounts)|entre (fonds|comptes)|internes?|de compte a compte)\b/,
  // Dues owed, not yet paid (41, receivables): « Cotisations non payées », « Cotisations à recevoir ».
  /^cotisations? (non (payees?|reglees?|versees?|encaissees?|recouvrees?|rentrees?)|restant dues?|impayees?|dues? non)\b/,
  // A loan repaid or received, said with its lender (16): « Prêt de 500 € par Pierre Lévy remboursé ».
  /^(prets?|emprunts?|avances?) (de|d|du|par|a|aupres)\b.*\b(rembourses?|remboursees?|recus?|recues?|obtenus?|obtenues?|accordes?|accordees?)$/,
  // A deposit paid or refunded (275, 165): money lent against a key or a hall, neither spent nor earned.
  // A deposit kept (« Cautions sautées », « Caution encaissée (dégâts) ») has become income: not this one.
  /^((remboursement|restitution)s? (de |d une |de la |des |du )?)?(cautions?|depots? de garantie|cautionnements?)\b(?!.*\b(sautees?|encaissees?|conservees?|retenues?|gardees?|non restituees?|non rendues?|perdues?)\b)/,
];

const ANY_BALANCE_SHEET_LABEL = anyOf(BALANCE_SHEET_LABEL);

/** How the chapters of classes 1–5 are titled in the associations' chart (ANC 2018-06) and by treasurers. */
const BALANCE_CHAPTER_TITLE =
  /^(banques?|caisses?|capital|fonds (associatifs|propres|dedies|reportes)|reports? a nouveau|resultats? de l exercice|subventions d investissement|provisions|emprunts?|immobilisations?|amortissements?|stocks?|fournisseurs?|clients?|usagers|personnel et comptes rattaches|securite sociale|etat et autres collectivites|debiteurs divers|crediteurs divers|comptes? de regularisation|valeurs mobilieres|disponibilites|virements internes|comptes? financiers?)\b/;

/** Banks a French or Swiss association keeps its accounts with, as treasurers name them. */
const BANK_NAME = "(credit mutuel|credit agricole|credit cooperatif|caisse d epargne|banque populaire|(la )?banque postale|la poste|societe generale|bnp( paribas)?|lcl|cic|bred|hsbc|axa banque|boursorama|la nef|nef|raiffeisen|postfinance|ubs|bcv|bcge|cmb|cmso|ccp)";
/** « Crédit Mutuel courant », « Crédit Mutuel livret bleu », « Raiffeisen compte épargne »: an account named by its bank. */
const BANK_ACCOUNT = new RegExp(`^${BANK_NAME}( [a-z0-9]+)? (courant|compte|compte courant|comptes?( cheques?| epargne| d epargne)?|cheques?|epargne|livret|livrets?( [a-z0-9]+){1,2}|ccp|depot a terme)$`);

/**
 * True when a line is a balance-sheet amount (classes 1–5), never income nor a charge, wherever it is typed:
 * an account of classes 1–5 written at the start of the label (« 512 Banque »), or a bank or cash balance.
 */
export function isBalanceSheetLine(label: string, account: string | null | undefined): boolean {
  if (accountSection(account) === "balance_sheet") return true;
  const m = /^\s*([1-5]\d{2,7})\s*[-–—.:)]?\s+(\D.*)$/.exec(label);
  if (m && /\b(banque|caisse|compte|capital|fonds|report|emprunt|immobilisation|stock|creance|dette|fournisseur|client|livret|placement|valeurs)/i.test(foldAccentsLower(m[2]!))) return true;
  // A chapter of classes 1–5 (« 51 - Banques, établissements financiers », « 16 Emprunts »): two digits are also how
  // lists are numbered (« 15 - Frais de banque »), so the chapter's own title must open the label.
  const chapter = /^\s*([1-5]\d)\s*[-–—.:)]?\s+(\D.*)$/.exec(label);
  if (chapter && BALANCE_CHAPTER_TITLE.test(foldAccentsLower(chapter[2]!))) return true;
  // « B – Report situation antérieure », « II. Trésorerie »: a letter or a numeral that lists the row is not its label.
  const listed = label.replace(/^\s*([A-H]|[IVX]{1,4})\s*[–—.)-]\s+(?=\S)/, "");
  // Accents out, words written together split, then the words in lower case (asked of every row a reader meets).
  const n = asciiWords(splitCamelCase(withoutMarks(listed)).toLowerCase());
  if (BANK_ACCOUNT.test(n) && !namesAFlow(label)) return true;
  // « Livret Bleu (compte d'épargne) »: an account named, then what kind of account it is.
  const named = n.replace(/ (compte|comptes) (d epargne|epargne|courant|cheques?|de depot)$/, "");
  if (named !== n && !namesAFlow(label) && (BANK_ACCOUNT.test(named) || ANY_BALANCE_SHEET_LABEL.test(named))) return true;
  return ANY_BALANCE_SHEET_LABEL.test(n) || (/^(pret|prets|emprunt|emprunts)\b/.test(n) && /^\s*\S+\s+[A-Z]{2,6}\b/.test(label) && !namesAFlow(label));
}

/**
 * « Investissements : matériel informatique », « Immobilisations corporelles » among the charges: equipment bought to
 * last is an asset (class 2), spread over the years by its depreciation (681), not a charge of the year. Said of the
 * produits (« Investissement initial » of the founders) it is money put in, read as a line.
 */
export function isInvestmentLine(label: string, section: Section | null): boolean {
  if (section !== "expense") return false;
  const n = foldedWords(label);
  return /^(investissements?|immobilisations?|acquisitions? d immobilisations?)\b/.test(n) && !/^\S+ (benevoles?|humains?|du personnel|des benevoles|en temps)\b/.test(n);
}

/** A journal's counter-account prefix: « Twint à Frais - Frais Twint », « Frais à PP - Produits et frais (perte) ». */
const COUNTER_ACCOUNT = /^\s*([^-–—]{1,40}?)\s+(?:à|a)\s+([^-–—]{1,40}?)\s+[-–—]\s+(.*)$/i;
/** The accounts a book closes its year into: « PP » (pertes et profits), « Bilan », « Résultat ». */
const CLOSING_ACCOUNT = /^(pp|p p|pertes et profits|profits et pertes|bilan|resultat|resultats|cloture)$/;

/** A label without its journal's counter-account prefix (« Twint à Frais - Frais Twint » → « Frais Twint »). */
export function withoutCounterAccount(label: string): string {
  const m = COUNTER_ACCOUNT.exec(label);
  return m ? m[3]! : label;
}

/**
 * A closing entry: the year's result moved from one account to another (class 12), never a charge nor income. A
 * journal writes it « Frais à PP - … » (into pertes et profits), or as a result on the side it cannot be on: a profit
 * among the charges (« Marché à Produits - Bénéfices Marché », the market's profit taken out of its account), a loss
 * among the produits (« Produits et frais (perte) »). A profit among the produits (« Bénéfice loto ») is an event's
 * proceeds, a line.
 */
export function isClosingEntry(label: string, section: Section | null): boolean {
  const m = COUNTER_ACCOUNT.exec(label);
  if (m && CLOSING_ACCOUNT.test(foldedWords(m[2]!))) return true;
  const body = foldedWords(m ? m[3]! : label);
  // « Bénéfices reversés à l'association X » is a gift passed on: a charge.
  if (section === "expense") return /^(benefices?|excedents?|resultats?)\b/.test(body) && !/\b(revers[a-z]*|verse[a-z]*|dons?|au profit)\b/.test(body);
  // « Produits et frais (perte) » in a journal's transfer; « Assurance perte » alone is an insurer's payout.
  if (section === "income") return /^(pertes?|deficits?)\b/.test(body) || (m !== null && /\b(pertes?|deficits?)$/.test(body));
  return false;
}

/**
 * Words that make a row a flow even among balances: « Frais bancaires », « Intérêts du livret », « Commission PayPal »
 * are a charge or financial income. « Prêt CMB (hors frais et intérêt) » says what it leaves out: that part is not read.
 */
const FLOW_WORD = /\b(frais|interet|interets|commission|commissions|agios|cotisation|cotisations|abonnement|abonnements|tenue|remuneration|produits? financiers?|charges? financieres?|pertes?|dotations?|reprises?)\b/;

/** True when a label names something paid or earned (a fee, interest), whatever account it speaks of. */
export function namesAFlow(label: string): boolean {
  return FLOW_WORD.test(foldAccentsLower(label).replace(/[^a-z0-9]+/g, " ").replace(/\b(hors|sans)\b.*$/, ""));
}

/** Headings over account balances: « Soldes », « Trésorerie au 31/12 », « Disponibilités », « Situation bancaire ». */
// « Avoirs et dettes au début de l'année », « Assets and debts at the start of 2022 »: what is owned and owed, not the year's flows.
const BALANCE_SHEET_HEADING_OPENING = /^(etat des (comptes|fonds|avoirs|disponibilites|finances)|situation (financiere|bancaire|de tresorerie|des comptes)|comptes? bancaires?|avoirs|non encaissee?s?|(actifs?|creances) et (dettes|passifs?)|dettes et (avoirs|creances)|assets and (debts|liabilities)|(assets|liabilities) (at|on|as of)|cash (at|on hand)|(bank|account|cash|opening|closing) balances?|balances? (of|at|on)\b)\b/;
/** A multi-year financing plan of equipment (« Dossier investissements : montant déblocable »): grants and loans of the balance sheet (13, 16). */
const FINANCING_PLAN_HEADING = /\bmontants? deblocables?\b|\bplan de financement (des |de l |du |d )?(investissements?|equipements?|materiels?|machines|travaux)\b|^subventions? d (investissement|equipement)s?\b/;
const BALANCE_SHEET_HEADING = /^(balances?( (au|des comptes|bancaires?|de tresorerie|en fin|de fin|en debut|de debut)\b.*)?|soldes?( (au|des comptes|de tresorerie|bancaires?|en fin|de fin|en debut|de debut)\b.*)?|tresorerie( (au|en|de|disponible)\b.*)?|disponibilites|avoirs( (au|en banque|disponibles?)\b.*)?|avoir (au|en banque|disponibles?)\b.*|position( de tresorerie)?|situation (de tresorerie|bancaire|financiere|des comptes)|comptes? (bancaires?|de tresorerie)|etat des comptes)$/;

/**
 * The halves of a balance sheet (« Actif », « PASSIF », « Actif immobilisé », « Bilan passif »): what the association
 * owns and owes. An old cash account calls its receipts and payments so too (« État financier 1907 : Actif /
 * Passif »): the reader takes them as balances only beside headings of charges and produits.
 */
const BALANCE_SHEET_HALF = /^(bilan )?(actif|actifs|passif|passifs)( (immobilise|circulant|net|exigible|du bilan|au .*|\d{4}))?$|^bilan (actif|passif)\b|^capitaux propres$/;

/**
 * True when a heading names account balances: the rows under it (« Société Générale 5 528 », « PayPal 2 821 ») are
 * balance-sheet amounts (class 5), never income nor a charge, whatever their labels say.
 */
export function isBalanceSheetHeading(text: string): boolean {
  const n = foldedWords(text);
  // « Etat des comptes au 05.01.2019 », « Situation financière de l'association », « Comptes bancaires BRED », « Avoirs FABLAB ».
  return BALANCE_SHEET_HEADING.test(n) || (BALANCE_SHEET_HEADING_OPENING.test(n) && !/\b(pertes?|charges?|depenses?|produits?|recettes?|income|expenses?|expenditures?|revenues?|costs?)\b/.test(n)) || FINANCING_PLAN_HEADING.test(n);
}

/**
 * Headings over money the association pays to others: « Subventions versées à Fonhsud », « Aides versées », « Dons
 * versés », « Reversements aux partenaires ». The block says who pays whom: its lines are charges (grants paid, 657,
 * or gifts passed on, 6572), whatever the partner does with the money (« Salaires », « Appui aux caisses des
 * mutuelles » are the partner's costs). « Subventions versées par la CAF » names who pays the association: not one.
 */
const PAID_OUT_HEADING = new RegExp(
  "^(?:\\d{2,6} )?(?:(?:subventions?|aides?(?: financieres?)?|dons|soutiens?(?: financiers?)?|bourses?|secours|contributions?(?: financieres?)?|participations?(?: financieres?)?|financements?|fonds|sommes)" +
    " (?:(?:versee?s?|reversee?s?|octroyee?s?|attribuee?s?|allouee?s?|distribuee?s?|transferee?s?)\\b(?! par\\b)|accordee?s? (?:a|aux|au)\\b|(?:a|aux) (?:nos |des |les )?(?:partenaires?|associations? partenaires?|projets? partenaires?)\\b)" +
    "|(?:reversements?|versements?|transferts?) (?:a|aux|au|vers|en faveur)\\b)",
);

/** True when a heading names a half of a balance sheet (see BALANCE_SHEET_HALF). */
export function isBalanceSheetHalf(text: string): boolean {
  return BALANCE_SHEET_HALF.test(foldedWords(text));
}

/** True when a heading names money the association pays out to others (see PAID_OUT_HEADING). */
export function isPaidOutHeading(text: string | null | undefined): boolean {
  return Boolean(text) && PAID_OUT_HEADING.test(foldedWords(text!));
}

function foldAccentsLower(s: string): string {
  return withoutMarks(s).toLowerCase();
}

/** A text's words, accents folded, in lower case, one space between them. */
function foldedWords(s: string): string {
  return asciiWords(foldAccentsLower(s));
}

const PLAIN_ACCOUNT = /^\d{2,10}$/;

/** Digits of an account as written ("756.", "6061 00", "741100") or null. */
export function normalizeAccount(account: string | null | undefined): string | null {
  if (account === null || account === undefined) return null;
  // Most accounts are written as plain digits (« 641100 »): nothing to clean.
  if (typeof account === "string" && PLAIN_ACCOUNT.test(account)) return account;
  // « 871 / 876 »: a budget that gives both charts' numbers; the first is read.
  const digits = String(account).replace(/^\s*(\d{2,10})\s*\/\s*\d{2,10}\s*$/, "$1").replace(/[\s.-]/g, "");
  return /^\d{2,10}$/.test(digits) ? digits : null;
}

/** The account a chapter row names at its start: "60 - Achats" → "60", "756. Cotisations" → "756". */
export function leadingAccount(text: string | null | undefined): string | null {
  if (!text) return null;
  // Budget classes only (6, 7, 8): a label that starts with a year ("2026 …") names no account.
  const m = /^\s*([678]\d{1,7})(\s*[-–—.:)]\s*|\s+)(?=\D)/.exec(text);
  if (!m) return null;
  // « 87 adhésions », « 60 cartes + adhésion » : a count before a word in lower case that no title of that chapter
  // holds is how many, not the chapter (« 87 » opened the contributions in kind for the rest of the produits).
  if (m[1]!.length === 2 && m[2]!.trim() === "" && isCountedNoun(text.slice(m[0].length), m[1]!)) return null;
  return m[1]!;
}

const stemPlural = (w: string) => (w.length > 3 && (w.endsWith("s") || w.endsWith("x")) ? w.slice(0, -1) : w);

/** The words of the titles of each chapter's accounts (« 60 »: achats, fournitures, marchandises…), stemmed. */
const CHAPTER_WORDS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  for (const a of CHART_OF_ACCOUNTS) {
    const words = out.get(a.n.slice(0, 2)) ?? new Set<string>();
    for (const w of asciiWords(withoutMarks(`${a.t} ${a.crc ?? ""}`).toLowerCase()).split(" ")) if (w.length >= 3) words.add(stemPlural(w));
    out.set(a.n.slice(0, 2), words);
  }
  return out;
})();

/** The rest of a label after a two-digit number: a word in lower case that the chapter's titles never use. */
function isCountedNoun(rest: string, chapter: string): boolean {
  const first = /^[a-zà-ÿœæ][\p{L}'’-]*/u.exec(rest)?.[0];
  if (!first) return false;
  const word = stemPlural(asciiWords(withoutMarks(first).toLowerCase()).split(" ")[0] ?? "");
  return word !== "" && !(CHAPTER_WORDS.get(chapter)?.has(word) ?? false);
}

interface LabelHit {
  keyword: CompiledKeyword;
  score: number;
  position: number;
  fuzzy: boolean;
}

const KEYWORD_INDEX = new KeywordIndex(
  KEYWORDS.map((k) => ({ item: k, pattern: k.pattern })),
  new Set([...CHART_WORDS, ...COMMON_WORDS]),
  PHRASES_OF_THEIR_OWN.map(compilePattern),
);

/** « Produits divers », « Autres recettes »: a reading of last resort, that any other word of the label outweighs. */
const isCatchAllReading = (l: Lever) => l.catchAll === true && l.family === "income" && l.nature === "neutral";

/** « Paie », « paye »: the payroll as a noun, and (accents folded) the verb « payé ». */
const PAY_WORDS: ReadonlySet<string> = new Set(["paie", "paye"]);

/** « Tournoi régional », « PAF CD »: a funder word that qualifies another noun names no grant (funders.ts). */
function saidOfSomethingElse(tokens: readonly Token[], m: { item: CompiledKeyword; position: number }): boolean {
  // « Payé à l'imprimerie », « Payé pour la salle »: the verb says money went out, not to whom; the payroll (« la paye »)
  // is a noun, never followed by whom it is paid to.
  if (PAY_WORDS.has(m.item.pattern.source)) return /^(a|au|aux|pour|par|en|chez|le|la|les|l)$/.test(tokens[m.position + 1]?.text ?? "");
  if (m.item.lever.id !== "public_grants") return false;
  // « Tournoi de la ville de Nantes », « Journée de la région »: the body names the event, it does not pay.
  if (namesAnEvent(tokens, m.position)) return true;
  if (PAYER_ONLY_WORDS.has(m.item.pattern.source)) return !saidAsPayer(tokens, m.position);
  // « Aide aux devoirs », « Aide à domicile »: an aid « à » someone is a service the association gives, not money it gets.
  return (m.item.pattern.source === "aide" || m.item.pattern.source === "aides") && /^(a|au|aux)$/.test(tokens[m.position + 1]?.text ?? "");
}

/** A label's best keyword by family, kept in its tokens' memo (one array per distinct label): asked up to five times a line. */
const BEST_HITS_SLOT = memoSlot();

/** One label's best keywords, by family; undefined until asked. */
interface BestHits {
  income?: LabelHit | null;
  expense?: LabelHit | null;
  in_kind?: LabelHit | null;
}

function bestLabelHit(tokens: readonly Token[], family: LeverFamily): LabelHit | null {
  const memo = memoOf(tokens);
  let byFamily = memo[BEST_HITS_SLOT] as BestHits | undefined;
  if (!byFamily) memo[BEST_HITS_SLOT] = byFamily = {};
  let hit = byFamily[family];
  if (hit === undefined) byFamily[family] = hit = findBestLabelHit(tokens, family);
  return hit;
}

function findBestLabelHit(tokens: readonly Token[], family: LeverFamily): LabelHit | null {
  // One filtered copy, then read in place (this runs for every distinct label).
  const matches = KEYWORD_INDEX.matchAll(tokens).filter((m) => m.item.lever.family === family && !saidOfSomethingElse(tokens, m));
  // Fuzzy matching corrects typos only where the label has no exact reading.
  const exact = matches.some((m) => !m.fuzzy);
  const inPool = (m: (typeof matches)[number]) => !exact || !m.fuzzy;
  // « Produits divers (tee-shirts …) »: what the label details says more than the catch-all it is filed under.
  const specific = matches.some((m) => inPool(m) && !isCatchAllReading(m.item.lever));
  let best: LabelHit | null = null;
  for (const m of matches) {
    if (!inPool(m) || (specific && isCatchAllReading(m.item.lever))) continue;
    const k = m.item;
    const score = m.length + k.weight - (m.fuzzy ? 0.5 : 0);
    if (
      !best ||
      score > best.score ||
      (score === best.score && m.position < best.position) ||
      (score === best.score && m.position === best.position && k.order < best.keyword.order)
    ) {
      best = { keyword: k, score, position: m.position, fuzzy: m.fuzzy };
    }
  }
  return best;
}

interface AccountHit {
  lever: Lever;
  prefix: string;
}

/** By section and numbering, then digits: no key string built per line. */
const ACCOUNT_CACHE = new Map<string, Map<string, AccountHit | null>>();

function accountLever(digits: string, section: Section, numbering: InKindNumbering): AccountHit | null {
  const kind = numbering === "anc2018" ? `${section}|anc2018` : section;
  let byDigits = ACCOUNT_CACHE.get(kind);
  if (!byDigits) ACCOUNT_CACHE.set(kind, (byDigits = new Map()));
  const cached = byDigits.get(digits);
  if (cached !== undefined) return cached;
  const found = findAccountLever(digits, section, numbering);
  if (byDigits.size > 50_000) byDigits.clear();
  byDigits.set(digits, found);
  return found;
}

function findAccountLever(digits: string, section: Section, numbering: InKindNumbering): AccountHit | null {
  let best: AccountHit | null = null;
  for (const l of leversOfSection(section)) {
    const prefixes = [...l.accounts, ...((numbering === "anc2018" ? l.accountsAnc2018 : l.accountsCrc99) ?? [])];
    for (const p of prefixes) {
      if (digits.startsWith(p) && (!best || p.length > best.prefix.length)) best = { lever: l, prefix: p };
    }
  }
  return best;
}

/** Activity words that, said of a public body, mean a contribution rather than a purchase ("participation de la commune"). */
const CONTRIBUTION_WORDS = ["participation", "participations", "contribution", "contributions", "soutien", "financement", "aide", "aides"];

/** The adjective of an exceptional item (« soutien exceptionnel », « aide extraordinaire »), not its noun. */
const EXCEPTIONAL_WORDS = /^(exceptionnel(le)?s?|extraordinaires?)$/;

/** Words of private giving: said of a public body, the money is a grant all the same. */
const PRIVATE_GIFTS: ReadonlySet<LeverId> = new Set<LeverId>(["donations", "corporate_patronage"]);

const FUNDER_LEVER: Record<FunderMatch["kind"], LeverId> = {
  public_body: "public_grants",
  foundation: "foundations",
  company: "corporate_patronage",
  individual: "donations",
};

interface Decision {
  lever: Lever;
  confidence: number;
  reasons: { fr: string; en: string }[];
  keywordDest?: Destination;
}

const quote = (s: string) => ({ fr: `« ${s} »`, en: `“${s}”` });

function keywordReason(hit: LabelHit): { fr: string; en: string } {
  const q = quote(hit.keyword.pattern.source.replace(/\*/g, ""));
  return hit.fuzzy
    ? { fr: `mot-clé ${q.fr} (orthographe approchée)`, en: `keyword ${q.en} (approximate spelling)` }
    : { fr: `mot-clé ${q.fr}`, en: `keyword ${q.en}` };
}

function labelConfidence(hit: LabelHit): number {
  // A label that only says « autres … » / « divers » names a catch-all: the lever is a guess.
  if (hit.keyword.lever.catchAll && hit.keyword.lever.family === "income" && hit.keyword.lever.nature === "neutral") return 0.5;
  const base = hit.score >= 2 ? 0.85 : 0.75;
  // A near spelling is a guess of what was meant: one word read so (« banquaire ») asks to be checked.
  return hit.fuzzy ? base - 0.2 : base;
}

/** Applies "the funder decides the nature" to an income label. */
function applyFunder(hit: LabelHit | null, funder: FunderMatch | null, tokens: readonly Token[]): Decision | null {
  const fq = funder ? quote(funder.keyword.replace(/\*/g, "")) : null;
  if (!hit) {
    if (!funder || !fq) return null;
    return {
      lever: leverById(FUNDER_LEVER[funder.kind]),
      confidence: 0.7,
      reasons: [{ fr: `financeur ${fq.fr}`, en: `funder ${fq.en}` }],
    };
  }
  const base: Decision = { lever: hit.keyword.lever, confidence: labelConfidence(hit), reasons: [keywordReason(hit)], keywordDest: hit.keyword.dest };
  if (!funder || !fq) return base;
  const id = hit.keyword.lever.id;
  if (funder.kind === "public_body" && (id === "sales_services" || id === "sponsorship")) {
    const word = tokens[hit.position]?.text ?? "";
    const contribution = CONTRIBUTION_WORDS.includes(word);
    return {
      lever: leverById(contribution ? "public_grants" : "public_procurement"),
      confidence: 0.8,
      reasons: [...base.reasons, { fr: `payeur public ${fq.fr}`, en: `public payer ${fq.en}` }],
    };
  }
  if (funder.kind === "public_body" && PRIVATE_GIFTS.has(id) && funder.position > hit.position && saidAsPayer(tokens, funder.position)) {
    // « Souscription ministérielle », « Don de la mairie »: money a public body gives is a public grant, whatever
    // word names the giving (docs/spec.md §2: the funder decides the nature).
    return {
      lever: leverById("public_grants"),
      confidence: 0.75,
      reasons: [...base.reasons, { fr: `donné par ${fq.fr}, un organisme public : une subvention`, en: `given by ${fq.en}, a public body: a grant` }],
    };
  }
  if (id === "exceptional_income" && EXCEPTIONAL_WORDS.test(tokens[hit.position]?.text ?? "") && funder.position > hit.position) {
    // « Soutien exceptionnel du conseil municipal », « Aide exceptionnelle de la fondation X »: « exceptionnel » says how
    // often, the funder says whose money it is (docs/spec.md §2: the funder decides the nature), as for any grant.
    return {
      lever: leverById(FUNDER_LEVER[funder.kind]),
      confidence: 0.7,
      reasons: [...base.reasons, { fr: `versé par ${fq.fr} : « exceptionnel » dit la fréquence, le financeur dit la nature`, en: `paid by ${fq.en}: “exceptional” says how often, the funder says the nature` }],
    };
  }
  if (id === "sales_services" && funder.kind !== "public_body" && CONTRIBUTION_WORDS.includes(tokens[hit.position]?.text ?? "")) {
    // « Participation d'autres associations », « Soutien de l'entreprise X »: a contribution, not a sale.
    return {
      lever: leverById(FUNDER_LEVER[funder.kind]),
      confidence: 0.75,
      reasons: [...base.reasons, { fr: `financeur privé ${fq.fr}`, en: `private funder ${fq.en}` }],
    };
  }
  if (id === "sales_services" && funder.kind === "foundation" && funder.position === 0 && hit.position > 0) {
    // « APEF : sorties de fin d'année »: a label that opens with another association names who pays for the project.
    return {
      lever: leverById("foundations"),
      confidence: 0.55,
      reasons: [...base.reasons, { fr: `payé par ${fq.fr} (une autre association) : à vérifier`, en: `paid by ${fq.en} (another association): to check` }],
    };
  }
  if (id === "public_grants" && funder.kind !== "public_body" && funder.position !== hit.position) {
    return {
      lever: leverById(FUNDER_LEVER[funder.kind]),
      confidence: 0.8,
      reasons: [...base.reasons, { fr: `financeur privé ${fq.fr}`, en: `private funder ${fq.en}` }],
    };
  }
  return base;
}

const IN_KIND_SIGNAL_INDEX = new KeywordIndex(IN_KIND_SIGNALS.map((p) => ({ item: p, pattern: compilePattern(p) })));

/**
 * A line the layout puts among the charges or produits whose label names an in-kind contribution
 * ("Bénévolat valorisé", "Mise à disposition gratuite de locaux") belongs to 86 / 87 — unless the label
 * says more as a charge or a produit ("Frais des bénévoles", "Formation des bénévoles" stay charges).
 */
function inKindSectionFromLabel(tokens: readonly Token[], hint: Section): Section | null {
  if (hint !== "income" && hint !== "expense") return null;
  const signals = IN_KIND_SIGNAL_INDEX.matchAll(tokens).filter((m) => !m.fuzzy);
  if (signals.length === 0) return null;
  const inKind = bestLabelHit(tokens, "in_kind");
  const own = bestLabelHit(tokens, familyOfSection(hint));
  // « Aides indirectes (mairie) – location de salles »: a strong signal outweighs what the rest of the label names.
  const strong = signals.some((m) => STRONG_IN_KIND_SIGNALS.includes(m.item)) ? 2 : 0;
  if (!inKind || (own && own.score >= inKind.score + strong)) return null;
  return hint === "income" ? "in_kind_resource" : "in_kind_use";
}

const OUT_PARTICIPLE = /^(verse|versee|verses|versees|reverse|reversee|reverses|reversees|paye|payee|payes|payees|regle|reglee|regles|reglees|donne|donnee|donnes|donnees|offert|offerte|offerts|offertes)$/;
const IN_PARTICIPLE = /^(recu|recue|recus|recues|percu|percue|percus|percues|encaisse|encaissee|encaisses|encaissees|obtenu|obtenue|obtenus|obtenues)$/;

/** Which way a participle says the money went: « versés à … » out (a charge), « reçus de … », « versés par … » in. */
function moneyWay(tokens: readonly Token[]): "income" | "expense" | null {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [w, next] = [tokens[i]!.text, tokens[i + 1]!.text];
    if (OUT_PARTICIPLE.test(w) && /^(a|au|aux)$/.test(next)) return "expense";
    if ((IN_PARTICIPLE.test(w) && /^(de|du|des|d)$/.test(next)) || (OUT_PARTICIPLE.test(w) && next === "par")) return "income";
  }
  return null;
}

/**
 * A body named by initials no keyword nor funder of Équilibre's reads (« UDOGEC », « LTC »), in a label written in
 * lower case (in a label all in capitals every word looks like initials); null when none.
 */
function unknownGiver(tokens: readonly Token[]): string | null {
  if (!tokens.some((t) => /\p{Ll}/u.test(t.raw))) return null;
  const known = new Set(KEYWORD_INDEX.matchAll(tokens).flatMap((m) => Array.from({ length: m.length }, (_, k) => m.position + k)));
  const i = tokens.findIndex((t, k) => /^[A-Z]{3,8}$/.test(t.raw) && !known.has(k));
  return i < 0 ? null : tokens[i]!.raw;
}

/** The words after « versé(e)s par », « reçu(e)s de », « de la part de »: who paid, as the label names them. */
function payerWords(tokens: readonly Token[]): readonly Token[] | null {
  // The last such words name the payer: « reçue de la part des Amis » is from the Amis.
  for (let i = tokens.length - 2; i >= 0; i--) {
    const [w, next] = [tokens[i]!.text, tokens[i + 1]!.text];
    const by = (i > 0 && OUT_PARTICIPLE.test(w) && next === "par") || (i > 0 && IN_PARTICIPLE.test(w) && /^(de|du|des|d)$/.test(next)) || (w === "part" && /^(de|du|des|d)$/.test(next));
    if (!by) continue;
    let start = i + 2;
    while (start < tokens.length && ARTICLES.has(tokens[start]!.text)) start++;
    return tokens.slice(start);
  }
  return null;
}
const ARTICLES = new Set(["la", "le", "les", "l", "un", "une", "d"]);

/**
 * « Somme versée par le Secours Catholique », « Reçu de la part des Amis de l'orgue » among the produits: money paid by
 * a body the label names (capitalised, neither a person nor the members or families who pay as users) is private money
 * from another organisation (7551), not the dues or sales of the block it sits in. Still a reading to check.
 */
function paidByABody(tokens: readonly Token[], section: Section): Decision | null {
  if (section !== "income") return null;
  const payer = payerWords(tokens);
  const first = payer?.[0];
  if (!payer || !first || !/^[A-Z]/.test(first.raw) || PAYING_USERS.test(first.text) || namesAPerson(payer)) return null;
  const q = quote(payer.map((t) => t.raw).join(" "));
  return {
    lever: leverById("foundations"),
    confidence: 0.5,
    reasons: [{ fr: `versé par ${q.fr}, un organisme : argent privé d'un autre organisme, à vérifier`, en: `paid by ${q.en}, a body: private money from another organisation, to check` }],
  };
}

/** « Montant reçu de Jean Dupont » among the produits, under no block that says what for: a person gives (754), to check. */
function paidByAPerson(tokens: readonly Token[], section: Section): Decision | null {
  const payer = section === "income" ? payerWords(tokens) : null;
  if (!payer || !namesAPerson(payer)) return null;
  const q = quote(payer.map((t) => t.raw).join(" "));
  return {
    lever: leverById("donations"),
    confidence: 0.5,
    reasons: [{ fr: `versé par ${q.fr}, une personne : un don, à vérifier`, en: `paid by ${q.en}, a person: a gift, to check` }],
  };
}

function sectionFromLabel(tokens: readonly Token[]): { section: Section; hit: LabelHit } | null {
  let best: { section: Section; hit: LabelHit } | null = null;
  for (const section of ["income", "expense", "in_kind_resource"] as const) {
    const hit = bestLabelHit(tokens, familyOfSection(section));
    if (hit && (!best || hit.score > best.hit.score)) best = { section, hit };
  }
  // « Impression de tee-shirts », « Achat de matériel … pour nos conférences », « Frais de déplacement pour … un
  // remboursement »: the label's first word, read exactly, is its head noun and says the side; what follows is its
  // complement (what is bought, what for), whichever reads longer.
  // « Droits d'auteur versés à Hélène Cordeau », « Dons reçus de la fondation »: a participle and whom it goes to (or
  // comes from) say which way the money went, more plainly than any noun.
  const way = moneyWay(tokens);
  if (way && best && best.hit.keyword.lever.family !== way) {
    const own = bestLabelHit(tokens, way);
    if (own) return { section: way, hit: own };
  }
  const heads = KEYWORD_INDEX.matchAll(tokens).filter((m) => m.position === 0 && !m.fuzzy && (m.item.lever.family === "income" || m.item.lever.family === "expense"));
  const families = new Set(heads.map((m) => m.item.lever.family));
  // « Frais de … » opens a cost, unless what follows says it is billed or refunded to the association (« Frais refacturés »).
  if (tokens[0]?.text === "frais" && !KEYWORD_INDEX.matchAll(tokens).some((m) => m.position <= 1 && m.item.lever.family === "income")) families.add("expense");
  // An in-kind reading (« Loyer équivalent ») is a phrase of its own, not a head noun and its complement.
  if (!best || best.section === "in_kind_resource" || families.size !== 1 || families.has(best.hit.keyword.lever.family)) return best;
  const family = [...families][0]!;
  const own = bestLabelHit(tokens, family);
  return own ? { section: family === "income" ? "income" : "expense", hit: own } : best;
}

const FALLBACK: Record<Section, LeverId> = {
  income: "other_income",
  // A charge nothing names is most often something bought from someone (a supplier's name, a service): other
  // external services (62), not the grants and dues of 65.
  expense: "other_external_services",
  in_kind_use: "in_kind_goods",
  in_kind_resource: "in_kind_goods",
};

const UNCLASSIFIED: Record<Section, { fr: string; en: string }> = {
  income: { fr: "produits non classés", en: "unclassified income" },
  expense: { fr: "charges non classées", en: "unclassified expenses" },
  in_kind_use: { fr: "emplois en nature (86) non classés", en: "unclassified in-kind use (86)" },
  in_kind_resource: { fr: "contributions en nature (87) non classées", en: "unclassified in-kind resources (87)" },
};

// Budgets repeat labels (a trial balance of 100,000 lines has far fewer distinct labels): what depends on
// the label alone is computed once per label and family.
const TOKENS = new Map<string, Token[]>();

interface LabelFacts {
  hit: LabelHit | null;
  funder: FunderMatch | null;
  engineeringWord: string | null;
}

/** What the classifier reads of one distinct label, whatever its account and block: its core and the core's words. */
interface LabelReading {
  core: string;
  tokens: Token[];
  /** What is known of the tokens (text.ts memoOf), kept here rather than in a weak map. */
  memo: unknown[];
}

/** By label: one map lookup a line for the label's core and words (a trial balance has thousands of distinct labels). */
const READINGS = new Map<string, LabelReading>();

function readingOf(label: string): LabelReading {
  let r = READINGS.get(label);
  if (r === undefined) {
    if (READINGS.size > 100_000) READINGS.clear();
    const core = coreOf(label);
    r = { core, tokens: tokenize(core), memo: [] };
    READINGS.set(label, r);
  }
  pinMemo(r.tokens, r.memo);
  return r;
}

/** The label as read: how its amount is counted left out, abbreviations written out. */
function coreOf(label: string): string {
  // A budget laid out in English is read in the French a budget uses (englishLabels.ts).
  return expandAbbreviations(translateEnglish(withoutItemWord(withoutAdjustment(label))));
}

/** The words of a text that is not a line's label (a block's heading, a chapter), once per text. */
function tokensOf(label: string): Token[] {
  let t = TOKENS.get(label);
  if (!t) {
    if (TOKENS.size > 100_000) TOKENS.clear();
    t = tokenize(label);
    TOKENS.set(label, t);
  }
  return t;
}

/** A label's facts by family, kept in its words' memo. */
const FACTS_SLOT = memoSlot();

function factsOf(tokens: readonly Token[], family: LeverFamily): LabelFacts {
  const memo = memoOf(tokens);
  let byFamily = memo[FACTS_SLOT] as { income?: LabelFacts; expense?: LabelFacts; in_kind?: LabelFacts } | undefined;
  if (!byFamily) memo[FACTS_SLOT] = byFamily = {};
  let f = byFamily[family];
  if (!f) {
    f = {
      hit: bestLabelHit(tokens, family),
      funder: family === "income" ? funderOf(tokens) : null,
      engineeringWord: family === "expense" ? engineeringWordInLabel(tokens) : null,
    };
    byFamily[family] = f;
  }
  return f;
}

/**
 * A label without what says how its amount is counted: « Tickets (après remboursement du parc) », « Frais bancaires
 * (hors intérêts) », « Recettes nettes de commission » → « Tickets », « Frais bancaires ». Details in brackets that
 * say what the line holds (« Produits divers (tee-shirts) ») are kept.
 */
/**
 * « Poste énergie/eau », « Poste : téléphone », « Rubrique assurances »: a treasurer's word for a budget item, before
 * the item it names. « Poste » there is no job (it read as staff, confidently); « Poste de coordinateur », « Poste
 * FONJEP », « Postes » alone keep it (a post, the words after it say which).
 */
const ITEM_WORD = /^\s*(?:postes?|rubriques?|lignes?(?: budgetaires?| budgétaires?)?)(?:\s*[:\-–—]\s*|\s+)(?!(?:de|d|du|des|a|à|au|aux|en|pour|fonjep|cdi|cdd|salariés?|salaries?|adultes?|aidés?|aides?|permanents?|supplémentaires?|nouveaux?|créés?|crees?)\b)(?=\p{L}{2})/iu;

export function withoutItemWord(label: string): string {
  return ITEM_WORD.test(label) ? label.replace(ITEM_WORD, "") : label;
}

export function withoutAdjustment(label: string): string {
  // Most labels hold neither a bracket nor one of these words: two Unicode expressions spared (a weaker, ASCII test
  // first; « ſ » and the Kelvin sign, which the expressions read as « s » and « k », take the long way).
  const stripped =
    !label.includes("(") && !MAY_ADJUST.test(label)
      ? label.trim()
      : label
          .replace(/\(\s*(apr[eè]s|hors|net(te)?s? de|moins|d[eé]duction|d[eé]duit|sans|avant)\b[^)]*\)?/giu, " ")
          .replace(/\s(apr[eè]s|hors|d[eé]duction faite)\s.*$/iu, " ")
          .trim();
  return /[\p{L}]{2,}/u.test(stripped) ? stripped : label;
}

const MAY_ADJUST = /\s(?:apr|hors|d[eé]d)|[\u017f\u212a]/i;

/** Who pays, as the label names it; a platform's name (« HelloAsso ») names no association. */
function funderOf(tokens: readonly Token[]): FunderMatch | null {
  const f = findFunder(tokens);
  return f && !inPlatformName(tokens, f.position) ? f : null;
}

export function classify(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
  const numbering = options.inKindNumbering ?? "crc99";
  const context = input.context ?? {};
  // « Tickets (après remboursement du parc) »: what says how the amount is counted is not what the line is.
  // « PAF CD », « Remb. assurance »: a treasurer's abbreviations are read written out (abbreviations.ts).
  const { core, tokens } = readingOf(input.label);
  const ownAccount = normalizeAccount(input.account) ?? normalizeAccount(leadingAccount(input.label));
  const chapterAccount = normalizeAccount(leadingAccount(context.chapter));
  const account = ownAccount ?? chapterAccount;

  // 1. Section: the account class, else what the layout says, else the label.
  const fromAccount = accountSection(account);
  let section: Section;
  let sectionGuessed = false;
  let movedInKind = false;
  if (fromAccount && fromAccount !== "balance_sheet") section = fromAccount;
  else if (context.sectionHint) {
    const inKind = inKindSectionFromLabel(tokens, context.sectionHint);
    movedInKind = inKind !== null;
    section = inKind ?? context.sectionHint;
  } else {
    const guess = sectionFromLabel(tokens);
    section = guess?.section ?? "expense";
    sectionGuessed = true;
  }

  // 2. Lever: account and label, then reconcile.
  const acc = account ? accountLever(account, section, numbering) : null;
  const labelFacts = factsOf(tokens, familyOfSection(section));
  const hit = labelFacts.hit;
  const funder = section === "income" ? labelFacts.funder : null;
  // « Frais Twint Cotisation », « Paniers adhérents »: the lever word is a complement of another head noun.
  const complement = hit && !hit.fuzzy && !funder ? complementReading(core, tokens, section) : null;
  const fromLabel =
    complement ?? (section === "income" ? applyFunder(hit, funder, tokens) : hit ? { lever: hit.keyword.lever, confidence: labelConfidence(hit), reasons: [keywordReason(hit)], keywordDest: hit.keyword.dest } : null);

  const accountWord = (a: AccountHit) =>
    ownAccount
      ? { fr: `compte ${ownAccount}`, en: `account ${ownAccount}` }
      : { fr: `chapitre ${a.prefix}`, en: `chapter ${a.prefix}` };

  // « Ministère Éduc Nationale », « Mairie de Lyon »: the label names a public body and nothing it pays for.
  const publicBodyAlone = Boolean(hit && funder?.kind === "public_body" && funder.position === hit.position && fromLabel?.lever.id === "public_grants" && saidAlone(tokens, hit));
  const paysForAService = { fr: "un organisme public qui paie une prestation : commande publique", en: "a public body paying for a service: public procurement" };

  let decision: Decision;
  if (acc && fromLabel && publicBodyAlone && acc.lever.id === "sales_services") {
    // Under 706 (or the 70 chapter) a public body named alone bought a service: the account says a sale, the label
    // who paid (docs/spec.md §2: public procurement is activity income from a public payer).
    decision = { lever: leverById("public_procurement"), confidence: ownAccount ? 0.8 : 0.7, reasons: [accountWord(acc), ...fromLabel.reasons, paysForAService] };
  } else if (acc && fromLabel) {
    const generic = acc.lever.catchAll || acc.prefix.length <= 2 || !ownAccount;
    const refines = chaptersOf(fromLabel.lever).includes(chapterOf(account!));
    const funderSays =
      section === "income" &&
      // Under 76 the payer of a produit is a bank paying interest: « Banque » there is no sponsor. Under 78 / 79 it
      // is whoever refunds or takes back (« Crédit Romande Energie SA » under 781): a company there is no patron.
      acc.lever.id !== "financial_income" &&
      acc.lever.id !== "reversals_transfers" &&
      (fromLabel.lever.nature !== acc.lever.nature || fromLabel.lever.payer !== acc.lever.payer) &&
      (funder !== null || isFunderLever(fromLabel.lever.id));
    if (fromLabel.lever.id === acc.lever.id) {
      decision = { ...fromLabel, confidence: ownAccount ? 0.95 : 0.9, reasons: [accountWord(acc), ...fromLabel.reasons] };
    } else if (section === "in_kind_use" || section === "in_kind_resource") {
      // 87x numbering differs between charts: the label decides (docs/spec.md §2).
      decision = { ...fromLabel, confidence: Math.min(fromLabel.confidence, 0.85), reasons: [accountWord(acc), ...fromLabel.reasons] };
    } else if (funderSays && !refines && !ownAccount) {
      // « Participation Ligue et FFA, fonctionnement base » under « 70 - Ventes … »: the payer the label names is read,
      // but the treasurer filed it as a sale: the chapter and the payer disagree, and either may be right.
      const q = quote(context.chapter ?? acc.prefix);
      decision = {
        ...fromLabel,
        confidence: 0.55,
        reasons: [...fromLabel.reasons, { fr: `mais il est rangé sous ${q.fr} (${acc.lever.label.fr}) : à vérifier`, en: `but it is filed under ${q.en} (${acc.lever.label.en}): to check` }],
      };
    } else if ((generic && refines) || funderSays) {
      decision = { ...fromLabel, confidence: funderSays && !refines ? 0.8 : 0.85, reasons: [accountWord(acc), ...fromLabel.reasons] };
    } else if (fromLabel.lever.id === "training" && section === "expense" && hit && !hit.fuzzy && TRAINING_FILED_AS_SERVICE.test(account!)) {
      // « 6181 Formations enseignants bénévoles »: any training of volunteers, educators or staff is human
      // resources (docs/spec.md §2), whatever services account the treasurer filed it under.
      decision = {
        lever: fromLabel.lever,
        confidence: 0.7,
        reasons: [accountWord(acc), ...fromLabel.reasons, { fr: "une formation : richesses humaines, quel que soit le compte de services", en: "training: human resources, whatever the services account" }],
      };
    } else if (ownAccount && !hit?.fuzzy && hit && hit.score >= 1 && fromLabel.lever.family === acc.lever.family && !acc.lever.catchAll && !fromLabel.lever.catchAll) {
      // The account and the label name two levers (« 6181 Formations enseignants bénévoles »): the account is
      // kept, but a confidence that asks the user to check says they disagree.
      const q = quote(hit.keyword.pattern.source.replace(/\*/g, ""));
      decision = {
        lever: acc.lever,
        confidence: 0.55,
        reasons: [accountWord(acc), { fr: `mais le libellé dit ${q.fr} (${fromLabel.lever.label.fr}) : à vérifier`, en: `but the label says ${q.en} (${fromLabel.lever.label.en}): to check` }],
      };
    } else if (ownAccount && hit && !hit.fuzzy && !hit.keyword.payee && !fromLabel.lever.catchAll && fromLabel.lever.family === acc.lever.family && fromLabel.lever.pillar !== acc.lever.pillar && !inTheChart(ownAccount)) {
      // « 6520 Cotisations à des associations »: no account of the chart opens with 652 (a foreign chart, or the
      // treasurer's own numbering), so the number says only its chapter (65); the label says plainly another pillar.
      const q = quote(hit.keyword.pattern.source.replace(/\*/g, ""));
      decision = {
        ...fromLabel,
        confidence: 0.6,
        reasons: [
          { fr: `compte ${ownAccount}, absent du plan comptable : seul son chapitre ${acc.prefix} est connu`, en: `account ${ownAccount}, not in the chart: only its chapter ${acc.prefix} is known` },
          { fr: `le libellé dit ${q.fr} (${fromLabel.lever.label.fr}), lu comme tel`, en: `the label says ${q.en} (${fromLabel.lever.label.en}), read as such` },
        ],
      };
    } else if (!ownAccount && section === "income" && acc.prefix === "75" && fromLabel.lever.id === "public_grants" && !funder) {
      // « Subvention de NLNet » under « 75 Autres produits de gestion courante »: public grants are 74; a grant the
      // treasurer files under 75 comes from another body (7551, contributions financières d'autres organismes).
      decision = {
        lever: leverById("foundations"),
        confidence: 0.55,
        reasons: [accountWord(acc), ...fromLabel.reasons, { fr: "une subvention sous le chapitre 75, pas 74 : d'un organisme privé, à vérifier", en: "a grant under chapter 75, not 74: from a private body, to check" }],
      };
    } else {
      decision = { lever: acc.lever, confidence: ownAccount ? 0.85 : 0.7, reasons: [accountWord(acc)] };
      if (ownAccount && hit && !hit.fuzzy && !hit.keyword.payee && saysOnlyItsChapter(ownAccount) && !fromLabel.lever.catchAll && fromLabel.lever.family === acc.lever.family && readsOtherwise(fromLabel.lever, acc.lever, section) && !namesLever(tokens, acc.lever)) {
        // « 6581 Cotisations à des associations »: an account titled « divers » (658, 628) under a label that names
        // another pillar plainly, and nothing of the account's. The account is kept, but the two disagree: never sure.
        const q = quote(hit.keyword.pattern.source.replace(/\*/g, ""));
        decision.confidence = 0.55;
        decision.reasons.push({ fr: `mais le libellé dit ${q.fr} (${fromLabel.lever.label.fr}) : à vérifier`, en: `but the label says ${q.en} (${fromLabel.lever.label.en}): to check` });
      } else if (!ownAccount && hit && !hit.fuzzy && fromLabel.lever.family === acc.lever.family && readsOtherwise(fromLabel.lever, acc.lever, section) && !chapterSaysClass(acc.prefix, section)) {
        // « Indemnités de notre aide Madi » under « 62 Autres services extérieurs »: the chapter holds levers of
        // several pillars (621 is staff) and the label names another pillar than the chapter's catch-all: a guess.
        const q = quote(hit.keyword.pattern.source.replace(/\*/g, ""));
        decision.confidence = 0.5;
        decision.reasons.push({ fr: `mais le libellé dit ${q.fr} (${fromLabel.lever.label.fr}) : à vérifier`, en: `but the label says ${q.en} (${fromLabel.lever.label.en}): to check` });
      }
    }
  } else if (acc) {
    decision = { lever: acc.lever, confidence: ownAccount ? (acc.prefix.length >= 3 ? 0.85 : 0.75) : 0.6, reasons: [accountWord(acc)] };
    // « Somme versée par le Secours Catholique » under « 756 Cotisations »: who paid says more than the block's number.
    const byABody = !ownAccount && /^7[0-5]/.test(acc.prefix) ? paidByABody(tokens, section) : null;
    if (byABody) decision = { ...byABody, reasons: [accountWord(acc), ...byABody.reasons] };
    else if (!ownAccount && !chapterSaysClass(acc.prefix, section)) {
      // « APRIL » under « 62 Autres services extérieurs »: the chapter holds levers of other pillars (621 staff,
      // 6281 network dues), so a chapter alone, with a label that says nothing, is a guess.
      decision.confidence = 0.5;
      decision.reasons.push({ fr: "le chapitre seul ne dit pas le pilier : à vérifier", en: "the chapter alone does not tell the pillar: to check" });
    } else if (ownAccount && isInKindNumberingConflict(account!, section)) {
      // 870 and 875 are swapped between the Cerfa / CRC 99-01 chart and some ANC 2018-06 charts: by number alone,
      // volunteering or goods depends on which chart the treasurer used (docs/spec.md §2).
      decision.confidence = 0.5;
      decision.reasons.push(
        /^871/.test(account!)
          ? { fr: "871 réunit prestations et personnel mis à disposition, le libellé ne dit pas lequel : à vérifier", en: "871 holds both services and staff lent, the label does not say which: to check" }
          : { fr: "870 / 875 diffèrent selon le plan comptable, le libellé ne dit pas bénévolat ou biens : à vérifier", en: "870 / 875 differ between charts and the label does not say volunteering or goods: to check" },
      );
    }
  } else if (section === "income" && (!hit || hit.fuzzy) && !funder && namesAPersonPaying(tokens)) {
    // « Stéphane », « M. Dupont », « Famille Martin » among the produits, or a bank transfer from one (« VIR M. R.V.
    // 10278-… »): a person pays with nothing said for what.
    decision = fromContext(context, section) ?? {
      lever: leverById("donations"),
      confidence: 0.5,
      reasons: [{ fr: "une personne nommée seule parmi les produits : un don, à vérifier", en: "a person named alone among the income: a gift, to check" }],
    };
  } else if (section === "income" && (!hit || hit.fuzzy) && !funder && namesALocalBusiness(tokens)) {
    // « Le magasin Flower & Déco », « Optic 2000 Quétigny » among the produits: a local business gives, for nothing said.
    decision = fromContext(context, section) ?? {
      lever: leverById("corporate_patronage"),
      confidence: 0.5,
      reasons: [{ fr: "un commerce nommé seul parmi les produits : le don d'une entreprise, à vérifier", en: "a shop named alone among the income: a company's gift, to check" }],
    };
  } else if (section === "expense" && !hit && !account && otherAssociationNamed(tokens)) {
    // « Fondation du Patrimoine », « Association des Amis du Vieux Moulin » among the charges, nothing said for what:
    // what an association pays another one is most often its membership, a tie of the network (alliances).
    decision = fromContext(context, section) ?? {
      lever: leverById("network_dues"),
      confidence: 0.45,
      reasons: [{ fr: "une autre association nommée seule parmi les charges : sa cotisation, à vérifier", en: "another association named alone among the expenses: its membership fee, to check" }],
    };
  } else if (fromLabel && section === "expense" && hit && hit.score < 2 && missionVerb(tokens)) {
    // A mission stated as a sentence outweighs one word it happens to hold (« Renforcer le réseau … »).
    decision = fromFunction(tokens, section)!;
  } else if (fromLabel) {
    decision = fromLabel;
    // « Crédit Mutuel » under « Sponsors »: the label names a private payer, the block says what it pays for.
    // « Somme versée par le Secours Catholique » under « Cotisations »: a sum the label says a body paid is its money,
    // not the block's dues.
    const block = !hit && funder && funder.kind !== "public_body" && !payerWords(tokens) ? fromContext(context, section) : null;
    if (block && block.lever.family === "income" && block.lever.nature !== "public" && funder!.kind === "foundation" && COMPANY_LEVERS.has(block.lever.id)) {
      // « Association Amitié et Solidarité (A.S.V.S.) » under « Parrainages de France »: another association gives
      // private money as a body (7551), not a company's sponsorship; the block is about the other lines.
      decision = {
        lever: leverById("foundations"),
        confidence: 0.6,
        reasons: [...fromLabel.reasons, ...block.reasons, { fr: "une autre association, pas une entreprise : argent privé d'un organisme", en: "another association, not a company: private money from a body" }],
      };
    } else if (block && block.lever.family === "income" && block.lever.nature !== "public") {
      decision = { lever: block.lever, confidence: 0.7, reasons: [...fromLabel.reasons, ...block.reasons] };
    } else if (!hit && funder && funder.kind !== "public_body") {
      // « SociétéGénérale », « Fondation X » alone, under no block that says what they pay for: a gift, a sponsor,
      // or (a bank) the association's own account — the name alone does not say which.
      const alone =
        funder.kind === "individual"
          ? { fr: "des particuliers nommés seuls, sans bloc qui dise ce qu'ils paient : des dons, à vérifier", en: "individuals named alone, under no block saying what they pay for: gifts, to check" }
          : { fr: "un organisme privé nommé seul, sans bloc qui dise ce qu'il paie : à vérifier", en: "a private body named alone, under no block saying what it pays for: to check" };
      decision = { ...decision, confidence: Math.min(decision.confidence, 0.55), reasons: [...decision.reasons, alone] };
    }
    const sold = publicBodyAlone ? blockOfSales(context) : null;
    if (sold) {
      // « Ministère Éduc Nationale » under « PRESTATIONS »: the block says a service sold, the label who bought it.
      const q = quote(sold);
      decision = { lever: leverById("public_procurement"), confidence: 0.7, reasons: [...decision.reasons, { fr: `bloc ${q.fr}`, en: `block ${q.en}` }, paysForAService] };
    } else if (publicBodyAlone && fromContext(context, section)?.lever.id !== "public_grants") {
      // « Etat », « Région », « Agglo » alone, under no heading of grants: a grant, or a public body paying for a
      // service, or (in a financing plan) an investment grant — the body alone does not say which.
      decision = { ...decision, confidence: Math.min(decision.confidence, 0.55), reasons: [...decision.reasons, { fr: "un financeur public nommé seul, sans bloc de subventions : à vérifier", en: "a public body named alone, under no grants heading: to check" }] };
    } else if (decision.lever.id === "public_grants" && !funder && hit && unknownGiver(tokens)) {
      // « Subvention de la caisse de solidarité UDOGEC », « Subvention UDAF »: a grant from a body Équilibre does not
      // know, named by its initials — a federation or a union pays private money as well as a council public money.
      const q = quote(unknownGiver(tokens)!);
      decision = { ...decision, confidence: Math.min(decision.confidence, 0.55), reasons: [...decision.reasons, { fr: `${q.fr}, un organisme inconnu : public ou privé, à vérifier`, en: `${q.en}, an unknown body: public or private, to check` }] };
    }
  } else {
    decision =
      fromTitle(tokens, section, numbering) ??
      paidByABody(tokens, section) ??
      fromContext(context, section) ??
      paidByAPerson(tokens, section) ??
      refundOf(tokens, section) ??
      fromFunction(tokens, section) ??
      fromPlatform(tokens, section, context) ??
      fromSupplier(tokens, section) ??
      costsOf(tokens, section) ??
      fallback(section);
  }
  if (acc && !acc.prefix.startsWith("70") && hit && !hit.fuzzy && decision.lever === hit.keyword.lever && section === "income") {
    // « Parrainages » under « 754 Dons manuels » or « 75 Autres produits »: a chapter of gifts, not of sales, says whose.
    decision = whoseSponsorship(tokens, hit, funder) ?? decision;
  }
  if (!acc && hit && !hit.fuzzy && decision.lever === hit.keyword.lever && section === "income") {
    // « Parrainages d'Italie », « Participation du club tiers monde »: who the word is said of decides.
    decision = whoseSponsorship(tokens, hit, funder) ?? whoseParticipation(tokens, hit, funder) ?? refundOfWhatIsSold(tokens, hit) ?? decision;
  }
  if (!acc && hit && !hit.fuzzy && decision.lever === hit.keyword.lever && section === "expense") decision = softwareLicence(tokens, hit) ?? decision;
  if (section === "income" && !acc && hit && hit.score < 2 && decision.lever === hit.keyword.lever && decision.confidence >= REVIEW_CONFIDENCE && LISTING.test(input.label) && hit.position >= tokensOf(input.label.split(/[(,;:]/)[0]!).length) {
    // « VIE DU CLUB (galette, apéros, décès, cadeaux sortants, subventions etc) »: one word of the list after the
    // label's head says what one item is, not the line; the nature of the whole is a guess. A head that says it
    // (« Subvention Communes (Lacave, Meyronne, St-Sozy) ») decides.
    decision = { ...decision, confidence: 0.5, reasons: [...decision.reasons, { fr: "le libellé énumère plusieurs choses : à vérifier", en: "the label lists several things: to check" }] };
  }
  if (!acc && section === "expense" && decision.lever.id === "staff" && namesCostsOfMissions(input.label)) {
    // « Charges de mission », typed without the accent of the post « chargés de mission »: what missions cost.
    decision = { lever: leverById("other_external_services"), confidence: 0.55, reasons: [{ fr: "« charges de mission », sans l'accent de « chargés » : ce que coûtent les missions, pas un salaire, à vérifier", en: "“charges de mission”, without the accent of “chargés”: what missions cost, not pay, to check" }] };
  }
  if (hit && !hit.fuzzy && decision.lever === hit.keyword.lever && section === "expense" && acc?.lever.id !== hit.keyword.lever.id) {
    // « Cotisations auprès des banques », « FFDN » under « Déplacements »: whom a due is paid to, and what the block
    // says it pays for, decide what it is (under a chapter too: 62 holds bank fees as well as dues).
    decision = duesPaidTo(tokens, hit) ?? (acc ? null : networkNamedUnder(hit, context)) ?? decision;
  }
  if (!acc && hit?.fuzzy && decision.lever === hit.keyword.lever) {
    // « Intermarché » is a shop, not a typo of « intérim »: a supplier's exact name outweighs a keyword's near spelling.
    decision = fromSupplier(tokens, section) ?? decision;
  }
  if (!ownAccount && acc?.lever.id === "other_income" && decision.lever.id === "other_income" && !hit) {
    // « Stripe » under « 75 Autres produits de gestion courante »: what a platform passes on there is gifts or dues.
    decision = fromPlatform(tokens, section, context) ?? decision;
    if (decision.lever.id === "other_income" && acc!.prefix === "75") {
      // « C.E.A. », « Jean Dupont » under « 75 Autres produits de gestion courante »: the chapter's produits of an
      // association are its members' dues and gifts (756, 754; the Cerfa form titles it « dont cotisations, dons
      // manuels ou legs »), private money kept in the mix — not « autres produits » taken out of it.
      const person = namesAPerson(tokens);
      decision = {
        lever: leverById(person ? "donations" : "membership_fees"),
        confidence: 0.45,
        reasons: [
          ...decision.reasons,
          person
            ? { fr: "une personne nommée sous le chapitre 75 : un don, à vérifier", en: "a person named under chapter 75: a gift, to check" }
            : { fr: "sous le chapitre 75, sans autre indice : des cotisations (ou des dons), à vérifier", en: "under chapter 75, with no other clue: dues (or gifts), to check" },
        ],
      };
    }
  }
  const byMission = section === "expense" && !ownAccount && hit && !hit.fuzzy && decision.lever === hit.keyword.lever ? missionBreakdown(context) : null;
  if (byMission && FUNCTION_WORDS.has(hit!.keyword.pattern.source)) {
    // « Coordination du réseau », « Emploi des jeunes » under « Emplois par mission »: a mission, not a job.
    const q = quote(byMission);
    decision = {
      lever: leverById("other_operating"),
      confidence: 0.5,
      reasons: [{ fr: `bloc ${q.fr} : une mission, pas un poste de salarié ; nature de charge non dite`, en: `block ${q.en}: a mission, not a staff post; nature of cost not said` }],
      keywordDest: "action",
    };
  }
  const paidOut = section === "expense" && !ownAccount ? paidOutBlock(context) : null;
  if (paidOut && !(fromLabel && PAID_OUT_LEVERS.has(fromLabel.lever.id))) {
    // « Salaires » under « Subventions versées à FPS »: the block says the money goes to a partner; what the label
    // names is what the partner pays with it, not a cost of the association's own.
    const q = quote(paidOut.text);
    const own = hit && !hit.fuzzy ? quote(hit.keyword.pattern.source.replace(/\*/g, "")) : null;
    decision = {
      lever: paidOut.lever,
      // A partner's block is told by its other lines (aid paid), not by its heading's words: a reading to check.
      confidence: paidOut.partner ? 0.55 : own ? 0.6 : 0.7,
      reasons: [
        paidOut.partner
          ? { fr: `bloc ${q.fr}, un partenaire dont les lignes disent des aides versées : versé à ce partenaire, à vérifier`, en: `block ${q.en}, a partner whose lines say aid paid: paid to that partner, to check` }
          : { fr: `bloc ${q.fr} : versé à un partenaire`, en: `block ${q.en}: paid to a partner` },
        ...(own ? [{ fr: `le libellé ${own.fr} dit ce que le partenaire en fait, pas une charge propre`, en: `the label ${own.en} says what the partner does with it, not a cost of our own` }] : []),
      ],
    };
  }
  if (!acc && section === "income" && isBankAlone(tokens)) {
    decision = {
      lever: leverById("financial_income"),
      confidence: 0.6,
      reasons: [{ fr: "la banque seule parmi les produits : ses intérêts", en: "the bank alone among the income: its interest" }],
    };
  }
  if (!acc && section === "expense" && VOLUNTEER_COSTS.has(decision.lever.id) && saidOfVolunteers(tokens)) {
    // « Déplacements des bénévoles », « Frais kilométriques bénévoles »: what the volunteers spend is a cost of the
    // human resources (frais des bénévoles), not a service bought.
    decision = {
      lever: leverById("volunteer_expenses"),
      confidence: 0.7,
      reasons: [...decision.reasons, { fr: "dépensé par ou pour les bénévoles : frais des bénévoles", en: "spent by or for the volunteers: volunteers' expenses" }],
    };
  }
  // A word that is a guess on its own stays one when it overrules a block's number (« Parrainages » under « 756 »).
  if ((!acc || (!ownAccount && decision.lever !== acc.lever)) && hit?.keyword.doubt && decision.lever === hit.keyword.lever && !funder && saidAlone(tokens, hit)) {
    decision.confidence = Math.min(decision.confidence, 0.5);
    decision.reasons.push(hit.keyword.doubt);
  }
  // 86 / 87 numbers differ between charts (870 is volunteering in one, gifts in kind in another): there the label has
  // already decided, and a title of the other chart is no slip.
  if (ownAccount && acc && decision.lever.id === acc.lever.id && (section === "income" || section === "expense")) {
    // « 621 - Rémunérations intermédiaires et honoraires »: the whole official title of another account (622) under
    // the number typed. One of the two is a slip, or the treasurer's own numbering: the title, several words the
    // treasurer wrote out, is what they mean (as for 86 / 87, docs/spec.md §2), at a confidence that asks to check.
    const other = titleOfAnotherAccount(tokens, ownAccount, section, numbering);
    if (other && other.lever.pillar !== acc.lever.pillar) {
      decision = {
        lever: other.lever,
        confidence: Math.min(decision.confidence, 0.55),
        reasons: [
          { fr: `compte ${ownAccount}, mais le libellé est l'intitulé du compte ${other.account} : lu comme tel, à vérifier`, en: `account ${ownAccount}, but the label is the title of account ${other.account}: read as such, to check` },
        ],
      };
    }
  }
  if (sectionGuessed) {
    // A side the label guessed (no account, no layout) is weak evidence: a single keyword is no longer sure,
    // unless the label also names who pays (« Subvention de la Région » is received).
    const payer = section === "income" && funderOf(tokens) !== null;
    decision.confidence = Math.max(0.1, decision.confidence - (payer ? 0.15 : 0.2));
    // « Collecte de fonds, comptabilité … et dépenses », « Cotisations sociales (10) »: with no side told, a label
    // that reads as a produit and as a charge is a guess, unless it names who pays (« Subvention de la Région »).
    const [asIncome, asExpense] = [bestLabelHit(tokens, "income"), bestLabelHit(tokens, "expense")];
    if (asIncome && asExpense && !funderOf(tokens)) {
      decision.confidence = Math.min(decision.confidence, 0.5);
      decision.reasons.push({ fr: "se lit comme un produit et comme une charge, sans côté dit : à vérifier", en: "reads as both income and an expense, with no side told: to check" });
    }
  }
  if (!acc && isInvestmentLine(core, section)) {
    // Where the reader did not know the side when it met the row, the charge is read, but never as sure.
    decision.confidence = Math.min(decision.confidence, 0.4);
    decision.reasons.push({ fr: "un investissement (immobilisation, classe 2) : pas une charge de l'exercice, à vérifier", en: "an investment (fixed asset, class 2): not a charge of the year, to check" });
  }
  const against = !acc && !sectionGuessed && !movedInKind ? otherSideSays(tokens, section, hit) : null;
  if (against) {
    // « Cotisations sociales » under « Revenus », « Subvention de la Région » under « Dépenses »: the block's side is
    // kept (a heading is stronger evidence than one word), but a label that says the other side so plainly is asked.
    decision.confidence = Math.min(decision.confidence, 0.5);
    decision.reasons.push(against);
  }
  if (movedInKind) {
    decision.confidence = Math.min(decision.confidence, 0.8);
    decision.reasons.push(
      section === "in_kind_resource"
        ? { fr: "contribution en nature (87), hors ressources financières", en: "in-kind contribution (87), not a money resource" }
        : { fr: "emploi en nature (86), hors charges financières", en: "in-kind use (86), not a money expense" },
    );
  }

  // 3. Destination (expenses): analytic column, then the label, then the block, then the account, then the lever.
  let destination: Destination | null = null;
  if (section === "expense") {
    const d = decideDestination(decision, labelFacts.engineeringWord, context, account);
    destination = d.destination;
    if (d.reason) decision.reasons.push(d.reason);
  }

  const l = decision.lever;
  const isResource = section === "in_kind_resource";
  return {
    section,
    lever: l.id,
    pillar: l.pillar,
    tags: [...l.tags],
    nature: section === "income" ? l.nature : isResource ? "neutral" : null,
    payer: section === "income" && l.nature === "activity" ? l.payer : null,
    destination,
    confidence: round2(decision.confidence),
    reason: joinedReasons(decision.reasons, "fr", " ; "),
    reasonEn: joinedReasons(decision.reasons, "en", "; "),
  };
}

/**
 * The reasons in one language, joined: what `reasons.map((r) => r[language]).join(separator)` gives, without the
 * array in between (whose kinds of elements vary from line to line and made the optimised classifier start over).
 */
function joinedReasons(reasons: readonly { fr: string; en: string }[], language: "fr" | "en", separator: string): string {
  let out = "";
  for (let i = 0; i < reasons.length; i++) {
    const text = reasons[i]![language];
    out += (i > 0 ? separator : "") + (text ?? "");
  }
  return out;
}

/**
 * True when every lever an account chapter can hold reads the same way (pillar, and nature for a produit): the
 * chapter alone then says what counts. « 60 » is purchases; « 62 » holds staff (621), network dues (6281) and
 * services; « 75 » holds fees, gifts and other income of several natures.
 */
function chapterSaysClass(prefix: string, section: Section): boolean {
  // A pure function of a chapter and a side, asked for many lines of one chapter: once each.
  const key = `${section}|${prefix}`;
  let says = CHAPTER_SAYS.get(key);
  if (says === undefined) CHAPTER_SAYS.set(key, (says = findChapterSaysClass(prefix, section)));
  return says;
}
const CHAPTER_SAYS = new Map<string, boolean>();

function findChapterSaysClass(prefix: string, section: Section): boolean {
  const holds = leversOfSection(section).filter((l) =>
    [...l.accounts, ...(l.accountsAnc2018 ?? []), ...(l.accountsCrc99 ?? [])].some((a) => a.startsWith(prefix) || prefix.startsWith(a)),
  );
  return new Set(holds.map((l) => `${l.pillar}/${section === "income" ? l.nature : ""}`)).size <= 1;
}

/** True when two levers count differently: another pillar, or for a produit another nature (public, private, activity, out of the mix). */
function readsOtherwise(a: Lever, b: Lever, section: Section): boolean {
  return a.pillar !== b.pillar || (section === "income" && a.nature !== b.nature);
}

/** True when the chart's title of the account (its longest number in the chart) is its chapter or a « divers ». */
function saysOnlyItsChapter(account: string): boolean {
  // Some 700 titles to walk, for every line with an account that the label contradicts: once per account.
  let says = ONLY_ITS_CHAPTER.get(account);
  if (says === undefined) {
    if (ONLY_ITS_CHAPTER.size > 50_000) ONLY_ITS_CHAPTER.clear();
    ONLY_ITS_CHAPTER.set(account, (says = findSaysOnlyItsChapter(account)));
  }
  return says;
}
const ONLY_ITS_CHAPTER = new Map<string, boolean>();

function findSaysOnlyItsChapter(account: string): boolean {
  let best: { n: string; t: string } | null = null;
  for (const a of CHART_OF_ACCOUNTS) if (account.startsWith(a.n) && (!best || a.n.length > best.n.length)) best = a;
  return !best || best.n.length <= 2 || /\b(divers|diverses|autres)\b/.test(foldAccentsLower(best.t));
}

/** True when a word of the label reads as this lever (« intervenants » under 622 as well as « rémunération »). */
function namesLever(tokens: readonly Token[], l: Lever): boolean {
  return KEYWORD_INDEX.matchAll(tokens).some((m) => !m.fuzzy && m.item.lever === l);
}

/** The chart's branches (three digits and more, as numbered in either chart). */
const CHART_BRANCHES: ReadonlySet<string> = new Set(CHART_OF_ACCOUNTS.map((a) => a.n).filter((n) => n.length >= 3).map((n) => n.slice(0, 3)));

/** True when the chart has the account's branch (its first three digits): « 6064 » is, « 6520 » (Swiss chart) is not. */
function inTheChart(account: string): boolean {
  return account.length < 3 || CHART_BRANCHES.has(account.slice(0, 3));
}

/**
 * 870 and 875, whose meaning depends on the chart (bénévolat or dons en nature), and 871, which holds both
 * services and staff lent (mécénat de compétences): by number alone, the pillar is a guess.
 */
function isInKindNumberingConflict(account: string, section: Section): boolean {
  return section === "in_kind_resource" && /^87[015]/.test(account);
}

/** The lever of another account whose whole official title the label is, when its number is on another branch. */
function titleOfAnotherAccount(tokens: readonly Token[], own: string, section: Section, numbering: InKindNumbering): { account: string; lever: Lever } | null {
  const m = matchAccountTitle(tokens, [own[0]!]);
  // A one-word title (« Divers ») is said of many accounts: only a title of several words is evidence.
  if (!m || m.cover < 1 || m.hits < 2 || m.account.slice(0, 3) === own.slice(0, 3)) return null;
  const other = accountLever(m.account, section, numbering);
  return other ? { account: m.account, lever: other.lever } : null;
}

/** Official titles of the chart of accounts (« Documentation générale » → 6181). */
function fromTitle(tokens: readonly Token[], section: Section, numbering: InKindNumbering): Decision | null {
  const classes = section === "income" ? ["7"] : section === "expense" ? ["6"] : ["8"];
  const m = matchAccountTitle(tokens, classes);
  const acc = m ? accountLever(m.account, section, numbering) : null;
  if (!m || !acc) return null;
  const q = quote(m.title);
  return {
    lever: acc.lever,
    confidence: 0.65,
    reasons: [{ fr: `intitulé du compte ${m.account} ${q.fr}`, en: `title of account ${m.account} ${q.en}` }],
  };
}

/** The block or chapter, when it names sales or services sold (« PRESTATIONS », « Ventes et prestations », « 70 … »). */
function blockOfSales(context: LineContext): string | null {
  for (const text of [context.chapter, context.heading]) {
    if (text && bestLabelHit(tokensOf(text), "income")?.keyword.lever.id === "sales_services") return text;
  }
  return null;
}

/**
 * The words of a block heading that name what its lines are: « Dépenses par poste », « Emplois par mission »,
 * « Charges par nature » say how the block is broken down (« poste » is a line item there, not a job), not a lever.
 */
function blockTokens(text: string): Token[] {
  // « EMPLOI – 1 – Association », « Dépenses : fonctionnement »: the side word before a separator titles the side;
  // what follows names the block.
  const parts = text.split(/\s[-–—]\s|[–—:]/).map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length >= 2 && tokensOf(parts[0]!).every((t) => SIDE_WORDS.has(t.text))) {
    const rest = parts.slice(1).filter((p) => !/^(?:[0-9]+|[ivx]+|[a-d])$/i.test(p));
    return rest.length > 0 ? blockTokens(rest.join(" – ")) : [];
  }
  const tokens = tokensOf(text);
  const by = tokens.findIndex((t, i) => i >= 1 && t.text === "par");
  const words = by >= 1 ? tokens.slice(0, by) : tokens;
  // « Emplois », « Emplois 2013 », « Poste dépenses », « Postes de recettes »: the side alone, or the column's
  // name with it (« poste » is a line item there, not a job; « emplois » a compte d'emploi's uses).
  const named = words.filter((t) => !/^\d+$/.test(t.text) && !LINK_WORDS.has(t.text));
  const rest = COLUMN_WORDS.has(named[0]?.text ?? "") ? named.slice(1) : named;
  return rest.length <= 1 && rest.every((t) => SIDE_WORDS.has(t.text)) ? [] : words;
}
const SIDE_WORDS = new Set(["charges", "charge", "depenses", "depense", "emplois", "emploi", "produits", "produit", "recettes", "recette", "ressources"]);
/** What a treasurer calls the label column (« Poste », « Rubrique », « Libellé »). */
const COLUMN_WORDS = new Set(["poste", "postes", "rubrique", "rubriques", "ligne", "lignes", "libelle", "libelles", "intitule", "intitules"]);

/**
 * The block the line sits in says what the label does not: « Boulangerie Martin » under « Sponsors »,
 * « Mairie » under « Subventions ». A chapter written without its number counts as a block.
 */
function fromContext(context: LineContext, section: Section): Decision | null {
  const family = familyOfSection(section);
  for (const text of [context.chapter, context.heading, context.sheet]) {
    if (!text) continue;
    const tokens = blockTokens(text);
    const hit = bestLabelHit(tokens, family);
    const funder = section === "income" && !hit ? funderOf(tokens) : null;
    // « Acquis : Privé », « Public »: a heading that names only the kind of payer says it of every line under it.
    const payerKind = section === "income" && !hit && !funder ? payerKindOfHeading(text) : null;
    // « Subventions associatives », « Subventions des fondations » over « Dermatrop »: the block's grants are paid by
    // private bodies, as the same words on a line say (applyFunder).
    const privateGrants = hit?.keyword.lever.id === "public_grants" && section === "income" ? privatePayerOf(tokens, hit) : null;
    const lever = privateGrants ?? (hit ? hit.keyword.lever : funder ? leverById(FUNDER_LEVER[funder.kind]) : payerKind ? leverById(payerKind) : null);
    // A block that only names a catch-all (« Autres produits ») says nothing about the line.
    if (!lever || lever.catchAll) continue;
    const q = quote(text);
    // A sheet's name is a document's title as often as a block's (« BILAN PREVISIONNEL »), and often names the
    // association itself (« APE avril 2016 »): only a lever word it says exactly, never a funder's name.
    if (text === context.sheet && (!hit || hit.fuzzy)) continue;
    if (text === context.sheet) return { lever, confidence: 0.5, reasons: [{ fr: `feuille ${q.fr}`, en: `sheet ${q.en}` }], keywordDest: hit?.keyword.dest };
    // A heading that names its lines' lever word for word (« Subventions », « Sponsors ») is how treasurers file a
    // funder's or a supplier's name: as good as a keyword. Read at a near spelling, or by a funder's name, it asks.
    // A heading that lists several things (« Divers (CNP, mise à disposition de salles, Symbiose, dons) ») says which
    // of them a line is no more than its own label does: its one lever word is a guess.
    if (LISTING.test(text)) {
      return { lever, confidence: 0.45, reasons: [{ fr: `bloc ${q.fr}, qui en nomme plusieurs : à vérifier`, en: `block ${q.en}, which names several: to check` }], keywordDest: hit?.keyword.dest };
    }
    return { lever, confidence: hit && !hit.fuzzy ? 0.6 : 0.55, reasons: [{ fr: `bloc ${q.fr}`, en: `block ${q.en}` }], keywordDest: hit?.keyword.dest };
  }
  return null;
}

/** The lever of a private payer named beside a grant word (« Subventions associatives »), or null. */
function privatePayerOf(tokens: readonly Token[], hit: LabelHit): Lever | null {
  const funder = funderOf(tokens);
  return funder && funder.kind !== "public_body" && funder.position !== hit.position ? leverById(FUNDER_LEVER[funder.kind]) : null;
}

/** « Privé », « Acquis : Privés », « Financeurs publics »: the part of a heading that names only a kind of payer. */
function payerKindOfHeading(text: string): LeverId | null {
  for (const part of text.split(/[:–—(/]|\s-\s/)) {
    const n = foldAccentsLower(part).replace(/[^a-z ]+/g, " ").trim();
    if (/^(?:les |des )?(?:financeurs? |financements? |partenaires? |fonds |soutiens? )?(?:prives?|privees?)$/.test(n)) return "foundations";
    if (/^(?:les |des )?(?:financeurs? |financements? |partenaires? |fonds |soutiens? )?(?:publics?|publiques?)$/.test(n)) return "public_grants";
  }
  return null;
}

/** A heading that enumerates: at least two commas or semicolons between its items. */
const LISTING = /[,;][^,;]+[,;]/;

/**
 * What a label says of the other side when it says it strongly: a keyword of several words of the other family
 * (« cotisations sociales » among the produits) that outweighs any reading of its own side, or, among the charges, a
 * grant that names its public payer (« Subvention de la Région »). Null when the label agrees with its block.
 */
function otherSideSays(tokens: readonly Token[], section: Section, own: LabelHit | null): { fr: string; en: string } | null {
  if (section !== "income" && section !== "expense") return null;
  const other = bestLabelHit(tokens, section === "income" ? "expense" : "income");
  if (!other || other.fuzzy) return null;
  // « Subvention de la Région »: a grant word and, elsewhere in the label, its public payer (« par la commune » alone
  // says who lends, not that the line is received).
  const funder = section === "expense" && other.keyword.lever.id === "public_grants" ? funderOf(tokens) : null;
  const payer = funder !== null && funder.kind === "public_body" && funder.position !== other.position;
  // « Ventes de marchandises » among the charges: the head noun is a direction word of the other side (a sale, a
  // purchase), the own word only its complement. Flow words both sides use (« Dons », « Subvention ») are not.
  const direction = section === "expense" ? "sales_services" : "purchases";
  const headSaysOther = other.position === 0 && other.keyword.lever.id === direction && own !== null && !own.fuzzy && own.position > 0;
  if (!payer && !headSaysOther && (other.score < 2 || (own !== null && own.score >= other.score))) return null;
  const q = quote(other.keyword.pattern.source.replace(/\*/g, ""));
  return section === "income"
    ? { fr: `le libellé dit ${q.fr}, une charge, mais le bloc dit produits : à vérifier`, en: `the label says ${q.en}, an expense, but the block says income: to check` }
    : { fr: `le libellé dit ${q.fr}, un produit, mais le bloc dit charges : à vérifier`, en: `the label says ${q.en}, income, but the block says expenses: to check` };
}

/** True when no other word of the label has a reading of its own (« Bourse reportée », « BoursePyConFr15 »). */
function saidAlone(tokens: readonly Token[], hit: LabelHit): boolean {
  const family = hit.keyword.lever.family;
  // Words inside the hit's own phrase (« entrée » in « droit d'entrée ») are the hit, not another reading.
  const end = hit.position + hit.keyword.pattern.words.length;
  return !KEYWORD_INDEX.matchAll(tokens).some((m) => !m.fuzzy && m.item.lever.family === family && (m.position < hit.position || m.position >= end));
}

/**
 * « des bénévoles »; or the travel of « nos membres », « des adhérents » (the association's own unpaid people on its
 * errands: what they spend is repaid as volunteers' costs; a members' meal or workshop is an activity's cost).
 */
function saidOfVolunteers(tokens: readonly Token[]): boolean {
  if (tokens.some((t) => /^benevole/.test(t.text))) return true;
  const travel = tokens.some((t) => /^(deplacement|trajet|transport|kilometr|voyage|carburant|essence|peage)/.test(t.text));
  if (!travel) return false;
  if (tokens.some((t, i) => /^(membres|adherents)$/.test(t.text) && /^(des|nos|ses|aux)$/.test(tokens[i - 1]?.text ?? "") && tokens[i + 1]?.text !== "du")) return true;
  // The board's travel (« Remboursements trajets CA », « … des membres du CA », « des administrateurs »): an
  // association's board members serve unpaid, so what they spend travelling for it is a volunteer's cost.
  return tokens.some((t, i) => /^(ca|administrateurs?|administratrices?)$/.test(t.text) || (t.text === "conseil" && tokens[i + 1]?.text === "d" && tokens[i + 2]?.text === "administration"));
}

/** Travel, meals, goods: said of the volunteers, they are the volunteers' expenses (insurance, training stay what they are). */
const VOLUNTEER_COSTS: ReadonlySet<LeverId> = new Set<LeverId>(["other_external_services", "purchases"]);

/** Services accounts (61, 62) a treasurer files training under (6181 documentation, 6226 honoraires…). */
const TRAINING_FILED_AS_SERVICE = /^6[12]/;

/** Headings of a breakdown by mission (a compte d'emploi des ressources): « Emplois par mission », « Dépenses par programme ». */
const MISSION_BREAKDOWN = /\bpar (missions?|programmes?|destinations?|activites?|actions?|fonctions?|priorites?|axes?|poles?|projets?|objectifs?|metiers?)\b/;
/** Staff keywords that name a role or a function (« coordination », « animateur », « emploi »), not pay itself. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(["coordinat*", "animateur*", "directeur*", "directrice*", "entraineur*", "educateur*", "emploi*", "poste", "postes", "volontaire*", "service civique"]);

/** The heading or chapter when it breaks the charges down by mission, programme or activity. */
function missionBreakdown(context: LineContext): string | null {
  for (const text of [context.heading, context.chapter]) if (text && MISSION_BREAKDOWN.test(foldAccentsLower(text).replace(/[^a-z0-9]+/g, " "))) return text;
  return null;
}

/** What a block of money paid out can hold: grants and aid paid (657), gifts passed on and joint operations (655, 6572). */
const PAID_OUT_LEVERS: ReadonlySet<LeverId> = new Set<LeverId>(["other_operating", "common_operations"]);

/**
 * The heading or chapter over the line when it names money paid to others, with the lever it says (657 or 6572);
 * else such a heading further up, over the partner's own heading.
 */
function paidOutBlock(context: LineContext): { text: string; lever: Lever; partner?: boolean } | null {
  for (const text of [context.heading, context.chapter, context.paidOutHeading]) {
    if (!text || !isPaidOutHeading(text)) continue;
    const said = bestLabelHit(tokensOf(text), "expense")?.keyword.lever;
    return { text, lever: said && PAID_OUT_LEVERS.has(said.id) ? said : leverById("other_operating") };
  }
  // A partner's heading over aid paid to it: the block is money paid out, said by its lines rather than its words.
  if (context.partnerHeading) return { text: context.partnerHeading, lever: leverById("other_operating"), partner: true };
  return null;
}

/** « Banque », « Bank » alone among the produits: what the bank paid, i.e. interest (76), not a sponsor. */
function isBankAlone(tokens: readonly Token[]): boolean {
  return tokens.length === 1 && /^(banque|banques|bank)$/.test(tokens[0]!.text);
}

/**
 * « Assurance », « Hébergement (serveur) » among the produits, with no word of income: a charge's name on the income
 * side is that charge refunded (a transfer of charges, 79), kept out of the mix, at a confidence that asks to check.
 */
const REFUNDABLE: ReadonlySet<LeverId> = new Set<LeverId>(["external_services", "taxes", "financial_charges"]);

function refundOf(tokens: readonly Token[], section: Section): Decision | null {
  if (section !== "income") return null;
  const charge = bestLabelHit(tokens, "expense");
  // Only what an association buys and never sells: goods (60) are resold, staff is re-billed, services are sold;
  // of the other services, only the running costs (bank fees, postage, telephone: « CommissionPaypal »).
  const runningCost = charge?.keyword.lever.id === "other_external_services" && charge.keyword.dest === "engineering";
  if (!charge || charge.fuzzy || !(REFUNDABLE.has(charge.keyword.lever.id) || runningCost)) return null;
  const q = quote(charge.keyword.pattern.source.replace(/\*/g, ""));
  return {
    lever: leverById("reversals_transfers"),
    confidence: 0.5,
    reasons: [{ fr: `nom de charge ${q.fr} parmi les produits : un remboursement reçu, à vérifier`, en: `a charge's name ${q.en} among the income: a refund received, to check` }],
  };
}

/** Infinitives that open a mission in a functional breakdown (« Protéger les océans », « Renforcer le réseau »). */
const MISSION_VERB = /^[a-z]{3,}(er|ir)$/;
/** Nouns that end like an infinitive (« Dossier », « Loisir »): never a mission's verb. */
const NOT_A_VERB = /(ier|yer|oir|isir|sir)$/;
const MISSION_ARTICLE = new Set(["le", "la", "les", "l", "des", "du", "un", "une", "au", "aux", "nos", "leur", "leurs", "ses", "sa", "son", "notre"]);

/** « Protéger les océans », « Renforcer le réseau … »: a label that states a mission. */
function missionVerb(tokens: readonly Token[]): string | null {
  const first = tokens[0]?.text ?? "";
  const next = tokens[1]?.text ?? "";
  return MISSION_VERB.test(first) && !NOT_A_VERB.test(first) && MISSION_ARTICLE.has(next) ? first : null;
}
const MISSION_WORDS = new Set(["mission", "missions", "programme", "programmes", "projet", "projets", "action", "actions", "activite", "activites"]);

/**
 * A charges sheet that breaks its costs down by mission (a compte d'emploi des ressources): each line is a
 * programme, not a nature of cost. It is a mission's cost (destination action, from the label's
 * engineering words otherwise), of a nature the sheet does not say.
 */
function fromFunction(tokens: readonly Token[], section: Section): Decision | null {
  if (section !== "expense" || tokens.length < 2) return null;
  const verb = missionVerb(tokens);
  const word = tokens.find((t) => MISSION_WORDS.has(t.text));
  if (!verb && !word) return null;
  const q = quote(verb ?? word!.text);
  return {
    lever: leverById("other_operating"),
    confidence: 0.5,
    reasons: [{ fr: `emploi par mission ${q.fr} : nature de charge non dite`, en: `cost by mission ${q.en}: nature of cost not said` }],
    keywordDest: "action",
  };
}

/**
 * A payment platform named with nothing else to read: among the charges its fees (bank services, 627); among the
 * produits the money it passes on, most often gifts collected online — a guess the user is asked to check.
 */
function fromPlatform(tokens: readonly Token[], section: Section, context: LineContext): Decision | null {
  const platform = platformIn(tokens);
  if (!platform || (section !== "income" && section !== "expense")) return null;
  const q = quote(platform);
  const sold = section === "income" ? blockOfSales(context) : null;
  if (sold) {
    // « HelloAsso » under « Billetterie »: the tickets sold through it.
    const b = quote(sold);
    return { lever: leverById("sales_services"), confidence: 0.6, reasons: [{ fr: `plateforme de paiement ${q.fr} sous le bloc ${b.fr} : des ventes`, en: `payment platform ${q.en} under the block ${b.en}: sales` }] };
  }
  return section === "expense"
    ? tokens.some((t) => t.text === "frais")
      ? { lever: leverById("other_external_services"), confidence: 0.65, reasons: [{ fr: `frais de la plateforme de paiement ${q.fr}`, en: `fees of the payment platform ${q.en}` }], keywordDest: "engineering" }
      : // Named alone, it may also be the platform's balance or a transfer out of it: a guess the user checks.
        { lever: leverById("other_external_services"), confidence: 0.5, reasons: [{ fr: `plateforme de paiement ${q.fr} : ses frais, à vérifier`, en: `payment platform ${q.en}: its fees, to check` }], keywordDest: "engineering" }
    : { lever: leverById("donations"), confidence: 0.5, reasons: [{ fr: `plateforme de paiement ${q.fr} : ce qu'elle encaisse, des dons le plus souvent, à vérifier`, en: `payment platform ${q.en}: what it collects, most often gifts, to check` }] };
}

/** Levers only a company pays (sponsorship with something in return, corporate patronage). */
const COMPANY_LEVERS: ReadonlySet<LeverId> = new Set<LeverId>(["sponsorship", "corporate_patronage"]);
const OF_WORDS = new Set(["de", "d", "du", "des"]);

/** True when the words after the hit name an event or a sale (« Parrainage du tournoi », « … du gala »). */
function complementSells(tokens: readonly Token[], hit: LabelHit): boolean {
  const rest = tokens.slice(hit.position + hit.keyword.pattern.words.length);
  const sale = bestLabelHit(rest, "income");
  return sale !== null && (sale.keyword.lever.id === "sales_services" || COMPANY_LEVERS.has(sale.keyword.lever.id));
}

/**
 * « Parrainages d'Italie », « Parrainages de France »: sponsorships said of where the sponsors come from, or of
 * children, are people sponsoring a child — gifts (754); a company's sponsorship names the company or the event
 * (« Parrainage entreprise X », « Parrainage du tournoi »). Still a reading to check.
 */
function whoseSponsorship(tokens: readonly Token[], hit: LabelHit, funder: FunderMatch | null): Decision | null {
  if (hit.keyword.pattern.source !== "parrainage*") return null;
  if (funder?.kind === "company" || complementSells(tokens, hit) || tokens.some((t) => COMPANY_SPONSORING.test(t.text))) return null;
  // « Parrainages », « Parrainages mensuels », « Parrainages d'Italie »: in the budgets associations publish, a
  // parrainage is people sponsoring a child or a project, a gift, far more often than a company's sponsoring (which
  // says « entreprise », « sponsor », « publicité »); still asked.
  return {
    lever: leverById("donations"),
    confidence: 0.5,
    reasons: [keywordReason(hit), { fr: "des parrainages de personnes, pas d'une entreprise : des dons, à vérifier", en: "sponsorships by people, not by a company: gifts, to check" }],
  };
}
/** Words that make a « parrainage » a company's sponsoring, with something in return. */
const COMPANY_SPONSORING = /^(?:entreprises?|societes?|sponsors?|sponsoring|publicite|publicitaires?|encarts?|panneaux?|maillots?|commerciaux|commercial|commercants?|annonceurs?|partenaires?|partenariats?)$/;

/**
 * « Cotisations auprès des banques / assurances », « Cotisation assurance »: a due paid to a bank or an insurer is
 * what they bill (bank fees, a premium), not a network's dues; the complement names whom, and so what. A complement
 * that names a network (« Cotisation à la fédération ») or nothing read (« Cotisations à des associations ») keeps
 * the dues.
 */
function duesPaidTo(tokens: readonly Token[], hit: LabelHit): Decision | null {
  if (hit.keyword.lever.id !== "network_dues" || hit.keyword.payee) return null;
  const rest = tokens.slice(hit.position + hit.keyword.pattern.words.length);
  const matches = KEYWORD_INDEX.matchAll(rest).filter((m) => !m.fuzzy && m.item.lever.family === "expense");
  if (matches.length === 0 || matches.some((m) => m.item.lever.id === "network_dues")) return null;
  const other = bestLabelHit(rest, "expense");
  if (!other || other.fuzzy) return null;
  const [q, w] = [quote(tokens[hit.position]!.raw), quote(rest[other.position]!.raw)];
  return {
    lever: other.keyword.lever,
    confidence: 0.6,
    reasons: [{ fr: `${q.fr} payée à ${w.fr} : ce qu'ils facturent (${other.keyword.lever.label.fr}), pas la cotisation d'un réseau`, en: `${q.en} paid to ${w.en}: what they bill (${other.keyword.lever.label.en}), not a network's dues` }],
    keywordDest: other.keyword.dest,
  };
}

/**
 * « FFDN », « Ligue de Bretagne » under « Déplacements » or « Formation »: a network's name says whom the money goes
 * to; the block says what for (a trip to its meeting, its training). The block decides, at a confidence that asks.
 */
function networkNamedUnder(hit: LabelHit, context: LineContext): Decision | null {
  if (!hit.keyword.payee) return null;
  for (const text of [context.chapter, context.heading]) {
    if (!text) continue;
    const said = bestLabelHit(blockTokens(text), "expense");
    // « Autres services extérieurs » (which holds 6281, dues) says no more than the network's name.
    if (!said || said.fuzzy || said.keyword.lever.id === hit.keyword.lever.id || GENERIC_BLOCK_WORD.test(said.keyword.pattern.source)) continue;
    const [q, b] = [quote(hit.keyword.pattern.source.replace(/\*/g, "")), quote(text)];
    return {
      lever: said.keyword.lever,
      confidence: 0.55,
      reasons: [{ fr: `bloc ${b.fr}`, en: `block ${b.en}` }, { fr: `${q.fr} dit à qui, le bloc dit pour quoi : à vérifier`, en: `${q.en} says to whom, the block says what for: to check` }],
      keywordDest: said.keyword.dest,
    };
  }
  return null;
}
/** A block keyword that names a chapter's catch-all (« Autres charges », « Services extérieurs »), not what is paid for. */
const GENERIC_BLOCK_WORD = /^(autres?|charges?|divers|services exterieurs)\b/;

/**
 * A label that opens with another association's name (« Fondation du Patrimoine », « Association des Amis du Vieux
 * Moulin », « Comité des fêtes »), nothing else. Not « Club biblique », « Club photo »: a club is as often one of the
 * association's own activities.
 */
const ANOTHER_BODY = new Set(["association*", "asso", "fondation*", "fonds de dotation", "amicale*", "comite* des fetes", "collectif*", "rotary", "lions club*", "kiwanis", "soroptimist*"]);
function otherAssociationNamed(tokens: readonly Token[]): boolean {
  const f = findFunder(tokens);
  return f !== null && f.kind === "foundation" && f.position === 0 && ANOTHER_BODY.has(f.keyword) && tokens.length <= 8;
}

/**
 * « Licence Assoconnect », « Licence Canva », « Licences Microsoft 365 »: a licence of a platform or a software is a
 * service bought (the software's rent), not a federation's licence (network dues).
 */
function softwareLicence(tokens: readonly Token[], hit: LabelHit): Decision | null {
  if (hit.keyword.lever.id !== "network_dues" || !/^licences?$/.test(tokens[hit.position]?.text ?? "")) return null;
  const rest = tokens.slice(hit.position + 1);
  const name = platformIn(rest) ?? (SOFTWARE_WORDS.test(rest.map((t) => t.text).join(" ")) ? rest[0]!.raw : null);
  if (!name) return null;
  return {
    lever: leverById("external_services"),
    confidence: 0.6,
    reasons: [keywordReason(hit), { fr: `licence de « ${name} », un logiciel : un service acheté, pas une licence de fédération`, en: `licence of “${name}”, a software: a service bought, not a federation's licence` }],
  };
}
const SOFTWARE_WORDS = /^(?:de |du |d )?(?:microsoft|office|windows|adobe|canva|zoom|google|antivirus|logiciels?|applications?|progiciels?|ciel|ebp|sage|quadratus|wordpress|notion|slack|dropbox)\b/;

/** Who pays a « participation » as a user: families, members, participants (a sale); anyone else gives. */
const PAYING_USERS = /^(familles?|parents?|participants?|usagers?|adherents?|membres?|enfants?|eleves?|jeunes|joueurs?|stagiaires?|benevoles?|beneficiaires?|residents?|habitants?|clients?|inscrits?|licencies?|convives?|exposants?|visiteurs?)$/;

/**
 * « Participation du club tiers monde à la construction … »: a participation said of someone who is not a user
 * (families, members) is that body's contribution as much as a sale: the reading is asked.
 */
function whoseParticipation(tokens: readonly Token[], hit: LabelHit, funder: FunderMatch | null): Decision | null {
  if (hit.keyword.lever.id !== "sales_services" || !/^participation/.test(tokens[hit.position]!.text) || funder) return null;
  if (!OF_WORDS.has(tokens[hit.position + 1]?.text ?? "")) return null;
  const who = tokens.slice(hit.position + 2).find((t) => !["la", "le", "les", "l"].includes(t.text));
  if (!who || PAYING_USERS.test(who.text)) return null;
  return {
    lever: hit.keyword.lever,
    confidence: 0.5,
    reasons: [keywordReason(hit), { fr: `la participation de « ${who.raw} » : une vente, ou sa contribution ? à vérifier`, en: `the participation of “${who.raw}”: a sale, or its contribution? to check` }],
  };
}

/**
 * « Remb. sortie », « Remboursement repas » among the produits: what is paid back is something the association sells
 * (an outing, a meal), so it is the participants paying their share — a sale, not a charge refunded (« Remboursement
 * assurance »). Which of the two is a guess the user is asked to check.
 */
function refundOfWhatIsSold(tokens: readonly Token[], hit: LabelHit): Decision | null {
  if (hit.keyword.lever.id !== "reversals_transfers" || !/^rembours/.test(tokens[hit.position]!.text)) return null;
  const rest = tokens.slice(hit.position + hit.keyword.pattern.words.length);
  const sold = bestLabelHit(rest, "income");
  if (!sold || sold.fuzzy || sold.keyword.lever.id !== "sales_services") return null;
  // « Remboursement formation OPCO »: who pays back (a training fund, an insurer) makes it a charge refunded.
  if (KEYWORD_INDEX.matchAll(rest).some((m) => !m.fuzzy && m.item.lever.id === "reversals_transfers") || funderOf(tokens)) return null;
  const q = quote(sold.keyword.pattern.source.replace(/\*/g, ""));
  return {
    lever: sold.keyword.lever,
    confidence: 0.5,
    reasons: [{ fr: `remboursement de ${q.fr}, que l'association vend : la part des participants, à vérifier`, en: `refund of ${q.en}, which the association sells: the participants' share, to check` }],
  };
}

/** Words between a head noun and its complement (« Frais de dossier », « Envoi des cotisations »). */
const LINK_WORDS = new Set(["de", "d", "du", "des", "la", "le", "les", "l", "sur", "pour", "a", "au", "aux", "en", "et", "par"]);
/** Keywords that say who pays or who is served (« Paniers adhérents »), not what the line is. */
const WHO_KEYWORDS = new Set(["adherent*", "licencies"]);

/**
 * A lever word that is only a complement of another head noun: « Frais Twint Cotisation », « Frais de dossier
 * subvention » are fees (the head noun « frais » decides, its first complement says which: Twint, a file), not dues
 * nor a grant; « Paniers adhérents », « Vrac adhérents » are goods sold to the members, not their dues. The reading
 * is the head noun's, at a confidence that asks the user to check. A journal's counter-account prefix (« Twint à
 * Frais - ») is not the head.
 */
function complementReading(label: string, tokens: Token[], section: Section): Decision | null {
  // Most labels have no counter-account prefix: their own words, already read.
  const stripped = withoutCounterAccount(label);
  const body = stripped === label ? tokens : tokensOf(stripped);
  const hit = bestLabelHit(body, familyOfSection(section));
  if (!hit || hit.position === 0) return null;
  const head = body.slice(0, hit.position).filter((t) => !LINK_WORDS.has(t.text));
  // « Cotisatons adhérents »: a head noun that reads on its own, even misspelt, is not a complement's head.
  const headReads = KEYWORD_INDEX.matchAll(body).some((m) => m.position < hit.position && m.item.lever.family === hit.keyword.lever.family);
  if (head.length === 0) return null;
  const q = quote(hit.keyword.pattern.source.replace(/\*/g, ""));
  if (section === "income" && WHO_KEYWORDS.has(hit.keyword.pattern.source) && !headReads) {
    return {
      lever: leverById("sales_services"),
      confidence: 0.5,
      reasons: [{ fr: `${q.fr} dit à qui, « ${head.map((t) => t.raw).join(" ")} » dit quoi : une vente aux membres, à vérifier`, en: `${q.en} says to whom, “${head.map((t) => t.raw).join(" ")}” says what: a sale to the members, to check` }],
    };
  }
  if (section === "expense" && body[0]!.text === "frais" && head.length >= 2) {
    const platform = platformIn(body);
    return {
      lever: leverById("other_external_services"),
      confidence: platform ? 0.6 : 0.5,
      reasons: [{ fr: `« frais » ${platform ? `de la plateforme « ${platform} »` : `de « ${head[1]!.raw} »`}, ${q.fr} n'en est que le complément : des services extérieurs`, en: `“frais” ${platform ? `of the platform “${platform}”` : `of “${head[1]!.raw}”`}, ${q.en} only its complement: external services` }],
      keywordDest: "engineering",
    };
  }
  return null;
}

/** « Scaleway », « MAIF », « Legalstart » among the charges: a supplier named alone, whose trade says the kind of charge. */
function fromSupplier(tokens: readonly Token[], section: Section): Decision | null {
  const s = section === "expense" ? supplierIn(tokens) : null;
  if (!s) return null;
  const q = quote(s.name);
  // A host, an insurer, a legal service sells one thing: its name says the charge as a keyword would (and any charge
  // bought from a supplier counts in the same pillar). A shop or a telecoms operator sells many: the kind is asked.
  return s.oneTrade
    ? { lever: leverById(s.lever), confidence: 0.6, reasons: [{ fr: `${q.fr}, ${s.what.fr}`, en: `${q.en}, ${s.what.en}` }] }
    : { lever: leverById(s.lever), confidence: 0.5, reasons: [{ fr: `${q.fr}, ${s.what.fr} : à vérifier`, en: `${q.en}, ${s.what.en}: to check` }] };
}

/** « Frais comité », « Frais assemblée générale »: costs of something the label does not name as a purchase — services (62). */
function costsOf(tokens: readonly Token[], section: Section): Decision | null {
  if (section !== "expense" || tokens[0]?.text !== "frais" || tokens.length < 2) return null;
  return {
    lever: leverById("other_external_services"),
    confidence: 0.4,
    reasons: [{ fr: "« frais » sans autre indice : des services extérieurs, à vérifier", en: "“frais” with no other clue: external services, to check" }],
  };
}

function fallback(section: Section): Decision {
  if (section === "income") {
    // An unknown produit is not neutral: it stays in the mix, at a confidence that asks the user to check it.
    return {
      lever: leverById("sales_services"),
      confidence: 0.3,
      reasons: [{ fr: "aucun indice sûr : gardé dans le mix comme produit d'activité, à vérifier", en: "no sure clue: kept in the mix as activity income, to check" }],
    };
  }
  return {
    lever: leverById(FALLBACK[section]),
    confidence: 0.25,
    reasons: [{ fr: `aucun indice : ${UNCLASSIFIED[section].fr}`, en: `no clue: ${UNCLASSIFIED[section].en}` }],
  };
}

function isFunderLever(id: LeverId): boolean {
  return id === "foundations" || id === "corporate_patronage" || id === "sponsorship" || id === "public_procurement" || id === "donations" || id === "bequests";
}

function decideDestination(
  decision: Decision,
  engineeringWord: string | null,
  context: LineContext,
  account: string | null,
): { destination: Destination; reason: { fr: string; en: string } | null } {
  if (context.analyticColumn && context.columnHeader) {
    const q = quote(context.columnHeader);
    return isEngineeringBlock(context.columnHeader)
      ? { destination: "engineering", reason: { fr: `colonne ${q.fr} : ingénierie`, en: `column ${q.en}: engineering` } }
      : { destination: "action", reason: { fr: `colonne ${q.fr} : action`, en: `column ${q.en}: action` } };
  }
  const word = engineeringWord;
  if (word) {
    const q = quote(word.replace(/\*/g, ""));
    return { destination: "engineering", reason: { fr: `ingénierie : ${q.fr}`, en: `engineering: ${q.en}` } };
  }
  if (decision.keywordDest) return { destination: decision.keywordDest, reason: null };
  if (isEngineeringBlock(context.heading)) {
    const q = quote(context.heading!);
    return { destination: "engineering", reason: { fr: `bloc ${q.fr}`, en: `block ${q.en}` } };
  }
  const byAccount = decision.lever.destinationByAccount;
  if (byAccount && account) {
    const prefix = Object.keys(byAccount)
      .filter((p) => account.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) return { destination: byAccount[prefix]!, reason: null };
  }
  return { destination: decision.lever.destination ?? "action", reason: null };
}

function round2(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
