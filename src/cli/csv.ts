// CSV for the user's spreadsheet: UTF-8 with BOM; French Excel reads « ; » and a decimal comma, English
// Excel « , » and a decimal point. Never a formula.
import type { Lang } from "../engine/types.ts";

const FORMAT: Record<Lang, { sep: string; decimal: string }> = { fr: { sep: ";", decimal: "," }, en: { sep: ",", decimal: "." } };

/** A cell that begins with = + - @ (or a tab / carriage return) is neutralised so Excel never runs it. */
export function csvCell(value: string | number | null | undefined, lang: Lang = "fr"): string {
  if (value === null || value === undefined) return "";
  const { sep, decimal } = FORMAT[lang];
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value).replace(".", decimal) : "") : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null)[][], lang: Lang = "fr"): string {
  return "\ufeff" + rows.map((r) => r.map((v) => csvCell(v, lang)).join(FORMAT[lang].sep)).join("\r\n") + "\r\n";
}
