// A one-sided list of contributions in kind: treasurers often list only the valuations (« Heures bénévolat »,
// « Loyer équivalent », « Mi-temps X mis à disposition ») under a heading that names no side, after the charges.
// What they list is what the association received: the resources side (87), whose use (86) mirrors it
// (docs/spec.md §2, §3b: the in-kind is counted once, on the 87 side).
import { accountSection, leadingAccount, normalizeAccount } from "./classify.ts";
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
