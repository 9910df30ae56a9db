// One shape for "what a report looks like in a workbook", built from either host's output: the .xlsx the
// file host writes (read back with exceljs, charts from their XML parts) and the simulated workbook the
// Excel host wrote through Office.js. The parity test compares the two.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetters } from "../../src/workbook/snapshot.ts";
import { boxAddress, parseAddress, type SimSheet } from "./simWorkbook.ts";

export interface CellLook {
  value?: string | number | boolean | null;
  formula?: string;
  numFmt: string;
  style: string;
}
export interface ChartLook {
  type: string;
  title: string;
  series: { name: string; values: string; categories: string }[];
}
export interface SheetLook {
  cells: Record<string, CellLook>;
  widths: Record<string, number>;
  heights: Record<string, number>;
  merges: string[];
  freeze: { rows: number; cols: number } | null;
  tables: { name: string; ref: string; columns: string[] }[];
  validations: { ref: string; source: string; prompt: string; error: string }[];
  conditionalFormats: string[];
  charts: ChartLook[];
  print: { landscape: boolean; area: string; header: string; footer: string; titleRows: string | null } | null;
  tabColor: string | null;
}

const hex = (c: unknown) => (typeof c === "string" && c ? c.replace(/^#/, "").replace(/^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase() : "");
const styleKey = (s: { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string; h?: string; v?: string; wrap?: boolean; border?: boolean }) =>
  [s.bold ? "b" : "", s.italic ? "i" : "", `sz${s.size ?? 11}`, s.color ? `c${hex(s.color)}` : "", s.fill ? `f${hex(s.fill)}` : "", s.h ? `h-${s.h.toLowerCase()}` : "", s.v ? `v-${s.v.toLowerCase()}` : "", s.wrap ? "wrap" : "", s.border ? "border" : ""]
    .filter(Boolean)
    .join(" ");
const round = (n: number) => Math.round(n * 10) / 10;
const noDollar = (s: string) => s.replace(/\$/g, "");
const unquoteSheet = (s: string) => noDollar(s).replace(/^'((?:[^']|'')+)'!/, (_, n: string) => `${n.replace(/''/g, "'")}!`);

