// .xlsx packages written part by part (test helper, not a test), to mimic what other writers produce:
// openpyxl (no prefix, absolute targets), the Open XML SDK (x: prefix), Strict OOXML (purl.oclc.org
// namespaces), pivot tables, inline and rich strings, formulas without a cached value.
import JSZip from "jszip";

export type Conformance = "transitional" | "strict";

const NS = {
  transitional: {
    sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  },
  strict: {
    sml: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  },
};
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface HandSheet {
  name: string;
  /** The rows: each an array of cells, a cell being a number, a string (shared), null, or raw <c> content. */
  rows?: HandCell[][];
  /** Raw sheetData inner XML (with `{p}` for the prefix), instead of `rows`. */
  sheetData?: string;
  /** Raw XML after sheetData (mergeCells…), with `{p}` for the prefix. */
  after?: string;
  state?: "hidden" | "veryHidden";
  /** Extra relationships of the sheet part: type is the last segment (pivotTable, drawing, comments…). */
  rels?: { id: string; type: string; target: string }[];
}

/** A plain value, or a raw cell: attributes besides r (t, s) and its inner XML. */
export type HandCell = number | string | null | { t?: string; s?: number; xml: string };

export interface HandBook {
  sheets: HandSheet[];
  /** The prefix of SpreadsheetML elements ("" for the default namespace, "x" as the Open XML SDK writes). */
  prefix?: string;
  conformance?: Conformance;
  /** Relationship targets written absolute ("/xl/worksheets/sheet1.xml"), as openpyxl writes some. */
  absoluteTargets?: boolean;
  /** Raw <numFmts> and <cellXfs> for styles.xml (with `{p}`), replacing the default one-style sheet. */
  numFmts?: string;
  cellXfs?: string;
  date1904?: boolean;
  /** More parts, path → XML, with their content type. */
  parts?: Record<string, { xml: string; contentType: string }>;
  title?: string;
}

