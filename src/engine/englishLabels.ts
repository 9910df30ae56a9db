// A treasurer's English, as data: budgets of associations laid out in English (« Membership fees », « Rent »,
// « Bank charges », « City of Boston grant ») are read with their words said in the French a budget uses, so the
// lever words the classifier knows match (« Rent » → « loyer », external services). Read like expandAbbreviations:
// whole words only, case-insensitive, the longest phrase first. Only phrases that are no French words (or whose
// French reading is kept apart, as « donations » after « legs ») are here: a French label keeps its own words.

interface EnglishPhrase {
  /** The English phrase, lower case; a space stands for any run of spaces or hyphens (« in-kind », « in kind »). */
  en: string;
  /** What a French treasurer writes for it, in the lever vocabulary of levers.ts. */
  fr: string;
}

export const ENGLISH_PHRASES: readonly EnglishPhrase[] = [
  // Contractions: « don't » is no « don » (a gift).
  { en: "don't", fr: "do not" }, { en: "doesn't", fr: "does not" }, { en: "won't", fr: "will not" }, { en: "can't", fr: "cannot" },
  // What members pay as members.
  { en: "membership fees", fr: "cotisations" }, { en: "membership fee", fr: "cotisation" }, { en: "membership dues", fr: "cotisations" },
  { en: "memberships", fr: "cotisations" }, { en: "membership", fr: "cotisation" }, { en: "members subscriptions", fr: "cotisations" },
  { en: "subscriptions", fr: "cotisations" }, { en: "annual dues", fr: "cotisations" }, { en: "subs", fr: "cotisations" },
  // Gifts (754): « donations » is a gift in English; a French « legs et donations » keeps its reading (see below).
  { en: "corporate donations", fr: "mécénat d'entreprise" }, { en: "corporate sponsorship", fr: "sponsoring" }, { en: "donations", fr: "dons" }, { en: "donation", fr: "don" }, { en: "gift aid", fr: "dons" }, { en: "gifts", fr: "dons" },
  { en: "fundraising events", fr: "manifestations" }, { en: "fundraising", fr: "collecte" }, { en: "crowdfunding", fr: "crowdfunding" },
  { en: "bequests", fr: "legs" }, { en: "bequest", fr: "legs" }, { en: "legacies", fr: "legs" }, { en: "legacy", fr: "legs" },
  // In kind (86/87): what is given in goods, services or time, valued.
  { en: "in kind donations", fr: "dons en nature" }, { en: "in kind donation", fr: "don en nature" }, { en: "donations in kind", fr: "dons en nature" },
  { en: "in kind support", fr: "contributions en nature" }, { en: "in kind contributions", fr: "contributions en nature" },
  { en: "in kind contribution", fr: "contribution en nature" }, { en: "in kind", fr: "en nature" }, { en: "donated services", fr: "prestations en nature" },
  { en: "volunteer time", fr: "bénévolat" }, { en: "volunteer hours", fr: "heures de bénévolat" }, { en: "volunteers", fr: "bénévoles" },
  { en: "volunteer expenses", fr: "frais des bénévoles" }, { en: "volunteer reimbursements", fr: "frais des bénévoles" }, { en: "volunteer costs", fr: "frais des bénévoles" },
  { en: "volunteer meals", fr: "repas des bénévoles" }, { en: "volunteer food", fr: "repas des bénévoles" }, { en: "volunteer travel", fr: "déplacements des bénévoles" },
  // What members pay as members (« contributions » alone is French too: « Contributions financières d'autres organismes »).
  { en: "member contributions", fr: "cotisations" }, { en: "members contributions", fr: "cotisations" },
  { en: "member dues", fr: "cotisations" }, { en: "members dues", fr: "cotisations" }, { en: "dues", fr: "cotisations" },
  // Grants and who gives them: the funder's words say public or private (funders.ts reads them in French).
  { en: "grants", fr: "subventions" }, { en: "grant", fr: "subvention" }, { en: "city of", fr: "ville de" }, { en: "city council", fr: "mairie" },
  { en: "town council", fr: "mairie" }, { en: "county", fr: "département" }, { en: "state", fr: "état" }, { en: "federal government", fr: "état" }, { en: "federal grant", fr: "subvention état" },
  { en: "government", fr: "état" }, { en: "ministry", fr: "ministère" }, { en: "foundations", fr: "fondations" }, { en: "foundation", fr: "fondation" },
  { en: "european union", fr: "union européenne" },
  // « Community » is no « commune » misspelt: it says nothing of the lever.
  { en: "community", fr: "" },
  // Sales and services.
  { en: "ticket sales", fr: "billetterie" }, { en: "sales", fr: "ventes" }, { en: "merchandise", fr: "marchandises" },
  { en: "admission fees", fr: "entrées" }, { en: "admissions", fr: "entrées" }, { en: "registration fees", fr: "inscriptions" },
  { en: "registrations", fr: "inscriptions" }, { en: "program fees", fr: "inscriptions" }, { en: "programme fees", fr: "inscriptions" },
  { en: "tuition", fr: "inscriptions" }, { en: "events", fr: "manifestations" },
  // Money invested, and the rest.
  { en: "bank interest", fr: "intérêts" }, { en: "interest income", fr: "intérêts" }, { en: "interest", fr: "intérêts" },
  { en: "investment income", fr: "produits financiers" }, { en: "income from investments", fr: "produits financiers" }, { en: "investments", fr: "placements" }, { en: "dividends", fr: "dividendes" },
  { en: "other income", fr: "autres produits" }, { en: "miscellaneous income", fr: "produits divers" }, { en: "miscellaneous", fr: "divers" },
  { en: "sundries", fr: "divers" }, { en: "sundry", fr: "divers" }, { en: "refunds", fr: "remboursements" }, { en: "reimbursements", fr: "remboursements" },
  // Staff.
  { en: "salaries", fr: "salaires" }, { en: "salary", fr: "salaire" }, { en: "wages", fr: "salaires" }, { en: "payroll taxes", fr: "charges sociales" },
  { en: "payroll", fr: "salaires" }, { en: "staff costs", fr: "charges de personnel" }, { en: "employee benefits", fr: "charges sociales" },
  { en: "national insurance", fr: "charges sociales" }, { en: "employer contributions", fr: "charges sociales" },
  // Premises, insurance, the bank.
  { en: "rent", fr: "loyer" }, { en: "room hire", fr: "location de salle" }, { en: "hall hire", fr: "location de salle" },
  { en: "venue hire", fr: "location de salle" }, { en: "hire", fr: "location" }, { en: "rental", fr: "location" },
  { en: "insurance", fr: "assurance" }, { en: "bank charges", fr: "frais bancaires" }, { en: "bank fees", fr: "frais bancaires" },
  { en: "bank service charges", fr: "frais bancaires" }, { en: "repairs", fr: "réparations" }, { en: "cleaning", fr: "nettoyage" },
  { en: "utilities", fr: "énergie" }, { en: "electricity", fr: "électricité" },
  // Travel, food, supplies.
  { en: "travel expenses", fr: "déplacements" }, { en: "travel", fr: "déplacements" }, { en: "mileage", fr: "indemnités kilométriques" },
  { en: "accommodation", fr: "hébergement" }, { en: "lodging", fr: "hébergement" }, { en: "meals", fr: "repas" }, { en: "food", fr: "alimentation" },
  { en: "refreshments", fr: "boissons" }, { en: "office supplies", fr: "fournitures de bureau" }, { en: "supplies", fr: "fournitures" },
  { en: "stationery", fr: "papeterie" }, { en: "equipment", fr: "matériel" },
  // Telling people, and the post.
  { en: "printing", fr: "impression" }, { en: "postage", fr: "frais postaux" }, { en: "phone", fr: "téléphone" }, { en: "advertising", fr: "publicité" },
  { en: "marketing", fr: "communication" }, { en: "website", fr: "site internet" }, { en: "annual report", fr: "rapport annuel" },
  // Fees paid for work, and what a volunteer spent (« expense report » is no « report à nouveau »).
  { en: "accounting fees", fr: "honoraires" }, { en: "audit fees", fr: "honoraires" }, { en: "accountancy", fr: "honoraires" },
  { en: "legal fees", fr: "honoraires" }, { en: "professional fees", fr: "honoraires" }, { en: "consultants", fr: "prestataires" },
  { en: "contractors", fr: "prestataires" }, { en: "speakers", fr: "intervenants" }, { en: "training", fr: "formation" },
  { en: "expense reports", fr: "notes de frais" }, { en: "expense report", fr: "notes de frais" }, { en: "expenses", fr: "frais" },
  { en: "depreciation", fr: "dotation aux amortissements" },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const key = (s: string) => s.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, " ").replace(/[\u2019]/g, "'");