const byRef = <T extends { ref: string }>(list: T[]) => {
  const key = (ref: string) => {
    const p = parseAddress(ref).box;
    return p.c0 * 2_000_000 + p.r0;
  };
  return [...list].sort((a, b) => key(a.ref) - key(b.ref));
};
const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The file host's .xlsx: the sheets named `names`. */
export async function lookOfXlsx(bytes: Uint8Array, names: string[]): Promise<Record<string, SheetLook>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const charts = await chartsOfZip(zip);
  const out: Record<string, SheetLook> = {};
  for (const name of names) {
    const ws = wb.getWorksheet(name)!;
    const cells: Record<string, CellLook> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        // exceljs repeats a merge's value in every cell it covers; Excel holds it in the first only.
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value as unknown;
        const f = v && typeof v === "object" && "formula" in (v as object) ? String((v as { formula: string }).formula) : v && typeof v === "object" && "sharedFormula" in (v as object) ? cell.formula : undefined;
        const a = cell.alignment ?? {};
        const b = cell.border ?? {};
        const font = cell.font ?? {};
        const fill = cell.fill as { fgColor?: { argb?: string }; pattern?: string } | undefined;
        const look: CellLook = {
          ...(f ? { formula: f } : { value: v instanceof Date ? v.toISOString() : ((v as string | number | boolean | null) ?? null) }),
          numFmt: cell.numFmt || "General",
          style: styleKey({
            bold: font.bold,
            italic: font.italic,
            size: font.size,
            color: font.color?.argb,
            fill: fill?.pattern === "solid" ? fill.fgColor?.argb : undefined,
            h: a.horizontal,
            v: a.vertical,
            wrap: a.wrapText,
            border: Boolean(b.top?.style && b.bottom?.style && b.left?.style && b.right?.style),
          }),
        };
        if (look.value === null && !look.formula && look.style === "sz11" && look.numFmt === "General") return;
        cells[cell.address] = look;
      }),
    );
    const widths: Record<string, number> = {};
    (ws.columns ?? []).forEach((col, i) => {
      if (col.width !== undefined && (col as { customWidth?: boolean }).customWidth !== false) widths[columnLetters(i + 1)] = round(col.width);
    });
    const heights: Record<string, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height && (row as unknown as { customHeight?: boolean }).customHeight !== false) heights[r] = round(row.height);
    });
    const view = (ws.views ?? [])[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae?: string[]; prompt?: string; error?: string; promptTitle?: string; errorTitle?: string }> } }).dataValidations.model;
    const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; operator?: string; formulae?: (string | number)[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } } }[] }[] }).conditionalFormattings ?? [];
    const tables = Object.values((ws as unknown as { tables?: Record<string, { table?: { name?: string; displayName?: string; tableRef?: string; ref?: string; columns?: { name: string }[] } }> }).tables ?? {}).map((t) => {
      const m = t.table ?? (t as never);
      return { name: String(m.displayName ?? m.name), ref: String(m.tableRef ?? m.ref), columns: (m.columns ?? []).map((c) => c.name) };
    });
    const hf = ws.headerFooter ?? {};
    const ps = ws.pageSetup ?? {};
    out[name] = {
      cells,
      widths,
      heights,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      freeze: view?.state === "frozen" ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null,
      tables,
      validations: byRef(Object.entries(dv)
        .map(([ref, v]) => ({ ref, source: noDollar(String(v.formulae?.[0] ?? "")).replace(/^"(.*)"$/, "$1"), prompt: `${v.promptTitle ?? ""}|${v.prompt ?? ""}`, error: `${v.errorTitle ?? ""}|${v.error ?? ""}` }))
        .map((v) => ({ ...v, source: unquoteSheet(v.source) }))),
      conditionalFormats: cfs.flatMap((cf) =>
        cf.rules.map((r) =>
          r.type === "expression"
            ? `${cf.ref} ${String(r.formulae?.[0])} fill ${hex(r.style?.fill?.bgColor?.argb)} font ${hex(r.style?.font?.color?.argb)}${r.style?.font?.bold ? " bold" : ""}`
            : `${cf.ref} ${r.operator} ${String(r.formulae?.[0])} fill ${hex(r.style?.fill?.bgColor?.argb)}`,
        ),
      ),
      charts: charts.get(name) ?? [],
      print: ps.printArea || hf.oddHeader ? { landscape: ps.orientation === "landscape", area: noDollar(String(ps.printArea ?? "")), header: String(hf.oddHeader ?? ""), footer: String(hf.oddFooter ?? ""), titleRows: ps.printTitlesRow ? noDollar(String(ps.printTitlesRow)) : null } : null,
      tabColor: hex((ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb) || null,
    };
  }
  return out;
}

/** Charts by sheet name, from the package's chart parts (exceljs does not read charts). */
async function chartsOfZip(zip: JSZip): Promise<Map<string, ChartLook[]>> {
  const out = new Map<string, ChartLook[]>();
  const text = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const rels = async (p: string) => {
    const dir = p.slice(0, p.lastIndexOf("/"));
    const xml = await text(`${dir}/_rels/${p.slice(p.lastIndexOf("/") + 1)}.rels`);
    return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({ id: /Id="([^"]+)"/.exec(m[0])![1]!, target: new URL(/Target="([^"]+)"/.exec(m[0])![1]!, `file:///${dir}/`).pathname.slice(1) }));
  };
  const wbRels = await rels("xl/workbook.xml");
  for (const m of (await text("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1]!.replace(/&amp;/g, "&").replace(/&apos;/g, "'");
    const rid = /r:id="([^"]+)"/.exec(m[0])![1]!;
    const sheetPath = wbRels.find((r) => r.id === rid)?.target;
    if (!sheetPath) continue;
    const drawing = (await rels(sheetPath)).find((r) => r.target.includes("drawings/"));
    if (!drawing) continue;
    const charts: ChartLook[] = [];
    for (const c of (await rels(drawing.target)).filter((r) => r.target.includes("charts/"))) {
      const xml = await text(c.target);
      const type = xml.includes("<c:doughnutChart>") ? "Doughnut" : /<c:barDir val="bar"/.test(xml) ? "BarClustered" : "ColumnClustered";
      const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("");
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((s) => ({
        name: decode(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(s[1]!)?.[1] ?? ""),
        categories: unquoteSheet(decode(/<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(s[1]!)?.[1] ?? "")),
        values: unquoteSheet(decode(/<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(s[1]!)?.[1] ?? "")),
      }));
      charts.push({ type, title: decode(title), series });
    }
    out.set(name, charts);
  }
  return out;
}

