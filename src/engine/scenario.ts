// What-if scenarios (docs/spec.md §3c): a named set of changes to one amount column, applied to that column's
// classified lines, then analysed by the very function that analyses the column itself. A scenario never
// changes the user's cells: it works on copies of the lines.
import { analyze, type Analysis } from "./analyze.ts";
import { EquilibreError } from "./errors.ts";
import { lever as leverById, type Lever } from "./levers.ts";
import { formatEuros } from "./money.ts";
import type { Parameters } from "./parameters.ts";
import type { ClassifiedLine, Destination, LeverId, Section } from "./types.ts";

export type ScenarioChange =
  /** A lever's lines scaled by a percentage (−20 = a fifth less). */
  | { kind: "percent"; lever: LeverId; percent: number }
  /** Euros added to (or taken from) a lever, spread over its lines in proportion. */
  | { kind: "amount"; lever: LeverId; cents: number }
  /** Volunteer hours added, valued at the parameters' hourly rate × employer-charge coefficient. */
  | { kind: "volunteerHours"; hours: number }
  /** One expense line moved to the other destination; `line` is "Sheet!B12" (label or amount cell). */
  | { kind: "destination"; line: string; destination: Destination };

export interface Scenario {
  name: string;
  /** The amount column (an analysis's `scenario`); null: the first column of the budget. */
  column: string | null;
  changes: ScenarioChange[];
}

/** What the scenario run gives: the column as it is, the column with the changes, and the changed lines. */
export interface ScenarioRun {
  column: string;
  base: Analysis;
  analysis: Analysis;
  lines: ClassifiedLine[];
  parameters: Parameters;
}

const centsOf = (l: ClassifiedLine) => (l.amount.kind === "value" ? l.amount.cents : 0);

/** The value of `hours` volunteer hours, in cents, at the parameters' rate. */
export function hoursToCents(hours: number, params: Parameters): number {
  return Math.round(hours * params.volunteerHourlyRate * params.employerChargeCoefficient * 100);
}

/** The sections a lever's lines live in: in-kind levers have both sides, 86 (use) and 87 (resource), which mirror each other. */
function sectionsOf(l: Lever): Section[] {
  return l.family === "in_kind" ? ["in_kind_use", "in_kind_resource"] : [l.family];
}

/** A line the budget does not have yet, shaped from the lever table, for a euro change on a lever without lines. */
function syntheticLine(l: Lever, section: Section, cents: number, scenario: string, column: string | null): ClassifiedLine {
  const label = `Scénario : ${l.label.fr}`;
  const c = {
    section,
    lever: l.id,
    pillar: l.pillar,
    tags: [...l.tags],
    nature: section === "income" ? l.nature : section === "in_kind_resource" ? ("neutral" as const) : null,
    payer: section === "income" && l.nature === "activity" ? l.payer : null,
    destination: section === "expense" ? l.destination : null,
    confidence: 1,
    reason: "ajouté par le scénario",
    reasonEn: "added by the scenario",
  };
  return {
    id: `scenario:${l.id}:${section}`,
    sheet: "",
    cell: "",
    row: 0,
    amountCell: null,
    label,
    account: null,
    column,
    scenario,
    amount: { kind: "value", cents },
    context: {},
    ...c,
    corrected: false,
    automatic: c,
  };
}

const withCents = (l: ClassifiedLine, cents: number): ClassifiedLine => ({ ...l, amount: { kind: "value", cents } });

/**
 * Spreads `cents` over the lines in proportion to their amounts (largest remainder, so the parts add up to
 * the cent); lines that sum to zero share it equally.
 */
