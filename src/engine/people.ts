// People named as such in a label: « Stéphane », « M. Dupont », « Famille Martin », « Dupont Marie ». Among the
// produits, a person who pays with nothing said for what gives (a gift, 754): a person is no public body, no
// company, and buys nothing the label names. Data, not code: the first names most given in France, Belgium and
// Switzerland over the last seventy years (accents folded, lower case), without those that are common nouns or
// places in a budget (« Noël », « France », « Rose », « Marine »…).
import type { Token } from "./text.ts";

const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    "adam adele adrien agathe agnes alain alais alban albert alexandra alexandre alexis alfred alice aline alix amandine amelie anais andre andree " +
    "angelique anne annick annie anthony antoine antoinette antonin armand arnaud arthur audrey augustin aurelie aurelien axel baptiste barbara " +
    "bastien beatrice benedicte benjamin benoit bernadette bernard bertrand brigitte bruno camille carine carole caroline catherine cecile celine " +
    "charles charlotte chantal christel christelle christian christiane christine christophe claude claudine clement clemence colette corinne cyril " +
    "cyrille damien daniel daniele danielle david delphine denis denise didier dominique dorothee edith edouard eléonore eleonore eliane elisabeth elise " +
    "elodie eloise emile emilie emma emmanuel emmanuelle eric erwan estelle etienne eugenie eva evelyne fabien fabienne fabrice fanny felix fernand " +
    "florent florian francis francine franck francois francoise frederic frederique gabriel gabrielle gaelle gaetan genevieve georges gerald gerard " +
    "germaine gilbert gilles gisele guillaume guy guylaine helene henri herve hubert hugo hugues ines irene isabelle jacqueline jacques jean jeanne " +
    "jeannine jeremie jeremy jerome joel joelle jordan joseph josette josiane julia julie julien juliette justine karine kevin laetitia laura laure " +
    "laurence laurent lea leo leon leonie liliane lionel lisa loic louis louise luc lucas lucie lucien lucienne ludovic madeleine maelle magali " +
    "manon marc marcel marcelle margaux marguerite maria marie mariette marion marius marthe martine mathieu mathilde matthieu maurice maxime " +
    "melanie michel micheline michele mickael mireille monique morgane muriel myriam nadia nadine natacha nathalie nicolas nicole noemie odette " +
    "odile olivier pascale pascaline patrice patricia patrick paul paule pauline philippe pierre pierrette quentin rachel raphael raymond regis remi " +
    "renaud rene renee richard robert roger roland romain sabine sacha samuel sandra sandrine sarah sebastien serge severine simone solene sophie " +
    "stephane stephanie suzanne sylvain sylvie theo therese thibault thierry thomas timothee valentin valerie vanessa veronique victor vincent " +
    "virginie viviane xavier yann yannick yves yvette yvonne zoe"
  ).split(" "),
);

/**
 * The jobs an association employs people in, as a treasurer names a charge line by the post (« Organiste »,
 * « Secrétaire », « Coordinatrice »): the line is that employee's pay (64). Whole words only, every form written
 * out (a prefix would read « secrétariat », a service bought, as a post). Data, not code: posts of parishes, clubs,
 * schools, social and cultural associations.
 */
export const JOB_TITLES: readonly string[] = [
  // A parish's and a church's employees.
  "organiste", "organistes", "sacristain", "sacristains", "sacristine", "sacristines", "bedeau", "bedeaux", "chantre", "chantres",
  "maitre de chapelle", "sonneur", "sonneurs", "sonneur de cloches", "fossoyeur", "fossoyeurs",
  // Running the association.
  "secretaire", "secretaires", "secretaire comptable", "aide comptable", "agent administratif", "agente administrative",
  "assistant", "assistante", "assistants", "assistantes", "employe", "employee", "employes", "employees", "permanents",
  "charge de mission", "chargee de mission", "charges de mission", "chargees de mission", "charge de projet", "chargee de projet",
  "coordinateur", "coordinatrice", "coordinateurs", "coordinatrices", "animatrice", "animatrices", "moniteur", "monitrice", "moniteurs", "monitrices",
  "surveillant", "surveillante", "surveillants", "surveillantes", "directeur", "directrice", "educateur", "educatrice", "educateurs",
  "educatrices", "entraineur", "entraineurs", "entraineuse", "entraineuses", "animateurs",
  // A company's performers and crew (a theatre, a festival): their pay, as intermittents, is the company's staff.
  "comedien", "comedienne", "comediens", "comediennes", "musiciens", "danseurs", "danseuses", "technicien", "technicienne", "techniciens",
  "techniciennes", "regisseur", "regisseuse", "regisseurs", "intermittents",
  // The building and the kitchen.
  "concierge", "concierges", "gardien", "gardienne", "gardiens", "gardiennes", "agent d entretien", "agents d entretien", "femme de menage",
  "cuisinier", "cuisiniers", "jardinier", "jardiniere", "jardiniers", "chauffeur", "chauffeurs",
];