const BY_KEY = new Map(ENGLISH_PHRASES.map((p) => [p.en, p.fr]));
// One expression, the longest phrases first so « bank charges » is read before « charges » could be.
const PHRASES = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...BY_KEY.keys()]
    .sort((a, b) => b.length - a.length)
    .map((en) => escape(en).replace(/'/g, "['\u2019]").replace(/ /g, "[\\s\u2010-\u2015-]+"))
    .join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);
/** A French « legs et donations »: there « donation » is the French bequest, kept as written. */
const FRENCH_BEQUEST = /\b(legs|succession|testament|h[eé]ritage)/i;

/** The label with a treasurer's English said in French (« Bank charges » → « frais bancaires »); a French label is unchanged. */
export function translateEnglish(label: string): string {
  const frenchBequest = FRENCH_BEQUEST.test(label);
  const out = label.replace(PHRASES, (m) => {
    const k = key(m);
    if (frenchBequest && k.startsWith("donation")) return m;
    return ` ${BY_KEY.get(k) ?? m} `;
  });
  if (out === label) return label;
  const trimmed = out.replace(/\s{2,}/g, " ").trim();
  // A label of words the table drops only (« Community »): kept as written.
  return /\p{L}{2,}/u.test(trimmed) ? trimmed : label;
}
