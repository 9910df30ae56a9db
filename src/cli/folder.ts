// A folder: every .xlsx in it, a progress bar on stderr, one CSV row per file; one bad file stops nothing.
import { readdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { isEquilibreError, isNoBudget } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Lang } from "../engine/types.ts";
import { toCsv } from "./csv.ts";
import { analyzeFile } from "./analyzeFile.ts";
import { STATUS_NAMES } from "../engine/labels.ts";
import { RULES, type RuleId } from "../engine/figures.ts";
import { say, type MessageId } from "../engine/i18n/index.ts";
import type { AnalysisJson } from "../workbook/analysisJson.ts";

export interface FolderOptions {
  params: Parameters;
  outputDir: string | null;
  summary: string | null;
  lang: Lang;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The columns of the summary: the budget's figures, the model, then every rule of the registry. */
export function csvHeader(lang: Lang): string[] {
  const rules = RULES.flatMap((r) => {
    const rule = r.short[lang];
    return [say(lang, "csv.ruleValue", { rule }), say(lang, "csv.ruleStatus", { rule: lang === "fr" ? rule.toLowerCase() : rule }), say(lang, "csv.ruleGap", { rule: lang === "fr" ? rule.toLowerCase() : rule })];
  });
  const head: MessageId[] = ["csv.file", "csv.status", "csv.column", "csv.totalExpenses", "csv.totalIncome", "csv.result", "csv.resultWord", "csv.model", "csv.modelName", "csv.publicShare", "csv.privateShare", "csv.activityShare"];
  return [...head.map((id) => say(lang, id)), ...rules, say(lang, "csv.lines"), say(lang, "csv.warnings")];
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** One row per analysed column; the workbook's warnings once, on its first row. */
export function csvRows(name: string, doc: AnalysisJson, lang: Lang): (string | number | null)[][] {
  const warnings = doc.issues.map((x) => x.message).join(" | ");
  return doc.analyses.map((a, i) => {
    const r = a.ratios;
    const byId: Record<RuleId, { value: number | null; status: string; gapAmount: number }> = { tiersOnTop: r.tiersOnTop, fourThirds: r.fourThirds, pooling: r.alliance.pooling, premium: r.alliance.premium };
    const rules = RULES.flatMap((def) => {
      const v = byId[def.id];
      return [percent(v.value), STATUS_NAMES[v.status as "reached"][lang], v.gapAmount];
    });
    return [
      name, "ok", a.column, a.budget.expense, a.budget.income, a.budget.result, a.budget.resultWord, a.model.id, a.model.name,
      percent(a.model.shares.public), percent(a.model.shares.private), percent(a.model.shares.activity), ...rules, a.lineCount, i === 0 ? warnings : "",
    ];
  });
}

export async function analyzeFolder(folder: string, options: FolderOptions): Promise<{ code: number; csvPath: string }> {
  const fr = options.lang === "fr";
  const files = (await readdir(folder, { withFileTypes: true }))
    .filter((d) => d.isFile() && /\.xlsx$/i.test(d.name) && !d.name.startsWith("~$"))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, "fr"));
  const header = csvHeader(options.lang);
  const rows: (string | number | null)[][] = [header];
  let analysed = 0;
  let worst = 0;
  const tty = Boolean(options.stderr.isTTY);
  for (const [i, name] of files.entries()) {
    const progress = `${i + 1}/${files.length}`;
    if (tty) {
      const width = 24;
      const done = Math.round(((i + 1) / Math.max(files.length, 1)) * width);
      options.stderr.write(`\r[${"█".repeat(done)}${"·".repeat(width - done)}] ${progress} ${name.slice(0, 40).padEnd(40)}`);
    } else options.stderr.write(`${progress} ${name}\n`);
    const output = options.outputDir ? join(options.outputDir, name.replace(/\.xlsx$/i, "-equilibre.xlsx")) : null;
    try {
      const run = await analyzeFile(join(folder, name), { params: options.params, column: null, output, lang: options.lang });
      analysed++;
      rows.push(...csvRows(name, run.doc, options.lang));
    } catch (e) {
      const code = isEquilibreError(e) ? (isNoBudget(e) ? 3 : 2) : 1;
      worst = Math.max(worst, code);
      const message = isEquilibreError(e) ? e.messageIn(options.lang) : say(options.lang, "csv.unexpected");
      rows.push([name, say(options.lang, code === 3 ? "csv.noBudget" : "csv.error"), ...new Array(header.length - 3).fill(null), message]);
    }
  }
  if (tty) options.stderr.write("\n");
  const csvPath = options.summary ?? join(folder, "equilibre-synthese.csv");
  await writeFile(csvPath, toCsv(rows, options.lang), "utf8");
  options.stderr.write(fr ? `${analysed} classeur(s) analysé(s) sur ${files.length} ; synthèse : ${basename(csvPath)}\n` : `${analysed} of ${files.length} workbook(s) analysed; summary: ${basename(csvPath)}\n`);
  return { code: analysed > 0 ? 0 : files.length === 0 ? 3 : worst || 2, csvPath };
}
