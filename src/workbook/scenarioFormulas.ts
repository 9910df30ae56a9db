// A scenario's figures as formulas: the very formulas of the registry (figureFormulas.ts) over the mapping
// table, each selection plus what the scenario sheet's inputs change in it. A lever's change sits in a helper
// cell of the scenario sheet, one per section (and per destination for an expense): a selection adds the
// cells of the levers it counts, so a figure never restates which lines it sums.
import type { Selection } from "../engine/figures.ts";
import { LEVERS } from "../engine/levers.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Destination, Lang, LeverId, Section } from "../engine/types.ts";
import { FigureFormulas } from "./figureFormulas.ts";
import type { MappingRanges } from "./mappingSheet.ts";

/** The cells (sheet-qualified) that hold what a scenario adds to a lever's lines of one section (and destination). */
export type DeltaRefs = (lever: LeverId, section: Section, destination: Destination | null) => string[];

const FAMILY: Record<Section, "income" | "expense" | "in_kind"> = { income: "income", expense: "expense", in_kind_use: "in_kind", in_kind_resource: "in_kind" };

/** The levers whose lines a selection counts, as the mapping table's formulas classify them. */
export function leversOfSelection(s: Selection): LeverId[] {
  // Only expenses have a destination; only income (its nature) and 87 resources (neutral) have a nature.
  if (s.destination && s.section !== "expense") return [];
  const family = LEVERS.filter((l) => l.family === FAMILY[s.section] && (!s.levers || s.levers.includes(l.id)));
  if (!s.natures) return family.map((l) => l.id);
  if (s.section === "income") return family.filter((l) => l.nature !== null && s.natures!.includes(l.nature)).map((l) => l.id);
  if (s.section === "in_kind_resource") return s.natures.includes("neutral") ? family.map((l) => l.id) : [];
  return [];
}

export class ScenarioFigureFormulas extends FigureFormulas {
  constructor(
    R: MappingRanges,
    lang: Lang,
    scenarioRef: string,
    p: Record<keyof Parameters, string>,
    private readonly delta: DeltaRefs,
  ) {
    super(R, lang, scenarioRef, p);
  }

  override selection(s: Selection): string {
    const base = super.selection(s);
    const refs = leversOfSelection(s).flatMap((id) => this.delta(id, s.section, s.destination ?? null));
    return refs.length === 0 ? base : `(${base}+${refs.join("+")})`;
  }
}
