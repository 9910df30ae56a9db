// Headings that open a section (Charges, Dépenses, Emplois / Produits, Recettes, Ressources; 86 / 87),
// and amount-column headers that name a kind of column (Total, Débit, Crédit, Solde, a year…).
import { isBalanceSheetHeading, isPaidOutHeading, leadingAccount } from "../engine/classify.ts";
import type { Section } from "../engine/types.ts";
import { anyOf, normalizeText } from "../engine/text.ts";

const QUALIFIER = "(?: (?:previsionnel|previsionnels|previsionnelle|previsionnelles|realise|realises|realisees|d exploitation|de fonctionnement|de l exercice|du projet|de l action|de l association|totales?|\\d{4}|n|n 1|par (?:missions?|destinations?|programmes?|actions?|activites?|natures?|projets?|fonctions?|poles?)))*";
/** What follows an English section word in a heading: « Expenses (budgeted) », « Income 2024 », « Revenue for the year ». */
const EN_QUALIFIER = "(?: (?:budget|budgeted|actual|actuals|forecast|planned|projected|estimated|expected|for the year|of the year|fy|fy ?\\d{2,4}|\\d{4}))*";
const SECTION_HEADINGS: { section: Section; re: RegExp }[] = [
  { section: "in_kind_use", re: /^(86 )?emplois des contributions volontaires( en nature)?\b/ },
  // « Contributions volontaires (emplois) », « … en nature – charges »: the word after names the side.
  { section: "in_kind_use", re: /^contributions volontaires( en nature)? (emplois?|charges?|depenses?|utilisations?)$/ },
  { section: "in_kind_resource", re: /^contributions volontaires( en nature)? (ressources?|produits?|recettes?)$/ },
  // « Évaluation des contributions volontaires en nature »: the compte d'emploi des ressources' own title of the block.
  { section: "in_kind_resource", re: /^(87 )?((evaluation|valorisation|estimation) des )?contributions volontaires( en nature)?\b/ },
  { section: "in_kind_resource", re: /^(valorisation|valorisations) (du benevolat|des contributions)/ },
  // « Apports bénévoles des experts du réseau (valorisation, hors budget financier) »: the volunteers' time, valued.
  { section: "in_kind_resource", re: /^(apports?|contributions?|temps|heures?|travail|mobilisation) (des )?benevoles?\b.*\bvalorisation\b|^valorisation (de la )?mobilisation (des )?benevoles?\b/ },
  // « Aides indirectes 2024 (mairie) », « Soutiens en nature (hors trésorerie) »: what the association receives in kind.
  { section: "in_kind_resource", re: /^(aides? indirectes?|(aides?|soutiens?|apports?|contributions?|dons|avantages?) en nature|mises? a disposition gratuites?|benevolat valorise)\b/ },
  { section: "expense", re: new RegExp(`^(?:i+ |[a-d] )?(?:les |budget des |total )?(?:charges|depenses?|emplois|sorties|besoins)${QUALIFIER}$`) },
  { section: "income", re: new RegExp(`^(?:i+ |[a-d] )?(?:les |budget des |total )?(?:produits|recettes?|revenus?|ressources|entrees|financements?)${QUALIFIER}$`) },
  // A budget laid out in English: « Expenses », « Expenditure 2024 », « Operating costs », « Income », « Revenue
  // (budgeted) », « Incoming resources » (a UK charity's SOFA), « Support and revenue » (a US nonprofit's).
  { section: "expense", re: new RegExp(`^(?:total |operating |program |programme |total operating )?(?:expenses?|expenditures?|costs|outgoings|spending|resources expended|disbursements|payments(?: out)?|money out|expenditures? on|resources expended on)${EN_QUALIFIER}$`) },
  { section: "income", re: new RegExp(`^(?:total |operating )?(?:income|incomes|revenues?|receipts(?: in)?|money in|incoming resources(?: from)?|income(?: and endowments)? from|sources of funds|sources of funding|funding sources|support and revenue|revenue and support|earned income)${EN_QUALIFIER}$`) },
  // A cash book's two columns or blocks, « IN (EUR) » / « OUT (EUR) », « Entrées € » / « Sorties € »: in and out.
  { section: "expense", re: /^(?:money |cash )?(?:out|outgoings?|outflows?)(?: eur| euros?| usd| gbp| chf)?$/ },
  { section: "income", re: /^(?:money |cash )?(?:in|incomings?|inflows?)(?: eur| euros?| usd| gbp| chf)?$/ },
  // « Budget global … Financé par » (a project's cost, then who pays it): « financé par », « sources de financement ».
  { section: "income", re: /^(?:(?:finance|financee|finances|financees|financement|financements|finançe) par|(?:sources?|origines?|plan) (?:de |du |des )?financements?)$/ },
];

