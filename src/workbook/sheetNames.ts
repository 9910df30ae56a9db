// Sheet names for Équilibre's sheets: its own are replaced on a re-run; a user's sheet of the same name
// is never overwritten ("Équilibre (2)"); formulas that name a renamed sheet are rewritten.
import { say } from "../engine/i18n/index.ts";
import type { Lang } from "../engine/types.ts";
import type { ReportPlan } from "./plan.ts";

const FORBIDDEN = /[[\]:*?/\\]/g;

/** Final sheet names: Équilibre's own sheets are replaced; a user's sheet of the same name is never overwritten. */
export function resolveSheetNames(existing: readonly string[], own: readonly string[], wanted: readonly string[]): Map<string, string> {
  const taken = new Set(existing.filter((n) => !own.includes(n)).map((n) => n.toLowerCase()));
  const out = new Map<string, string>();
  for (const w of wanted) {
    const base = w.replace(FORBIDDEN, "-").slice(0, 31);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    out.set(w, name);
  }
  return out;
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'!`;

/**
 * The plan with its sheet names (and every formula and list source that names them) renamed. Chart ranges
 * name no sheet: hosts place them on the chart's own sheet. Nothing to rename: the plan as it is.
 */
export function renameSheets(plan: ReportPlan, names: Map<string, string>): ReportPlan {
  if ([...names].every(([from, to]) => from === to)) return plan;
  const swap = (text: string) => {
    let out = text;
    for (const [from, to] of names) if (from !== to) out = out.split(quoted(from)).join(quoted(to));
    return out;
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: names.get(s.name) ?? s.name,
      cells: s.cells.map((c) => (c.formula ? { ...c, formula: swap(c.formula) } : c)),
      validations: s.validations.map((v) => ({ ...v, listSource: swap(v.listSource) })),
    })),
    ...(plan.names ? { names: plan.names.map((n) => ({ ...n, ref: swap(n.ref) })) } : {}),
    state: {
      ...plan.state,
      reportSheet: names.get(plan.state.reportSheet) ?? plan.state.reportSheet,
      mappingSheet: names.get(plan.state.mappingSheet) ?? plan.state.mappingSheet,
      leversSheet: names.get(plan.state.leversSheet) ?? plan.state.leversSheet,
    },
  };
}


/**
 * What the user is told when a sheet or a table of theirs kept its name and Équilibre's took another, in the
 * plan's language (both hosts say the same).
 */
export function renameWarnings(sheets: Iterable<readonly [string, string]>, tables: Iterable<readonly [string, string]>, lang: Lang): string[] {
  const out: string[] = [];
  for (const [from, to] of sheets) if (from !== to) out.push(say(lang, "write.sheetRenamed", { from, to }));
  for (const [from, to] of tables) if (from !== to) out.push(say(lang, "write.tableRenamed", { from, to }));
  return out;
}
