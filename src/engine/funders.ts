// Who pays: "the funder decides the nature, not the row" (docs/spec.md §2). One table of funder kinds.
import { PHRASES_OF_THEIR_OWN } from "./commonWords.ts";
import { compilePattern, KeywordIndex, type Token } from "./text.ts";

export type FunderKind = "public_body" | "foundation" | "company" | "individual";

interface FunderTable {
  kind: FunderKind;
  patterns: string[];
}

const FUNDERS: FunderTable[] = [
  {
    kind: "public_body",
    patterns: [
      "etat", "ministere*", "prefecture*", "region", "regions", "regional*", "conseil regional", "departement", "departements", "departemental*",
      "conseil departemental", "conseil general", "conseil municipal", "conseil communautaire", "CD", "CG", "CR", "commune*", "communal", "communale*", "communaux", "mairie*", "ville", "villes",
      "municipalite*", "municipal*", "com com", "comcom", "communaute de communes",
      "communaute d agglomeration", "agglo*", "metropole*", "EPCI", "epci", "intercommunalite*", "collectivite*", "syndicat intercommunal",
      "CAF", "caf", "MSA", "CPAM", "CARSAT", "ARS", "DRAC", "DREAL", "DDETS", "DREETS", "ANCT", "ADEME", "ASP", "agence de l eau",
      "etablissement* public*", "etablissement* scolaire*", "ecole* publique*", "college*", "lycee*", "education nationale", "universite*",
      "hopital", "hopitaux", "CHU", "CCAS", "CIAS", "office public", "bailleur* social*", "pole emploi", "france travail", "organismes sociaux",
      "service* public*", "EHPAD public*", "centre hospitalier", "rectorat", "inspection academique", "parc naturel regional",
      // The State's own services, by their names and acronyms (« DRJSCS », « DGS », « DDCS »), and its agencies.
      "direction* regionale*", "direction* departementale*", "direction generale", "DRJSCS", "DDCS", "DDCSPP", "DRDJSCS", "DJSCS",
      "SDJES", "DRAJES", "DDJS", "DRJS", "DGS", "DGCS", "DGEFP", "DIRECCTE", "DRAAF", "DDT", "DDTM", "DDPP", "DRFIP", "DGFIP",
      "SGAR", "CGET", "ACSE", "ANRU", "ANAH", "CNDS", "FDVA", "FIPD", "FONJEP", "CNC", "DILCRAH", "DIHAL",
      "MILDECA", "ONACVG", "INPES", "ANSES", "ministeriel*", "europeen*", "secretariat d etat", "prefet", "sous prefecture*", "tresor public",
      "agence* nationale*", "agence regionale", "ambassade*", "consulat*", "institut francais", "CNRS", "INSERM", "IRD", "INRAE",
      // Europe and the international public bodies: the EU, its funds and programmes, the UN and its agencies.
      "UE", "union europeenne", "commission europeenne", "parlement europeen", "conseil de l europe", "fonds europeen*",
      "FSE", "FEDER", "FEADER", "LEADER", "erasmus", "interreg", "ONU", "nations unies", "UNESCO", "UNICEF", "HCR", "UNHCR",
      "OMS", "PNUD", "UNDP", "FAO", "OIF", "francophonie",
      // A university's funds for its students' associations: the FSDIE, the CVEC (student life and campus contribution).
      "FSDIE", "fsdie", "CVEC", "cvec", "CROUS", "crous", "fonds de solidarite et de developpement des initiatives etudiantes",
      // The State's agencies for international cooperation, which fund the NGOs' projects abroad.
      "AFD", "agence francaise de developpement", "expertise france", "ministere de l europe et des affaires etrangeres", "MEAE",
    ],
  },
  {
    kind: "foundation",
    // Other associations pay as private bodies (7551 contributions financières d'autres organismes).
    patterns: ["fondation*", "fonds de dotation", "aide* privee*", "fonds prive*", "association*", "asso", "assos", "autres organismes", "organisme* prive*", "organisme* de droit prive", "personne* morale* de droit prive", "federation*", "federal*", "federaux", "fede", "fedes", "comite* des fetes", "comite* regional*", "comite* national*",
      // Service clubs and other clubs are associations: « Aide du Rotary de … », « Don du Lions Club ».
      "club", "clubs", "rotary", "lions club*", "kiwanis", "soroptimist*", "round table", "inner wheel", "zonta",
      // The school world's own associations: parents' associations (APE, APEL…), the school cooperatives' and sports federations.
      "APE*", "FCPE", "PEEP", "OCCE", "USEP", "UFOLEP", "UNSS", "amicale*", "cooperative* scolaire*", "ligue*", "comite* departemental*",
      // « FFC », « FFDN »: a French federation (fédération française de …) by its acronym.
      "FF*", "mouvement associatif",
      // Collectives and the student associations of a school or a university (« BDE de l'UTC », « d'autres collectifs »).
      "collectif*", "BDE", "BDS", "BDA", "corpo", "ONG", "reseau* associatif*",
      // A church's bodies are private (an association diocésaine, a consistory), not public ones: « Aide du diocèse ».
      "diocese*", "diocesain*", "diocesaine*", "doyenne*", "consistoire*", "synode*", "association diocesaine",
      // « Eglise Valdese », « Paroisse Saint-Jean », « Église protestante unie »: a church gives as a private body.
      "eglise*", "paroisse*",
      // « Subvention associative », « aide associative »: said after a noun of money given, an association pays.
      "associative*", "associatif*",
      // The great charities, named as they name themselves.
      "secours catholique", "secours populaire", "secours islamique", "croix rouge", "emmaus", "restos du coeur", "restaurants du coeur", "caritas", "CCFD",
      "conference saint vincent de paul", "conferences saint vincent de paul", "ordre de malte"],
  },
  // People giving, named by their kind as a compte d'emploi des ressources lists its origins (« Particuliers »).
  { kind: "individual", patterns: ["particulier*", "personne* physique*", "grand public", "donateur* prive*"] },
  { kind: "company", patterns: ["entreprise*", "societe*", "SA", "SARL", "SAS", "banque*", "credit agricole", "credit cooperatif", "credit mutuel", "caisse d epargne", "banque populaire", "mecene*", "EURL", "SCOP", "SCI", "ets", "etablissements", "groupe"] },
];

