// A budget sheet added to a workbook other writers made, at the zip level: a new worksheet part, its relationship,
// its content type and its <sheet> in the workbook part, every other part's bytes kept (prefixes, Strict
// namespaces and odd folders as the writer left them). So a real file that holds no budget still runs the whole
// write path: scripts/otherFiles.ts does it to every file of the mirrors, tests to the files committed from them.
import JSZip from "jszip";

/** A budget sheet added beside the user's sheets at the zip level, every other part's bytes kept. */
export const BUDGET_ROWS: [string, string, number][] = [["Charges", "Achats de fournitures", 1200], ["Charges", "Salaires et traitements", 18000], ["Charges", "Loyer", 3600], ["Produits", "Subvention Région", 9000], ["Produits", "Cotisations des adhérents", 4500], ["Produits", "Dons", 2300]];

function budgetSheetXml(): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const cell = (ref: string, v: string | number) => (typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`);
  const rows = [["Type", "Libellé", "Montant"] as (string | number)[], ...BUDGET_ROWS].map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${"ABC"[j]}${i + 1}`, v)).join("")}</row>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

export async function withBudget(bytes: Buffer): Promise<Buffer | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
    // A damaged part fails here, inside the promise, not later in an event JSZip throws from.
    for (const f of Object.values(zip.files)) if (!f.dir) await f.async("uint8array");
  } catch {
    return null;
  }
  // Entries are found as a reader that ignores case and takes « \ » for « / » finds them (POI's 49609.xlsx), and
  // written back under their own names: the file keeps its writer's oddities, the budget sheet follows them.
  const entryOf = (path: string) => Object.keys(zip.files).find((n) => !zip.files[n]!.dir && n.replace(/\\/g, "/").toLowerCase() === path.toLowerCase());
  const typesName = entryOf("[Content_Types].xml");
  const rootRelsName = entryOf("_rels/.rels");
  if (!typesName || !rootRelsName) return null;
  const types = zip.file(typesName)!;
  const rootXml = await zip.file(rootRelsName)!.async("string");
  const wbPath = rootXml.match(/Target="\/?([^"]*workbook[^"]*\.xml)"/i)?.[1];
  const wbName = wbPath && entryOf(wbPath);
  if (!wbPath || !wbName) return null;
  const dir = wbPath.includes("/") ? wbPath.slice(0, wbPath.lastIndexOf("/") + 1) : "";
  const relsName = entryOf(`${dir}_rels/${wbPath.slice(dir.length)}.rels`);
  if (!relsName) return null;
  const wbRels = zip.file(relsName)!;
  const separator = wbName.includes("\\") ? "\\" : "/";
  let wbXml = await zip.file(wbName)!.async("string");
  let relsXml = await wbRels.async("string");
  let typesXml = await types.async("string");
  const strict = /purl\.oclc\.org\/ooxml/.test(wbXml);
  const main = strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const relNs = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const relType = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  const part = `${dir}worksheets/equilibreBudget.xml`;
  const rid = "rIdEquilibreBudget";
  const ids = [...wbXml.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  // The workbook's own prefix for its main namespace (Open XML SDK writes x:), and one for relationships.
  const prefix = wbXml.match(new RegExp(`xmlns:(\\w+)="${main.replace(/\./g, "\\.")}"`))?.[1];
  const p = prefix ? `${prefix}:` : "";
  const sheetsClose = wbXml.lastIndexOf(`</${p}sheets>`);
  if (sheetsClose < 0) return null;
  wbXml = `${wbXml.slice(0, sheetsClose)}<${p}sheet name="Budget Équilibre" sheetId="${sheetId}" xmlns:er="${relNs}" er:id="${rid}"/>${wbXml.slice(sheetsClose)}`;
  const relsClose = relsXml.lastIndexOf("</");
  relsXml = `${relsXml.slice(0, relsClose)}<Relationship Id="${rid}" Type="${relType}" Target="worksheets/equilibreBudget.xml"/>${relsXml.slice(relsClose)}`;
  const typesClose = typesXml.lastIndexOf("</");
  typesXml = `${typesXml.slice(0, typesClose)}<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${typesXml.slice(typesClose)}`;
  zip.file(wbName, wbXml);
  zip.file(relsName, relsXml);
  zip.file(typesName, typesXml);
  zip.file(part.replace(/\//g, separator), budgetSheetXml().replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", main));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
