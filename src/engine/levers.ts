// The lever registry (docs/spec.md §2): one typed table says everything about a lever. The rest of the code
// reads this table; nothing else repeats a lever's accounts, nature, pillar or keywords.
import { JOB_TITLES } from "./people.ts";
import type { Destination, LeverId, Nature, Payer, Pillar, Section } from "./types.ts";

/** Where a lever lives: income and expense are monetary; in_kind covers both 86 (use) and 87 (resource). */
export type LeverFamily = "income" | "expense" | "in_kind";

/**
 * A label keyword. Words are matched accent- and case-insensitively; `word*` matches any word that starts
 * with `word`; a pattern in capitals ("ANS") only matches that acronym. Longer patterns win over shorter ones.
 */
export interface KeywordRule {
  p: string;
  /** Destination the keyword implies for an expense (e.g. "assurance" → engineering, "licences" → action). */
  dest?: Destination;
  /** Weight added to the pattern's length when several levers match (default 0). */
  w?: number;
  /**
   * A word whose reading is a guess on its own: said alone, the line keeps this lever at a confidence that asks
   * the user to check, with this reason (« Hébergement » among the produits: re-sold, or a charge refunded?).
   */
  doubt?: { fr: string; en: string };
  /**
   * A word that names whom the money goes to (a network: « FFDN », « Fédération », « Ligue »), not what it pays for:
   * the block or the account, where they say what (« Déplacements », 6251), decide over it (classify.ts).
   */
  payee?: true;
}
export type Keyword = string | KeywordRule;

export interface Lever {
  id: LeverId;
  label: { fr: string; en: string };
  family: LeverFamily;
  pillar: Pillar;
  tags: Pillar[];
  /** Nature for income (and for 87 resources, always neutral: they stay out of the money mix). */
  nature: Nature | null;
  payer: Payer | null;
  destination: Destination | null;
  /** Account prefixes valid in both the ANC 2018-06 and the CRC 99-01 charts. */
  accounts: string[];
  /** Prefixes only in the ANC 2018-06 chart (some software charts swap 870/875). */
  accountsAnc2018?: string[];
  /** Prefixes only in the older CRC 99-01 chart and the Cerfa forms. */
  accountsCrc99?: string[];
  /** Account prefixes whose expenses have another destination than the lever's default. */
  destinationByAccount?: Record<string, Destination>;
  /** A catch-all lever: a label that names a more precise lever of the same chapter wins over its account. */
  catchAll?: boolean;
  keywords: Keyword[];
}

const income = (l: Omit<Lever, "family" | "destination" | "pillar" | "tags"> & Partial<Pick<Lever, "pillar" | "tags">>): Lever => ({
  family: "income",
  destination: null,
  pillar: "financial",
  tags: [],
  ...l,
});
const expense = (l: Omit<Lever, "family" | "nature" | "payer" | "tags"> & Partial<Pick<Lever, "tags">>): Lever => ({
  family: "expense",
  nature: null,
  payer: null,
  tags: [],
  ...l,
});
const inKind = (l: Omit<Lever, "family" | "nature" | "payer" | "destination" | "tags"> & Partial<Pick<Lever, "tags">>): Lever => ({
  family: "in_kind",
  nature: "neutral",
  payer: null,
  destination: null,
  tags: [],
  ...l,
});

/**
 * The bodies an association belongs to and pays its share to: a federation, a network, a league, a church's diocese,
 * deanery, consistory or synod (a parish pays its diocese « la contribution », « la cible »).
 */
const PARENT_BODIES = [
  "federation*", "reseau*", "ligue*", "district*", "union regionale", "union nationale", "union departementale", "unions regionales",
  "diocese*", "doyenne*", "consistoire*", "synode*", "tete de reseau", "tetes de reseau",
];
const TO_THE = ["a la", "au", "aux", "a l"];

/** « Cotisation à la fédération », « Adhésion au réseau »: dues paid to the body named (every article, every body). */
const DUES_PAID_TO = ["cotisation*", "adhesion*"].flatMap((head) => TO_THE.flatMap((to) => PARENT_BODIES.map((body) => `${head} ${to} ${body}`)));

/** « Contribution au diocèse », « Participation à la fédération », « Quote-part au réseau »: a member's share paid to it. */
const SHARE_PAID_TO = ["contribution*", "participation*", "quote* part*", "part"].flatMap((head) => TO_THE.flatMap((to) => PARENT_BODIES.map((body) => `${head} ${to} ${body}`)));

