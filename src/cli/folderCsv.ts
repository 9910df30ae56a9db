// The folder summary's columns and rows (shared by the command's thread and its worker threads).
import { RULES, type RuleId } from "../engine/figures.ts";
import { say, type MessageId } from "../engine/i18n/index.ts";
import { STATUS_NAMES } from "../engine/labels.ts";
import type { Lang } from "../engine/types.ts";
import type { AnalysisJson } from "../workbook/analysisJson.ts";

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
