import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { describe, expect, it } from "vitest";
import { attr, attrDigits, attrNs, XmlError, XmlScanner } from "./xmlScanner.ts";

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];

/** What a reader sees: each element with its namespace and the attributes asked for, and the text (pieces joined). */
function scan(chunks: string[], names: string[] = ["r", "t", "s", "name"]): string[] {
  const log: string[] = [];
  let text = "";
  const flush = () => {
    if (text) log.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  const scanner = new XmlScanner({
    open(el, depth) {
      flush();
      const attrs = names.map((n) => [n, attr(el, n)]).filter(([, v]) => v !== undefined);
      log.push(`open ${depth} {${el.uri}}${el.local} ${JSON.stringify(attrs)} rid=${attrNs(el, REL, "id") ?? ""}`);
    },
    close(local, uri, depth) {
      flush();
      log.push(`close ${depth} {${uri}}${local}`);
    },
    text(t) {
      text += t;
    },
  });
  for (const c of chunks) scanner.write(c);
  scanner.close();
  flush();
  return log;
}

/** The same, through saxes: the general parser the scanner replaced, as the reference. */
function saxes(xml: string, names: string[] = ["r", "t", "s", "name"]): string[] {
  const log: string[] = [];
  let text = "";
  let depth = 0;
  const flush = () => {
    if (text) log.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => {
    throw e;
  });
  p.on("opentag", (tag: SaxesTagNS) => {
    flush();
    const attrs = names.map((n) => [n, tag.attributes[n]?.uri === "" ? tag.attributes[n]!.value : undefined]).filter(([, v]) => v !== undefined);
    const rid = Object.values(tag.attributes).find((a) => a.local === "id" && REL.includes(a.uri))?.value ?? "";
    log.push(`open ${depth} {${tag.uri}}${tag.local} ${JSON.stringify(attrs)} rid=${rid}`);
    if (tag.isSelfClosing) log.push(`close ${depth} {${tag.uri}}${tag.local}`);
    else depth++;
  });
  p.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    flush();
    depth--;
    log.push(`close ${depth} {${tag.uri}}${tag.local}`);
  });
  p.on("text", (t) => {
    if (depth > 0) text += t;
  });
  p.on("cdata", (t) => {
    text += t;
  });
  p.write(xml).close();
  flush();
  return log;
}

