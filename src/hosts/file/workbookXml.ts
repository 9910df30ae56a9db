// xl/workbook.xml, edited as text: the sheet list, defined names (print areas follow their sheet when
// sheets are removed or added), the active tab, and a full recalculation when Excel opens the file.
import { isStrictXml, REL_NS, STRICT_REL_NS } from "./ooxml.ts";
import { attributes } from "./xlsxPackage.ts";
import { esc } from "./xmlText.ts";


export interface WorkbookSheet {
  name: string;
  sheetId: number;
  rid: string;
  state: string | null;
  /** The start tag as found (null for a sheet added here). */
  raw: string | null;
}

interface DefinedName {
  name: string;
  /** Index in the sheet list of the sheet the name is local to. */
  local: number | null;
  /** The sheet it is local to, followed through removals (null when global). */
  localSheet: WorkbookSheet | null;
  attrs: string;
  text: string;
}

const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class WorkbookXml {
  readonly sheets: WorkbookSheet[];
  private readonly p: string;
  private readonly r: string = "r";
  private readonly names: DefinedName[];
  private readonly activeSheet: WorkbookSheet | null;
  private xml: string;

  constructor(xml: string) {
    this.xml = xml;
    this.p = /<([\w.-]+:)?workbook\b/.exec(xml)?.[1] ?? "";
    // The relationships prefix, whatever it is called, in Transitional or Strict, declared once on the root (a
    // second xmlns:r on it makes the file unreadable). openpyxl declares it on each <sheet> instead, where the
    // sheets added here cannot see it: then it is declared on the root too, under the name the sheets use.
    const rootTag = /<([\w.-]+:)?workbook\b[^>]*>/.exec(xml)?.[0] ?? "";
    const prefixIn = (text: string) => REL_NS.map((ns) => new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${escRe(ns)}["']`).exec(text)?.[1]).find((x) => x !== undefined);
    const rPrefix = prefixIn(rootTag);
    if (rPrefix) this.r = rPrefix;
    else {
      let r = prefixIn(xml) ?? "r";
      for (let n = 2; new RegExp(`xmlns:${r}\\s*=`).test(rootTag); n++) r = `r${n}`;
      this.r = r;
      const ns = isStrictXml(xml) ? STRICT_REL_NS : REL_NS[0];
      this.xml = this.xml.replace(/<([\w.-]+:)?workbook\b/, (m) => `${m} xmlns:${r}="${ns}"`);
    }
    const sheetsBlock = new RegExp(`<${this.p}sheets\\b[^>]*>([\\s\\S]*?)</${this.p}sheets>`).exec(this.xml)?.[1] ?? "";
    // « <sheet …/> », or « <sheet …></sheet> » as ClosedXML and the Open XML SDK write it: the end tag belongs to
    // the sheet (kept in `raw`), else a sheet added after it would land inside it and the file would not open.
    this.sheets = [...sheetsBlock.matchAll(new RegExp(`<${this.p}sheet\\b([^>]*?)(?:/>|>[\\s\\S]*?</${this.p}sheet\\s*>)`, "g"))].map((m) => {
      const a = attributes(m[1]!);
      return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId") ?? 0), rid: a.get(`${this.r}:id`) ?? "", state: a.get("state") ?? null, raw: m[0] };
    });
    const namesBlock = new RegExp(`<${this.p}definedNames\\b[^>]*>([\\s\\S]*?)</${this.p}definedNames>`).exec(this.xml)?.[1] ?? "";
    this.names = [...namesBlock.matchAll(new RegExp(`<${this.p}definedName\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${this.p}definedName>)`, "g"))].map((m) => {
      const a = attributes(m[1]!);
      const local = a.has("localSheetId") ? Number(a.get("localSheetId")) : null;
      return { name: a.get("name") ?? "", local, localSheet: local === null ? null : (this.sheets[local] ?? null), attrs: m[1]!, text: m[2] ?? "" };
    });
    const active = Number(new RegExp(`<${this.p}workbookView\\b[^>]*?\\bactiveTab="(\\d+)"`).exec(this.xml)?.[1] ?? 0);
    this.activeSheet = this.sheets[active] ?? null;
  }

  /** Removes sheets (by name) from the list, with the defined names local to them or pointing only at them. */
  removeSheets(names: Set<string>): WorkbookSheet[] {
    const removed = this.sheets.filter((s) => names.has(s.name));
    const gone = new Set(removed);
    for (let i = this.sheets.length - 1; i >= 0; i--) if (gone.has(this.sheets[i]!)) this.sheets.splice(i, 1);
    const pointsAtRemoved = (text: string) =>
      removed.some((s) => text.includes(`'${esc(s.name.replace(/'/g, "''"))}'!`) || text.includes(`${esc(s.name)}!`));
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i]!;
      const local = n.localSheet !== null && gone.has(n.localSheet);
      const builtInOnRemoved = n.name.startsWith("_xlnm.") && pointsAtRemoved(n.text);
      if (local || builtInOnRemoved) this.names.splice(i, 1);
    }
    return removed;
  }

  addSheet(name: string, rid: string, state: "veryHidden" | null = null): WorkbookSheet {
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const sheet: WorkbookSheet = { name, sheetId, rid, state, raw: null };
    this.sheets.push(sheet);
    return sheet;
  }

  /** A defined name local to a sheet (a print area, say), replacing one of the same name on that sheet. */
  setLocalName(name: string, sheet: WorkbookSheet, text: string): void {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i]!.name === name && this.names[i]!.localSheet === sheet) this.names.splice(i, 1);
    this.names.push({ name, local: null, localSheet: sheet, attrs: "", text: esc(text) });
  }

  /** Workbook-scoped names: those `owned` recognises (an earlier run's) go, then these are added; every other name stays. */
  setGlobalNames(owned: (name: string) => boolean, names: readonly { name: string; ref: string }[]): void {
    const added = new Set(names.map((n) => n.name.toLowerCase()));
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i]!;
      if (n.localSheet === null && n.local === null && (owned(n.name) || added.has(n.name.toLowerCase()))) this.names.splice(i, 1);
    }
    for (const n of names) this.names.push({ name: n.name, local: null, localSheet: null, attrs: "", text: esc(n.ref) });
  }

  /** Names already defined (Excel table names must not collide with them). */
  definedNames(): string[] {
    return this.names.map((n) => n.name);
  }

  toString(): string {
    const p = this.p;
    let xml = this.xml;
    const sheetTags = this.sheets
      .map((s) => s.raw ?? `<${p}sheet name="${esc(s.name)}" sheetId="${s.sheetId}"${s.state ? ` state="${s.state}"` : ""} ${this.r}:id="${esc(s.rid)}"/>`)
      .join("");
    xml = xml.replace(new RegExp(`(<${p}sheets\\b[^>]*>)[\\s\\S]*?(</${p}sheets>)`), (_, a: string, b: string) => `${a}${sheetTags}${b}`);
    // Defined names: rebuilt where they were, or before the elements that follow them in CT_Workbook.
    const names = this.names
      .filter((n) => n.localSheet === null || this.sheets.includes(n.localSheet))
      .map((n) => {
        const index = n.localSheet === null ? null : this.sheets.indexOf(n.localSheet);
        const attrs = n.attrs ? n.attrs.replace(/\s+localSheetId\s*=\s*("[^"]*"|'[^']*')/, "") : ` name="${esc(n.name)}"`;
        return `<${p}definedName${attrs}${index === null ? "" : ` localSheetId="${index}"`}>${n.text}</${p}definedName>`;
      })
      .join("");
    const block = names ? `<${p}definedNames>${names}</${p}definedNames>` : "";
    const existing = new RegExp(`<${p}definedNames\\b[^>]*>[\\s\\S]*?</${p}definedNames>|<${p}definedNames\\s*/>`);
    if (existing.test(xml)) xml = xml.replace(existing, () => block);
    else xml = insertBefore(xml, p, ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"], block);
    // Recalculate everything on open (the cached results are the engine's, a calcChain would be stale).
    const calcPr = new RegExp(`<${p}calcPr\\b([^>]*?)(/?)>`);
    if (calcPr.test(xml)) {
      xml = xml.replace(calcPr, (_, attrs: string, slash: string) => `<${p}calcPr${attrs.replace(/\s+fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, "")} fullCalcOnLoad="1"${slash}>`);
    } else {
      xml = insertBefore(xml, p, ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"], `<${p}calcPr calcId="191029" fullCalcOnLoad="1"/>`);
    }
    // The active tab and the first visible tab follow the sheet they pointed at.
    const active = this.activeSheet ? Math.max(0, this.sheets.indexOf(this.activeSheet)) : 0;
    xml = xml.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, "g"), (tag) =>
      tag.replace(/\s+activeTab="\d+"/, active > 0 ? ` activeTab="${active}"` : "").replace(/\s+firstSheet="\d+"/, ""),
    );
    return xml;
  }
}

function insertBefore(xml: string, p: string, followers: string[], text: string): string {
  for (const f of followers) {
    const m = new RegExp(`<${p}${f}\\b`).exec(xml);
    if (m) return xml.slice(0, m.index) + text + xml.slice(m.index);
  }
  const end = xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, end) + text + xml.slice(end);
}
