// Who pays: "the funder decides the nature, not the row" (docs/spec.md §2). One table of funder kinds.
import { compilePattern, KeywordIndex, type Token } from "./text.ts";

export type FunderKind = "public_body" | "foundation" | "company";

interface FunderTable {
  kind: FunderKind;
  patterns: string[];
}

const FUNDERS: FunderTable[] = [
  {
    kind: "public_body",
    patterns: [
      "etat", "ministere*", "prefecture*", "region*", "conseil regional", "departement*", "conseil departemental", "conseil general",
      "CD", "CG", "CR", "commune*", "mairie*", "ville", "villes", "municipalite*", "municipal*", "com com", "comcom", "communaute de communes",
      "communaute d agglomeration", "agglo*", "metropole*", "EPCI", "epci", "intercommunalite*", "collectivite*", "syndicat intercommunal",
      "CAF", "caf", "MSA", "CPAM", "CARSAT", "ARS", "DRAC", "DREAL", "DDETS", "DREETS", "ANCT", "ADEME", "ASP", "agence de l eau",
      "etablissement* public*", "etablissement* scolaire*", "ecole* publique*", "college*", "lycee*", "education nationale", "universite*",
      "hopital", "hopitaux", "CHU", "CCAS", "CIAS", "office public", "bailleur* social*", "pole emploi", "france travail", "organismes sociaux",
      "service* public*", "EHPAD public*", "centre hospitalier", "rectorat", "inspection academique", "parc naturel regional",
    ],
  },
  {
    kind: "foundation",
    // Other associations pay as private bodies (7551 contributions financières d'autres organismes).
    patterns: ["fondation*", "fonds de dotation", "aide* privee*", "fonds prive*", "association*", "asso", "assos", "autres organismes", "federation*", "federal*", "federaux", "fede", "fedes", "comite* des fetes",
      // The school world's own associations: parents' associations (APE, APEL…), the school cooperatives' and sports federations.
      "APE*", "FCPE", "PEEP", "OCCE", "USEP", "UFOLEP", "UNSS", "amicale*", "cooperative* scolaire*", "ligue*", "comite* departemental*",
      // « FFC », « FFDN »: a French federation (fédération française de …) by its acronym.
      "FF*", "mouvement associatif"],
  },
  { kind: "company", patterns: ["entreprise*", "societe*", "SA", "SARL", "SAS", "banque*", "credit agricole", "credit cooperatif", "credit mutuel", "caisse d epargne", "banque populaire", "mecene*", "EURL", "SCOP", "SCI", "ets", "etablissements", "groupe"] },
];

const INDEX = new KeywordIndex(FUNDERS.flatMap((f) => f.patterns.map((p) => ({ item: f.kind, pattern: compilePattern(p) }))));

export interface FunderMatch {
  kind: FunderKind;
  keyword: string;
  position: number;
}

/** The first funder the label names, if any. */
export function findFunder(tokens: readonly Token[]): FunderMatch | null {
  let best: FunderMatch | null = null;
  for (const m of INDEX.matchAll(tokens)) {
    if (!m.fuzzy && (!best || m.position < best.position)) best = { kind: m.item, keyword: m.pattern.source, position: m.position };
  }
  return best;
}