// « Salle commune », « État des lieux » name no public body (commonWords.ts).
const INDEX = new KeywordIndex(
  FUNDERS.flatMap((f) => f.patterns.map((p) => ({ item: f.kind, pattern: compilePattern(p) }))),
  new Set(),
  PHRASES_OF_THEIR_OWN.map(compilePattern),
);

export interface FunderMatch {
  kind: FunderKind;
  keyword: string;
  position: number;
}

/**
 * Funder words that are also something else: adjectives (« Tournoi régional », « championnat départemental »,
 * « fête communale » name an event, not who pays) and acronyms treasurers use for other things (« PAF CD » are CDs,
 * « CR » a report, « CG » general conditions). They name a payer only where a payer is named (see saidAsPayer).
 */
export const PAYER_ONLY_WORDS: ReadonlySet<string> = new Set([
  "regional*", "departemental*", "communal", "communale*", "communaux", "municipal*", "CD", "CG", "CR",
  // « Souscription ministérielle »: the adjective names the payer only after a noun of money given.
  "ministeriel*", "europeen*",
  // « Subvention associative » names who pays; « Vie associative », « Tissu associatif » do not.
  "associative*", "associatif*",
  // « Eglise Valdese », « Don de la paroisse » pay; « mise à disposition de l'église » is the building.
  "eglise*", "paroisse*",
  // « Club de l'Amitié », « Don du Rotary club », « BDE de l'UTC » pay; « Vie du club », « Casquettes BDE », « Brevet
  // fédéral 300 km » name the association's own life, goods and events.
  "club", "clubs", "BDE", "BDS", "BDA", "federal*", "federaux",
]);

/** Nouns of money given or paid, whose complement is who pays (« subvention régionale », « aide du CD »). */
const MONEY_NOUNS =
  /^(subventions?|subv|sub|souscriptions?|aides?|dotations?|financements?|cofinancements?|participations?|contributions?|soutiens?|fonds|bourses?|primes?|allocations?|credits?|partenariats?|versements?|apports?|dons?|concours|enveloppes?|avances?|conventions?|mecenat|acomptes?|solde|reliquat)$/;
const LINK = /^(de|d|du|des|la|le|les|l|par|au|aux|a|en|et)$/;

/**
 * True when the word at `position` names who pays: it opens the label (« Région Bretagne », « CD 35 ») or is the
 * complement of a noun of money given (« Subvention régionale », « aide du CD », « participation départementale »).
 * After any other noun it qualifies that noun (« Tournoi régional », « PAF CD distribués »).
 */
export function saidAsPayer(tokens: readonly Token[], position: number): boolean {
  let i = position - 1;
  while (i >= 0 && LINK.test(tokens[i]!.text)) i--;
  // « Concours du département » is its support; « concours départemental », a competition the adjective qualifies.
  if (i >= 0 && i === position - 1 && tokens[i]!.text === "concours") return false;
  return i < 0 || MONEY_NOUNS.test(tokens[i]!.text);
}

/**
 * Nouns of an event the association holds, whose complement names the event, not who pays: « Buvette de la fête de la
 * commune », « Tournoi de la ville de Nantes », « Carnaval de la ville » are takings at the town's festival.
 */
const EVENT_NOUNS =
  /^(fetes?|foires?|salons?|forums?|festivals?|kermesses?|carnavals?|championnats?|tournois?|rallyes?|brocantes?|braderies?|bals?|lotos?|quines?|banquets?|galas?|soirees?|concerts?|spectacles?|expositions?|marathons?|trails?|courses?|randonnees?|grenier|greniers|journees?|nuits?|semaines?)$/;

/** True when the funder word at `position` is the complement of an event's noun (« fête de la ville »). */
export function namesAnEvent(tokens: readonly Token[], position: number): boolean {
  let i = position - 1;
  while (i >= 0 && LINK.test(tokens[i]!.text)) i--;
  return i >= 0 && i < position - 1 && EVENT_NOUNS.test(tokens[i]!.text);
}

/** The first funder the label names, if any. */
export function findFunder(tokens: readonly Token[]): FunderMatch | null {
  let best: FunderMatch | null = null;
  for (const m of INDEX.matchAll(tokens)) {
    if (m.fuzzy || (PAYER_ONLY_WORDS.has(m.pattern.source) && !saidAsPayer(tokens, m.position)) || namesAnEvent(tokens, m.position)) continue;
    // « Groupe Casino », « du groupe La Poste » name a company; « participation groupe », « groupe scolaire », « sortie
    // de groupe » a group of people: the company is the group followed by its name.
    if (m.pattern.source === "groupe" && !/^\p{Lu}/u.test(tokens[m.position + 1]?.raw ?? "")) continue;
    if (!best || m.position < best.position) best = { kind: m.item, keyword: m.pattern.source, position: m.position };
  }
  return best;
}
