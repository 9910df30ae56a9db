// An offline check of manifest.xml: office-addin-manifest validate needs Microsoft's online service,
// so the project checks what that service would refuse (docs/architecture.md, « Pinned technology »).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
  "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides",
];
const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "SupportUrl", "Hosts", "DefaultSettings", "Permissions"];

export interface ManifestReport {
  errors: string[];
}

function pngSize(path: string): number | null {
  if (!existsSync(path)) return null;
  const b = readFileSync(path);
  return b.readUInt32BE(16) === b.readUInt32BE(20) ? b.readUInt32BE(16) : -1;
}

/** Checks the manifest text; `root` is the project folder (for icon files). Needs a DOMParser (happy-dom). */
export function checkManifest(xml: string, root: string): ManifestReport {
  const errors: string[] = [];
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) return { errors: ["not well-formed XML"] };
  const app = doc.documentElement;
  if (app.localName !== "OfficeApp" || app.namespaceURI !== "http://schemas.microsoft.com/office/appforoffice/1.1") errors.push("root must be OfficeApp in the appforoffice/1.1 namespace");
  if (app.getAttribute("xsi:type") !== "TaskPaneApp") errors.push("xsi:type must be TaskPaneApp");
  const top = [...app.children].map((c) => c.localName);
  for (const r of REQUIRED) if (!top.includes(r)) errors.push(`missing <${r}>`);
  const positions = top.map((t) => ORDER.indexOf(t));
  if (positions.some((p) => p < 0)) errors.push(`unknown top-level element: ${top.filter((t) => !ORDER.includes(t)).join(", ")}`);
  for (let i = 1; i < positions.length; i++) if (positions[i]! < positions[i - 1]!) errors.push(`<${top[i]}> must come before <${top[i - 1]}>`);
  const text = (name: string) => [...app.children].find((c) => c.localName === name)?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id"))) errors.push("Id must be a GUID");
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) errors.push("Version must look like 1.0.0.0");
  if (text("Permissions") !== "ReadWriteDocument") errors.push("Permissions must be ReadWriteDocument");
  const hosts = [...doc.getElementsByTagName("Host")].map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"));
  if (!hosts.includes("Workbook")) errors.push("Host Workbook missing");
  // Every URL is https.
  for (const el of [...doc.getElementsByTagName("*")]) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v) && !v.startsWith("https://")) errors.push(`${el.localName} ${attr} is not https: ${v}`);
    }
    if (el.localName === "AppDomain" && !el.textContent!.trim().startsWith("https://")) errors.push(`AppDomain not https`);
  }
  // Every resid resolves to a resource of the right kind.
  const resources = new Map<string, string>();
  for (const kind of ["Image", "Url", "String"]) for (const el of [...doc.getElementsByTagName(`bt:${kind}`)]) if (el.getAttribute("id")) resources.set(el.getAttribute("id")!, kind);
  for (const el of [...doc.getElementsByTagName("*")]) {
    const resid = el.getAttribute("resid");
    if (resid && !resources.has(resid)) errors.push(`resid ${resid} does not resolve`);
    if (resid && resid.length > 32) errors.push(`resid ${resid} is longer than 32 characters`);
  }
  // Icons exist in assets/ at their declared sizes.
  for (const el of [...doc.getElementsByTagName("bt:Image")]) {
    const url = el.getAttribute("DefaultValue") ?? "";
    const m = /\/assets\/(icon-(\d+)\.png)$/.exec(url);
    if (!m) continue;
    const size = pngSize(join(root, "assets", m[1]!));
    if (size !== Number(m[2])) errors.push(`${m[1]} is missing or not ${m[2]} px`);
  }
  // French first, with English overrides.
  if (text("DefaultLocale") !== "fr-FR") errors.push("DefaultLocale must be fr-FR");
  for (const name of ["DisplayName", "Description"]) {
    const el = [...app.children].find((c) => c.localName === name);
    if (!el || ![...el.children].some((o) => o.localName === "Override" && o.getAttribute("Locale") === "en-US")) errors.push(`${name} needs an en-US override`);
  }
  const requirement = [...doc.getElementsByTagName("Set")].find((s) => s.getAttribute("Name") === "ExcelApi");
  if (!requirement) errors.push("ExcelApi requirement missing");
  if (![...doc.getElementsByTagName("OfficeTab")].some((t) => t.getAttribute("id") === "TabHome")) errors.push("the ribbon button must sit on the Home tab");
  return { errors };
}
