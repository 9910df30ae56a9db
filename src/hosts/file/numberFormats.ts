// Which cell formats make a number something other than money: a date, a time or duration, a percentage.
// The value is a number in the cell and a format in styles.xml (a custom code, or a built-in id with no code);
// what each format shows is decided in src/workbook/cellValues.ts, for both hosts.
import { builtInFormatKind, formatCodeKind, type NumberKind } from "../../workbook/cellValues.ts";
import { attr, type Element } from "./partStream.ts";
import { isSml } from "./ooxml.ts";

/** The codes of the built-in time formats, which styles.xml does not write: what their cells show. */
const BUILT_IN_TIME_CODES: Record<number, string> = { 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0" };

/** Whether a custom number format code displays a date or a time. */
export function isDateFormatCode(code: string): boolean {
  const kind = formatCodeKind(code);
  return kind === "date" || kind === "time";
}

/** Reads styles.xml's numFmts and cellXfs: what the numbers of each style index are. */
export class DateStyles {
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private kinds: (NumberKind | null)[] | null = null;

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

  /** What numbers of style index `s` (the `s` attribute of <c>) are: a date, a time, a percentage, or plain (null). */
  kind(s: number): NumberKind | null {
    if (!this.kinds) {
      this.kinds = this.xfFormats.map((id) => {
        const code = this.custom.get(id);
        return code !== undefined ? formatCodeKind(code) : builtInFormatKind(id);
      });
    }
    return this.kinds[s] ?? null;
  }

  /** The format code of style index `s` (a built-in time's own code when styles.xml writes none). */
  code(s: number): string {
    const id = this.xfFormats[s] ?? 0;
    return this.custom.get(id) ?? BUILT_IN_TIME_CODES[id] ?? "";
  }

  /** Whether cells of style index `s` show dates (or times). */
  isDate(s: number): boolean {
    const kind = this.kind(s);
    return kind === "date" || kind === "time";
  }
}
