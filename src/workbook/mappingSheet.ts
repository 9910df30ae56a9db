// The mapping table (one row per line, two columns the user may fill) and the levers reference table.
// Effective lever, section, pillar, nature and destination are formulas, so a correction typed in Excel
// flows into the report even without the add-in.
import { say } from "../engine/i18n/index.ts";
import { LEVERS } from "../engine/levers.ts";
import { NATURE_NAMES, PILLAR_NAMES } from "../engine/labels.ts";
import { centsToEuros } from "../engine/money.ts";
import type { ClassifiedLine, Lang } from "../engine/types.ts";
import type { PlannedCell, PlannedSheet } from "./plan.ts";
import {
  destinationShort,
  familyShort,
  LEVERS_HEADERS,
  LEVERS_TABLE_NAME,
  MAP_COL,
  MAPPING_FIRST_ROW,
  MAPPING_HEADER_ROW,
  MAPPING_HEADERS,
  MAPPING_SCHEMA_VERSION,
  MAPPING_TABLE_NAME,
  MAPPING_VERSION_ROW,
  MAPPING_VERSION_TEXT,
  sectionShort,
  type SheetNames,
} from "./reportText.ts";

/** "'Équilibre – lignes'!" — a sheet name quoted for a formula. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/**
 * A formula cell of the lines table whose formula is made from its row when it is read, not kept: the five formulas
 * of a line are about 2 KB of text (2 GB for a million-line ledger), and the file writer reads only the first of each
 * column, which the others share.
 */
class RowFormulaCell implements PlannedCell {
  readonly ref: string;
  readonly expected: string;
  readonly rowFormula: string;
  readonly #row: number;
  readonly #make: (row: number) => string;
  constructor(ref: string, row: number, rowFormula: string, make: (row: number) => string, expected: string) {
    this.ref = ref;
    this.expected = expected;
    this.rowFormula = rowFormula;
    this.#row = row;
    this.#make = make;
  }
  get formula(): string {
    return this.#make(this.#row);
  }
}

export interface MappingRanges {
  /** Absolute range of one mapping column over the data rows, with its sheet: "'…'!$H$5:$H$52". */
  col(letter: string): string;
  leversCol(letter: string): string;
  firstRow: number;
  lastRow: number;
}

export function mappingRanges(names: SheetNames, lineCount: number): MappingRanges {
  const first = MAPPING_FIRST_ROW;
  const last = MAPPING_FIRST_ROW + Math.max(lineCount, 1) - 1;
  const leversLast = 1 + LEVERS.length;
  return {
    col: (c) => `${sheetRef(names.mapping)}$${c}$${first}:$${c}$${last}`,
    leversCol: (c) => `${sheetRef(names.levers)}$${c}$2:$${c}$${leversLast}`,
    firstRow: first,
    lastRow: last,
  };
}

export function buildLeversSheet(names: SheetNames, lang: Lang): PlannedSheet {
  const cells: PlannedCell[] = LEVERS_HEADERS[lang].map((h, i) => ({ ref: `${String.fromCharCode(65 + i)}1`, value: h, style: "tableHeader" }));
  LEVERS.forEach((l, i) => {
    const r = i + 2;
    cells.push(
      { ref: `A${r}`, value: l.label[lang] },
      { ref: `B${r}`, value: [...new Set([...l.accounts, ...(l.accountsCrc99 ?? []), ...(l.accountsAnc2018 ?? [])])].join(", ") },
      { ref: `C${r}`, value: familyShort(l.family, lang) },
      { ref: `D${r}`, value: PILLAR_NAMES[l.pillar][lang] },
      { ref: `E${r}`, value: l.family === "income" && l.nature ? NATURE_NAMES[l.nature][lang] : "" },
      { ref: `F${r}`, value: l.destination ? destinationShort(l.destination, lang) : "" },
    );
  });
  return {
    name: names.levers,
    role: "levers",
    cells,
    columnWidths: { 1: 44, 2: 24, 3: 16, 4: 26, 5: 40, 6: 22 },
    merges: [],
    tables: [{ name: LEVERS_TABLE_NAME, ref: `A1:F${LEVERS.length + 1}`, columns: [...LEVERS_HEADERS[lang]] }],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, cols: 0 },
    tabColor: "A6A6A6",
  };
}

