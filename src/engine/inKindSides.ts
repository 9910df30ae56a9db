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
