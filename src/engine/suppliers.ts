// Suppliers an association pays, named alone among the charges (« Scaleway », « MAIF », « Legalstart », « EDF »):
// what they sell says the kind of charge when the label says nothing else. One table, read by the classifier only
// for charges with no keyword (among the produits, a company's name is a payer: funders.ts). Names are matched as
// whole words, never as a typo; a reading from a name alone is asked (classify.ts).
import { compilePattern, KeywordIndex, type Token } from "./text.ts";
import type { LeverId } from "./types.ts";

interface SupplierKind {
  lever: LeverId;
  /**
   * True when every name of the kind sells one thing only (a host, an insurer, a legal service, energy): the name then
   * says the kind of charge as surely as a keyword. Shops, telecoms and carriers sell many things, or share a common word.
   */
  oneTrade?: boolean;
  what: { fr: string; en: string };
  names: string[];
}

const SUPPLIERS: SupplierKind[] = [
  {
    // Servers are rented (613): the hosting of a site or a service.
    lever: "external_services",
    oneTrade: true,
    what: { fr: "un hébergeur de serveurs", en: "a server host" },
    names: [
      "scaleway", "ovh", "ovhcloud", "gandi", "pulseheberg", "pulse heberg", "infomaniak", "hetzner", "o2switch", "digitalocean", "digital ocean",
      "ionos", "1and1", "alwaysdata", "amazon web services", "aws", "heroku", "netlify", "linode", "vultr", "kimsufi", "soyoustart", "lws",
      "hostinger", "planethoster", "online net", "vps", "serveur", "serveurs",
    ],
  },
  {
    lever: "external_services",
    oneTrade: true,
    what: { fr: "un assureur", en: "an insurer" },
    names: ["maif", "macif", "mma", "matmut", "groupama", "allianz", "generali", "axa", "smacl", "maaf", "gmf", "mae", "hiscox", "mutuelle saint christophe", "ami 3f"],
  },
  {
    lever: "other_external_services",
    oneTrade: true,
    what: { fr: "un service de formalités juridiques", en: "a legal formalities service" },
    names: ["legalstart", "legalplace", "captain contrat", "infogreffe", "joafe", "journal officiel"],
  },
  {
    lever: "other_external_services",
    what: { fr: "un opérateur de télécoms ou de courrier", en: "a telecoms or mail operator" },
    names: ["orange", "sfr", "bouygues telecom", "sosh", "free mobile", "freebox", "colissimo", "chronopost", "mondial relay", "vistaprint", "exaprint", "helloprint", "pixartprinting"],
  },
  {
    lever: "other_external_services",
    what: { fr: "un transporteur", en: "a carrier" },
    names: ["sncf", "ouigo", "tgv", "ter", "blablacar", "ratp", "air france", "easyjet", "ryanair", "flixbus", "uber", "taxi"],
  },
  {
    // Energy and water are purchases (606), as are what shops sell.
    lever: "purchases",
    oneTrade: true,
    what: { fr: "un fournisseur d'énergie ou d'eau", en: "an energy or water supplier" },
    names: ["edf", "engie", "enercoop", "grdf", "totalenergies", "ekwateur", "veolia", "saur"],
  },
  {
    lever: "purchases",
    what: { fr: "un magasin", en: "a shop" },
    names: [
      "intermarche", "carrefour", "leclerc", "auchan", "lidl", "aldi", "super u", "hyper u", "systeme u", "monoprix", "franprix", "biocoop", "ikea",
      "leroy merlin", "castorama", "brico depot", "bricomarche", "decathlon", "amazon", "cdiscount", "fnac", "darty", "boulanger", "gifi", "la foir fouille",
      "metro cash", "promocash", "picard", "geant",
    ],
  },
];

const INDEX = new KeywordIndex(SUPPLIERS.flatMap((kind) => kind.names.map((n) => ({ item: { kind, name: n }, pattern: compilePattern(n) }))));

/** The kind of supplier the label names (exactly, never as a typo), or null. */
export function supplierIn(tokens: readonly Token[]): { lever: LeverId; what: { fr: string; en: string }; name: string; oneTrade: boolean } | null {
  const m = INDEX.matchAll(tokens).find((x) => !x.fuzzy);
  return m ? { lever: m.item.kind.lever, what: m.item.kind.what, oneTrade: m.item.kind.oneTrade === true, name: tokens.slice(m.position, m.position + m.length).map((t) => t.raw).join(" ") } : null;
}
