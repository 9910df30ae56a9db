// A one-sided list of contributions in kind: treasurers often list only the valuations (« Heures bénévolat »,
// « Loyer équivalent », « Mi-temps X mis à disposition ») under a heading that names no side, after the charges.
// What they list is what the association received: the resources side (87), whose use (86) mirrors it
// (docs/spec.md §2, §3b: the in-kind is counted once, on the 87 side).
import { accountSection, leadingAccount, normalizeAccount, RECOGNISED_CONFIDENCE } from "./classify.ts";
import type { BudgetLine, Classification } from "./types.ts";

const REASON = {
  fr: "contributions en nature listées sans leur emploi : lues côté ressources (87), l'emploi (86) en est le miroir",
  en: "in-kind contributions listed without their use: read on the resources side (87), the use (86) mirrors it",
};

/** True when nothing but the label put the line on the use side (no 86 account, chapter or block). */
function useSideFromLabelOnly(line: BudgetLine): boolean {
  if (line.context.sectionHint === "in_kind_use") return false;
  const account = normalizeAccount(line.account) ?? normalizeAccount(leadingAccount(line.label)) ?? normalizeAccount(leadingAccount(line.context.chapter));
  return accountSection(account) !== "in_kind_use";
}

/**
 * The classifications of a budget's lines, with a one-sided in-kind list moved to the resources side: when no line
 * is an 87 resource, the in-kind lines that only their label put on the use side (86) are read as resources.
 * A budget that lists both sides, or whose 86 lines carry their account or block, is left as it is.
 */
export function resourceSideForOneSidedInKind(lines: readonly BudgetLine[], classes: readonly Classification[]): Classification[] {
  if (classes.some((c) => c.section === "in_kind_resource")) return [...classes];
  return classes.map((c, i) =>
    c.section === "in_kind_use" && useSideFromLabelOnly(lines[i]!)
      ? { ...c, section: "in_kind_resource", nature: "neutral", destination: null, reason: `${c.reason} ; ${REASON.fr}`, reasonEn: `${c.reasonEn}; ${REASON.en}` }
      : c,
  );
}

const BLOCKMATE_REASON = {
  fr: "dans un bloc de contributions en nature",
  en: "in a block of in-kind contributions",
};

/**
 * Lines that nothing read, in a block of contributions in kind (« Mi-temps Florian Vasseur » beside « Heures
 * bénévolat » and « Loyer équivalent », under « Déclarations obligatoires »): read as the block's kind when the
 * in-kind levers recognise them (someone else's employee is skills patronage). A block is in kind when at least
 * two of its rows, and half of them, are.
 */
export function inKindBlockmates(
  lines: readonly BudgetLine[],
  classes: readonly Classification[],
  reclassify: (line: BudgetLine, side: "in_kind_use" | "in_kind_resource") => Classification,
): Classification[] {
  const blocks = new Map<string, { rows: Set<number>; inKind: Set<number>; resource: boolean }>();
  const keyOf = (l: BudgetLine) => (l.context.heading ? `${l.sheet}\u241f${l.context.heading}` : null);
  lines.forEach((l, i) => {
    const key = keyOf(l);
    if (!key) return;
    const b = blocks.get(key) ?? { rows: new Set<number>(), inKind: new Set<number>(), resource: false };
    blocks.set(key, b);
    b.rows.add(l.row);
    const s = classes[i]!.section;
    if (s === "in_kind_use" || s === "in_kind_resource") b.inKind.add(l.row);
    if (s === "in_kind_resource") b.resource = true;
  });
  return classes.map((c, i) => {
    const line = lines[i]!;
    const key = keyOf(line);
    const b = key ? blocks.get(key) : undefined;
    if (!b || b.inKind.size < 2 || b.inKind.size * 2 < b.rows.size) return c;
    if ((c.section !== "income" && c.section !== "expense") || c.confidence >= RECOGNISED_CONFIDENCE || line.account !== null) return c;
    const again = reclassify(line, b.resource ? "in_kind_resource" : "in_kind_use");
    if (again.confidence < RECOGNISED_CONFIDENCE) return c;
    return { ...again, reason: `${again.reason} ; ${BLOCKMATE_REASON.fr}`, reasonEn: `${again.reasonEn}; ${BLOCKMATE_REASON.en}` };
  });
}

