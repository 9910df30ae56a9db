// Which cell formats show a date: a date is a number in the cell and a format in styles.xml, and it is
// never money. Built-in ids 14–22 and 45–47 are dates and times, and so are 27–36 and 50–58 (the East Asian
// built-ins: « yyyy"年"m"月"d"日" », era dates, « h"時"mm"分" » in Japanese, Chinese and Korean Excel, which
// write no code for them in styles.xml); a custom format is a date when it uses
// d, m, y, h or s outside quoted text, brackets ([Red], [$€-40C]), escapes (\d) and padding (_x, *x).
import { attr, type Element } from "./partStream.ts";
import { isSml } from "./ooxml.ts";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const BUILT_IN_DATES = new Set([...range(14, 22), ...range(27, 36), ...range(45, 47), ...range(50, 58)]);

/** Whether a custom number format code displays a date or a time. */
export function isDateFormatCode(code: string): boolean {
  // Only the first section counts for positive numbers; the others (negative, zero, text) rarely differ.
  const stripped = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  const first = stripped.split(";")[0] ?? "";
  if (/general/i.test(first)) return false;
  return /[dmyhs]/i.test(first);
}

/** Reads styles.xml's numFmts and cellXfs: which style indexes show dates. */
export class DateStyles {
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private dates: boolean[] | null = null;

  open(el: Element, depth: number): void {
    if (!isSml(el.uri)) return;
    if (depth === 1) this.inCellXfs = el.local === "cellXfs";
    if (el.local === "numFmt" && depth === 2) {
      const id = Number(attr(el, "numFmtId"));
      if (Number.isInteger(id)) this.custom.set(id, attr(el, "formatCode") ?? "");
    } else if (el.local === "xf" && depth === 2 && this.inCellXfs) {
      this.xfFormats.push(Number(attr(el, "numFmtId") ?? 0) || 0);
    }
  }

  /** Whether cells of style index `s` (the `s` attribute of <c>) show dates. */
  isDate(s: number): boolean {
    if (!this.dates) {
      this.dates = this.xfFormats.map((id) => {
        const code = this.custom.get(id);
        return code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id);
      });
    }
    return this.dates[s] ?? false;
  }
}
