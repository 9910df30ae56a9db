// The short French (or English) summary printed without --json: the budget's own figures first, then the
// model, the pillars and the rules, in the registry's order and with its sentences.
import type { AnalysisJson } from "../workbook/analysisJson.ts";
import type { Lang } from "../engine/types.ts";
import { formatPercent } from "../engine/money.ts";
import { BUDGET_FIGURES, RESULT_LABEL, RULES, signedEurosText, type RuleId } from "../engine/figures.ts";
import { STATUS_NAMES } from "../engine/labels.ts";
import { say, sayCount, type CountedId } from "../engine/i18n/index.ts";
import type { SkipReason } from "../workbook/budget.ts";

type AnalysisDoc = AnalysisJson["analyses"][number];
type RuleDoc = { value: number | null; target: number | null; gapAmount: number; status: string };

const label = (id: "expense" | "income" | "inKind", lang: Lang) => BUDGET_FIGURES.find((f) => f.id === id)!.label[lang];
const money = (euros: number, lang: Lang) => signedEurosText(Math.round(euros * 100), lang);

function ruleDoc(a: AnalysisDoc, id: RuleId): RuleDoc {
  const r = a.ratios;
  return { tiersOnTop: r.tiersOnTop, fourThirds: r.fourThirds, pooling: r.alliance.pooling, premium: r.alliance.premium }[id];
}

function budgetLines(a: AnalysisDoc, lang: Lang): string[] {
  const b = a.budget;
  const sep = say(lang, "colon");
  const out = [
    `  ${label("expense", lang)}${sep}${money(b.expense, lang)} · ${label("income", lang)}${sep}${money(b.income, lang)}`,
    `  ${RESULT_LABEL[lang]}${sep}${b.result !== 0 ? say(lang, "cli.resultOf", { word: b.resultWord, amount: money(Math.abs(b.result), lang) }) : b.resultWord}`,
  ];
  if (b.inKind !== 0) out.push(`  ${label("inKind", lang)}${sep}${money(b.inKind, lang)}`);
  return out;
}

/** Each reason a row is skipped for, counted under its own words (a pivot table's rows are no « lignes de total »). */
const SKIPPED_WORDS: Record<SkipReason, CountedId> = {
  subtotal: "cli.skipped.subtotal",
  total: "cli.skipped.total",
  result: "cli.skipped.result",
  balance_sheet_account: "cli.skipped.balanceSheetAccount",
  header: "cli.skipped.header",
  empty: "cli.skipped.empty",
  breakdown: "cli.skipped.breakdown",
  summary: "cli.skipped.summary",
  pivot: "cli.skipped.pivot",
};

/** « , 2 lignes de total ignorées, 14 lignes de tableau croisé dynamique ignorées », or nothing when no row was skipped. */
function skippedText(skipped: AnalysisJson["skipped"], lang: Lang): string {
  const counts = new Map<SkipReason, number>();
  for (const s of skipped) counts.set(s.why, (counts.get(s.why) ?? 0) + 1);
  return (Object.keys(SKIPPED_WORDS) as SkipReason[])
    .filter((why) => counts.has(why))
    .map((why) => `, ${sayCount(lang, SKIPPED_WORDS[why], counts.get(why)!)}`)
    .join("");
}

export function summaryText(doc: AnalysisJson, lang: Lang): string {
  const sep = say(lang, "colon");
  const out: string[] = [];
  const lines = new Set(doc.lines.map((l) => `${l.sheet}!${l.cell}`)).size;
  const budgets = doc.budgets.map((b) => say(lang, "cli.budgetAt", { sheet: say(lang, "quoted", { text: b.sheet }), range: b.range })).join(", ");
  out.push(say(lang, "cli.budgetsFound", { file: doc.file, count: doc.budgets.length, budgets, lines, skipped: skippedText(doc.skipped, lang) }));
  for (const a of doc.analyses) {
    out.push("");
    out.push(`■ ${a.column} — ${a.model.name}`);
    out.push(...budgetLines(a, lang));
    out.push(`  ${a.model.sentence}`);
    if (a.model.closeCalls.length > 0) out.push(`  ${a.model.watch}`);
    for (const p of a.pillars) out.push(`  ${p.name}${sep}${money(p.amount, lang)} (${p.detail})`);
    const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lang));
    for (const r of RULES) {
      const v = ruleDoc(a, r.id);
      const status = STATUS_NAMES[v.status as "reached"][lang];
      const gap = v.gapAmount > 0 ? say(lang, "cli.missing", { amount: money(v.gapAmount, lang) }) : "";
      out.push(`  ${r.name[lang].padEnd(26)} ${pct(v.value).padStart(6)} / ${pct(v.target)}  ${status}${gap}`);
    }
  }
  if (doc.issues.length > 0) {
    out.push("");
    out.push(say(lang, "cli.toCheck"));
    for (const i of doc.issues) out.push(`  - ${i.message}`);
  }
  return out.join("\n");
}
