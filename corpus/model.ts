// The corpus data model: one JSON file per real budget (corpus/budgets/<id>.json), transcribed from a public
// document, with the answer the domain rules (SPEC.md §2) give for every line. build.ts lays each budget out as a
// treasurer would in Excel; scripts/accuracy.ts runs the real command on the result and compares.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isLeverId, lever } from "../src/engine/levers.ts";
import type { LeverId, Nature, Payer, Pillar, Section } from "../src/engine/types.ts";

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));
export const BUDGETS_DIR = join(CORPUS_DIR, "budgets");
export const XLSX_DIR = join(CORPUS_DIR, "xlsx");

/** How the sheet is laid out (each is a way treasurers really present a budget). */
export type LayoutType = "vertical" | "side_by_side" | "cerfa" | "cerfa_form" | "trial_balance" | "type_column" | "two_sheets" | "journal";

/** Why a row of the source is not a budget line (the reader must skip it, never count it). */
export type NotALine = "balance_sheet_account";

export interface SourceLine {
  label: string;
  /** The account number as printed in the source ("756", "871 / 876"), or absent. */
  account?: string;
  /** One amount per amount column (euros, as printed); null where the source leaves the cell empty. */
  amounts: (number | null)[];
  /** The expected lever (SPEC.md §2). Section, pillar, nature and payer follow from it and the block. */
  lever?: LeverId;
  /** Other levers that are also right for an ambiguous label (same rules: section, pillar, nature). */
  alt?: LeverId[];
  /** The row is in the source but is not a line of the budget. */
  notALine?: NotALine;
  /** Why this answer, when the label alone does not say it. */
  why?: string;
}

/** A chapter row of the source (« 60 - Achats ») whose amount is the sum of the lines under it. */
export interface SourceGroup {
  chapter: string;
  lines: SourceLine[];
}

export interface Block {
  heading: string;
  section: Section;
  lines: (SourceLine | SourceGroup)[];
  /** Label of the block's total row (a SUM formula), when the source has one. */
  total?: string;
  /** In a list with a Type column, the word the source writes in that column for this block's rows. */
  typeWord?: string;
}

export interface BudgetSource {
  /** Web address, or repository + path (+ commit) for a file in a public repository. */
  url?: string;
  repo?: string;
  path?: string;
  commit?: string;
  document: string;
  year: string;
}

export interface Budget {
  id: string;
  association: string;
  /** The kind of association, in plain words (sports club, festival, school cooperative…). */
  kind: string;
  source: BudgetSource;
  layout: LayoutType;
  sheet: string;
  /** In a list with a Type column, the Type column comes first (« Type | Poste | Montant »). */
  typeFirst?: boolean;
  /** Side by side with the produits on the left (as some treasurers write « Recettes | Dépenses »). */
  incomeLeft?: boolean;
  /** An account column before the label (the source prints account numbers). */
  accountColumn?: boolean;
  /** Amount column headers, in order. */
  columns: string[];
  blocks: Block[];
  /** The budget's own totals as published, per amount column. */
  published?: { income?: (number | null)[]; expense?: (number | null)[] };
  /** Balance-sheet rows the source also gives (bank balances…), shown in a trial balance only. */
  balanceSheet?: { account: string; label: string; debit: number; credit: number }[];
  /** Extra entries: the same data re-laid as a Cerfa form with chapter subtotals and/or a trial balance. */
  relays?: { layout: "cerfa" | "trial_balance" | "two_sheets"; column?: number }[];
  notes?: string;
}

export interface Expected {
  section: Section;
  pillar: Pillar;
  nature: Nature | null;
  payer: Payer | null;
  lever: LeverId;
}

export const isGroup = (l: SourceLine | SourceGroup): l is SourceGroup => "chapter" in l;

/** Every line of a block, groups flattened, in source order. */
export function linesOf(block: Block): SourceLine[] {
  return block.lines.flatMap((l) => (isGroup(l) ? l.lines : [l]));
}

/** What the domain says a line is: the lever's pillar, nature and payer (SPEC.md §2), in the block's section. */
export function expectedOf(section: Section, id: LeverId): Expected {
  const l = lever(id);
  return {
    section,
    pillar: l.pillar,
    nature: section === "income" ? l.nature : section === "in_kind_resource" ? "neutral" : null,
    payer: section === "income" ? l.payer : null,
    lever: id,
  };
}

export function loadBudgets(dir = BUDGETS_DIR): Budget[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Budget);
}

/** Problems that make a budget file unusable (an unknown lever, a line without an answer, a wrong amount count). */
export function problemsOf(b: Budget): string[] {
  const out: string[] = [];
  if (!b.id || !b.source?.document || !b.source.year || !(b.source.url || (b.source.repo && b.source.path))) out.push(`${b.id}: source incomplete`);
  if (!b.columns?.length) out.push(`${b.id}: no amount column`);
  for (const block of b.blocks ?? []) {
    for (const l of linesOf(block)) {
      if (l.amounts?.length !== b.columns.length) out.push(`${b.id}: « ${l.label} » has ${l.amounts?.length} amounts for ${b.columns.length} columns`);
      if (!l.notALine && !l.lever) out.push(`${b.id}: « ${l.label} » has no expected lever`);
      for (const id of [l.lever, ...(l.alt ?? [])]) if (id && !isLeverId(id)) out.push(`${b.id}: « ${l.label} »: unknown lever ${id}`);
    }
  }
  return out;
}