export const LEVERS: readonly Lever[] = [
  // ───────────── income ─────────────
  income({
    id: "membership_fees",
    label: { fr: "Cotisations", en: "Membership fees" },
    nature: "private",
    payer: null,
    accounts: ["756", "7561"],
    keywords: ["cotisation*", "adhesion*", "adherent*", "licence*", "licencies", "carte* de membre", "cotis", "droit* d adhesion",
      // « Contributions des membres actifs »: what the members pay as members, said as in Switzerland or Belgium.
      "contribution* des membres", "contribution* de* membre*", "contribution* membre*", "contribution* des adherents",
      // « Membre », « Fondateur », « Bienfaiteur » named alone among the produits: the dues of that class of member (a word
      // before them, « Repas des membres », « Sortie membres », says what they pay for and decides).
      "membre", "membres", "fondateur", "fondateurs", "bienfaiteur", "bienfaiteurs",
      // « Versements des membres », « Apports des adhérents »: what members pay, no sale named, is what they pay as members.
      "versement* des membres", "versement* des adherents", "apport* des membres", "apport* des adherents",
      // « 15 membres bienfaiteurs », « 56 membres actifs »: members counted by their class of membership pay its dues. Weighed
      // as one word, so that a word of its own before them (« Dons des membres bienfaiteurs ») still decides.
      ...["bienfaiteur*", "actif*", "fondateur*", "honoraire*", "titulaire*", "perpetuel*", "a vie", "correspondant*", "associe*", "souscripteur*", "adherent*", "de droit", "donateur*"].map(
        (c) => ({ p: `membre* ${c}`, w: -c.split(" ").length }),
      ),
      // A society's « droit d'entrée » said of its members is the joining fee of new members.
      "droit* d entree des membres", "droit* d entree des nouveaux membres", "droit* d admission"],
  }),
  income({
    id: "sales_services",
    label: { fr: "Ventes et prestations", en: "Sales and services" },
    nature: "activity",
    payer: "private",
    accounts: ["70", "701", "702", "703", "704", "705", "706", "707", "708", "7562"],
    catchAll: true,
    keywords: [
      "vente*", "prestation*", "participation*", "billetterie", "billeterie", "billet*", "ticket*", "entree*", "buvette*", "bar", "stand", "stands",
      "restauration", "repas", "snack*", "stage*", "inscription*", "location*", "loto*", "tombola*", "vide grenier*",
      "brocante*", "kermesse*", "fete*", "gala", "galas", "soiree*", "spectacle*", "festival*", "manifestation*", "tournoi*", "calendrier*",
      "produits derives", "boutique*", "marchandise*", "abonnement*", "sejour*", "camp", "camps", "camping*", "centre de loisirs",
      "accueil de loisirs", "garderie*", "cantine*",
      {
        p: "hebergement*",
        doubt: { fr: "« hébergement » se lit d'ordinaire comme une charge : revendu aux participants, ou une charge remboursée ? à vérifier", en: "“hébergement” usually names a charge: re-sold to participants, or a charge refunded? to check" },
      },
      "factur*", "chiffre d affaires", "recettes d activite*",
      "produits des activites", "cours", "atelier*", "sortie*", "usager*", "familles",
      {
        p: "droit* d entree*",
        doubt: { fr: "un droit d'entrée : le billet d'une manifestation, ou ce que paie un nouveau membre ? à vérifier", en: "an entry fee: a ticket to an event, or what a new member pays? to check" },
      },
      "mise a disposition de personnel facturee",
      "production vendue", "recettes propres",
      "ventes de dons en nature", "friperie*", "forfait*", "pension*", "tarif*", "animation*", "intervention*", "formation*",
      "cotisation* avec contrepartie", "redevance* usager*",
      "refactur*", "mise* a disposition de personnel", "personnel mis a disposition", "produits des activites annexes", "activites annexes",
      "carte* de peche", "permis", "chocolat*", "sapin*", "brioche*", "crepe*", "gateau*", "photo* de classe", "bourse aux", "marche de noel", "marche", "marches",
      "braderie*", "concert*", "exposition*", "rencontre*", "congres", "conference*", "mise* a dispo de personnel", "mise* a dispo personnel",
      // « Bénéfices des deux bourses », « bénéfice du loto »: the net proceeds of an event the association ran.
      "benefice*", "tee shirt*", "t shirt*", "tshirt*", "goodies",
      // Crafts made and sold (707): « Artisanat divers », « Objets artisanaux ».
      "artisana*",
    ],
  }),
  income({
    id: "sponsorship",
    label: { fr: "Parrainage / sponsoring", en: "Sponsorship" },
    nature: "activity",
    payer: "private",
    tags: ["alliances"],
    accounts: ["7063"],
    keywords: [
      "sponsor*",
      {
        p: "parrainage*",
        doubt: {
          fr: "« parrainage » se dit d'une entreprise qui sponsorise, avec une contrepartie, comme de personnes qui parrainent un enfant ou un projet, c'est-à-dire un don : à vérifier",
          en: "“parrainage” names a company's sponsorship, with something in return, as well as people sponsoring a child or a project, i.e. a gift: to check",
        },
      },
      "partenaire*", "partenariat*", "partenaire* maillot*", "partenariat* prive*", "encart*", "recettes publicitaires", "publicite*", "panneau* publicitaire*", "naming",
      // Ads sold in a bulletin or a programme; a Québec treasurer's « commandites » are sponsorships.
      "annonce* publicitaire*", "espace* publicitaire*", "insertion* publicitaire*", "commandite*"],
  }),
  income({
    id: "public_procurement",
    label: { fr: "Commande publique", en: "Public procurement" },
    nature: "activity",
    payer: "public",
    accounts: [],
    keywords: [
      // « Marché » alone is a market stall or a walk (sales, see above): public procurement is a « marché public » or a
      // market « de prestations » / « à bons de commande », or a sale whose public buyer the label names.
      "marche public", "marches publics", "marche* de prestation*", "marche* a bon* de commande", "appel* d offre*", "DSP", "delegation de service public", "commande publique",
      "prestation* pour la commune", "prestation* pour la ville", "convention de prestation*", "bon* de commande",
    ],
  }),
  income({
    id: "public_tariffs",
    label: { fr: "Dotations et tarification", en: "Public tariffs" },
    nature: "activity",
    payer: "public",
    accounts: ["73"],
    keywords: [
      "dotation globale", "dotations et produits de tarification", "produits de tarification", "tarification", "prix de journee",
      "forfait soin*", "concours publics", "financement ARS", "CPOM",
    ],
  }),
  income({
    id: "public_grants",
    label: { fr: "Subventions publiques", en: "Public grants" },
    nature: "public",
    payer: null,
    accounts: ["74", "741", "742", "744"],
    keywords: [
      // « Subsides » is what Belgian associations call their grants. « Subventions et autres concours publics » is
      // the compte d'emploi des ressources' line of public funding (the tarification's « concours publics » is 73).
      "subventions et autres concours publics", "autres concours publics", "subvention*", "subside*", "subv", "subv*", "sub", "aide* publique*", "ANS", "agence nationale du sport", "CNDS", "FDVA", "FONJEP", "fonjep",
      "fdva", "cnds", "politique de la ville", "contrat de ville", "emploi* aide*", "contrat* aide*", "PEC", "adulte* relais",
      "agence de services et de paiement", "ASP", "FSE", "fse", "FEDER", "feder", "FEADER", "LEADER", "fonds europeen*", "fonds social europeen",
      "erasmus", "subvention d equilibre", "aide* a l emploi", "aide* au poste", "poste* FONJEP",
      // A tax the State levies for the association (on tickets, a trade) and hands it: public money, not a charge refunded.
      "taxe* parafiscale*", "taxe* affectee*", "produit* de la taxe*", "reversement* de la taxe*",
      // « Aide du département », « Aide du Rotary »: an aid names who gives (funders.ts); said alone, public or private is a guess.
      { p: "aide", doubt: { fr: "une aide peut venir d'un organisme public ou privé, le libellé ne dit pas lequel : à vérifier", en: "an aid may come from a public or a private body, the label does not say which: to check" } },
      { p: "aides", doubt: { fr: "une aide peut venir d'un organisme public ou privé, le libellé ne dit pas lequel : à vérifier", en: "an aid may come from a public or a private body, the label does not say which: to check" } },
      { p: "bourse*", doubt: { fr: "une bourse peut venir d'un organisme public ou privé, ou être une somme rendue : à vérifier", en: "a bursary may come from a public or a private body, or be money returned: to check" } },
      "DRAC", "drac", "DREAL", "dreal",
      "ARS", "CAF", "caf", "DDETS", "DDCS", "DRAJES", "SDJES", "DREETS", "ANCT", "ADEME", "CNC", "CNL", "ministere*", "prefecture*",
      "etat", "region", "regions", "regional*", "conseil regional", "departement", "departements", "departemental*", "conseil departemental",
      "conseil general", "CD", "CG", "CR", "commune*",
      "mairie*", "ville de", "municipalite*", "com com", "comcom", "communaute de communes", "communaute d agglomeration", "agglo*",
      "metropole*", "EPCI", "epci", "intercommunalite*", "agence de l eau", "fonds publics", "financement* public*", "etablissement* public*",
      "organismes sociaux", "MSA", "CPAM", "CARSAT", "pole emploi", "france travail", "collectivite*",
      "partenaire* public*", "partenaire* institutionnel*", "financeur* public*",
      // The instruments a public body grants by: « Convention d'objectifs 2004/2005 », « CPO ».
      "convention* d objectif*", "convention* pluriannuelle* d objectif*", "CPO",
      // What a commune, a département, the State or the parent body allots to run the association (74): an operating
      // grant, not the tariff a medico-social establishment is paid (73, « dotation globale »).
      "dotation* de fonctionnement", "dotation* annuelle* de fonctionnement", "dotation* de la commune", "dotation* communale*", "dotation* de l etat",
      "dotation* municipale*", "dotation* cantonale*", "dotation* intercommunale*", "dotation* departementale*", "dotation* regionale*",
      "dotation* du departement", "dotation* de la region", "dotation* de la ville",
    ],
  }),
  income({
    id: "donations",
    label: { fr: "Dons", en: "Donations" },
    nature: "private",
    payer: null,
    accounts: ["754", "7541", "75411", "75412"],
    keywords: [
      "don", "dons", "dons manuels", "collecte*", "crowdfunding", "financement participatif", "quete*",
      "generosite*", "appel* aux dons", "abandon* de frais", "liberalite*", "ulule", "kisskissbankbank", "cagnotte*", "souscription*",
      // Online kitties and crowdfunding: what they collect is given (tickets or goods sold through them say so).
      "leetchi", "le pot commun", "lepotcommun", "papayoux", "gofundme", "go fund me", "kisskiss", "kiss kiss", "kiss kiss bank bank", "miimosa", "helloasso dons", "dons helloasso",
      // People who sponsor a child or a pupil, month after month: a regular gift, not a company's sponsorship.
      "parrainage* d enfant*", "parrainage* annuel*", "parrainage* mensuel*", "parrainage* individuel*", "parrainage* de particulier*", "filleul*",
      // « Soutien aux familles parrainées », « Cadeau parrain/marraine »: the sponsors are people giving to a family or a child.
      "famille* parrainee*", "enfant* parraine*", "eleve* parraine*", "parrain", "parrains", "marraine", "marraines",
      "donateur*",
      // What the faithful give to their church: gifts (754), not sales.
      "offrande*", "dime", "dimes", "denier du culte", "denier de l eglise",
    ],
  }),
  income({
    id: "corporate_patronage",
    label: { fr: "Mécénat d'entreprise", en: "Corporate patronage" },
    nature: "private",
    payer: null,
    tags: ["alliances"],
    accounts: ["7542"],
    keywords: ["mecenat*", "mecene*", "entreprise*", "club des mecenes", "partenariat* entreprise*", "partenaire* prive*"],
  }),
  income({
    id: "bequests",
    label: { fr: "Legs et donations", en: "Bequests" },
    nature: "private",
    payer: null,
    accounts: ["7543"],
    keywords: ["legs", "donation", "donations", "assurance* vie*", "succession*", "heritage*"],
  }),
  income({
    id: "foundations",
    label: { fr: "Fondations et fonds de dotation", en: "Foundations" },
    nature: "private",
    payer: null,
    tags: ["alliances"],
    accounts: ["753", "755", "7551", "7552"],
    keywords: [
      "fondation*", "fonds de dotation", "aide* privee*", "aides privees", "contributions financieres", "versements des fondateurs",
      "quote* part* de generosite", "fonds prive*", "financement* prive*",
    ],
  }),
  income({
    id: "financial_income",
    label: { fr: "Produits financiers", en: "Financial income" },
    nature: "neutral",
    payer: null,
    accounts: ["76"],
    keywords: ["produits financiers", "revenu* financier*", "interet*", "livret*", "placement*", "revenus des valeurs", "dividende*", "produit* de placement*",
      // Older wording of the same (« Revenus des fonds placés », « Rentes », « Arrérages »): what invested money earns.
      "fonds places", "capitaux places", "sommes placees", "revenu* des fonds", "revenu* des titres", "rente*", "arrerage*"],
  }),
  income({
    id: "exceptional_income",
    label: { fr: "Produits exceptionnels", en: "Exceptional income" },
    nature: "neutral",
    payer: null,
    accounts: ["77"],
    keywords: ["produits exceptionnels", "exceptionnel*", "extraordinaire*", "cession* d immobilisation*", "produits sur exercices anterieurs", "plus value*",
      // Damages awarded (778) are no interest earned, whatever « intérêts » says.
      "dommage* et interet*", "dommage* interet*"],
  }),
  income({
    id: "reversals_transfers",
    label: { fr: "Reprises et transferts de charges", en: "Reversals and transfers" },
    nature: "neutral",
    payer: null,
    // 747 (share of an investment grant taken to income) is not cash: kept out of the mix by default.
    accounts: ["78", "789", "79", "747"],
    keywords: [
      // What happened to the money (taken back, carried forward, refunded, moved) says more than the noun it is said of:
      // « Subvention reportée », « Assurance remboursée » are a reversal, not a grant or a sale.
      { p: "reprise*", w: 0.5 }, "report* de ressources", { p: "report", w: 0.5 }, { p: "reports", w: 0.5 }, { p: "reporte", w: 0.5 }, { p: "reportee", w: 0.5 }, { p: "reportes", w: 0.5 }, { p: "reportees", w: 0.5 }, "fonds dedies", "transfert* de charges", { p: "transfert*", w: 0.5 },
      { p: "remboursement*", w: 0.5 }, { p: "rembourse", w: 0.5 }, { p: "remboursee*", w: 0.5 }, { p: "rembourses", w: 0.5 }, "OPCO", "opco",
      // The titles of 71 and 72 (production stockée, immobilisée): charges already counted given back, put in stock or
      // in an asset; no one pays them. Said by their words only: other charts number their own produits 71, 72.
      "production stockee", "production immobilisee",
      "indemnites journalieres", "IJSS", "utilisation* des fonds dedies", "quote part des subventions d investissement", "ressources non utilisees",
      "fonds propres", "ressources propres", "autofinancement", "apport* de l association",
      // Money moved into or taken out of one of the association's funds (689, 789): not this year's bequest or gift.
      // Setting money aside is a charge first (689): said with no side, the charges' reading wins.
      ...["affectation* au* fonds", "affectation* en fonds", "report* en fonds"].map((p) => ({ p, w: -0.5 })), "utilisation* du fonds", "prelevement* sur le fonds", "prelevement* sur les fonds", "prelevement* sur fonds",
      "prelevement* sur la reserve", "prelevement* sur les reserves", "prelevement* sur reserve*",
      // « Investissement initial Hackstub »: what the association puts in of its own money, not income of the year.
      "investissement* initia*",
    ],
  }),
  income({
    id: "other_income",
    label: { fr: "Autres produits", en: "Other income" },
    nature: "neutral",
    payer: null,
    accounts: ["75", "751", "752", "758"],
    catchAll: true,
    keywords: ["autres produits", "produits divers", "autres recettes", "recettes diverses", "redevance*", "droits d auteur", "loyers percus", "revenus des immeubles", "divers",
      // A deposit kept for damage or a no-show (« Cautions sautées ») has become the association's: a produit of its own.
      "caution* sautee*", "caution* encaissee*", "caution* conservee*", "caution* retenue*", "caution* gardee*", "caution* non restituee*", "caution* perdue*"],
  }),

  // ───────────── expense ─────────────
  expense({
    id: "purchases",
    label: { fr: "Achats", en: "Purchases" },
    pillar: "financial",
    destination: "action",
    accounts: ["60"],
    destinationByAccount: { "6064": "engineering" },
    keywords: [
      "achat*", "fourniture*", "materiel*", "matiere*", "petit equipement*", "equipement*", "marchandise*", "alimentation*", "denree*",
      "nourriture", "carburant*", "essence", "gasoil", "eau", "electricite", "energie*", "gaz", "chauffage", "combustible*",
      "prestations de services", "prestation de service", "etudes et prestations", "ballon*", "maillot*", "tenue* sportive*", "lots", "lot",
      "produits d entretien", "consommable*", "pharmacie", "trophee*", "coupe*", "medaille*", "vetement*", "costume*", "decor*",
      "catering", "repas", "boisson*", "achats buvette", "fournitures de bureau", "papeterie", "cartouche*",
      "outillage", "outil*", "semence*", "plants", "graine*", "terreau", "livres", "jeux", "jouet*", "mobilier",
      "alevin*", "alevinage*", "empoissonnement*", "rempoissonnement*", "tee shirt*", "t shirt*", "tshirt*", "gouter*", "cadeau*", "goodies", "sticker*", "autocollant*", "sono*", "masque*", "gel hydroalcoolique",
      // Software bought: a « licence » of a program is no federation's licence.
      "licence* logiciel*", "licence* d utilisation", "licence* a vie",
      // What a project builds (« Construction Poste de santé Karang », « Construction d'un puits »): a health post is a
      // building, no job (« poste » alone is a post, staff).
      "construction*", "poste* de sante", "poste* de secours", "poste* de soins",
    ],
  }),
  expense({
    id: "external_services",
    label: { fr: "Services extérieurs", en: "External services" },
    pillar: "financial",
    destination: "action",
    accounts: ["61"],
    destinationByAccount: { "613": "engineering", "616": "engineering" },
    keywords: [
      "location*", "loyer*", "charges locatives", "entretien*", "reparation*", "maintenance", { p: "assurance*", dest: "engineering" },
      { p: "primes d assurance*", dest: "engineering" }, { p: "responsabilite civile", dest: "engineering" }, "documentation*", "credit bail",
      "leasing", "sous traitance*", "etudes et recherches", "colloque*", "seminaire*", "abonnement*", "nettoyage", "menage",
      "location de salle*", "location du local", "location des locaux", "gardiennage", "logiciel*", "services exterieurs",
      // « Indemnité de location », « indemnité d'occupation »: what is paid for the use of a place is rent, no staff pay.
      "indemnite* de location", "indemnite* d occupation", "indemnite* locative*",
      // Waste taken away and treated is a service bought, not a salary (« traitement »).
      "traitement* des dechets", "collecte* des dechets", "enlevement* des dechets", "enlevement* des ordures", "remise* en etat",
    ],
  }),
  expense({
    id: "other_external_services",
    label: { fr: "Autres services extérieurs", en: "Other external services" },
    pillar: "financial",
    destination: "action",
    accounts: ["62"],
    destinationByAccount: { "622": "engineering", "626": "engineering", "627": "engineering" },
    catchAll: true,
    keywords: [
      "autres services exterieurs", { p: "honoraire*", dest: "engineering" }, { p: "commissaire aux comptes", dest: "engineering" }, { p: "expert comptable", dest: "engineering" }, { p: "remunerations intermediaires", dest: "engineering" }, { p: "remuneration* d intermediaire*", dest: "engineering" },
      "publicite*", "publication*", "communication*", "impression*", "imprimerie*", "imprimeur*", "imprime", "imprimes", "affiche*", "flyer*", "tract*", "site internet", "site web",
      "deplacement*", "trajet*", "mission*", "voyage*", "transport*", "frais de route", "indemnites kilometriques", "kilometr*", "peage*", "billet* de train",
      "hebergement*", "hotel*", "reception*", "frais de reception", { p: "frais postaux", dest: "engineering" }, { p: "affranchissement*", dest: "engineering" },
      // Stamps and the post office, not a job (« poste » alone reads as staff).
      { p: "timbre*", dest: "engineering" }, { p: "frais de poste", dest: "engineering" }, { p: "la poste", dest: "engineering" },
      { p: "expedition*", dest: "engineering" }, { p: "expedition* poste", dest: "engineering" },
      // « Autres rémunérations et honoraires »: the 622 of a compte de résultat (fees), not pay.
      { p: "remunerations et honoraires", dest: "engineering" }, { p: "autres remunerations et honoraires", dest: "engineering" },
      { p: "telephone*", dest: "engineering" }, { p: "telecom*", dest: "engineering" },
      { p: "internet", dest: "engineering" }, { p: "frais bancaires", dest: "engineering" }, { p: "services bancaires", dest: "engineering" },
      { p: "bancaire*", dest: "engineering" }, { p: "banque*", dest: "engineering" }, { p: "tenue de compte*", dest: "engineering" },
      { p: "agios", dest: "engineering" },
      // An artist's « cachet » is a wage when the association employs the artist (GUSO, 64) and the price of a show when
      // it buys it from a company (contrat de cession, 62): the word alone does not say which.
      { p: "cachet*", doubt: { fr: "un cachet est un salaire d'artiste (GUSO) ou le prix d'un spectacle acheté (contrat de cession) : à vérifier", en: "a fee (cachet) is an artist's wage (GUSO) or the price of a show bought (sale contract): to check" } },
      "contrat* de cession", "cession* de droits", "intervenant*", "prestataire*",
      "arbitrage*", "arbitre*", "sous traitant*", "animation* exterieure*", "frais de mission*", "traiteur",
      { p: "commission*", dest: "engineering" }, "frais d actes", "frais de contentieux",
      // A treasurer's everyday words.
      // « Envoi cotisations AG », « Expédition des reçus »: postage, whatever is sent.
      { p: "envoi*", dest: "engineering" }, { p: "expedition* postale*", dest: "engineering" },
      { p: "domiciliation*", dest: "engineering" }, "photocopie*", { p: "frais d envoi", dest: "engineering" }, { p: "chequier*", dest: "engineering" },
      { p: "boite postale", dest: "engineering" }, { p: "nom* de domaine", dest: "engineering" }, { p: "hebergement* du site", dest: "engineering" },
      { p: "hebergement* serveur*", dest: "engineering" }, { p: "hebergement* web", dest: "engineering" }, { p: "hosting", dest: "engineering" },
      "relations publiques", "frais de bouche",
      // What a general meeting or a congress costs (a room, a meal, the trip there): « AG FFDN 2020 » is going to the
      // federation's meeting, not its dues.
      { p: "assemblee* generale*", dest: "engineering", w: -1 }, "congres",
      // A bank card's yearly « cotisation » is a bank fee (627), not dues paid to a network.
      { p: "cotisation* carte*", dest: "engineering" }, { p: "carte* bancaire*", dest: "engineering" }, { p: "carte business", dest: "engineering" },
      { p: "carte bleue", dest: "engineering" }, { p: "frais de carte*", dest: "engineering" }, { p: "droits de garde", dest: "engineering" },
    ],
  }),
  expense({
    id: "external_staff",
    label: { fr: "Personnel extérieur", en: "External staff" },
    pillar: "human",
    destination: "action",
    accounts: ["621"],
    keywords: [
      "personnel exterieur*", "personnel interimaire", "interim*", "personnel detache", "personnel mis a disposition", "mise* a disposition de personnel",
      "groupement d employeurs", "portage salarial",
    ],
  }),
  expense({
    id: "network_dues",
    label: { fr: "Cotisations aux réseaux et fédérations", en: "Network dues" },
    pillar: "alliances",
    destination: "engineering",
    accounts: ["6281"],
    keywords: [
      "cotisation*", "adhesion*", "affiliation*", "cotiser", "adherer",
      { p: "licence*", dest: "action" }, { p: "engagement*", dest: "action" }, { p: "championnat*", dest: "action" },
      { p: "droits d inscription en competition", dest: "action" },
      "cotisations versees", "adhesions versees", ...DUES_PAID_TO,
      // The federation's share of each member's dues, passed on by the club: « Part fédérale », « Quote-part fédérale ».
      "part* federale*", "quote* part* federale*",
      // Networks named by what they are or by their name (« Le Mouvement associatif », a « FF… », fédération française
      // de …): they say whom the money goes to; a block or an account that says what it pays for decides over them.
      ...["federation*", "fede", "fedes", "reseau*", "union* regional*", "union* departemental*", "ligue*", "district*", "comite departemental",
        "comite regional", "mouvement associatif", "FF*", "confederation*", "coordination nationale", "collectif national"].map((p) => ({ p, payee: true as const })),
    ],
  }),
  expense({
    id: "taxes",
    label: { fr: "Impôts et taxes", en: "Taxes" },
    pillar: "financial",
    destination: "engineering",
    accounts: ["63", "69"],
    keywords: [
      "impot*", "taxe*", "taxe fonciere", "CFE", "cotisation fonciere", "droits d enregistrement", "impot sur les societes", "IS",
      "taxe d habitation", "vignette*", "autres impots et taxes",
    ],
  }),
  expense({
    id: "payroll_taxes",
    label: { fr: "Taxes sur les rémunérations", en: "Payroll taxes" },
    pillar: "human",
    destination: "action",
    accounts: ["631", "633"],
    keywords: [
      "taxe* sur les salaires", "taxe sur salaires", "taxes sur remuneration*", "impots et taxes sur remuneration*", "taxe* sur remuneration*",
      "versements assimiles sur remuneration*", "sur remuneration*", "sur les remunerations", "sur salaires", "sur les salaires",
      "versement transport", "versement mobilite", "participation a l effort de construction", "taxe d apprentissage",
    ],
  }),
  expense({
    id: "staff",
    label: { fr: "Charges de personnel", en: "Staff costs" },
    pillar: "human",
    destination: "action",
    accounts: ["64"],
    keywords: [
      "salaire*", "salarie*", "remuneration*", "charges sociales", "cotisations sociales", "cotisation* sociale*", "cotisation* urssaf", "cotisations a l urssaf", "cotisation* retraite*", "cotisation* mutuelle*", "charges patronales", "cotisations patronales",
      "urssaf", "retraite*", "prevoyance", "mutuelle*", "medecine du travail", "indemnite*", "traitement*", "appointement*", "gratification*",
      "personnel*", "charges de personnel", "paie", "paye", "CDI", "CDD", "intermittent*", "GUSO", "guso", "ticket* restaurant*",
      "titre* restaurant*", "cheques vacances", "entraineur*", "educateur*", "animateur*", "coordinat*", "directeur*", "directrice*",
      // Whole words: « posters », « postérité » hold no post, « primevères » no bonus.
      "emploi*", "poste", "postes", "contrat* d engagement educatif", "CEE", "service civique", "volontaire*", "masse salariale",
      "conges payes", "primes", "prime",
      // « Coût salarial », « Charges salariales »: what an employee costs.
      "salaria*", "cout* du personnel", "cout* employeur*",
      // A servant's « gages » (an older budget's word for wages).
      "gages",
      // A post named as the line: « Organiste », « Secrétaire » (people.ts).
      ...JOB_TITLES,
    ],
  }),
  expense({
    id: "training",
    label: { fr: "Formation", en: "Training" },
    pillar: "human",
    destination: "action",
    accounts: ["6228", "6333"],
    keywords: [
      "formation*", "formations des benevoles", "formation des educateurs", "formation des salaries", "formation continue", "BAFA", "BAFD",
      "brevet* d etat", "diplome*", "stage* de formation", "OPCO",
    ],
  }),
  expense({
    id: "other_operating",
    label: { fr: "Autres charges de gestion courante", en: "Other operating costs" },
    pillar: "financial",
    destination: "action",
    accounts: ["65"],
    catchAll: true,
    keywords: [
      "autres charges de gestion courante", "charges de gestion courante", "droits d auteur*", "SACEM", "SACD", "redevance*", "pertes sur creances",
      // What debtors will never pay (654): « Perte sur débiteurs », « Pertes sur créances irrécouvrables ».
      "perte* sur creance*", "perte* sur debiteur*", "creances irrecouvrables", "creance* irrecouvrable*", "aides financieres", "aide* aux familles", "secours", "bourses versees", "charges diverses", "autres charges",
      // Scholarships the association pays to the people it helps (6571): « Bourse d'étude et de formation », no staff training.
      "bourse* d etude*", "bourse* d etude* et de formation", "bourse* scolaire*", "bourse* de formation",
      // Grants paid out (657): « Subventions versées aux caisses mutuelles partenaires » is not staff insurance.
      "subvention*", "subvention* versee*", "subvention* accordee*", "aide* versee*", "aide* accordee*", "aide* aux", "aides financieres octroyees",
      "dons verses", "soutien* financier*",
      // « Appui aux caisses des mutuelles », « Soutien à l'école de … »: money given to someone, who is named after.
      "appui* a", "appui* aux", "appui* au", "soutien* a", "soutien* aux", "soutien* au",
      "divers", "frais divers", "imprevus", "imprevu*",
    ],
  }),
  expense({
    id: "common_operations",
    label: { fr: "Opérations faites en commun", en: "Joint operations" },
    pillar: "alliances",
    destination: "engineering",
    accounts: ["655", "6572"],
    keywords: [
      // A member body's share of its parent body's costs (a parish's to its diocese, a club's to its federation).
      ...SHARE_PAID_TO, "contribution* diocesaine*", "participation* diocesaine*", "part* diocesaine*", "contribution* synodale*", "contribution* consistoriale*",
      "cible", "cibles",
      "quote* part*", "operation* faite* en commun", "operation* en commun", "operation* commune*", "projet commun", "consortium",
      "generosite reversee", "reversement*",
      // Gifts collected for a partner and passed on to it (6572): « Virement dons AUI », « Dons reversés ».
      "virement* de dons", "virement* des dons", "virement* dons", "dons reverses", "dons collectes reverses", "quotes parts de generosite reversees", "mutualisation*", "fonds commun",
    ],
  }),
  expense({
    id: "financial_charges",
    label: { fr: "Charges financières", en: "Financial charges" },
    pillar: "financial",
    destination: "engineering",
    accounts: ["66"],
    keywords: ["charges financieres", "interet*", "interets d emprunt*", "emprunt*", "frais financiers", "agios"],
  }),
  expense({
    id: "exceptional_charges",
    label: { fr: "Charges exceptionnelles", en: "Exceptional charges" },
    pillar: "financial",
    destination: "engineering",
    accounts: ["67"],
    keywords: ["charges exceptionnelles", "exceptionnel*", "penalite*", "amende*", "charges sur exercices anterieurs",
      // Damages paid (671 pénalités, 678): no interest on a loan.
      "dommage* et interet*", "dommage* interet*"],
  }),
  expense({
    id: "depreciation_provisions",
    label: { fr: "Dotations aux amortissements et provisions", en: "Depreciation and provisions" },
    pillar: "financial",
    destination: "engineering",
    accounts: ["68", "689"],
    keywords: [
      "amortissement*", "dotation* aux amortissements", "dotation aux amortissements", "dotation* aux provisions", "provision*",
      "engagements a realiser", "fonds dedies", "report en fonds dedies",
      // Money set aside into one of the association's funds or reserves (689): an allocation, neither spent nor a
      // bequest received (« Affectation au fonds de legs », « Dotation à la réserve »).
      "affectation* au* fonds", "affectation* en fonds", "affectation* a la reserve", "affectation* aux reserves", "affectation* en reserve*",
      "dotation* au* fonds", "dotation* a la reserve", "dotation* aux reserves", "mise* en reserve", "report* en fonds",
    ],
  }),
  expense({
    id: "volunteer_expenses",
    label: { fr: "Frais des bénévoles", en: "Volunteers' expenses" },
    pillar: "human",
    destination: "action",
    accounts: [],
    keywords: [
      "frais des benevoles", "frais benevoles", "frais de benevoles", "defraiement*", "remboursement* de frais", "remboursement* des benevoles",
      "indemnites kilometriques des benevoles", "frais de deplacement des benevoles", "notes de frais", "repas des benevoles",
    ],
  }),

  // ───────────── in kind (86 use ↔ 87 resource) ─────────────
  inKind({
    id: "volunteering",
    label: { fr: "Bénévolat valorisé", en: "Valued volunteering" },
    pillar: "human",
    accounts: ["864"],
    accountsCrc99: ["870"],
    accountsAnc2018: ["875"],
    keywords: ["benevol*", "personnel benevole", "valorisation du benevolat", "temps benevole", "heures de benevolat", "benevoles", "volontariat*", "engagement benevole"],
  }),
  inKind({
    id: "skills_patronage",
    label: { fr: "Mécénat de compétences", en: "Skills-based patronage" },
    pillar: "human",
    tags: ["alliances"],
    accounts: [],
    keywords: [
      "mecenat de competence*", "mecenat de competences", "mise* a disposition gratuite de personnel", "personnel mis a disposition",
      "mise a disposition de personnel", "salaries mis a disposition", "pro bono", "competences",
      // Someone else's employee working for the association: « Détachement X », « Mi-temps Y » among the contributions in kind.
      "detachement*", "salarie* detache*", "personnel detache", "mi temps", "salarie* mis a disposition",
    ],
  }),
  inKind({
    id: "in_kind_services",
    label: { fr: "Prestations en nature", en: "In-kind services" },
    pillar: "alliances",
    accounts: ["862", "871"],
    keywords: ["prestation*", "prestations en nature", "services gratuits", "prestations gratuites", "services en nature"],
  }),
  inKind({
    id: "in_kind_goods",
    label: { fr: "Dons et mises à disposition en nature", en: "In-kind goods and premises" },
    pillar: "alliances",
    accounts: ["860", "861"],
    accountsCrc99: ["875"],
    accountsAnc2018: ["870"],
    keywords: [
      "dons en nature", "don en nature", "secours en nature", "mise* a disposition gratuite", "mise* a disposition", "mis a disposition",
      "pret* de local", "pret* de locaux", "pret* de salle*", "pret* de materiel", "locaux mis a disposition", "commodat", "dons alimentaires",
      "biens et services", "materiel prete", "nature", "dons", "don", "aide* indirecte*", "location* de salle*", "salle*", "local", "locaux",
      "avantage* en nature", "loyer* equivalent*", "equivalent loyer*", "valeur locative",
    ],
  }),
];

