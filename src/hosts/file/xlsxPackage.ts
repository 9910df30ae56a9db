// An .xlsx as an OPC package (a zip of XML parts tied by relationships and content types), edited in place:
// parts Équilibre does not touch keep their bytes (JSZip passes unchanged entries through).
import JSZip from "jszip";
import { deflateNatively, writeChunksNatively } from "./nativeDeflate.ts";
import { esc, unesc } from "./xmlText.ts";
import { decodeXml, utf8Declaration } from "./xmlEncoding.ts";

/** Parts larger than this are compressed natively when the platform can. */
const LARGE_PART = 1 << 20;

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL = {
  officeDocument: `${R}/officeDocument`,
  worksheet: `${R}/worksheet`,
  styles: `${R}/styles`,
  sharedStrings: `${R}/sharedStrings`,
  calcChain: `${R}/calcChain`,
  table: `${R}/table`,
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
};
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const CONTENT_TYPE = {
  worksheet: `${SML}.worksheet+xml`,
  styles: `${SML}.styles+xml`,
  table: `${SML}.table+xml`,
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Attributes of one XML start tag's attribute text: name → decoded value. */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, unesc(m[2] ?? m[3] ?? ""));
  return out;
}

const dirOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "");

/** The part a relationship target names, as a zip path (no leading slash). */
export function resolveTarget(fromPart: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : dirOf(fromPart) + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return safeDecode(out.join("/"));
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

const CONTENT_TYPES = "[Content_Types].xml";

/**
 * Gives zip entries other names, their bytes as they are (still compressed: a part passes through unchanged), each
 * where it stood in the zip's order.
 */
function renameEntries(zip: JSZip, names: Map<string, string>): void {
  if (names.size === 0) return;
  const files = zip.files as Record<string, JSZip.JSZipObject>;
  const entries = Object.entries(files);
  for (const [name] of entries) delete files[name];
  for (const [name, entry] of entries) {
    const to = names.get(name) ?? name;
    (entry as { name: string }).name = to;
    files[to] = entry;
  }
}

/**
 * Entries named with Windows separators (« xl\\workbook.xml »), as some tools zip a folder on Windows: Excel
 * opens them (calamine's issue #530: « I can open it with Office »; POI's 49609.xlsx), so they are renamed with « / », the zip's separator,
 * before anything is looked up. True when one was. An entry whose « / » name exists already is left alone.
 */
function windowsSeparators(zip: JSZip): boolean {
  const names = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const to = name.replace(/\\/g, "/");
    if (to !== name && !zip.files[to]) names.set(name, to);
  }
  renameEntries(zip, names);
  return names.size > 0;
}

/** The name of the file entry that is `path` when case is ignored, or null. */
function caseOf(zip: JSZip, path: string): string | null {
  const wanted = path.toLowerCase();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir && name.toLowerCase() === wanted) return name;
  return null;
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export const relsPathOf = (part: string) => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

