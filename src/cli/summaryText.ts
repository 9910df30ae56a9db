// The short French (or English) summary printed without --json: the budget's own figures first, then the
// model, the pillars and the rules, in the registry's order and with its sentences.
import type { AnalysisJson } from "../workbook/analysisJson.ts";
import type { Lang } from "../engine/types.ts";
import { formatPercent } from "../engine/money.ts";
import { BUDGET_FIGURES, eurosText, RESULT_LABEL, RULES, type RuleId } from "../engine/figures.ts";
import { STATUS_NAMES } from "../engine/labels.ts";

type AnalysisDoc = AnalysisJson["analyses"][number];
type RuleDoc = { value: number | null; target: number | null; gapAmount: number; status: string };

const label = (id: "expense" | "income" | "inKind", lang: Lang) => BUDGET_FIGURES.find((f) => f.id === id)!.label[lang];
const money = (euros: number, lang: Lang) => `${euros < 0 ? "−" : ""}${eurosText(Math.round(euros * 100), lang)}`;

function ruleDoc(a: AnalysisDoc, id: RuleId): RuleDoc {
  const r = a.ratios;
  return { tiersOnTop: r.tiersOnTop, fourThirds: r.fourThirds, pooling: r.alliance.pooling, premium: r.alliance.premium }[id];
}

function budgetLines(a: AnalysisDoc, lang: Lang): string[] {
  const b = a.budget;
  const sep = lang === "fr" ? " : " : ": ";
  const out = [
    `  ${label("expense", lang)}${sep}${money(b.expense, lang)} · ${label("income", lang)}${sep}${money(b.income, lang)}`,
    `  ${RESULT_LABEL[lang]}${sep}${b.resultWord}${b.result !== 0 ? ` ${lang === "fr" ? "de" : "of"} ${money(Math.abs(b.result), lang)}` : ""}`,
  ];
  if (b.inKind !== 0) out.push(`  ${label("inKind", lang)}${sep}${money(b.inKind, lang)}`);
  return out;
}

export function summaryText(doc: AnalysisJson, lang: Lang): string {
  const fr = lang === "fr";
  const sep = fr ? " : " : ": ";
  const out: string[] = [];
  const lines = new Set(doc.lines.map((l) => `${l.sheet}!${l.cell}`)).size;
  out.push(
    fr
      ? `${doc.file} : ${doc.budgets.length} budget(s) trouvé(s) (${doc.budgets.map((b) => `« ${b.sheet} » ${b.range}`).join(", ")}), ${lines} lignes lues, ${doc.skipped.length} lignes de total ignorées.`
      : `${doc.file}: ${doc.budgets.length} budget(s) found (${doc.budgets.map((b) => `“${b.sheet}” ${b.range}`).join(", ")}), ${lines} lines read, ${doc.skipped.length} total rows skipped.`,
  );
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
      const gap = v.gapAmount > 0 ? (fr ? `, il manque ${money(v.gapAmount, lang)}` : `, ${money(v.gapAmount, lang)} missing`) : "";
      out.push(`  ${r.name[lang].padEnd(26)} ${pct(v.value).padStart(6)} / ${pct(v.target)}  ${status}${gap}`);
    }
  }
  if (doc.issues.length > 0) {
    out.push("");
    out.push(fr ? "À vérifier :" : "To check:");
    for (const i of doc.issues) out.push(`  - ${i.message}`);
  }
  return out.join("\n");
}