export function spread(amounts: readonly number[], cents: number): number[] {
  if (amounts.length === 0) return [];
  const total = amounts.reduce((s, a) => s + a, 0);
  const weights = total !== 0 ? amounts.map((a) => a / total) : amounts.map(() => 1 / amounts.length);
  const raw = weights.map((w) => w * cents);
  const parts = raw.map((r) => Math.trunc(r));
  let left = cents - parts.reduce((s, p) => s + p, 0);
  const order = raw.map((r, i) => ({ i, rest: Math.abs(r - Math.trunc(r)) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const step = Math.sign(left);
  for (let k = 0; left !== 0; k = (k + 1) % order.length) {
    parts[order[k]!.i]! += step;
    left -= step;
  }
  return parts;
}

function applyPercent(lines: ClassifiedLine[], leverId: LeverId, percent: number): ClassifiedLine[] {
  if (!(percent >= -100)) {
    throw new EquilibreError("scenario_invalid", {
      detail: `une baisse de ${-percent} % sur « ${leverById(leverId).label.fr} » rendrait son montant négatif (−100 % au plus)`,
      detailEn: `a ${-percent}% cut on “${leverById(leverId).label.en}” would make it negative (−100% at most)`,
    });
  }
  // Each line scaled and rounded to the cent, as a treasurer editing every cell by hand would get.
  return lines.map((l) => (l.lever === leverId && l.amount.kind === "value" ? withCents(l, Math.round((l.amount.cents * (100 + percent)) / 100)) : l));
}

function applyAmount(lines: ClassifiedLine[], leverId: LeverId, cents: number, scenario: string, column: string | null): ClassifiedLine[] {
  const l = leverById(leverId);
  let out = lines;
  for (const section of sectionsOf(l)) {
    const idx = out.flatMap((x, i) => (x.lever === leverId && x.section === section && x.amount.kind === "value" ? [i] : []));
    if (idx.length === 0) {
      if (cents < 0) throw overdraw(l, cents, 0);
      // An in-kind lever without lines gets both sides: 86 and 87 balance each other.
      out = [...out, syntheticLine(l, section, cents, scenario, column)];
      continue;
    }
    const amounts = idx.map((i) => centsOf(out[i]!));
    const total = amounts.reduce((s, a) => s + a, 0);
    if (total + cents < 0) throw overdraw(l, cents, total);
    const parts = spread(amounts, cents);
    out = out.slice();
    idx.forEach((i, k) => (out[i] = withCents(out[i]!, amounts[k]! + parts[k]!)));
  }
  return out;
}

function overdraw(l: Lever, cents: number, total: number): EquilibreError {
  return new EquilibreError("scenario_invalid", {
    detail: `la baisse de ${formatEuros(-cents, "fr")} sur « ${l.label.fr} » dépasse son montant (${formatEuros(total, "fr")})`,
    detailEn: `the ${formatEuros(-cents, "en")} cut on “${l.label.en}” is more than its amount (${formatEuros(total, "en")})`,
  });
}

/** True when the line is the one a change names: "Sheet!B12" by its label or amount cell, or its id. */
function isLine(l: ClassifiedLine, ref: string): boolean {
  const cut = ref.lastIndexOf("!");
  if (cut < 0) return l.id === ref;
  const sheet = ref.slice(0, cut).replace(/^'(.*)'$/, "$1");
  const cell = ref.slice(cut + 1).replace(/\$/g, "").toUpperCase();
  return l.sheet === sheet && (l.cell === cell || l.amountCell === cell);
}

function applyDestination(lines: ClassifiedLine[], ref: string, destination: Destination): ClassifiedLine[] {
  const found = lines.some((l) => l.section === "expense" && isLine(l, ref));
  if (!found) {
    throw new EquilibreError("scenario_invalid", {
      detail: `la ligne « ${ref} » n'est pas une charge de cette colonne (indiquez la feuille et la cellule, par exemple « Budget!B12 »)`,
      detailEn: `the line “${ref}” is not an expense of this column (give the sheet and the cell, e.g. “Budget!B12”)`,
    });
  }
  return lines.map((l) => (l.section === "expense" && isLine(l, ref) ? { ...l, destination } : l));
}

/** The column's lines with the changes applied, and the parameters the analysis uses (hours may add to them). */
export function applyChanges(
  lines: readonly ClassifiedLine[],
  changes: readonly ScenarioChange[],
  params: Parameters,
  scenario: string,
): { lines: ClassifiedLine[]; parameters: Parameters } {
  let out = [...lines];
  let parameters = params;
  const column = lines[0]?.column ?? null;
  for (const change of changes) {
    if (change.kind === "percent") out = applyPercent(out, change.lever, change.percent);
    else if (change.kind === "amount") out = applyAmount(out, change.lever, change.cents, scenario, column);
    else if (change.kind === "destination") out = applyDestination(out, change.line, change.destination);
    else if (recordsVolunteering(out)) out = applyAmount(out, "volunteering", hoursToCents(change.hours, params), scenario, column);
    // The column values volunteering from the parameters' hours (nothing in 86/87): the added hours join them,
    // so the base's hours are not replaced by the new ones.
    else if (parameters.volunteerHours > 0) parameters = { ...parameters, volunteerHours: parameters.volunteerHours + change.hours };
    else out = applyAmount(out, "volunteering", hoursToCents(change.hours, params), scenario, column);
  }
  return { lines: out.map((l) => (l.scenario === scenario ? l : { ...l, scenario })), parameters };
}

function recordsVolunteering(lines: readonly ClassifiedLine[]): boolean {
  return lines.some((l) => (l.lever === "volunteering" || l.lever === "skills_patronage") && l.section !== "expense" && l.section !== "income" && centsOf(l) > 0);
}

/** The lines of one column; throws `unknown_column` with the columns found when it has none. */
export function linesOfColumn(lines: readonly ClassifiedLine[], column: string | null): { column: string; lines: ClassifiedLine[] } {
  const columns = [...new Set(lines.map((l) => l.scenario))];
  const chosen = column ?? columns[0];
  if (chosen === undefined || !columns.includes(chosen)) {
    throw new EquilibreError("unknown_column", { column: column ?? "", columns: columns.map((s) => `« ${s} »`).join(", ") });
  }
  return { column: chosen, lines: lines.filter((l) => l.scenario === chosen) };
}

/** Analyses one column as it is and with the scenario's changes, by the same analysis function. */
export function runScenario(allLines: readonly ClassifiedLine[], scenario: Scenario, params: Parameters): ScenarioRun {
  const { column, lines } = linesOfColumn(allLines, scenario.column);
  const base = analyze(lines, params)[0]!;
  const changed = applyChanges(lines, scenario.changes, params, column);
  const analysis = analyze(changed.lines, changed.parameters)[0]!;
  return { column, base, analysis, lines: changed.lines, parameters: changed.parameters };
}