const splits = (xml: string, cuts: number[]) => {
  const at = [...new Set(cuts.map((c) => Math.floor(c * xml.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(xml.slice(from, c));
    from = c;
  }
  out.push(xml.slice(from));
  return out;
};

const DOCUMENTS = [
  // Transitional, default namespace, shared strings, a formula, an inline rich string.
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SML}" xmlns:r="${REL[0]}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><f>SUM(B2:B9)&amp;"&lt;"</f><v>12.5</v></c><c r="C1" t="inlineStr"><is><r><t xml:space="preserve"> Dons </t></r><r><t>&#233;t&#xE9;</t></r></is></c></row></sheetData><drawing r:id="rId7"/></worksheet>`,
  // The x: prefix (Open XML SDK), Strict namespaces, single quotes, attributes over several lines.
  `<x:worksheet xmlns:x="${STRICT}" xmlns:rel='${REL[1]}'><x:sheetData><x:row r='2'\n   spans="1:2"><x:c r="A2"\tt="str"><x:v>a &quot;b&quot; &apos;c&apos;</x:v></x:c></x:row></x:sheetData><x:drawing rel:id="rId1"/></x:worksheet>`,
  // Comments, a processing instruction, CDATA, line ends to normalise, a namespace redeclared inside.
  `<?xml version="1.0"?><!-- avant --><sst xmlns="${SML}" count="2"><!-- dedans --><si><t>ligne 1\r\nligne 2\rfin</t></si><?pi donnees?><si><t><![CDATA[<pas> & balise]]></t></si><ext xmlns="urn:autre"><si name="x&#10;y"/></ext></sst>\n`,
  // An attribute value with a tab and a line end (read as spaces), an empty element, text with > and whitespace.
  `<workbook xmlns="${SML}"><sheets><sheet name="Budget\t2026\nbis" sheetId="1" /><sheet name="A &amp; B" /></sheets><definedNames>  x &gt; 1  </definedNames></workbook>`,
];

describe("the XML scanner", () => {
  it("sees what saxes sees: elements by namespace URI, attributes, text with entities and line ends", () => {
    for (const xml of DOCUMENTS) expect(scan([xml])).toEqual(saxes(xml));
  });

  it("gives the same reading however the text is cut into chunks", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (xml, cuts) => {
        expect(scan(splits(xml, cuts))).toEqual(saxes(xml));
      }),
      { numRuns: 300 },
    );
    // Every cut of one document, one character at a time.
    const xml = DOCUMENTS[0]!;
    expect(scan([...xml])).toEqual(saxes(xml));
  });

  it("refuses what a spreadsheet part never holds, whole or in chunks", () => {
    const bad = [
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>',
      "<a>&lol;</a>",
      "<a>x & y</a>",
      "<a><b></a>",
      "<a><b>",
      "<a></b>",
      "<x:a/>",
      "<a x:y='1'/>",
      "<a/><b/>",
      "texte<a/>",
      "<a/>texte",
      '<a r="1" r="2"/>',
      '<a r="<"/>',
      "<a r=1/>",
      "<<<pas du XML & \u0000 ]]>",
      "",
      "<a",
      "<a>&#0;</a>",
      "<1a/>",
    ];
    for (const xml of bad) {
      expect(() => scan([xml]), xml).toThrow(XmlError);
      expect(() => scan([...xml]), xml).toThrow(XmlError);
      expect(() => saxes(xml), `saxes also refuses ${xml}`).toThrow();
    }
  });

  it("reads a plain integer attribute in place, and leaves any other writing of it to attr", () => {
    const seen: (number | null | undefined)[] = [];
    const s = new XmlScanner({ open: (el) => seen.push(attrDigits(el, "s")), close() {}, text() {} });
    s.write(`<a s="12"><b s=" 3"/><b s="&#51;"/><b s="-1"/><b/><b x:s="4" xmlns:x="urn:x"/><b s="0007"/><b s=""/></a>`);
    s.close();
    expect(seen).toEqual([12, null, null, null, undefined, undefined, 7, null]);
  });

  it("refuses nesting beyond the depth it is given", () => {
    const deep = (n: number) => `${"<a>".repeat(n)}${"</a>".repeat(n)}`;
    const run = (xml: string) => {
      const s = new XmlScanner({ open() {}, close() {}, text() {} }, 200);
      s.write(xml);
      s.close();
    };
    expect(() => run(deep(200))).not.toThrow();
    expect(() => run(deep(201))).toThrow(/nested too deeply/);
  });
});

describe("the XML scanner on the workbooks in the repository", () => {
  // The hand-written documents above show each construct once; real writers (Excel, LibreOffice, openpyxl,
  // XlsxWriter, the Open XML SDK) put them together in ways nobody wrote by hand. Every XML part of every
  // workbook the repository holds must be seen as saxes sees it, and its reports too.
  const roots = ["tests/fixtures", "corpus/xlsx", "examples"];
  const workbooks = roots.flatMap((root) => (existsSync(root) ? walk(root) : [])).filter((f) => /\.xls[xm]$/i.test(f));

  it("finds the workbooks to compare", () => {
    expect(workbooks.length).toBeGreaterThan(50);
  });

  it("sees in every XML part what saxes sees", async () => {
    let parts = 0;
    for (const file of workbooks) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels|vml)$/i.test(n))) {
        // Without the byte-order mark, as the reader's TextDecoder gives a part (ClosedXML writes one).
        const xml = (await zip.file(name)!.async("string")).replace(/^\uFEFF/, "");
        if (!xml.trimStart().startsWith("<")) continue;
        expect(scan([xml]), `${file} ${name}`).toEqual(saxes(xml));
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(500);
  }, 120_000);
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