/**
 * Words that say a line is an in-kind contribution (86/87) even when a budget lists it among its ordinary
 * charges or produits ("Bénévolat valorisé" in the Recettes column). The in-kind keywords above include
 * generic words (« prestation », « dons ») that only count once a line is known to be in kind: these do not.
 */
/** Signals that make a line in kind whatever else its label names (« Aides indirectes (mairie) – location de salles »). */
export const STRONG_IN_KIND_SIGNALS: readonly string[] = [
  "aide* indirecte*", "en nature", "a titre gratuit", "mise* a disposition gratuite*", "mis a disposition gratuitement", "pret* gratuit*",
  "contribution* volontaire*", "valorisation",
  // A rent « équivalent » or a « valeur locative » is what free premises would cost: a valuation, not rent paid.
  "loyer* equivalent*", "equivalent loyer*", "valeur locative",
];

export const IN_KIND_SIGNALS: readonly string[] = [
  ...STRONG_IN_KIND_SIGNALS, "benevol*", "volontariat*", "valorise*", "gratuit*", "mecenat de competence*", "pro bono",
  // Premises « mis à disposition » by someone: lent, not rented (a rent paid says « location » or « loyer »).
  "mise* a disposition de* locaux", "mise* a disposition des locaux", "mise* a disposition d un local", "mise* a disposition de* salle*",
];