const col = (n: number) => {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};
const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function handMadeXlsx(book: HandBook): Promise<Uint8Array> {
  const ns = NS[book.conformance ?? "transitional"];
  const pre = book.prefix ? `${book.prefix}:` : "";
  const xmlnsSml = book.prefix ? `xmlns:${book.prefix}="${ns.sml}"` : `xmlns="${ns.sml}"`;
  const p = (xml: string) => xml.replace(/\{p\}/g, pre);
  const relType = (kind: string) => `${ns.rel}/${kind}`;
  const target = (fromDir: string, path: string) => (book.absoluteTargets ? `/${path}` : path.slice(fromDir.length));
  const zip = new JSZip();
  const overrides: [string, string][] = [];
  const strings: string[] = [];
  const stringIndex = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rels = (list: { id: string; type: string; target: string }[]) =>
    `${decl}<Relationships xmlns="${PKG_RELS}">${list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join("")}</Relationships>`;

  const wbRels: { id: string; type: string; target: string }[] = [];
  const sheetTags: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const rows =
      sheet.sheetData ??
      (sheet.rows ?? [])
        .map((cells, r) => {
          const body = cells
            .map((v, c) => {
              const ref = `${col(c + 1)}${r + 1}`;
              if (v === null) return "";
              if (typeof v === "number") return `<{p}c r="${ref}"><{p}v>${v}</{p}v></{p}c>`;
              if (typeof v === "string") return `<{p}c r="${ref}" t="s"><{p}v>${stringIndex(v)}</{p}v></{p}c>`;
              return `<{p}c r="${ref}"${v.t ? ` t="${v.t}"` : ""}${v.s !== undefined ? ` s="${v.s}"` : ""}>${v.xml}</{p}c>`;
            })
            .join("");
          return `<{p}row r="${r + 1}">${body}</{p}row>`;
        })
        .join("");
    zip.file(path, p(`${decl}<{p}worksheet ${xmlnsSml} xmlns:r="${ns.r}"><{p}sheetData>${rows}</{p}sheetData>${sheet.after ?? ""}</{p}worksheet>`));
    overrides.push([path, `${CT}.worksheet+xml`]);
    if (sheet.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels(sheet.rels.map((r) => ({ ...r, type: relType(r.type) }))));
    wbRels.push({ id: `rId${i + 1}`, type: relType("worksheet"), target: target("xl/", path) });
    sheetTags.push(`<{p}sheet name="${esc(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${i + 1}"/>`);
  });
  const n = book.sheets.length;
  wbRels.push({ id: `rId${n + 1}`, type: relType("styles"), target: target("xl/", "xl/styles.xml") });
  wbRels.push({ id: `rId${n + 2}`, type: relType("sharedStrings"), target: target("xl/", "xl/sharedStrings.xml") });
  zip.file(
    "xl/workbook.xml",
    p(`${decl}<{p}workbook ${xmlnsSml} xmlns:r="${ns.r}"><{p}workbookPr${book.date1904 ? ' date1904="1"' : ""}/><{p}bookViews><{p}workbookView/></{p}bookViews><{p}sheets>${sheetTags.join("")}</{p}sheets></{p}workbook>`),
  );
  overrides.push(["xl/workbook.xml", `${CT}.sheet.main+xml`]);
  zip.file("xl/_rels/workbook.xml.rels", rels(wbRels));
  const cellXfs = book.cellXfs ?? '<{p}cellXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></{p}cellXfs>';
  zip.file(
    "xl/styles.xml",
    p(
      `${decl}<{p}styleSheet ${xmlnsSml}>${book.numFmts ?? ""}<{p}fonts count="1"><{p}font><{p}sz val="11"/><{p}name val="Calibri"/></{p}font></{p}fonts>` +
        `<{p}fills count="2"><{p}fill><{p}patternFill patternType="none"/></{p}fill><{p}fill><{p}patternFill patternType="gray125"/></{p}fill></{p}fills>` +
        `<{p}borders count="1"><{p}border><{p}left/><{p}right/><{p}top/><{p}bottom/><{p}diagonal/></{p}border></{p}borders>` +
        `<{p}cellStyleXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></{p}cellStyleXfs>${cellXfs}` +
        `<{p}cellStyles count="1"><{p}cellStyle name="Normal" xfId="0" builtinId="0"/></{p}cellStyles></{p}styleSheet>`,
    ),
  );
  overrides.push(["xl/styles.xml", `${CT}.styles+xml`]);
  zip.file("xl/sharedStrings.xml", p(`${decl}<{p}sst ${xmlnsSml} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<{p}si><{p}t xml:space="preserve">${esc(s)}</{p}t></{p}si>`).join("")}</{p}sst>`));
  overrides.push(["xl/sharedStrings.xml", `${CT}.sharedStrings+xml`]);
  for (const [path, part] of Object.entries(book.parts ?? {})) {
    zip.file(path, p(part.xml));
    overrides.push([path, part.contentType]);
  }
  zip.file(
    "docProps/core.xml",
    `${decl}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(book.title ?? "")}</dc:title><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`,
  );
  overrides.push(["docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"]);
  zip.file(
    "_rels/.rels",
    rels([
      { id: "rId1", type: relType("officeDocument"), target: book.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml" },
      { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
    ]),
  );
  zip.file(
    "[Content_Types].xml",
    `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${overrides.map(([path, type]) => `<Override PartName="/${path}" ContentType="${type}"/>`).join("")}</Types>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The small budget most cases use: two charges, two produits, 1 000 + 2 500 = 1 500 + 2 000. */
export const BUDGET_ROWS: HandCell[][] = [
  ["Poste", "Budget 2026"],
  ["CHARGES", null],
  ["Achats de fournitures", 1000],
  ["Salaires", 2500],
  ["PRODUITS", null],
  ["Subvention de la commune", 1500],
  ["Cotisations des adhérents", 2000],
];

/** The budget as openpyxl writes it: absolute targets, a drawing in the default namespace (no xdr:), a comment with its VML. */
export function openpyxlBook(): HandBook {
  const drawing =
    '<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><oneCellAnchor><from><col>4</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from><ext cx="100" cy="100"/><clientData/></oneCellAnchor></wsDr>';
  const comments =
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Trésorier</author></authors><commentList><comment ref="B3" authorId="0"><text><t>à vérifier</t></text></comment></commentList></comments>';
  return {
    absoluteTargets: true,
    sheets: [
      {
        name: "Budget",
        rows: BUDGET_ROWS,
        after: '<{p}drawing r:id="rId1"/><{p}legacyDrawing r:id="rId3"/>',
        rels: [
          { id: "rId1", type: "drawing", target: "/xl/drawings/drawing1.xml" },
          { id: "rId2", type: "comments", target: "/xl/comments/comment1.xml" },
          { id: "rId3", type: "vmlDrawing", target: "/xl/drawings/commentsDrawing1.vml" },
        ],
      },
    ],
    parts: {
      "xl/drawings/drawing1.xml": { xml: drawing, contentType: "application/vnd.openxmlformats-officedocument.drawing+xml" },
      "xl/comments/comment1.xml": { xml: comments, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" },
      "xl/drawings/commentsDrawing1.vml": { xml: '<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>', contentType: "application/vnd.openxmlformats-officedocument.vmlDrawing" },
    },
  };
}
