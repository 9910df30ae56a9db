// `equilibre compare BEFORE.xlsx AFTER.xlsx`: last year's accounts against this year's budget (two workbooks,
// possibly of different layouts), each analysed by the same pipeline as `analyze`, then their difference.
import { basename } from "node:path";
import type { Analysis } from "../engine/analyze.ts";
import { NEGATIVE_SIGN } from "../engine/figures.ts";
import { say } from "../engine/i18n/index.ts";
import { leverName, PILLAR_NAMES, STATUS_NAMES } from "../engine/labels.ts";
import { centsToEuros, formatEuros, formatPercent } from "../engine/money.ts";
import type { Parameters } from "../engine/parameters.ts";
import { analysisDifference, leversThatMoved, lineDrivers, RULE_IDS } from "../engine/scenarioDifference.ts";
import { MIX_NATURES, PILLARS, type Lang } from "../engine/types.ts";
import { analysisJson, SCHEMA_VERSION } from "../workbook/analysisJson.ts";
import { differenceJson } from "../workbook/scenarioJson.ts";
import { analyzeFile } from "./analyzeFile.ts";

interface Side {
  file: string;
  result: Awaited<ReturnType<typeof analyzeFile>>["result"];
  written: Awaited<ReturnType<typeof analyzeFile>>["written"];
  column: string;
  analysis: Analysis;
  lines: Awaited<ReturnType<typeof analyzeFile>>["result"]["classified"];
  columns: string[];
}

async function side(path: string, column: string | null, params: Parameters, lang: Lang, output: string | null = null, comparedWith?: Side): Promise<Side> {
  const other = comparedWith ? { file: comparedWith.file, result: comparedWith.result, column: comparedWith.column } : undefined;
  const run = await analyzeFile(path, { params, column, output, lang, comparedWith: other });
  const analysis = run.result.analyses[0]!;
  return {
    file: basename(path),
    result: run.result,
    written: run.written,
    column: analysis.scenario,
    analysis,
    lines: run.result.classified.filter((l) => l.scenario === analysis.scenario),
    columns: run.result.analyses.map((a) => a.scenario),
  };
}

const round6 = (x: number | null) => (x === null ? null : Math.round(x * 1_000_000) / 1_000_000);

export interface CompareOptions {
  params: Parameters;
  columnBefore: string | null;
  columnAfter: string | null;
  lang: Lang;
  /** -o: a copy of AFTER with its report and the comparison sheet. */
  output?: string | null;
}

export async function compareFiles(before: string, after: string, options: CompareOptions) {
  return (await compareRun(before, after, options)).doc;
}

/** The comparison document, and what -o wrote. */
export async function compareRun(before: string, after: string, options: CompareOptions) {
  const { params, lang } = options;
  const b = await side(before, options.columnBefore, params, lang);
  // With -o, AFTER's copy gets its report and the comparison sheet (BEFORE's figures beside its own, live).
  const a = await side(after, options.columnAfter, params, lang, options.output ?? null, b);
  const d = analysisDifference(b.analysis, a.analysis);
  const drivers = leversThatMoved(d)
    .slice(0, 5)
    .map((id) => ({ lever: id, label: leverName(id, lang), amount: centsToEuros(d.byLever[id]!.cents), points: round6(d.byLever[id]!.points) }));
  const lines = lineDrivers(b.lines, a.lines).map((l) => ({
    label: l.label,
    lever: l.lever,
    section: l.section,
    before: centsToEuros(l.beforeCents),
    after: centsToEuros(l.afterCents),
    amount: centsToEuros(l.cents),
    cellBefore: l.before,
    cellAfter: l.after,
  }));
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    before: { file: b.file, column: b.column, columns: b.columns, analysis: analysisJson(b.analysis, lang, b.lines) },
    after: { file: a.file, column: a.column, columns: a.columns, analysis: analysisJson(a.analysis, lang, a.lines) },
    difference: { ...differenceJson(d), drivers, lines },
  };
  return { doc, written: a.written };
}

export type CompareJson = Awaited<ReturnType<typeof compareFiles>>;