export function buildMappingSheet(names: SheetNames, lines: readonly ClassifiedLine[], lang: Lang): PlannedSheet {
  const ranges = mappingRanges(names, lines.length);
  const headers = MAPPING_HEADERS[lang];
  const cells: PlannedCell[] = [
    { ref: "A1", value: say(lang, "mapping.title"), style: "title" },
    { ref: "A2", value: say(lang, "mapping.note"), style: "note" },
    // The layout's version, read back before the corrections (corrections.ts): a newer table is never misread.
    { ref: `A${MAPPING_VERSION_ROW}`, value: `${MAPPING_VERSION_TEXT[lang]}${MAPPING_SCHEMA_VERSION}`, style: "note" },
  ];
  headers.forEach((h, i) => cells.push({ ref: `${String.fromCharCode(65 + i)}${MAPPING_HEADER_ROW}`, value: h, style: "tableHeader" }));
  const leverName = ranges.leversCol("A");
  const lookup = (col: string, leverCell: string) => `INDEX(${ranges.leversCol(col)},MATCH(${leverCell},${leverName},0))`;
  const incomeWord = sectionShort("income", lang);
  const expenseWord = sectionShort("expense", lang);
  const useWord = sectionShort("in_kind_use", lang);
  const resourceWord = sectionShort("in_kind_resource", lang);
  const inKindFamily = familyShort("in_kind", lang);
  const neutral = NATURE_NAMES.neutral[lang];
  // The effective columns' formulas, by row. Each is the row above's one row lower (rowFormula): the file writer
  // shares them without comparing.
  const formulas = {
    lever: (r: number) => {
      const corrected = `${MAP_COL.correctedLever}${r}`;
      // The typed lever, trimmed and matched as text (not as a wildcard pattern: "Subv*" is no lever), gives the
      // lever's own label, as the engine reads the correction back.
      const typed = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${corrected}),"~","~~"),"*","~*"),"?","~?")`;
      return `IF(AND(${corrected}<>"",ISNUMBER(MATCH(${typed},${leverName},0))),INDEX(${leverName},MATCH(${typed},${leverName},0)),${MAP_COL.autoLever}${r})`;
    },
    section: (r: number) => {
      const family = lookup("C", `${MAP_COL.lever}${r}`);
      const autoSection = `${MAP_COL.autoSection}${r}`;
      return `IF(${family}="${inKindFamily}",IF(OR(${autoSection}="${incomeWord}",${autoSection}="${resourceWord}"),"${resourceWord}","${useWord}"),${family})`;
    },
    pillar: (r: number) => lookup("D", `${MAP_COL.lever}${r}`),
    nature: (r: number) => {
      const sectionCell = `${MAP_COL.section}${r}`;
      return `IF(${sectionCell}="${incomeWord}",${lookup("E", `${MAP_COL.lever}${r}`)},IF(${sectionCell}="${resourceWord}","${neutral}",""))`;
    },
    destination: (r: number) => {
      const corrected = `${MAP_COL.correctedDestination}${r}`;
      const autoSection = `${MAP_COL.autoSection}${r}`;
      return `IF(${MAP_COL.section}${r}="${expenseWord}",IF(${corrected}<>"",${corrected},IF(${autoSection}="${expenseWord}",${MAP_COL.autoDestination}${r},${lookup("F", `${MAP_COL.lever}${r}`)})),"")`;
    },
  };
  // The words of a few sections and destinations, asked several times a line: looked up once each.
  const sectionWords = new Map<ClassifiedLine["section"], string>();
  const sectionOf = (s: ClassifiedLine["section"]) => sectionWords.get(s) ?? sectionWords.set(s, sectionShort(s, lang)).get(s)!;
  const destinationWords = new Map<NonNullable<ClassifiedLine["destination"]>, string>();
  const destinationOf = (d: NonNullable<ClassifiedLine["destination"]>) => destinationWords.get(d) ?? destinationWords.set(d, destinationShort(d, lang)).get(d)!;
  lines.forEach((l, i) => {
    const r = MAPPING_FIRST_ROW + i;
    const c = (col: string) => `${col}${r}`;
    const amount = l.amount.kind === "value" ? centsToEuros(l.amount.cents) : null;
    const auto = l.automatic;
    cells.push(
      { ref: c(MAP_COL.sheet), value: l.sheet },
      { ref: c(MAP_COL.cell), value: l.amountCell ?? l.cell },
      { ref: c(MAP_COL.label), value: l.label },
      { ref: c(MAP_COL.account), value: l.account ?? "" },
      { ref: c(MAP_COL.column), value: l.column ?? "" },
      { ref: c(MAP_COL.scenario), value: l.scenario },
      { ref: c(MAP_COL.autoSection), value: sectionOf(auto.section) },
      { ref: c(MAP_COL.amount), value: amount, style: "money" },
      { ref: c(MAP_COL.autoLever), value: leverLabel(auto.lever, lang) },
      { ref: c(MAP_COL.autoPillar), value: PILLAR_NAMES[auto.pillar][lang] },
      { ref: c(MAP_COL.autoNature), value: auto.nature ? NATURE_NAMES[auto.nature][lang] : "" },
      { ref: c(MAP_COL.autoDestination), value: auto.destination ? destinationOf(auto.destination) : "" },
      { ref: c(MAP_COL.confidence), value: auto.confidence, style: "percent" },
      {
        ref: c(MAP_COL.reason),
        value:
          (lang === "fr" ? auto.reason : auto.reasonEn) +
          (l.amount.kind === "error" ? say(lang, "mapping.errorCell", { error: l.amount.error }) : "") +
          (l.negativeInSheet ? say(lang, "mapping.negative") : ""),
      },
      { ref: c(MAP_COL.correctedLever), value: l.corrected && l.lever !== auto.lever ? leverLabel(l.lever, lang) : "", style: "input" },
      {
        ref: c(MAP_COL.correctedDestination),
        value: l.corrected && l.destination && l.destination !== auto.destination && l.section === "expense" ? destinationOf(l.destination) : "",
        style: "input",
      },
    );
    cells.push(
      new RowFormulaCell(c(MAP_COL.lever), r, "lever", formulas.lever, leverLabel(l.lever, lang)),
      new RowFormulaCell(c(MAP_COL.section), r, "section", formulas.section, sectionOf(l.section)),
      new RowFormulaCell(c(MAP_COL.pillar), r, "pillar", formulas.pillar, PILLAR_NAMES[l.pillar][lang]),
      new RowFormulaCell(c(MAP_COL.nature), r, "nature", formulas.nature, l.nature ? NATURE_NAMES[l.nature][lang] : ""),
      new RowFormulaCell(c(MAP_COL.destination), r, "destination", formulas.destination, l.destination ? destinationOf(l.destination) : ""),
    );
  });
  const last = ranges.lastRow;
  const destinations = `"${destinationShort("action", lang)},${destinationShort("engineering", lang)}"`;
  return {
    name: names.mapping,
    role: "mapping",
    cells,
    columnWidths: { 1: 18, 2: 8, 3: 44, 4: 10, 5: 16, 6: 16, 7: 14, 8: 12, 9: 30, 10: 20, 11: 20, 12: 16, 13: 10, 14: 40, 15: 30, 16: 18, 17: 30, 18: 14, 19: 20, 20: 20, 21: 16 },
    merges: [],
    tables: [{ name: MAPPING_TABLE_NAME, ref: `A${MAPPING_HEADER_ROW}:U${last}`, columns: [...headers] }],
    validations: [
      {
        ref: `${MAP_COL.correctedLever}${MAPPING_FIRST_ROW}:${MAP_COL.correctedLever}${last}`,
        listSource: ranges.leversCol("A"),
        prompt: { title: say(lang, "mapping.leverPrompt.title"), text: say(lang, "mapping.leverPrompt.text") },
        error: { title: say(lang, "mapping.leverError.title"), text: say(lang, "mapping.leverError.text") },
      },
      {
        ref: `${MAP_COL.correctedDestination}${MAPPING_FIRST_ROW}:${MAP_COL.correctedDestination}${last}`,
        listSource: destinations,
        prompt: { title: say(lang, "mapping.destinationPrompt.title"), text: say(lang, "mapping.destinationPrompt.text") },
        error: { title: say(lang, "mapping.destinationError.title"), text: say(lang, "mapping.destinationError.text") },
      },
    ],
    conditionalFormats: [{ ref: `${MAP_COL.confidence}${MAPPING_FIRST_ROW}:${MAP_COL.confidence}${last}`, textEquals: [], lessThan: { threshold: 0.6, fill: "FCE4D6" } }],
    charts: [],
    freeze: { rows: MAPPING_HEADER_ROW, cols: 3 },
    // Printed landscape, one page wide, the header on every page; the effective columns (Q:U, formulas the
    // report reads) stay out of the print area: the reader has the automatic answer and the corrections.
    print: {
      area: `A1:${MAP_COL.correctedDestination}${last}`,
      landscape: true,
      fitToWidth: 1,
      header: names.mapping,
      footer: say(lang, "mapping.footer"),
      titleRows: `${MAPPING_HEADER_ROW}:${MAPPING_HEADER_ROW}`,
    },
    tabColor: "2F5597",
  };
}

/** Each lever by its id (the first one of an id, as a search would find it): asked twice for every line. */
let leversById: Map<string, (typeof LEVERS)[number]> | null = null;

function leverLabel(id: ClassifiedLine["lever"], lang: Lang): string {
  if (!leversById) {
    leversById = new Map();
    for (const l of LEVERS) if (!leversById.has(l.id)) leversById.set(l.id, l);
  }
  return leversById.get(id)!.label[lang];
}
