// Test helpers (imported by tests only): strict XML parsing, a package's parts and their links.
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { attributes, relsPathOf, resolveTarget } from "./xlsxPackage.ts";

/** Parses XML strictly (namespaces checked); throws on the first well-formedness error. Returns the root's children names. */
export function parseStrict(xml: string, where = "xml"): { root: string; children: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let root = "";
  const children: string[] = [];
  parser.on("error", (e) => {
    throw new Error(`${where}: ${e.message}`);
  });
  parser.on("opentag", (tag) => {
    if (depth === 0) root = tag.local;
    if (depth === 1) children.push(tag.local);
    if (!tag.isSelfClosing) depth++;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  parser.write(xml).close();
  return { root, children };
}

export interface PackageView {
  zip: JSZip;
  files: string[];
  text(path: string): Promise<string>;
  rels(part: string): Promise<{ id: string; type: string; target: string; path: string }[]>;
  overrides: Map<string, string>;
  defaults: Map<string, string>;
  /** Sheet name → worksheet part, in workbook order. */
  sheets: { name: string; path: string; state: string | null }[];
}

export async function openPackage(bytes: Uint8Array): Promise<PackageView> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const rels = async (part: string) =>
    [...(await text(relsPathOf(part))).matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
      const a = attributes(m[1]!);
      return { id: a.get("Id")!, type: a.get("Type")!, target: a.get("Target")!, path: a.get("TargetMode") === "External" ? "" : resolveTarget(part, a.get("Target")!) };
    });
  const ct = await text("[Content_Types].xml");
  const overrides = new Map([...ct.matchAll(/<Override\b([^>]*?)\/>/g)].map((m) => attributes(m[1]!)).map((a) => [decodeURI(a.get("PartName")!.slice(1)), a.get("ContentType")!]));
  const defaults = new Map([...ct.matchAll(/<Default\b([^>]*?)\/>/g)].map((m) => attributes(m[1]!)).map((a) => [a.get("Extension")!.toLowerCase(), a.get("ContentType")!]));
  const wbRels = await rels("xl/workbook.xml");
  const sheets = [...(await text("xl/workbook.xml")).matchAll(/<sheet\b([^>]*?)\/>/g)].map((m) => {
    const a = attributes(m[1]!);
    return { name: a.get("name")!, path: wbRels.find((r) => r.id === a.get("r:id"))!.path, state: a.get("state") ?? null };
  });
  return { zip, files, text, rels, overrides, defaults, sheets };
}
