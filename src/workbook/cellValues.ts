// What a number's cell format makes of it, for both hosts (the file host reads formats from styles.xml, the Excel
// host from Office.js): a date is given as "YYYY-MM-DD", and a percentage (« 20 % ») or a time or duration
// (« 1:30 », « [h]:mm ») as the text the cell shows. None of them is ever money: as text, the reading names
// the cell when it stands among amounts, and a column of them is no amount column.
import type { CellValue } from "./snapshot.ts";

export type NumberKind = "date" | "time" | "percent";

/** The first section of a format code with quoted text, escapes, padding and brackets ([Red], [$€-40C]) taken out. */
function bareSection(code: string): string {
  const stripped = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  return stripped.split(";")[0] ?? "";
}

/**
 * What a custom number format code shows: a date when it uses d or y (or m with neither h nor s), a time or
 * duration when it uses h or s and no d or y (« h:mm », « [h]:mm », « mm:ss »), a percentage with « % ».
 * Only the first section counts: the others (negative, zero, text) rarely differ.
 */
export function formatCodeKind(code: string): NumberKind | null {
  const first = bareSection(code);
  if (first === "" || /general/i.test(first) || first === "@") return null;
  if (/[dy]/i.test(first)) return "date";
  if (/[hs]/i.test(first)) return "time";
  if (/m/i.test(first)) return "date";
  return first.includes("%") ? "percent" : null;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/**
 * Built-in format ids (no code in styles.xml): 9–10 percentages; 18–21 and 45–47 times; 14–17, 22 dates, and
 * 27–36, 50–58 the East Asian built-ins (« yyyy"年"m"月"d"日" », era dates, « h"時"mm"分" »), read as dates.
 */
const BUILT_IN: ReadonlyMap<number, NumberKind> = new Map<number, NumberKind>([
  [9, "percent"],
  [10, "percent"],
  ...[...range(14, 17), 22, ...range(27, 36), ...range(50, 58)].map((id) => [id, "date"] as [number, NumberKind]),
  ...[...range(18, 21), ...range(45, 47)].map((id) => [id, "time"] as [number, NumberKind]),
]);

export function builtInFormatKind(id: number): NumberKind | null {
  return BUILT_IN.get(id) ?? null;
}

/** A time or duration as the cell shows it: « 1:30 », « 36:00 » for [h]:mm, « 0:05:00 », « 05:12 » for mm:ss. */
export function timeText(serial: number, code: string): string {
  const first = bareSection(code).toLowerCase();
  const seconds = Math.round(Math.abs(serial) * 86_400);
  const elapsed = /\[h+\]/i.test(code.split(";")[0] ?? "");
  const hours = elapsed ? Math.floor(seconds / 3600) : Math.floor(seconds / 3600) % 24;
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  const sign = serial < 0 ? "-" : "";
  if (!first.includes("h")) return `${sign}${String(Math.floor(seconds / 60)).padStart(2, "0")}:${ss}`;
  return `${sign}${hours}:${mm}${first.includes("s") ? `:${ss}` : ""}`;
}

/**
 * A percentage as a text that keeps the whole number: 0.125 → « 12.5% », 0.123456 → « 12.3456% ». Never rounded
 * (it was to two decimals): a percentage typed in Équilibre's own sheets is read back from it and written again
 * (`shownPercent`), and messages round it themselves to what a person reads.
 */
export function percentText(value: number): string {
  const p = Number((value * 100).toPrecision(15));
  const s = String(p);
  return `${/e/.test(s) && Math.abs(p) < 1 ? p.toFixed(20).replace(/\.?0+$/, "") : s}%`;
}

/** The number a `percentText` text holds (« 12.3456% » → 0.123456), or null for any other value. */
export function shownPercent(value: unknown): number | null {
  if (typeof value !== "string" || !/^-?\d+(?:\.\d+)?%$/.test(value)) return null;
  return Number((Number(value.slice(0, -1)) / 100).toPrecision(15));
}

/** A number in a cell of format `kind` (code `code`) as the snapshot holds it; a date through `toDate`. */
export function numberAs(value: number, kind: NumberKind | null, code: string, toDate: (serial: number) => string | null): CellValue {
  if (kind === "date") return toDate(value);
  if (kind === "time") return timeText(value, code);
  if (kind === "percent") return percentText(value);
  return value;
}

/** A text as `percentText` or `timeText` give it: a number the host read through its format, not typed as text. */
export function isShownNumber(value: unknown): boolean {
  return typeof value === "string" && /^-?(?:\d+(?:\.\d+)?%|\d+:\d\d(?::\d\d)?)$/.test(value);
}