const BY_ID = new Map<LeverId, Lever>(LEVERS.map((l) => [l.id, l]));

export function lever(id: LeverId): Lever {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown lever ${id}`); // programming error: ids are a closed union
  return found;
}

export function isLeverId(value: unknown): value is LeverId {
  return typeof value === "string" && BY_ID.has(value as LeverId);
}

const BY_FAMILY: Record<LeverFamily, Lever[]> = {
  income: LEVERS.filter((l) => l.family === "income"),
  expense: LEVERS.filter((l) => l.family === "expense"),
  in_kind: LEVERS.filter((l) => l.family === "in_kind"),
};

export function familyOfSection(section: Section): LeverFamily {
  return section === "income" ? "income" : section === "expense" ? "expense" : "in_kind";
}

export function leversOfSection(section: Section): readonly Lever[] {
  return BY_FAMILY[familyOfSection(section)];
}

/** The chapter (two first digits) of an account, e.g. "741100" → "74". */
export function chapterOf(account: string): string {
  return account.slice(0, 2);
}

/** The chapters a lever's accounts belong to (public procurement lives in 70 without an account of its own). */
const CHAPTERS = new Map<LeverId, string[]>();

export function chaptersOf(l: Lever): string[] {
  const known = CHAPTERS.get(l.id);
  if (known) return known;
  const all = [...l.accounts, ...(l.accountsAnc2018 ?? []), ...(l.accountsCrc99 ?? [])].map(chapterOf);
  if (l.id === "public_procurement") all.push("70");
  if (l.id === "volunteer_expenses") all.push("62", "64");
  const out = [...new Set(all)];
  CHAPTERS.set(l.id, out);
  return out;
}
