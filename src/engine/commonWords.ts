// Words of their own that are one letter away from a keyword: never read as its typo. « Maternelle » is not a
// misspelt « matériel », « serveurs » not « usagers », « prévisionnel » not « provision », « rentrées » not
// « entrées », « campagne » not « camp », « marque » not « masque », « amande » not « amende ». Fuzzy matching is
// for slips of the keyboard; a real word said for what it means must not change meaning (issue 11). Words are
// written as tokens are (lower case, accents folded).

const WORDS = [
  // Budget vocabulary: the document and its columns.
  "previsionnel", "previsionnels", "previsionnelle", "previsionnelles", "prevision", "previsions", "provisoire", "provisoires",
  "realise", "realises", "realisee", "realisees", "rentree", "rentrees", "rentre", "rentres",
  // Nouns of daily life, of a school, a club, a hosting association.
  "maternelle", "maternelles", "serveur", "serveurs", "campagne", "campagnes", "marque", "marques", "amande", "amandes",
  "parent", "patron", "patrons", "station", "stations", "vocation", "adherence", "reference", "references", "primaire", "primaires",
  "aliment", "aliments", "element", "elements", "interieur", "interieurs", "interieure", "interieures",
  // « Câbles » is no « cibles » (a parish's share paid to its union).
  "cable", "cables", "cibler",
  // A parish's words: « Communion solennelle » is no « commune ».
  "communion", "communions", "communiant", "communiants",
  // A stove is no cook.
  "cuisiniere", "cuisinieres",
];

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS);

/**
 * Fixed phrases whose meaning is not that of a keyword they hold: « Messages d'intérêt général » (a radio's public
 * service spots), « association d'intérêt public » earn or pay no interest. Written as keywords are (levers.ts).
 */
export const PHRASES_OF_THEIR_OWN: readonly string[] = [
  "interet* genera*", "interet* public*", "interet* collecti*", "interet* communautaire*", "interet* loca*",
  // A parish's retreat is an activity, not a pension (« Retraite spirituelle », « Retraite de confirmation »).
  "retraite* spirituelle*", "retraite* paroissiale*", "retraite* de confirmation", "retraite* de profession de foi", "retraite* des confirmands",
  // « Commune » said of a room or an action shared (« Salle commune », « Maison commune »), « État » of a record
  // (« État des lieux », « en l'état »): no public body.
  "salle* commune*", "maison* commune*", "piece* commune*", "cuisine* commune*", "partie* commune*", "action* commune*", "espace* commun*",
  "etat des lieux", "etat des stocks", "etat civil", "en l etat", "en bon etat", "en mauvais etat", "remise en etat", "remises en etat",
  // A document's title (« État des résultats », « État des recettes et des dépenses », « États financiers »): no State.
  "etat* des resultats", "etat* des recettes*", "etat* des depenses", "etat* financier*", "etat* des produits", "etat* des charges", "etat* de la situation financiere",
];
