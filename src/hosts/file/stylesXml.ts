// xl/styles.xml, edited as text: the plan's named styles become fonts, fills, borders, number formats and
// cell formats appended after the workbook's own (whose indexes never move); conditional formats get dxfs.
import { PLAN_STYLES, type StyleId, type StyleSpec } from "../../workbook/plan.ts";
import { esc } from "./xmlText.ts";

const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/** CT_Stylesheet's children, in order. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface Section {
  count: number;
  added: string[];
}

const rgb = (color: string) => `FF${color.toUpperCase()}`;

export class StylesXml {
  private readonly p: string;
  private readonly sections = new Map<string, Section>();
  private readonly xfs = new Map<StyleId, number>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt: number;

  constructor(private xml: string) {
    this.p = /<([\w.-]+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
    // An empty style sheet written « <styleSheet …/> » (POI's 47889.xlsx): opened, so that the styles added go
    // inside the root, not after it (a part with content after its root element is not XML).
    this.xml = xml.replace(new RegExp(`<${this.p}styleSheet\\b([^>]*?)\\s*/>`), (_, attrs: string) => `<${this.p}styleSheet${attrs}></${this.p}styleSheet>`);
    const used: number[] = [];
    for (const m of this.block("numFmts").matchAll(new RegExp(`<${this.p}numFmt\\b[^>]*?numFmtId="(\\d+)"[^>]*?formatCode="([^"]*)"`, "g"))) {
      used.push(Number(m[1]));
    }
    for (const m of this.block("numFmts").matchAll(new RegExp(`<${this.p}numFmt\\b[^>]*?formatCode="([^"]*)"[^>]*?numFmtId="(\\d+)"`, "g"))) used.push(Number(m[2]));
    this.nextNumFmt = Math.max(163, ...used) + 1;
  }

  private block(name: string): string {
    const p = this.p;
    return new RegExp(`<${p}${name}\\b[^>]*>([\\s\\S]*?)</${p}${name}>`).exec(this.xml)?.[1] ?? "";
  }

  /** The index the next element appended to `name` (fonts, fills, borders, cellXfs, dxfs, numFmts) gets. */
  private section(name: string, child: string): Section {
    let s = this.sections.get(name);
    if (!s) {
      const count = (this.block(name).match(new RegExp(`<${this.p}${child}(?=[\\s>/])`, "g")) ?? []).length;
      s = { count, added: [] };
      this.sections.set(name, s);
    }
    return s;
  }

  private append(name: string, child: string, xml: string): number {
    const s = this.section(name, child);
    s.added.push(xml);
    return s.count + s.added.length - 1;
  }

  private numFmt(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.append("numFmts", "numFmt", `<${this.p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    }
    return id;
  }

  /** The cellXfs index of a plan style (added on first use). */
  xf(id: StyleId): number {
    const known = this.xfs.get(id);
    if (known !== undefined) return known;
    const s: StyleSpec = PLAN_STYLES[id];
    const p = this.p;
    let fontId = 0;
    if (s.bold || s.italic || s.size || s.color) {
      fontId = this.append(
        "fonts",
        "font",
        `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}<${p}sz val="${s.size ?? 11}"/>${s.color ? `<${p}color rgb="${rgb(s.color)}"/>` : ""}<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`,
      );
    }
    const fillId = s.fill ? this.append("fills", "fill", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb(s.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${n}>`;
    const borderId = s.border ? this.append("borders", "border", `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`) : 0;
    const numFmtId = s.numFmt ? this.numFmt(s.numFmt) : 0;
    const alignment = `<${p}alignment${s.align ? ` horizontal="${s.align}"` : ""} vertical="top"${s.wrap ? ' wrapText="1"' : ""}/>`;
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""} applyAlignment="1"`;
    const index = this.append("cellXfs", "xf", `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}>${alignment}</${p}xf>`);
    this.xfs.set(id, index);
    return index;
  }

  /** A differential format for conditional formatting: a fill, and optionally a bold font colour. */
  dxf(fill: string, color?: string): number {
    const p = this.p;
    const font = color ? `<${p}font><${p}b/><${p}color rgb="${rgb(color)}"/></${p}font>` : "";
    return this.append("dxfs", "dxf", `<${p}dxf>${font}<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${rgb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  toString(): string {
    const p = this.p;
    let xml = this.xml;
    for (const [name, s] of this.sections) {
      if (s.added.length === 0) continue;
      const total = s.count + s.added.length;
      const open = new RegExp(`<${p}${name}\\b([^>]*?)>([\\s\\S]*?)</${p}${name}>`);
      const empty = new RegExp(`<${p}${name}\\b([^>]*?)/>`);
      const withCount = (attrs: string) => `${attrs.replace(/\s+count="\d*"/, "")} count="${total}"`;
      if (open.test(xml)) {
        xml = xml.replace(open, (_, attrs: string, body: string) => `<${p}${name}${withCount(attrs)}>${body}${s.added.join("")}</${p}${name}>`);
      } else if (empty.test(xml)) {
        xml = xml.replace(empty, (_, attrs: string) => `<${p}${name}${withCount(attrs)}>${s.added.join("")}</${p}${name}>`);
      } else {
        const block = `<${p}${name} count="${total}">${s.added.join("")}</${p}${name}>`;
        const followers = ORDER.slice(ORDER.indexOf(name) + 1);
        let at = -1;
        for (const f of followers) {
          const m = new RegExp(`<${p}${f}\\b`).exec(xml);
          if (m) {
            at = m.index;
            break;
          }
        }
        if (at < 0) at = xml.lastIndexOf(`</${p}styleSheet>`);
        xml = xml.slice(0, at) + block + xml.slice(at);
      }
    }
    return xml;
  }
}