/** An in-kind heading that names its side: « Emplois des contributions volontaires », « 87 - … », « Bénévolat (ressource) ». */
function namesInKindSide(text: string): boolean {
  const account = leadingAccount(text);
  return account === "86" || account === "87" || /\b(emplois?|ressources?|charges?|produits?|recus?|recues?)\b/.test(normalizeText(text));
}

/**
 * The side of contributions in kind a heading opens under a table of one money side: « Contributions volontaires »
 * in the charges column of a side-by-side budget (or on a sheet « Emplois ») heads the uses (86), in the produits
 * column the resources (87). A heading that names its side keeps it; anything but an in-kind section is left as it is.
 */
export function inKindOnSide(section: Section | null, text: string, side: Section | null): Section | null {
  if ((section !== "in_kind_use" && section !== "in_kind_resource") || (side !== "income" && side !== "expense") || namesInKindSide(text)) return section;
  return side === "expense" ? "in_kind_use" : "in_kind_resource";
}

/**
 * « Apport en nature 2 000 », « Dons en nature », « Mise à disposition gratuite », « Bénévolat valorisé »: an in-kind
 * heading that is as often a line. With an amount, it is a total only if it adds up the lines around it; the block's
 * title (« Contributions volontaires en nature », « 87 - … ») is a total as « CHARGES » is.
 */
export function isInKindLineWord(text: string): boolean {
  const s = sectionOfHeading(text);
  if (s !== "in_kind_use" && s !== "in_kind_resource") return false;
  const account = leadingAccount(text);
  if (account === "86" || account === "87") return false;
  return !/^(emplois des |evaluation des |valorisation des |estimation des )?contributions volontaires\b/.test(normalizeText(text));
}

/** A "Type" column's word for a row, singular or plural ("Dépense", "Recette", "Charge", "Produit"…). */
export function sectionOfTypeCell(text: string | null | undefined): Section | null {
  // « + » / « − » in a Type column (a cash book's sign of each row): money in, money out.
  const sign = (text ?? "").trim();
  if (sign === "+") return "income";
  if (sign === "-" || sign === "−" || sign === "–") return "expense";
  const n = normalizeText(text ?? "");
  // « Valorisation (emploi) » / « Valorisation (ressource) »: the two sides of the in-kind block, as a Type cell says them.
  const inKind = /^(valorisations?|contributions? (volontaires? )?en nature|contributions? volontaires?|benevolat) (emplois?|ressources?)$/.exec(n);
  if (inKind) return inKind[3]!.startsWith("emploi") ? "in_kind_use" : "in_kind_resource";
  if (/^(depense|depenses|charge|charges|emploi|emplois|sortie|sorties|expense|expenses|expenditure|cost|costs)$/.test(n)) return "expense";
  if (/^(recette|recettes|produit|produits|ressource|ressources|entree|entrees|financement|financements|income|revenue|receipt|receipts)$/.test(n)) return "income";
  if (/^(don|dons|contribution|contributions|apport|apports|aide|aides|pret|prets) en nature$|^(benevolat|contribution volontaire|contributions volontaires|valorisation)$/.test(n)) return "in_kind_resource";
  return null;
}