/** An in-kind heading that says its side: « Emplois des contributions volontaires », « 87 - … », « (ressources) ». */
const NAMES_IN_KIND_SIDE = /\b(emplois?|ressources?|charges?|produits?|depenses?|recettes?|recus?|recues?|utilisations?|86\d*|87\d*)\b/;

const MIRROR_REASON = {
  use: { fr: "deux blocs « {h} » sans côté dit : le premier lu comme emplois (86), à vérifier", en: "two blocks “{h}” with no side said: the first read as uses (86), to check" },
  resource: { fr: "deux blocs « {h} » sans côté dit : le second lu comme ressources (87), à vérifier", en: "two blocks “{h}” with no side said: the second read as resources (87), to check" },
};
const MIRROR_REASON_BY_AMOUNT = {
  use: { fr: "le même montant en nature deux fois, sans côté dit : le premier lu comme emploi (86), à vérifier", en: "the same in-kind amount twice, with no side said: the first read as a use (86), to check" },
  resource: { fr: "le même montant en nature deux fois, sans côté dit : le second lu comme ressource (87), à vérifier", en: "the same in-kind amount twice, with no side said: the second read as a resource (87), to check" },
};

/**
 * Two blocks under one in-kind heading that names no side (« Contributions volontaires » twice, after the produits):
 * a treasurer's mirror of the in-kind, its use (86) then its resource (87), as the Cerfa orders them. Read as both
 * resources they would count the in-kind twice; the first is read as the use, and both are asked (docs/spec.md §2).
 */
export function mirroredInKindBlocks(lines: readonly BudgetLine[], classes: readonly Classification[]): Classification[] {
  const runs = new Map<string, number[][]>();
  lines.forEach((l, i) => {
    const heading = l.context.heading ?? "";
    if (classes[i]!.section !== "in_kind_resource") return;
    // Under a side-less in-kind heading, or among the produits by its label alone (« + Bénévolat » after the total).
    const byHeading = l.context.sectionHint === "in_kind_resource" && heading !== "" && !NAMES_IN_KIND_SIDE.test(heading.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase());
    if (!byHeading && l.context.sectionHint !== "income") return;
    if (normalizeAccount(l.account) ?? normalizeAccount(leadingAccount(l.label)) ?? normalizeAccount(leadingAccount(l.context.chapter))) return;
    const key = `${byHeading ? "h" : "l"}\u241f${l.sheet}\u241f${heading}\u241f${l.scenario}\u241f${l.column ?? ""}`;
    const list = runs.get(key) ?? [];
    runs.set(key, list);
    const last = list[list.length - 1];
    // A block's lines follow one another; a second block under the same heading starts after its own heading row.
    if (last && l.row - lines[last[last.length - 1]!]!.row <= 1) last.push(i);
    else list.push([i]);
  });
  const out = [...classes];
  const sum = (run: number[]) => run.reduce((t, i) => t + (lines[i]!.amount.kind === "value" ? lines[i]!.amount.cents : 0), 0);
  for (const [key, list] of runs) {
    if (list.length < 2) continue;
    // Moved in kind by their labels alone, two runs are a mirror only when they weigh the same (86 = 87).
    if (key.startsWith("l") && (list.length !== 2 || sum(list[0]!) !== sum(list[1]!))) continue;
    list.forEach((run, n) => {
      for (const i of run) {
        const c = out[i]!;
        const reasons = key.startsWith("h") ? MIRROR_REASON : MIRROR_REASON_BY_AMOUNT;
        const why = n === 0 ? reasons.use : reasons.resource;
        const h = lines[i]!.context.heading ?? "";
        out[i] = {
          ...c,
          section: n === 0 ? "in_kind_use" : "in_kind_resource",
          nature: n === 0 ? null : c.nature,
          confidence: Math.min(c.confidence, 0.55),
          reason: `${c.reason} ; ${why.fr.replace("{h}", h)}`,
          reasonEn: `${c.reasonEn}; ${why.en.replace("{h}", h)}`,
        };
      }
    });
  }
  return out;
}