/** The comparison for people: the model before and after, then natures, pillars, rules and the lines behind the change. */
export function compareText(doc: CompareJson, lang: Lang): string {
  const fr = lang === "fr";
  const d = doc.difference;
  const eur = (x: number) => formatEuros(Math.round(x * 100), lang);
  // The minus of the cells (« -1 200 € » in the comparison sheet), a plus for a rise.
  const sign = (x: number) => (x > 0 ? "+" : x < 0 ? NEGATIVE_SIGN : "");
  const signed = (x: number) => sign(x) + eur(Math.abs(x));
  const pts = (x: number | null) => (x === null ? "—" : `${sign(x)}${(Math.abs(x) * 100).toFixed(1).replace(".", fr ? "," : ".")}${fr ? "\u00a0pt" : " pt"}`);
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x, lang));
  const out: string[] = [];
  out.push(fr ? `Avant : ${doc.before.file} (« ${doc.before.column} ») — après : ${doc.after.file} (« ${doc.after.column} »)` : `Before: ${doc.before.file} (“${doc.before.column}”) — after: ${doc.after.file} (“${doc.after.column}”)`);
  const from = doc.before.analysis.model.name;
  const to = doc.after.analysis.model.name;
  out.push(
    d.model.changed
      ? fr ? `Le modèle passe de « ${from} » à « ${to} ».` : `The model goes from “${from}” to “${to}”.`
      : fr ? `Le modèle reste « ${to} ».` : `The model stays “${to}”.`,
  );
  out.push(
    fr
      ? `Produits ${signed(d.bySection.income.amount)}, charges ${signed(d.bySection.expense.amount)} ; résultat ${signed(d.result.before)} → ${signed(d.result.after)}.`
      : `Income ${signed(d.bySection.income.amount)}, expenses ${signed(d.bySection.expense.amount)}; result ${signed(d.result.before)} → ${signed(d.result.after)}.`,
  );
  out.push("");
  for (const n of MIX_NATURES) {
    const c = d.byNature[n];
    out.push(`  ${say(lang, `comparison.share.${n}`).padEnd(26)} ${pct(c.shareBefore).padStart(6)} → ${pct(c.shareAfter).padStart(6)}  ${pts(c.points).padStart(9)}  ${signed(c.amount)}`);
  }
  for (const p of PILLARS) out.push(`  ${PILLAR_NAMES[p][lang].padEnd(26)} ${signed(d.byPillar[p].amount)}`);
  for (const r of RULE_IDS) {
    const c = d.ratios[r];
    const status = c.statusBefore === c.statusAfter ? STATUS_NAMES[c.statusAfter][lang] : `${STATUS_NAMES[c.statusBefore][lang]} → ${STATUS_NAMES[c.statusAfter][lang]}`;
    out.push(`  ${say(lang, `comparison.rule.${r}`).padEnd(26)} ${pct(c.valueBefore).padStart(6)} → ${pct(c.valueAfter).padStart(6)}  ${pts(c.points).padStart(9)}  ${status}`);
  }
  if (d.lines.length > 0) {
    out.push("", fr ? "Les lignes qui expliquent le plus l'écart :" : "The lines that explain most of the change:");
    for (const l of d.lines) out.push(`  - ${l.label}${say(lang, "colon")}${eur(l.before)} → ${eur(l.after)} (${signed(l.amount)})`);
  }
  return out.join("\n");
}

/** A workbook with several amount columns is compared on its first one unless told: say which, and how to choose. */
export function columnNotices(doc: CompareJson, chosen: { columnBefore: string | null; columnAfter: string | null }, lang: Lang): string[] {
  const out: string[] = [];
  const sides = [
    [doc.before, chosen.columnBefore, "--column-before"],
    [doc.after, chosen.columnAfter, "--column-after"],
  ] as const;
  for (const [side, asked, flag] of sides) {
    if (asked || side.columns.length < 2) continue;
    const others = side.columns.map((c) => (lang === "fr" ? `« ${c} »` : `“${c}”`)).join(", ");
    out.push(
      lang === "fr"
        ? `« ${side.file} » a ${side.columns.length} colonnes de montants (${others}) : la comparaison prend « ${side.column} » ; choisissez-en une autre avec ${flag}.`
        : `“${side.file}” has ${side.columns.length} amount columns (${others}): the comparison takes “${side.column}”; choose another with ${flag}.`,
    );
  }
  return out;
}