/**
 * The side a cell of a Type column says: a section word, or one of the compte de résultat's own parts as an
 * accountant's export types every row (« Charges d'exploitation », « Produits financiers »). The parts count only in a
 * Type column: written once above their lines they are chapter headings, read as such.
 */
export function sectionOfTypeColumnCell(text: string | null | undefined): Section | null {
  const said = sectionOfTypeCell(text);
  if (said !== null) return said;
  const n = normalizeText(text ?? "");
  if (/^(charges?|depenses?) (d exploitation|financieres?|exceptionnelles?|de fonctionnement|courantes?)$/.test(n)) return "expense";
  if (/^(produits?|recettes?) (d exploitation|financiers?|exceptionnels?|de fonctionnement|courants?)$/.test(n)) return "income";
  return null;
}

/**
 * A Type cell that says the row is a balance, not a flow: « Solde bancaire », « Trésorerie », « À reverser » (money
 * held for someone else, a debt). Such a row is never a line.
 */
export function isBalanceTypeCell(text: string | null | undefined): boolean {
  if (!text) return false;
  return isBalanceSheetHeading(text) || /^(a reverser|dette|dettes|creance|creances|fonds dedies|bilan)$/.test(normalizeText(text));
}

/** Words that qualify a section word in a block heading (« Revenus principaux », « Dépenses diverses »). */
const BLOCK_QUALIFIER = /^(principaux|principales|principal|principale|diverses|divers|annexes|courantes?|generales?|reelles?|effectives?|engagees?|encaissees?|percues?|payees?|attendus?|attendues?|prevus?|prevues?|envisages?|envisagees?|estimes?|estimees?|esperes?|esperees?|budgetes?|budgetees?|previsionnels?|previsionnelles?|de l annee|de l association|du club|du fablab|(19|20)\d{2}|n)$/;
/** What a treasurer calls the produits or the charges in a heading, beyond the words of a total row. */
const BLOCK_WORD: { section: Section; re: RegExp }[] = [
  { section: "income", re: /^(revenus?|rentrees|chiffres? d affaires?)$/ },
  { section: "expense", re: /^(couts?|debours|pertes)$/ },
  // « EMPLOI – 1 – Association » under « RESSOURCES – A – Recettes »: the singular of « Emplois » as a table of uses
  // titles its side (a block titled « Emploi » of jobs would hold charges too).
  { section: "expense", re: /^emploi$/ },
  // A ledger kept in two blocks, « Doit » then « Avoir » (Swiss and Belgian books) or « Débit » / « Crédit »: the
  // debit side is what was spent, the credit side what came in.
  { section: "expense", re: /^(doit|debit|debits)$/ },
  { section: "income", re: /^(avoir|credit|credits)$/ },
  // « Bilan au crédit » / « Bilan au débit », « Opérations au débit »: what was booked on each side of the account.
  { section: "expense", re: /^(?:(?:bilan|compte|comptes|operations?|mouvements?|ecritures?|sommes?|montants?|total) )?(?:au|en) debit$/ },
  { section: "income", re: /^(?:(?:bilan|compte|comptes|operations?|mouvements?|ecritures?|sommes?|montants?|total) )?(?:au|en) credit$/ },
];

/**
 * The section a block heading without an amount opens, read more loosely than a total's label: « Dépenses — Frais
 * de fonctionnement », « Revenus — rencontres », « Revenus principaux », « Charges 2020 : détail ». The part before
 * the first dash, colon or bracket is the section word, with at most its qualifiers; what follows names the block.
 * « Ressources humaines » or « Produits d'entretien » are not sections: after the section word comes a separator,
 * a qualifier or nothing.
 */
