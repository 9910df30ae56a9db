// Reads Équilibre's state sheet straight from the package (A1 as an inline or shared string), so the
// writer knows which sheets are its own without loading the workbook.
import { isStateSheetName, parseState, type StoredState } from "./stateSheet.ts";
import { relIs } from "./ooxml.ts";
import { resolveTarget, type XlsxPackage } from "./xlsxPackage.ts";
import { unesc } from "./xmlText.ts";

const texts = (xml: string) => [...xml.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => unesc(m[1]!)).join("");

/** Équilibre's state and the sheet that holds it, or null when no sheet holds it. */
export async function readPackageState(pkg: XlsxPackage, wbPath: string, sheets: { name: string; part: string | null }[]): Promise<{ state: StoredState; sheet: string } | null> {
  for (const s of sheets) {
    if (!isStateSheetName(s.name) || !s.part) continue;
    const state = await stateInPart(pkg, wbPath, s.part);
    if (state) return { state, sheet: s.name };
  }
  return null;
}

async function stateInPart(pkg: XlsxPackage, wbPath: string, part: string): Promise<StoredState | null> {
  const xml = (await pkg.text(part)) ?? "";
  const cell = /<(?:\w+:)?c\b([^>]*\br="A1"[^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/.exec(xml);
  if (!cell) return null;
  const type = /\bt="(\w+)"/.exec(cell[1]!)?.[1];
  const body = cell[2] ?? "";
  if (type === "inlineStr") return parseState(texts(body));
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
  if (v === undefined) return null;
  if (type === "str") return parseState(unesc(v));
  if (type !== "s") return null;
  const rel = (await pkg.rels(wbPath)).find((r) => relIs(r.type, "sharedStrings"));
  if (!rel) return null;
  const shared = (await pkg.text(resolveTarget(wbPath, rel.target))) ?? "";
  let i = 0;
  for (const m of shared.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) {
    if (i++ === Number(v)) return parseState(texts(m[1] ?? ""));
  }
  return null;
}