/**
 * « Chargés de mission », written with its accent, is a post; « Charges de mission » without it is what missions cost
 * (accents gone, the two read alike, so the plural post is told by its accent, on the label as typed).
 */
const ACCENTED_POST = /\bcharg[éÉ]e?s? de (?:mission|projet)s?\b/iu;
const COSTS_OF = /\bcharges de (?:mission|projet)s?\b/iu;
/** « Charges de mission » as typed, without the accent of a post: what missions cost. */
export const namesCostsOfMissions = (label: string): boolean => COSTS_OF.test(label) && !ACCENTED_POST.test(label);

/** Words that say a person: « M. », « Mme », « Famille » (singular: « Familles » pay as users). */
const TITLES = /^(m|mr|mme|mmes|mlle|mrs|ms|monsieur|madame|mademoiselle|messieurs|dr|famille)$/;

/**
 * True when the label names a person and nothing else: a first name alone, a first name with a surname in capitals
 * or capitalised (« Stéphane Dupont », « DUPONT Marie »), or a title with a name (« M. Dupont », « Famille Martin »).
 */
export function namesAPerson(tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false;
  if (!tokens.every((t) => /^[a-z]+$/.test(t.text))) return false;
  const named = (t: Token) => /^[A-Z]/.test(t.raw);
  if (TITLES.test(tokens[0]!.text)) return tokens.length >= 2 && tokens.slice(1).every(named);
  return tokens.some((t) => FIRST_NAMES.has(t.text)) && tokens.every(named) && tokens.length <= 3;
}

/** A bank statement's words for money received by transfer: « VIR », « VIR SEPA », « VIREMENT RECU DE ». */
const TRANSFER_HEAD = /^(vir|virt|vrt|virement|virements)$/;
const TRANSFER_FILLER = /^(sepa|inst|instantane|recu|recus|de|du|des|d|en|votre|faveur|permanent|ordre)$/;

/**
 * Who sent the money, as a bank statement writes a transfer (« VIR M. R.V. 10278-20-2003… », « VIR SEPA MME MARTIN
 * CLAIRE »): the words between the transfer's head and its reference numbers; null when the label is no such transfer.
 */
export function senderOfTransfer(tokens: readonly Token[]): readonly Token[] | null {
  if (tokens.length < 2 || !TRANSFER_HEAD.test(tokens[0]!.text)) return null;
  let start = 1;
  while (start < tokens.length && TRANSFER_FILLER.test(tokens[start]!.text)) start++;
  let end = start;
  while (end < tokens.length && !/\d/.test(tokens[end]!.text)) end++;
  // The reference closes the label: words after the numbers (« … 2003 MOTIF COTISATION ») say what for, not who.
  return end > start && tokens.slice(end).every((t) => /\d/.test(t.text)) ? tokens.slice(start, end) : null;
}

/** A person named alone, or as the sender of a bank transfer. */
export function namesAPersonPaying(tokens: readonly Token[]): boolean {
  if (namesAPerson(tokens)) return true;
  const sender = senderOfTransfer(tokens);
  return sender !== null && namesAPerson(sender);
}

/**
 * A local business by the word of its trade, or a chain by its name (« Le magasin Flower & Déco », « Optic 2000
 * Quétigny », « Garage Martin », « Intermarché de Saussy »). Among the produits, named alone, it is a company that
 * gives. Not the words of goods a fête sells too (« Pâtisserie, boissons », « Charcuterie »).
 */
const LOCAL_BUSINESS =
  /^(?:(?:le|la|l|les) )?(?:magasins?|boulangeries?|boucheries?|pharmacies?|garages?|carrosseries?|optiques?|optic|opticiens?|pizzerias?|coiffures?|coiffeurs?|fleuristes?|imprimeries?|menuiseries?|plomberies?|maconneries?|supermarches?|hypermarches?|intermarche|leclerc|carrefour|super u|hyper u|auchan|lidl|decathlon|notaires?|agences? immobilieres?|concessionnaires?)\b/;

export function namesALocalBusiness(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && tokens.length <= 6 && LOCAL_BUSINESS.test(tokens.map((t) => t.text).join(" "));
}

/**
 * A brand's name as its owner writes it, a capital inside a word (« microDON », « HelloAsso », « LinkedIn »), named
 * alone: one payer or one supplier, never the subtotal of the lines under it.
 */
export function namesABrand(tokens: readonly Token[]): boolean {
  return tokens.length >= 1 && tokens.length <= 2 && tokens.some((t) => /\p{Ll}\p{Lu}/u.test(t.raw));
}