export class XlsxPackage {
  private readonly relsCache = new Map<string, Rel[]>();
  private readonly dirtyRels = new Set<string>();
  private defaults: { ext: string; type: string }[] = [];
  private overrides = new Map<string, string>();
  private readonly large = new Map<string, string>();

  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    const pkg = new XlsxPackage(await JSZip.loadAsync(bytes));
    const renamed = windowsSeparators(pkg.zip);
    const ct = (await pkg.text(pkg.has(CONTENT_TYPES) ? CONTENT_TYPES : (caseOf(pkg.zip, CONTENT_TYPES) ?? CONTENT_TYPES))) ?? "";
    for (const m of ct.matchAll(/<(?:\w+:)?Default\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]!);
      pkg.defaults.push({ ext: a.get("Extension") ?? "", type: a.get("ContentType") ?? "" });
    }
    for (const m of ct.matchAll(/<(?:\w+:)?Override\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]!);
      pkg.overrides.set(safeDecode((a.get("PartName") ?? "").replace(/^\//, "")), a.get("ContentType") ?? "");
    }
    // Names that differ from their references by case alone: OPC compares part names case-insensitively (POI's
    // 49609.xlsx, from a .NET tool: « [content_types].xml », « xl\sharedstrings.xml » referenced as
    // « /xl/sharedStrings.xml »). Looked for only when a sign of it shows, so a usual package costs nothing more.
    if (renamed || !pkg.has(CONTENT_TYPES) || [...pkg.overrides.keys()].some((p) => !pkg.has(p) && caseOf(pkg.zip, p) !== null)) await pkg.nameAsReferenced();
    return pkg;
  }

  /**
   * Renames each part whose name matches a reference (the content types' part names, the relationships' targets,
   * followed from the package's root) only when case is ignored, to the name the reference gives: the reader and
   * the writer then look parts up by their exact names, and the report names every part as it is referenced.
   */
  private async nameAsReferenced(): Promise<void> {
    const fix = (path: string) => {
      const found = this.has(path) ? null : caseOf(this.zip, path);
      if (found !== null) renameEntries(this.zip, new Map([[found, path]]));
    };
    fix(CONTENT_TYPES);
    for (const p of this.overrides.keys()) fix(p);
    const seen = new Set<string>();
    const stack = [""];
    while (stack.length > 0) {
      const part = stack.pop()!;
      if (seen.has(part)) continue;
      seen.add(part);
      fix(relsPathOf(part));
      for (const r of await this.rels(part)) {
        if (r.external) continue;
        const target = resolveTarget(part, r.target);
        fix(target);
        stack.push(target);
      }
    }
  }

  has(path: string): boolean {
    const f = this.zip.file(path);
    return f !== null && !f.dir;
  }

  async text(path: string): Promise<string | null> {
    const f = this.zip.file(path);
    if (!f || f.dir) return null;
    // UTF-8 or UTF-16 (Excel Mobile), by the part's first bytes; the text, if written back, is UTF-8 and says so.
    return utf8Declaration(decodeXml(await f.async("uint8array")));
  }

  write(path: string, text: string, contentType?: string): void {
    this.zip.file(path, text);
    if (text.length > LARGE_PART) this.large.set(path, text);
    else this.large.delete(path);
    if (contentType) this.overrides.set(path, contentType);
  }

  /**
   * Writes a part given as chunks of text or of its UTF-8 bytes (a big sheet's rows): one chunk is written as
   * `write` does, more are deflated as they come, so the whole part never exists as one string.
   */
  async writeChunks(path: string, chunks: Iterable<string | Uint8Array>, contentType?: string): Promise<void> {
    const it = chunks[Symbol.iterator]();
    const first = it.next();
    const second = first.done ? first : it.next();
    if (second.done) {
      const only = first.done ? "" : first.value;
      this.write(path, typeof only === "string" ? only : new TextDecoder().decode(only), contentType);
      return;
    }
    this.large.delete(path);
    await writeChunksNatively(this.zip, path, chain([first.value, second.value], it));
    if (contentType) this.overrides.set(path, contentType);
  }

  /** Removes a part with its relationships part and content-type override. */
  remove(path: string): void {
    this.zip.remove(path);
    this.large.delete(path);
    this.overrides.delete(path);
    const rels = relsPathOf(path);
    this.zip.remove(rels);
    this.relsCache.delete(rels);
    this.dirtyRels.delete(rels);
  }

  /** Part paths whose content-type override is `type`. */
  partsOfType(type: string): string[] {
    return [...this.overrides].filter(([p, t]) => t === type && this.has(p)).map(([p]) => p);
  }

  /** Sets a part's content type (an Override), written by the next finish(). */
  setContentType(path: string, type: string): void {
    this.overrides.set(path, type);
  }

  contentTypeOf(path: string): string | undefined {
    return this.overrides.get(path) ?? this.defaults.find((d) => path.toLowerCase().endsWith(`.${d.ext.toLowerCase()}`))?.type;
  }

  async rels(part: string): Promise<Rel[]> {
    const path = relsPathOf(part);
    const cached = this.relsCache.get(path);
    if (cached) return cached;
    const xml = (await this.text(path)) ?? "";
    const rels: Rel[] = [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
      const a = attributes(m[1]!);
      return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
    });
    this.relsCache.set(path, rels);
    return rels;
  }

  setRels(part: string, rels: Rel[]): void {
    const path = relsPathOf(part);
    this.relsCache.set(path, rels);
    this.dirtyRels.add(path);
  }

  /** Adds a relationship from `part` to `target` (a zip path); returns its id. */
  async addRel(part: string, type: string, targetPath: string): Promise<string> {
    const rels = [...(await this.rels(part))];
    const used = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    rels.push({ id, type, target: relativeTarget(part, targetPath), external: false });
    this.setRels(part, rels);
    return id;
  }

  /** The first free path `make(n)`, n = 1, 2, …, also avoiding `reserved`. */
  freePath(make: (n: number) => string, reserved: Set<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const p = make(n);
      if (!this.has(p) && !reserved.has(p) && !this.zip.file(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i")).length) return p;
    }
  }

  /** Every relationships part of the package, read (or taken from the edits in progress). */
  private async allRels(): Promise<Map<string, Rel[]>> {
    const out = new Map<string, Rel[]>();
    const paths = new Set([...Object.keys(this.zip.files).filter((p) => p.endsWith(".rels") && !this.zip.files[p]!.dir), ...this.relsCache.keys()]);
    for (const path of paths) {
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(path);
      if (!m) continue;
      const part = m[1]! + m[2]!;
      if (part !== "" && !this.has(part) && !this.relsCache.has(path)) continue;
      out.set(part, await this.rels(part));
    }
    return out;
  }

  /**
   * Removes `roots` and every part reachable from them through relationships, except parts still
   * referenced by a part that stays (an image shared with a user's sheet, say).
   */
  async removeTree(roots: string[]): Promise<void> {
    const doomed = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (doomed.has(p) || !this.has(p)) continue;
      doomed.add(p);
      for (const r of await this.rels(p)) if (!r.external) stack.push(resolveTarget(p, r.target));
    }
    const kept = new Set<string>();
    for (const [part, rels] of await this.allRels()) {
      if (doomed.has(part)) continue;
      for (const r of rels) if (!r.external) kept.add(resolveTarget(part, r.target));
    }
    for (const p of doomed) if (roots.includes(p) || !kept.has(p)) this.remove(p);
  }

  /** Writes the edited relationships and content types: the package is then ready to be zipped. */
  async finish(): Promise<void> {
    for (const path of this.dirtyRels) {
      const rels = this.relsCache.get(path)!;
      const body = rels
        .map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
        .join("");
      this.zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
    }
    if (!this.defaults.some((d) => d.ext.toLowerCase() === "rels")) this.defaults.push({ ext: "rels", type: "application/vnd.openxmlformats-package.relationships+xml" });
    if (!this.defaults.some((d) => d.ext.toLowerCase() === "xml")) this.defaults.push({ ext: "xml", type: "application/xml" });
    const defaults = this.defaults.map((d) => `<Default Extension="${esc(d.ext)}" ContentType="${esc(d.type)}"/>`).join("");
    const overrides = [...this.overrides]
      .filter(([p]) => this.has(p))
      .map(([p, t]) => `<Override PartName="/${esc(encodeURI(p))}" ContentType="${esc(t)}"/>`)
      .join("");
    this.zip.file(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${overrides}</Types>`,
    );
  }

  /** The finished package as one zip in memory (the browser's download). */
  async generate(): Promise<Uint8Array> {
    await this.finish();
    await deflateNatively(this.zip, this.large);
    const out = await this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } });
    return out;
  }

  /**
   * The finished package's parts, in the zip's order, for a writer that streams them (zipWriter.ts): a part read from
   * the input or deflated in chunks gives its compressed bytes as they are; the others give their content to deflate.
   * Folders are not entries (Excel writes none).
   */
  *entries(): Generator<PackageEntry> {
    for (const [path, file] of Object.entries(this.zip.files)) {
      if (file.dir) continue;
      const data = (file as unknown as { _data?: Partial<CompressedLike> | string })._data;
      const magic = typeof data === "object" ? data.compression?.magic : undefined;
      const method = magic === "\x08\x00" ? 8 : magic === "\x00\x00" ? 0 : -1;
      const raw =
        typeof data === "object" && method >= 0 && data.compressedContent instanceof Uint8Array && typeof data.crc32 === "number" && typeof data.uncompressedSize === "number"
          ? { data: data.compressedContent, crc: data.crc32 >>> 0, size: data.uncompressedSize, method }
          : undefined;
      // A part written as text is encoded here; JSZip would take it through its workers first.
      const text = typeof data === "string" ? (data as string) : null;
      yield { path, date: file.date, raw, content: text !== null ? () => Promise.resolve(new TextEncoder().encode(text)) : () => file.async("uint8array") };
    }
  }
}

interface CompressedLike {
  compressedContent: unknown;
  crc32: number;
  uncompressedSize: number;
  compression: { magic: string };
}

/** One part of the package as a zip writer takes it. */
export interface PackageEntry {
  path: string;
  date: Date;
  /** Its bytes as compressed in the zip (method 8 DEFLATE, 0 stored), when known. */
  raw?: { data: Uint8Array; crc: number; size: number; method: number };
  content(): Promise<Uint8Array>;
}

/** `head`, then what is left of `rest`. */
function* chain<T>(head: T[], rest: Iterator<T>): Generator<T> {
  yield* head;
  for (let n = rest.next(); !n.done; n = rest.next()) yield n.value;
}

/** The relative target from `fromPart` to `toPath`, both zip paths. */
export function relativeTarget(fromPart: string, toPath: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const to = toPath.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return encodeURI([...from.slice(i).map(() => ".."), ...to.slice(i)].join("/"));
}
