// The namespaces and relationship types of SpreadsheetML, in both conformance classes: Transitional (what
// Excel writes by default) and Strict (« Classeur Open XML strict »). A part is recognised by its namespace
// URI, never by the prefix its writer chose (none, x:, ssml:…).

export const SML_NS = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"] as const;
export const REL_NS = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"] as const;
export const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const STRICT_SML_NS = SML_NS[1];
export const STRICT_REL_NS = REL_NS[1];

const SML = new Set<string>(SML_NS);
/** An element of SpreadsheetML's main namespace (or of none, as some generators write). */
export const isSml = (uri: string) => uri === "" || SML.has(uri);

/** Whether a relationship type is `kind` (worksheet, styles…) in either conformance class. */
export function relIs(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`) && (type.startsWith("http://schemas.openxmlformats.org/") || type.startsWith("http://purl.oclc.org/ooxml/"));
}

/** Whether an XML text uses the Strict namespaces (the writer then writes Strict names too). */
export const isStrictXml = (xml: string) => xml.includes(STRICT_SML_NS);

/** Transitional namespace → its Strict counterpart, for the parts Équilibre writes into a Strict workbook. */
const STRICT_OF: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
  ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
];

/**
 * A part Équilibre wrote, in Strict terms: Strict namespaces, and the chart amounts Strict writes as
 * percentages ("80%" where Transitional writes 80).
 */
export function toStrict(xml: string): string {
  let out = xml;
  for (const [from, to] of STRICT_OF) out = out.split(`"${from}"`).join(`"${to}"`);
  return out.replace(/<(c:(?:gapWidth|holeSize|lblOffset|overlap)) val="(-?\d+)"/g, '<$1 val="$2%"');
}

/** The relationship type `kind` (worksheet, styles…) in the package's conformance class. */
export const relType = (kind: string, strict: boolean) => `${strict ? STRICT_REL_NS : REL_NS[0]}/${kind}`;
