// Compiles the registry of figures (src/engine/figures.ts) to spreadsheet formulas over the mapping table:
// an amount becomes SUMIFS, a rule's sentence becomes a text formula that gives the engine's very characters
// (numbers grouped by hand, since TEXT's format codes read differently in each locale). The report lays these
// formulas out; it never restates which lines a figure sums.
import {
  groupedInteger,
  type AmountDef,
  type Placeholder,
  type RuleDef,
  type Selection,
} from "../engine/figures.ts";
import { LEVERS, lever as leverById } from "../engine/levers.ts";
import { NATURE_NAMES, STATUS_NAMES } from "../engine/labels.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Lang, LeverId, Section } from "../engine/types.ts";
import type { MappingRanges } from "./mappingSheet.ts";
import { destinationShort, MAP_COL, sectionShort } from "./reportText.ts";

/** A text literal in a formula. */
export const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
/**
 * A SUMIFS criterion that matches the text of `ref` exactly. A bare cell as criterion is read as one: a column
 * header such as "=HYPERLINK(…)", "<2025" or "Budget 2025*" would compare or match a pattern and sum nothing.
 */
export const exactly = (ref: string) => `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;

const familyOfSection = (s: Section) => (s === "income" ? "income" : s === "expense" ? "expense" : "in_kind");
const allLeversOf = (s: Section): LeverId[] => LEVERS.filter((l) => l.family === familyOfSection(s)).map((l) => l.id);

/** The formulas of one scenario's figures, given the cell that holds its name and the parameters' cells. */
export class FigureFormulas {
  constructor(
    private readonly R: MappingRanges,
    readonly lang: Lang,
    private readonly scenarioRef: string,
    readonly p: Record<keyof Parameters, string>,
  ) {}

  private sumifs(conds: [string, string][]): string {
    const parts = conds.map(([col, crit]) => `,${this.R.col(col)},${crit}`).join("");
    return `SUMIFS(${this.R.col(MAP_COL.amount)},${this.R.col(MAP_COL.scenario)},${exactly(this.scenarioRef)}${parts})`;
  }

  /** SUMIFS cannot say "any of": one SUMIFS per lever × nature, added up. */
  selection(s: Selection): string {
    const base: [string, string] = [MAP_COL.section, q(sectionShort(s.section, this.lang))];
    const dest: [string, string][] = s.destination ? [[MAP_COL.destination, q(destinationShort(s.destination, this.lang))]] : [];
    const all = allLeversOf(s.section);
    const levers = s.levers && !all.every((id) => s.levers!.includes(id)) ? s.levers : [null];
    const natures = s.natures ?? [null];
    const terms: string[] = [];
    for (const l of levers)
      for (const n of natures)
        terms.push(
          this.sumifs([
            base,
            ...(l ? ([[MAP_COL.lever, q(leverById(l).label[this.lang])]] as [string, string][]) : []),
            ...(n ? ([[MAP_COL.nature, q(NATURE_NAMES[n][this.lang])]] as [string, string][]) : []),
            ...dest,
          ]),
        );
    return terms.length === 1 ? terms[0]! : `(${terms.join("+")})`;
  }

  amount(def: AmountDef): string {
    if (def.kind === "sum") return def.of.length === 1 ? this.selection(def.of[0]!) : `(${def.of.map((s) => this.selection(s)).join("+")})`;
    // The 87 side, else the 86 side: the engine's rule for an in-kind contribution counted once.
    const resource = this.selection({ section: "in_kind_resource", levers: def.levers });
    const use = this.selection({ section: "in_kind_use", levers: def.levers });
    return `IF(${resource}<>0,${resource},${use})`;
  }

  /** A rule's recorded numerator (before any valuation from hours). */
  recorded(r: RuleDef): string {
    const terms = r.numerator.map((t) => this.amount(t));
    return terms.length === 1 ? terms[0]! : `(${terms.join("+")})`;
  }

  /** Volunteer hours × rate × coefficient, in euros. */
  fromHours(): string {
    return `ROUND(${this.p.volunteerHours}*${this.p.volunteerHourlyRate}*${this.p.employerChargeCoefficient},2)`;
  }

  /** The numerator, given the cell holding the recorded amount. */
  numerator(r: RuleDef, recordedRef: string): string {
    if (!r.valuedFromHours) return recordedRef;
    return `IF(AND(${recordedRef}<=0,${this.fromHours()}>0),${this.fromHours()},${recordedRef})`;
  }

  value(numRef: string, denRef: string): string {
    return `IF(${denRef}<=0,"",${numRef}/${denRef})`;
  }

  gap(r: RuleDef, numRef: string, denRef: string): string {
    const t = this.p[r.target];
    if (r.gap === "onTop") return `IF(${t}>=1,0,(${denRef}-${numRef})*${t}/(1-${t}))-${numRef}`;
    return `${denRef}*${t}-${numRef}`;
  }

  status(valueRef: string, targetRef: string): string {
    const L = this.lang;
    return `IF(${valueRef}="","—",IF(${valueRef}>=${targetRef}-0.000000001,${q(STATUS_NAMES.reached[L])},IF(${valueRef}>=${targetRef}*(1-${this.p.closeFraction}),${q(STATUS_NAMES.close[L])},${q(STATUS_NAMES.below[L])})))`;
  }

  // ───── numbers as text, the same characters as figures.ts ─────

  /** A whole number (an expression ≥ 0, already rounded) grouped by three. */
  grouped(n: string): string {
    const sep = q(groupedInteger(1000, this.lang).charAt(1));
    const g = (div: string) => `TEXT(MOD(INT(${n}/${div}),1000),"000")`;
    return `IF(${n}<1000,${n}&"",IF(${n}<1000000,INT(${n}/1000)&${sep}&TEXT(MOD(${n},1000),"000"),IF(${n}<1000000000,INT(${n}/1000000)&${sep}&${g("1000")}&${sep}&TEXT(MOD(${n},1000),"000"),INT(${n}/1000000000)&${sep}&${g("1000000")}&${sep}&${g("1000")}&${sep}&TEXT(MOD(${n},1000),"000"))))`;
  }
  euros(x: string): string {
    const n = this.grouped(`ROUND(ABS(${x}),0)`);
    return this.lang === "fr" ? `${n}&"\u00a0€"` : `"€"&${n}`;
  }
  eurosCents(x: string): string {
    const c = `ROUND(ABS(${x})*100,0)`;
    const whole = this.grouped(`INT(${c}/100)`);
    const frac = `TEXT(MOD(${c},100),"00")`;
    return this.lang === "fr" ? `${whole}&","&${frac}&"\u00a0€"` : `"€"&${whole}&"."&${frac}`;
  }
  percent(x: string): string {
    return `ROUND(${x}*100,0)&${q(this.lang === "fr" ? "\u00a0%" : "%")}`;
  }

  /** A template with {placeholders} as a text formula. */
  template(text: string, values: Readonly<Record<string, string | undefined>>): string {
    const parts = text.split(/(\{\w+\})/).filter((s) => s !== "");
    return parts.map((s) => (/^\{\w+\}$/.test(s) ? `(${values[s.slice(1, -1)] ?? q(s)})` : q(s))).join("&");
  }

  /** Each placeholder's text as a formula, from the cells of the rule's row. */
  placeholders(c: RuleCells): Record<Placeholder, string> {
    const hourly = `${this.p.volunteerHourlyRate}*${this.p.employerChargeCoefficient}`;
    return {
      value: `IF(${c.value}="",${q(this.lang === "fr" ? "0\u00a0%" : "0%")},${this.percent(c.value)})`,
      target: this.percent(c.target),
      gap: this.euros(c.gap),
      amount: this.euros(c.numerator),
      need: this.euros(`${c.denominator}*${c.target}`),
      hours: this.grouped(`IF(${hourly}>0,ROUNDUP(MAX(0,ROUND(${c.gap},2))/(${hourly}),0),0)`),
      rate: this.eurosCents(this.p.volunteerHourlyRate),
      volunteerHours: this.grouped(`ROUND(${this.p.volunteerHours},0)`),
    };
  }

  /** The "{source}" part, from the placeholder cells. */
  source(r: RuleDef, c: RuleCells, texts: Record<string, string>): string {
    const s = r.sentences.source!;
    return `IF(AND(${c.recorded}<=0,${this.fromHours()}>0),${this.template(s.fromHours[this.lang], texts)},${this.template(s.recorded[this.lang], texts)})`;
  }

  /**
   * A rule's sentence, from the cells of its row (value, target, gap, numerator, status) and the cells that
   * hold each placeholder's text: the same choice of sentence as the engine's sentenceKind.
   */
  sentence(r: RuleDef, c: RuleCells, texts: Record<string, string>): string {
    const L = this.lang;
    const s = r.sentences;
    const reached = s.reachedFar
      ? `${this.template(s.reached[L], texts)}&IF(${c.value}-${c.target}>${s.reachedFar.margin},${q(s.reachedFar.text[L])},"")`
      : this.template(s.reached[L], texts);
    const measured = `IF(${c.status}=${q(STATUS_NAMES.reached[L])},${reached},${this.template(s.below[L], texts)})`;
    const withEmpty = s.empty ? `IF(${c.numerator}<=0,${this.template(s.empty[L], texts)},${measured})` : measured;
    return `IF(${c.value}="",${q(s.unmeasured[L])},${withEmpty})`;
  }
}

/** The cells of one rule's row the sentence reads. */
export interface RuleCells {
  value: string;
  target: string;
  gap: string;
  numerator: string;
  denominator: string;
  status: string;
  recorded: string;
}
