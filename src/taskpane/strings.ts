// Words of the task pane, read from the dictionaries (src/engine/i18n, keys `pane.*`): French first, English
// when Office's display language is English. This file only gives the components short names for them.
import { DICTIONARIES, say, sayCount } from "../engine/i18n/index.ts";
import type { MessageId } from "../engine/i18n/index.ts";
import type { Lang } from "../engine/types.ts";

type PaneId = MessageId extends infer K ? (K extends `pane.${infer R}` ? R : never) : never;
/** The plain words: every `pane.x` id without a value to fill in. */
const PLAIN = [
  "appTitle", "subtitle", "open", "openAnother", "openHint", "reading", "reread", "steps", "stepDetected", "stepReview", "stepResults",
  "stepReport", "column", "warnings", "analyse", "filterLabel", "filterToCheck", "filterAll", "lever", "destination", "changeSection",
  "otherSectionLever", "keepSection", "inKindFamily", "selectCell", "seeResults", "model", "profile", "pillars", "mix", "rules", "value",
  "target", "gap", "parameters", "threshold", "tiersTarget", "fourTarget", "poolingTarget", "premiumTarget", "hours", "rate", "coefficient",
  "trajectory", "writeReport", "writing", "written", "goToReport", "download", "next", "back", "noBudget", "unexpected",
] as const satisfies readonly PaneId[];

export type Strings = Record<(typeof PLAIN)[number], string> & {
  budgetsFound: (n: number, sheets: string) => string;
  linesSummary: (lines: number, skipped: number) => string;
  toCheck: (n: number) => string;
  confidenceOf: (percent: string) => string;
  openFile: (file: string) => string;
  nationalAverage: (percent: string) => string;
  sheetWithLayout: (sheet: string, layout: string) => string;
  layout: (layout: string) => string;
};

function build(lang: Lang): Strings {
  const plain = Object.fromEntries(PLAIN.map((k) => [k, say(lang, `pane.${k}`)])) as Record<(typeof PLAIN)[number], string>;
  return {
    ...plain,
    budgetsFound: (n, sheets) => sayCount(lang, "pane.budgetsFound", n, { sheets }),
    linesSummary: (lines, skipped) => say(lang, "pane.linesSummary", { lines, skipped }),
    toCheck: (n) => sayCount(lang, "pane.toCheck", n),
    confidenceOf: (percent) => say(lang, "pane.confidenceOf", { percent }),
    openFile: (file) => say(lang, "pane.openFile", { file }),
    nationalAverage: (percent) => say(lang, "pane.nationalAverage", { percent }),
    sheetWithLayout: (sheet, layout) => say(lang, "pane.sheetWithLayout", { sheet, layout }),
    // A layout the dictionary does not name yet shows its id rather than nothing.
    layout: (layout) => (`pane.layout.${layout}` in DICTIONARIES[lang] ? say(lang, `pane.layout.${layout}` as MessageId) : layout),
  };
}

const BUILT: Partial<Record<Lang, Strings>> = {};

export function strings(lang: Lang): Strings {
  return (BUILT[lang] ??= build(lang));
}