/** The simulated workbook's sheet, as the Excel host left it. */
export function lookOfSim(s: SimSheet): SheetLook {
  const cells: Record<string, CellLook> = {};
  const keys = new Set<number>([...s.cells.keys(), ...s.formats.keys(), ...s.numberFormats.keys()]);
  for (const k of keys) {
    const r = Math.floor(k / 16_384);
    const c = k % 16_384;
    const cell = s.cell(r, c);
    const f = s.format(r, c);
    const b = f.borders ?? {};
    const look: CellLook = {
      ...(cell?.formula ? { formula: cell.formula.replace(/^=/, "") } : { value: cell?.value ?? null }),
      numFmt: s.numberFormat(r, c),
      style: styleKey({ bold: f.bold, italic: f.italic, size: f.size, color: f.color, fill: f.fill, h: f.horizontalAlignment, v: f.verticalAlignment, wrap: f.wrapText, border: Boolean(b.top && b.bottom && b.left && b.right) }),
    };
    if (look.value === null && !look.formula && look.style === "sz11" && look.numFmt === "General") continue;
    cells[`${columnLetters(c + 1)}${r + 1}`] = look;
  }
  const widths: Record<string, number> = {};
  for (const [c, pt] of s.columnWidths) widths[columnLetters(c + 1)] = round(pt / 0.75 / 7);
  const heights: Record<string, number> = {};
  for (const [r, h] of s.rowHeights) heights[r + 1] = round(h);
  const hf = s.pageLayout.headerFooter;
  const part = (l?: string, c?: string, r?: string) => `${l ? `&L${l}` : ""}${c ? `&C${c}` : ""}${r ? `&R${r}` : ""}`;
  return {
    cells,
    widths,
    heights,
    merges: s.merges.map((m) => m.replace(" (across)", "")).sort(),
    freeze: s.freeze,
    tables: s.tables.map((t) => ({ name: t.name, ref: t.address, columns: t.columns })),
    // Cell by cell, as exceljs reads them back.
    validations: byRef(
      s.validations.flatMap((v) => {
        const rule = v.rule as { list?: { source?: string } };
        const p = (v.prompt ?? {}) as { title?: string; message?: string };
        const e = (v.errorAlert ?? {}) as { title?: string; message?: string };
        const { box } = parseAddress(v.address);
        const out = [];
        for (let r = box.r0; r <= box.r1; r++)
          for (let c = box.c0; c <= box.c1; c++)
            out.push({ ref: `${columnLetters(c + 1)}${r + 1}`, source: unquoteSheet(String(rule.list?.source ?? "").replace(/^=/, "")), prompt: `${p.title ?? ""}|${p.message ?? ""}`, error: `${e.title ?? ""}|${e.message ?? ""}` });
        return out;
      }),
    ),
    conditionalFormats: s.conditionalFormats.map((cf) =>
      cf.type === "Custom"
        ? `${cf.address} ${String(cf.rule.formula).replace(/^=/, "")} fill ${hex(cf.format.fill)} font ${hex(cf.format.color)}${cf.format.bold ? " bold" : ""}`
        : `${cf.address} ${String(cf.rule.operator).replace(/^./, (x) => x.toLowerCase())} ${String(cf.rule.formula1)} fill ${hex(cf.format.fill)}`,
    ),
    charts: s.charts.map((c) => ({ type: c.type, title: c.title ?? "", series: c.series.map((x) => ({ name: x.name ?? "", values: unquoteSheet(x.values ?? ""), categories: unquoteSheet(x.xValues ?? "") })) })),
    print: s.pageLayout.printArea || Object.keys(hf).length > 0 ? { landscape: s.pageLayout.orientation === "Landscape", area: noDollar(s.pageLayout.printArea ?? ""), header: part(hf.LeftHeader, hf.CenterHeader, hf.RightHeader), footer: part(hf.LeftFooter, hf.CenterFooter, hf.RightFooter), titleRows: s.pageLayout.titleRows ? noDollar(s.pageLayout.titleRows) : null } : null,
    tabColor: hex(s.tabColor) || null,
  };
}

export { boxAddress, parseAddress };