export function sectionOfBlockHeading(text: string | null | undefined): Section | null {
  if (!text) return null;
  const exact = sectionOfHeading(text);
  if (exact) return exact;
  // « Subventions versées à Fonhsud », « Reversements aux partenaires »: money paid out, a block of charges.
  if (isPaidOutHeading(text)) return "expense";
  const funds = sideOfFundsHeading(text);
  if (funds) return funds;
  // A grant application's funding by status (« Acquis », « Sollicités », « Financements obtenus »), or what is asked
  // of a funder (« Budget total demandé à Expertise France », « Montant sollicité auprès de la Région »): income.
  if (FUNDING_STATUS.test(normalizeText(text)) || ASKED_OF.test(normalizeText(text))) return "income";
  // « Voyage de fin d'année (coût de la sortie) », « Coût du séjour » : what something costs is a block of charges
  if (text.split(/\s[-–—]\s|[–—:()/]/).some((part) => /^(?:le |les )?(?:cout|couts|cout total) (?:de la|de l|du|des|de|d) /.test(normalizeText(part)))) return "expense";
  // « Plus gros contributeurs au CA », « Répartition du chiffre d'affaires »: what makes the turnover is income.
  if (/\b(au|du|le|son|notre) CA\b/.test(text) || /\bchiffres? d affaires?\b/.test(normalizeText(text))) return "income";
  if (namesBothSides(text)) return null;
  const [head, ...rest] = text.split(/\s[-–—]\s|[–—:(/]|\s-$/);
  // « Non encaissé : pertes »: when the part before the colon names no side, the part after it may.
  const strict = sideOfHeadingPart(head!) ?? (rest.length > 0 ? sideOfHeadingPart(rest.join(" ")) : null);
  if (strict) return strict;
  // « Les dépenses des coopératives de classe », « Voyage de fin d'année (coût de la sortie) », « Ce que nous avons
  // reçu »: the noun the heading starts with, or its plain words, name the side.
  return sideOfHeadNoun(head!) ?? sideOfPlainWords(head!) ?? (rest.length > 0 ? (sideOfHeadNoun(rest.join(" ")) ?? sideOfPlainWords(rest.join(" "))) : null);
}

const PURPOSE_OF_FUNDS = /^(?:repartition|ventilation|decomposition|part|parts|utilisation) (?:du|de notre|de votre|de leur|de son|de mon) budget$|^(?:les |nos )?(?:objectifs?|utilisations?|affectations?|usages?|emplois?|destinations?) (?:de la |du |des |de l |d |de )?(?:cagnotte|collecte|campagne|souscription|fonds|dons?|subventions?|financements?|sommes?|budget|projet|participation)s?\b|^a quoi (?:servira|serviront|sert|servent|serviraient)\b|^ou (?:va|vont|ira|iront|sont alles|est alle|est allee|sont allees) (?:l |ces |les |nos |vos |cet |cette |notre |votre )?(?:argent|sommes?|fonds|dons?|subventions?|recettes|cotisations?|ressources?|financements?|euros?)\b/;
const FUNDING_STATUS = /^(?:les )?(?:financements? |fonds |aides? |soutiens? |ressources |partenaires? )?(?:acquis|acquises?|obtenus?|obtenues?|sollicites?|sollicitees?|demandes?|demandees?|en attente|en cours de demande|accordes?|accordees?|notifies?|notifiees?|confirmes?|confirmees?)(?: \d{4})?$/;
const ASKED_OF = /\b(?:demande|demandee|demandes|demandees|sollicite|sollicitee|sollicites|sollicitees|attendu|attendue|attendus|attendues) (?:a|au|aux|aupres (?:de|du|des|d))\b/;
const ORIGIN_OF_FUNDS = /^d ou (?:vient|viennent|provient|proviennent) |^(?:provenance|origines?) (?:de la |du |des |de l |d |de )?(?:fonds|sommes?|dons?|financements?|argent|recettes|ressources)\b|^(?:les |nos |ces )?(?:sommes?|fonds|montants?|financements?|aides?) (?:versee?s?|apportee?s?|allouee?s?|accordee?s?|donnee?s?|recue?s?)(?: [a-z]+ment)? par\b/;

/** « Répartition des dépenses », « Détail des charges », « Origine des ressources »: the side the block details. */
const DETAILING = /^(repartition|detail|ventilation|origine|liste|tableau|recapitulatif|synthese|etat|structure|decomposition|composition) (des|de|du|d) /;

/**
 * « Dépenses de la coopérative », « Recettes de l'école », « Charges du club » : whose money the block is says nothing
 * of its side. Only a body that holds a budget is such an owner (« Produits d'entretien » is a purchase).
 */
const OWNER = / (?:de la|de l|du|des|d) (?:association|cooperative|ecole|club|college|lycee|foyer|amicale|comite|section|federation|ligue|classe|classes|maternelle|creche|centre|maison|mjc|ape|apel|compagnie|troupe|equipe|structure|asso)(?: [a-z0-9]+){0,2}$/;

/**
 * Section nouns a treasurer heads a block with and then says more of it: « Les dépenses des coopératives de classe »,
 * « Recettes de la journée », « Dépenses provisoire », « Nos ressources 2024 », « Charges de fonctionnement prévues ».
 * « Entrées », « Sorties », « Emplois », « Besoins », « Moyens » are as often tickets, outings, jobs or needs: they name
 * a side only with the words of `sideOfHeadingPart` (their qualifiers), never with any complement.
 */
const HEAD_NOUN: { section: "income" | "expense"; re: RegExp }[] = [
  { section: "expense", re: /^(depenses?|charges?|couts?|frais generaux|expenses?|expenditures?|costs?)$/ },
  { section: "income", re: /^(recettes?|produits?|revenus?|ressources?|rentrees|financements?|income|revenues?|receipts)$/ },
];
/**
 * « Frais d'exploitation », « Frais de fonctionnement », « Frais de personnel » after a « Recettes » block: costs the
 * association bears, a block of charges. Not « Frais d'inscription », « Frais de participation », « Frais de dossier »
 * (what members pay, receipts): only the complements that are the association's own running costs.
 */
const COSTS_HEADING = /^frais (d exploitation|de fonctionnement|de structure|de gestion|de personnel|administratifs?|divers|de deplacements?|de missions?|bancaires|financiers|de communication|d activites?|de l activite)$/;
/** What may come before the section noun: an article, a possessive, « principales », « autres », « budget des ». */
const LEADING = /^(les|des|nos|notre|vos|votre|leurs|leur|ses|mes|principales|principaux|autres|petites|grosses|grandes|premieres|budget|budgets|total|totaux|bilan|de|du|d)$/;
/** Section nouns that, with what follows, name a thing bought or a part of the staff, not a side. */
const NOT_A_SIDE_WORDS = /\b(produits? (d entretien|alimentaires?|menagers?|d hygiene|de nettoyage|de toilette|de beaute|pharmaceutiques?|chimiques?|phytosanitaires?|veterinaires?|de traitement|laitiers?|frais|de la mer|de consommation)|prises? en charges?|a la charge|ressources? humaines?|ressources? documentaires?|ressources? pedagogiques?|charges? (a payer|constatees? d avance)|produits? (a recevoir|constates? d avance))\b/g;
const NOT_A_SIDE = new RegExp(`^${NOT_A_SIDE_WORDS.source}`);

/**
 * The side whose noun leads a heading, whatever words follow (see HEAD_NOUN). A heading of no amount only: a line's
 * label (« Recettes de la buvette 420 ») never comes here.
 */
function sideOfHeadNoun(part: string): "income" | "expense" | null {
  const words = normalizeText(part).replace(DETAILING, "").split(" ").filter((w) => w !== "");
  let i = 0;
  while (i < words.length - 1 && i < 3 && LEADING.test(words[i]!)) i++;
  const rest = words.slice(i).join(" ");
  if (NOT_A_SIDE.test(rest)) return null;
  if (COSTS_HEADING.test(rest)) return "expense";
  const noun = words[i] === "frais" && words[i + 1] === "generaux" ? "frais generaux" : (words[i] ?? "");
  return HEAD_NOUN.find((h) => h.re.test(noun))?.section ?? null;
}

/**
 * « Ce que nous avons reçu », « Sommes encaissées », « Argent dépensé »: a heading that says in plain words what came
 * in or went out (a participle of receiving or spending), with no section word.
 */
const RECEIVED = /^(ce que|ce qu|ce qui|argent|sommes?|montants?|fonds)\b.*\b(recu|recus|recue|recues|encaisse|encaisses|encaissee|encaissees|percu|percus|percue|percues|gagne|gagnes|gagnee|gagnees|rentre|rentrent|entre|entrent|rapporte|rapportent)$/;
const SPENT = /^(ce que|ce qu|ce qui|argent|sommes?|montants?|fonds)\b.*\b(depense|depenses|depensee|depensees|paye|payes|payee|payees|verse|verses|versee|versees|achete|achetes|sort|sortent|decaisse|decaisses|decaissee|decaissees|coute|coutent)$/;

/** « Where we received money from », « What we spent money on », « Money raised »: the same, in English. */
const RECEIVED_EN = /^(where|what|how much|money|funds|amounts?)\b.*\b(received|raised|earned|came in|came from|brought in)\b/;
const SPENT_EN = /^(where|what|how much|money|funds|amounts?)\b.*\b(spent|paid out|went)\b/;

function sideOfPlainWords(part: string): "income" | "expense" | null {
  const n = normalizeText(part);
  if (n.split(" ").length > 8) return null;
  if (RECEIVED.test(n) || RECEIVED_EN.test(n)) return "income";
  if (SPENT.test(n) || SPENT_EN.test(n)) return "expense";
  return null;
}

/**
 * The side a title says by where its money goes or comes from: « Les objectifs de la cagnotte », « Utilisation des
 * fonds collectés », « À quoi servira votre don », « Répartition du budget » (what a collection or a budget is for is
 * what it pays: charges; « cagnotte » alone reads as gifts); « D'où vient l'argent », « Provenance des fonds »,
 * « Sommes versées par les institutionnels »: where it came from. Asked of headings, a table's header and sheet names.
 */
export function sideOfFundsHeading(text: string | null | undefined): Section | null {
  if (!text) return null;
  const n = normalizeText(text);
  return PURPOSE_OF_FUNDS.test(n) ? "expense" : ORIGIN_OF_FUNDS.test(n) ? "income" : null;
}

/**
 * « Principales recettes / dépenses », « Recettes et dépenses de la journée »: a heading that names both sides says the
 * block below holds both, not which; its lines are sided one by one (by their own words, their neighbours, a Type cell).
 */
export function namesBothSides(text: string | null | undefined): boolean {
  if (!text) return false;
  const n = normalizeText(text).replace(NOT_A_SIDE_WORDS, " ");
  const income = /\b(recettes?|produits?|revenus?|ressources?)\b/.test(n);
  const expense = /\b(depenses?|charges?|emplois)\b/.test(n);
  return income && expense && n.split(" ").length <= 10;
}

function sideOfHeadingPart(part: string): Section | null {
  const words = normalizeText(part).replace(DETAILING, "").replace(OWNER, "").split(" ").filter((w) => w !== "");
  // « Revenus principaux 2022 »: the qualifiers at the end say nothing of the side.
  while (words.length > 1 && BLOCK_QUALIFIER.test(words[words.length - 1]!)) words.pop();
  // « Dépenses par priorité », « Charges par axe »: how the block is broken down says nothing of its side.
  const by = words.indexOf("par");
  if (by >= 1) words.length = by;
  // « Charges de l'exercice » too: the remaining words must be a section word (or two, « chiffre d'affaires »).
  const core = words.join(" ");
  if (core === "") return null;
  const section = sectionOfHeading(core) ?? BLOCK_WORD.find((b) => b.re.test(core))?.section ?? null;
  return section === "income" || section === "expense" ? section : null;
}

/** The section a heading row, a table header or a sheet name opens; null when it names none. */
export function sectionOfHeading(text: string | null | undefined): Section | null {
  if (!text) return null;
  const account = leadingAccount(text);
  if (account === "86") return "in_kind_use";
  if (account === "87") return "in_kind_resource";
  const n = normalizeText(text);
  // Most texts name no side: one expression says so before each heading is asked.
  if (ANY_SECTION_HEADING.test(n)) for (const h of SECTION_HEADINGS) if (h.re.test(n)) return h.section;
  return null;
}
const ANY_SECTION_HEADING = anyOf(SECTION_HEADINGS.map((h) => h.re));

/**
 * The side a sheet's name says: a heading's (« Emplois », « Recettes 2025 »), or a side word in the singular, as a
 * sheet is titled (« EMPLOI », « Ressource »). « Emploi » alone would be a job as a heading; as a sheet's name beside
 * « Ressources » it is the charges.
 */
export function sectionOfSheetName(name: string): Section | null {
  const heading = sectionOfHeading(name);
  if (heading) return heading;
  const n = normalizeText(name);
  return /^(emploi|charge|besoin)$/.test(n) ? "expense" : /^(ressource|produit)$/.test(n) ? "income" : sideOfFundsHeading(name);
}

export type HeaderKind = "total" | "derived" | "quantity" | "debit" | "credit" | "balance" | "balance_debit" | "balance_credit" | "period" | "other";

/** Headers of the columns a detailed budget multiplies (quantity × unit price = amount): never money to add. */
const QUANTITY_HEADER =
  /^(quantite|quantites|qte|qtes|qty|nb|nbre|nombre|unite|unites|u|pu|p u|prix unitaire|prix unit|prix u|cout unitaire|cout unit|cout horaire|cout journalier|tarif unitaire|tarif horaire|taux horaire|taux journalier|montant unitaire|heures|nb heures|nombre d heures|jours|nb jours|nombre de jours|duree|effectif|effectifs|coefficient|coef|etp)\b/;

/** Headers of a column of comments or notes beside the amounts. */
const NOTE_HEADER = /^(commentaires?|remarques?|observations?|notes?|precisions?|justifications?|explications?|hypotheses?|details? du calcul|mode de calcul|calculs?|base de calcul|pieces?|pieces justificatives|devis|mode de paiement|reference|references|ref)$/;

/** Headers of the versions of a grant or a budget: asked, proposed, voted, granted. */
export const VERSION_HEADER = /\b(propose|sollicite|demande|vote|accorde|alloue|attribue|obtenu|notifie|octroye)e?s?\b/;

const MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/**
 * « janv.-24 » typed as a date (the hosts give it as 2024-01-01) in a row of such dates: the month a column is for,
 * named as a treasurer writes it (« janvier 2024 »); null for any other cell or a lone date.
 */
export function monthOfDateHeader(value: string, rowValues: readonly unknown[]): string | null {
  const m = /^\s*(\d{4})-(\d{2})-\d{2}\s*$/.exec(value);
  if (!m || rowValues.filter((v) => typeof v === "string" && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(v)).length < 2) return null;
  const month = MONTH_NAMES[Number(m[2]) - 1];
  return month ? `${month} ${m[1]}` : null;
}

/** A month as a column header writes it: « Sept. », « janvier 2025 », « Févr-25 ». */
export function isMonthHeader(header: string | null): boolean {
  if (!header) return false;
  return /^(janv|janvier|fevr|fevrier|fev|mars|avr|avril|mai|juin|juil|juillet|aout|sept|septembre|oct|octobre|nov|novembre|dec|decembre)( (19|20)?\d{2})?$/.test(normalizeText(header));
}

/** What an amount column's header says it holds. */
/** What may follow a side word in a column's title: its year, its version (« Charges 2026 », « Recettes réalisées »). */
const SIDE_COLUMN_TAIL = "( (prevues?|previsionnelles?|realisees?|reelles?|budget|budgetees?|engagees?|de l exercice|n|n 1|en euros|eur|euros|(19|20)\\d{2}( (19|20)\\d{2})?))*";
const SIDE_TITLED_DEBIT = new RegExp(`^(depense|depenses|charge|charges|expense|expenses|expenditure|expenditures|spending|spent)${SIDE_COLUMN_TAIL}$`);
const SIDE_TITLED_CREDIT = new RegExp(`^(recette|recettes|produit|produits|revenue|revenues|receipt|receipts|received)${SIDE_COLUMN_TAIL}$`);

/**
 * « Charges 2026 | Produits 2026 » one row per activity, « Action | Dépense » on a sheet of one school's spending: an
 * amount column titled by its side, with its year or its version. Read as that side's column only when every money
 * column of the table is so titled: beside « Budget alloué », « Dépensé » is what was spent of it, a version.
 */
export function sideOfTitledColumn(header: string | null): "debit" | "credit" | null {
  if (!header) return null;
  const n = normalizeText(header);
  return SIDE_TITLED_DEBIT.test(n) ? "debit" : SIDE_TITLED_CREDIT.test(n) ? "credit" : null;
}

export function headerKind(header: string | null): HeaderKind {
  if (!header) return "other";
  const n = normalizeText(header);
  if (/^solde(s)? (debiteur|debit)/.test(n)) return "balance_debit";
  if (/^solde(s)? (crediteur|credit)/.test(n)) return "balance_credit";
  if (/^(solde|soldes|balance)$/.test(n)) return "balance";
  if (/^(total |totaux )?(debit|debits|mouvements? debit)$/.test(n) || /^(depenses|sorties|decaissements|expenses|expenditure|payments|paid out|money out)$/.test(n)) return "debit";
  if (/^(total |totaux )?(credit|credits|mouvements? credit)$/.test(n) || /^(recettes|entrees|encaissements|income|receipts|paid in|money in)$/.test(n)) return "credit";
  // « Solde de l'activité » beside its charges and produits: each row's produits less its charges, never money to add.
  if (/^soldes? (de l |de la |du |des |par )/.test(n)) return "derived";
  if (/^(total|totaux|ensemble|cumul|total general|montant total|total \d{4})$/.test(n) || /^total (annuel|budget|des actions|projet|general)/.test(n)) return "total";
  // « Total funds July 2009 », « Total des fonds 2022 » beside « Unrestricted | Restricted funds »: the row's total of the funds.
  if (/^total (funds|des fonds|fonds)\b/.test(n)) return "total";
  // « Cumul 2017-2025 », « Total 2019 à 2022 » beside the years it adds: the row's total over them, not one more year.
  if (/^(total|totaux|cumul|cumule|cumules|ensemble)( general)? (de |des annees |des exercices |sur )?(19|20)\d{2} (a |au )?(19|20)\d{2}$/.test(n)) return "total";
  if (QUANTITY_HEADER.test(n)) return "quantity";
  // « Remarques », « Commentaire », « Détail du calcul » hold « 3 devis », « 2 x 150 », a count: never money to add.
  if (NOTE_HEADER.test(n)) return "derived";
  if (/^(%|part|pourcentage|ecart|ecarts|variation|evolution|taux|delta|diff|difference|benefice|benefices|marge|marges|gain|gains|solde net)\b/.test(n) || /^(resultat|resultats)$/.test(n) || n.endsWith(" %") || header.trim().endsWith("%")) return "derived";
  // « % of total », « % du total », « Share », « Percentage »: a share of each row, never money.
  if (/^\s*%/.test(header) || /^(share|shares|percent|percentage|percentages|pct|proportion|ratio)\b/.test(n)) return "derived";
  // « 20150301-20160630 »: an exercise said by its first and last days, written as compact dates.
  if (/\b(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b/.test(n)) return "period";
  if (/\b(18|19|20)\d{2}\b/.test(n) || /\b(realise|realisee|budget|previsionnel|previsionnelle|prevision|previsions|prevu|bp|br|n 1|n|exercice|annee|actualise|reel|reels|initial|rectificatif)\b/.test(n)) return "period";
  // « Sollicité | Proposé », « Demandé | Voté »: what was asked and what was granted are two versions of one budget.
  if (VERSION_HEADER.test(n)) return "period";
  return "other";
}
