// The short French (or English) summary printed without --json.
import type { AnalysisJson } from "../workbook/analysisJson.ts";
import type { Lang } from "../engine/types.ts";
import { formatEuros, formatPercent } from "../engine/money.ts";
import { STATUS_NAMES } from "../engine/labels.ts";

const SHARE_NAMES = {
  public: { fr: "la part publique", en: "the public share" },
  private: { fr: "la part privée", en: "the private share" },
  activity: { fr: "la part d'activité", en: "the activity share" },
};

export function summaryText(doc: AnalysisJson, lang: Lang): string {
  const fr = lang === "fr";
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
    out.push(`  ${a.model.sentence}`);
    if (a.model.closeCalls.length > 0) {
      const names = a.model.closeCalls.map((n) => SHARE_NAMES[n as keyof typeof SHARE_NAMES][lang]).join(fr ? " et " : " and ");
      const threshold = formatPercent(doc.parameters.significanceThreshold, lang);
      out.push(fr ? `  À surveiller : ${names} est proche du seuil de ${threshold} qui change le modèle.` : `  Watch: ${names} is close to the ${threshold} threshold that changes the model.`);
    }
    const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lang));
    const r = a.ratios;
    const rows: [string, { value: number | null; target: number | null; gapAmount: number; status: string }][] = [
      [fr ? "Tiers on top (67/33)" : "Third on top (67/33)", r.tiersOnTop],
      [fr ? "4 tiers (bénévolat)" : "Four thirds (volunteering)", r.fourThirds],
      [fr ? "10+1 % mutualisation" : "10+1% pooling", r.alliance.pooling],
      [fr ? "10+1 % prime collective" : "10+1% collective premium", r.alliance.premium],
    ];
    for (const [name, v] of rows) {
      const status = STATUS_NAMES[v.status as "reached"][lang];
      const gap = v.gapAmount > 0 ? (fr ? `, il manque ${formatEuros(Math.round(v.gapAmount * 100), lang)}` : `, ${formatEuros(Math.round(v.gapAmount * 100), lang)} missing`) : "";
      out.push(`  ${name.padEnd(26)} ${pct(v.value).padStart(6)} / ${pct(v.target)}  ${status}${gap}`);
    }
  }
  if (doc.issues.length > 0) {
    out.push("");
    out.push(fr ? "À vérifier :" : "To check:");
    for (const i of doc.issues) out.push(`  - ${i.message}`);
  }
  return out.join("\n");
}
