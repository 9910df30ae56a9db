// The XML of a package's parts, read as a stream with namespaces, without an object per attribute nor a string per
// name: a 20,000-line sheet has some 150,000 elements, and a general parser (saxes) spent more time building their
// tags and attribute records, and collecting them, than Équilibre spends reading the budget. Elements are told by
// namespace URI and local name (prefixes are the writer's choice); an attribute's value is cut out of the text only
// when a reader asks for it. What a spreadsheet part never holds is refused: a DOCTYPE (entity expansion), an
// unknown entity, a tag that does not close what it opened, an unbound prefix, text outside the root.

/** Thrown for XML that is not well formed; the caller names the part. */
export class XmlError extends Error {}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/**
 * The element being opened. One object per scanner, overwritten by the next element: read it inside `open`, never
 * keep it.
 */
export class XmlElement {
  local = "";
  uri = "";
  /** @internal the text the offsets point into */
  src = "";
  /** @internal per attribute: name start, name end, colon (-1 for none), value start, value end, flags */
  at = new Int32Array(6 * 64);
  /** @internal the resolved namespace of each prefixed attribute (by attribute index) */
  readonly attrUris: string[] = [];
  count = 0;
}

const F_AMP = 1;
const F_WS = 2;

/** An attribute's value as XML means it: entities decoded, tabs and line ends as spaces. */
function valueAt(el: XmlElement, k: number): string {
  const o = k * 6;
  const raw = el.src.slice(el.at[o + 3]!, el.at[o + 4]!);
  const flags = el.at[o + 5]!;
  if (flags === 0) return raw;
  const spaced = flags & F_WS ? raw.replace(/[\t\n]/g, " ") : raw;
  return flags & F_AMP ? decodeEntities(spaced) : spaced;
}

function nameIs(el: XmlElement, o: number, from: number, local: string): boolean {
  const end = el.at[o + 1]!;
  return end - from === local.length && el.src.startsWith(local, from);
}

/** An attribute without a namespace, by local name. */
export function attr(el: XmlElement, local: string): string | undefined {
  for (let k = 0; k < el.count; k++) {
    const o = k * 6;
    if (el.at[o + 2]! < 0 && nameIs(el, o, el.at[o]!, local)) return valueAt(el, k);
  }
  return undefined;
}

/**
 * An attribute without a namespace written as a plain non-negative integer (« s="12" »), read in place; undefined
 * when absent, null when written otherwise (an entity, a sign, spaces: then `attr` reads it).
 */
export function attrDigits(el: XmlElement, local: string): number | null | undefined {
  for (let k = 0; k < el.count; k++) {
    const o = k * 6;
    if (el.at[o + 2]! >= 0 || !nameIs(el, o, el.at[o]!, local)) continue;
    const from = el.at[o + 3]!;
    const to = el.at[o + 4]!;
    if (to === from || to - from > 15) return null;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = el.src.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      n = n * 10 + c;
    }
    return n;
  }
  return undefined;
}

/** An attribute in one of `uris`, by local name (r:id, whatever the prefix). */
export function attrNs(el: XmlElement, uris: readonly string[], local: string): string | undefined {
  for (let k = 0; k < el.count; k++) {
    const o = k * 6;
    const colon = el.at[o + 2]!;
    if (colon >= 0 && nameIs(el, o, colon + 1, local) && uris.includes(el.attrUris[k]!)) return valueAt(el, k);
  }
  return undefined;
}

export interface ScanHandler {
  open(el: XmlElement, depth: number): void;
  close(local: string, uri: string, depth: number): void;
  text(text: string): void;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&([^;&]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new XmlError("an & that starts no entity");
    const known = ENTITY[name];
    if (known !== undefined) return known;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    const code = m ? (m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2])) : NaN;
    if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && code !== 0xfffe && code !== 0xffff))) {
      throw new XmlError(`an unknown or forbidden entity ${whole}`);
    }
    return String.fromCodePoint(code);
  });
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** Characters that end a name (whitespace, /, >, =, quotes, <, &…): names themselves are not checked further. */
const endsName = (c: number) => c <= 0x20 || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x26;
/** Characters no name starts with. */
const badNameStart = (c: number) => endsName(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x3a;

function sameText(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

/** A tag or declaration longer than this is not a spreadsheet's (and would be rescanned at each chunk). */
const MAX_PENDING = 32 << 20;

interface Scope {
  /** prefix ("" for the default namespace) → URI */
  ns: Map<string, string>;
  /** qualified element name → [local, uri], for names seen under this scope */
  names: Map<string, [string, string]>;
}

/**
 * Feeds text chunks (in order, any size) and calls the handler for each element opened and closed and each piece
 * of text (a text may come in several pieces). Depth: the root is 0.
 */
export class XmlScanner {
  private pending = "";
  private carriedCr = false;
  private readonly el = new XmlElement();
  private readonly stack: string[] = [];
  private readonly scopes: Scope[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private readonly known: string[] = [];

  constructor(
    private readonly handler: ScanHandler,
    private readonly maxDepth = Infinity,
  ) {
    const ns = new Map([
      ["xml", XML_NS],
      ["xmlns", XMLNS_NS],
    ]);
    this.scopes.push({ ns, names: new Map() });
  }

  write(chunk: string): void {
    if (chunk === "") return;
    let text = this.carriedCr ? `\r${chunk}` : chunk;
    this.carriedCr = false;
    if (text.includes("\r")) {
      // Line ends are normalised before parsing (XML 1.0 §2.11); a CR at the end may be the first half of CR LF.
      if (text.endsWith("\r")) {
        this.carriedCr = true;
        text = text.slice(0, -1);
      }
      text = text.replace(/\r\n?/g, "\n");
    }
    const buf = this.pending === "" ? text : this.pending + text;
    const stop = this.scan(buf, false);
    this.pending = stop < buf.length ? buf.slice(stop) : "";
    if (this.pending.length > MAX_PENDING) throw new XmlError("a tag or declaration without end");
  }

  close(): void {
    let buf = this.pending;
    if (this.carriedCr) buf += "\n";
    this.pending = "";
    this.carriedCr = false;
    const stop = this.scan(buf, true);
    if (stop < buf.length) throw new XmlError("the text ends inside a tag");
    if (this.stack.length > 0) throw new XmlError(`unclosed tag <${this.stack[this.stack.length - 1]}>`);
    if (!this.rootSeen) throw new XmlError("no root element");
  }

  /** Scans `buf`, returns where the unfinished construct at its end (if any) starts. */
  private scan(buf: string, final: boolean): number {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      if (buf.charCodeAt(i) !== 0x3c) {
        let lt = buf.indexOf("<", i);
        if (lt < 0) {
          if (!final) {
            // Text cut by the chunk: what is before an entity still open goes now, the rest waits.
            const amp = buf.lastIndexOf("&");
            const safe = amp >= i && buf.indexOf(";", amp) < 0 ? amp : n;
            if (safe > i) this.textAt(buf, i, safe);
            return safe;
          }
          lt = n;
        }
        this.textAt(buf, i, lt);
        i = lt;
        continue;
      }
      if (i + 1 >= n) return final ? this.fail("the text ends inside a tag") : i;
      const c = buf.charCodeAt(i + 1);
      let next: number;
      if (c === 0x2f) next = this.closeTag(buf, i);
      else if (c === 0x21) next = this.bang(buf, i, final);
      else if (c === 0x3f) {
        const end = buf.indexOf("?>", i + 2);
        next = end < 0 ? -1 : end + 2;
      } else next = this.openTag(buf, i);
      if (next < 0) return final ? this.fail("the text ends inside a tag") : i;
      i = next;
    }
    return n;
  }

  private fail(message: string): never {
    throw new XmlError(message);
  }

  private textAt(buf: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let k = from; k < to; k++) if (!isSpace(buf.charCodeAt(k))) this.fail("text outside the root element");
      return;
    }
    const raw = buf.slice(from, to);
    this.handler.text(raw.includes("&") ? decodeEntities(raw) : raw);
  }

  /** <!-- comment -->, <![CDATA[ … ]]>; a DOCTYPE or any other declaration is refused. Returns -1 when unfinished. */
  private bang(buf: string, i: number, final: boolean): number {
    if (buf.startsWith("<!--", i)) {
      const end = buf.indexOf("-->", i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith("<![CDATA[", i)) {
      if (this.stack.length === 0) this.fail("CDATA outside the root element");
      const end = buf.indexOf("]]>", i + 9);
      if (end < 0) return -1;
      if (end > i + 9) this.handler.text(buf.slice(i + 9, end));
      return end + 3;
    }
    // Too short to tell yet: wait for the rest of the declaration.
    if (!final && buf.length - i < 9 && ("<!DOCTYPE".startsWith(buf.slice(i)) || "<![CDATA[".startsWith(buf.slice(i)) || "<!--".startsWith(buf.slice(i)))) return -1;
    if (buf.startsWith("<!DOCTYPE", i)) this.fail("a DOCTYPE (entities are not allowed in a spreadsheet part)");
    return this.fail("a declaration XML does not allow here");
  }

  private closeTag(buf: string, i: number): number {
    const gt = buf.indexOf(">", i + 2);
    if (gt < 0) return -1;
    const name = this.stack[this.stack.length - 1];
    if (name === undefined) this.fail("a closing tag with nothing open");
    const end = i + 2 + name.length;
    if (!buf.startsWith(name, i + 2) || end > gt) this.fail(`a closing tag that does not close <${name}>`);
    for (let k = end; k < gt; k++) if (!isSpace(buf.charCodeAt(k))) this.fail(`a closing tag that does not close <${name}>`);
    const [local, uri] = this.resolve(name);
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
    this.handler.close(local, uri, this.stack.length);
    return gt + 1;
  }

  /** A name as one string per distinct name (a sheet repeats « c », « v », « row » thousands of times), found without cutting it out. */
  private name(buf: string, from: number, to: number): string {
    const len = to - from;
    const known = this.known;
    for (let k = 0; k < known.length; k++) {
      const s = known[k]!;
      if (s.length === len && buf.startsWith(s, from)) return s;
    }
    const s = buf.slice(from, to);
    if (known.length < 64) known.push(s);
    return s;
  }

  /** A qualified name → [local, uri] in the scope of the innermost open element. */
  private resolve(qname: string): [string, string] {
    const scope = this.scopes[this.stack.length]!;
    let r = scope.names.get(qname);
    if (r) return r;
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    const uri = scope.ns.get(prefix);
    if (uri === undefined && colon >= 0) this.fail(`an unbound namespace prefix « ${prefix} »`);
    r = [colon < 0 ? qname : qname.slice(colon + 1), uri ?? ""];
    if (scope.names.size < 10_000) scope.names.set(qname, r);
    return r;
  }

  /** A start tag with its attributes; -1 when the chunk ends inside it. */
  private openTag(buf: string, i: number): number {
    const n = buf.length;
    let k = i + 1;
    if (badNameStart(buf.charCodeAt(k))) this.fail("a tag without a valid name");
    while (k < n && !endsName(buf.charCodeAt(k))) k++;
    if (k >= n) return -1;
    const nameEnd = k;
    const el = this.el;
    el.src = buf;
    el.count = 0;
    let at = el.at;
    let declares = false;
    let selfClosing = false;
    for (;;) {
      const from = k;
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return -1;
      let c = buf.charCodeAt(k);
      const spaced = k > from;
      if (c === 0x3e) {
        k++;
        break;
      }
      if (c === 0x2f) {
        if (k + 1 >= n) return -1;
        if (buf.charCodeAt(k + 1) !== 0x3e) this.fail("a / inside a tag");
        selfClosing = true;
        k += 2;
        break;
      }
      if (!spaced || badNameStart(c)) this.fail("an attribute without a valid name");
      // name
      const ns = k;
      let colon = -1;
      while (k < n && !endsName((c = buf.charCodeAt(k)))) {
        if (c === 0x3a && colon < 0) colon = k;
        k++;
      }
      const ne = k;
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return -1;
      if (buf.charCodeAt(k) !== 0x3d) this.fail("an attribute without a value");
      k++;
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const q = buf.charCodeAt(k);
      if (q !== 0x22 && q !== 0x27) this.fail("an attribute value without quotes");
      const vs = ++k;
      let flags = 0;
      while (k < n && (c = buf.charCodeAt(k)) !== q) {
        if (c === 0x26) flags |= F_AMP;
        else if (c === 0x0a || c === 0x09) flags |= F_WS;
        else if (c === 0x3c) this.fail("a < inside an attribute value");
        k++;
      }
      if (k >= n) return -1;
      const o = el.count * 6;
      if (o + 6 > at.length) {
        const grown = new Int32Array(at.length * 2);
        grown.set(at);
        el.at = at = grown;
      }
      at[o] = ns;
      at[o + 1] = ne;
      at[o + 2] = colon;
      at[o + 3] = vs;
      at[o + 4] = k;
      at[o + 5] = flags;
      el.count++;
      k++;
      if ((colon < 0 && ne - ns === 5 && buf.startsWith("xmlns", ns)) || (colon - ns === 5 && buf.startsWith("xmlns", ns))) declares = true;
    }
    // The whole tag is in `buf`: it can be taken in.
    if (this.rootClosed || (this.stack.length === 0 && this.rootSeen)) this.fail("a second root element");
    this.rootSeen = true;
    if (this.stack.length >= this.maxDepth) this.fail("nested too deeply");
    for (let a = 1; a < el.count; a++) {
      const oa = a * 6;
      const len = at[oa + 1]! - at[oa]!;
      for (let b = 0; b < a; b++) {
        const ob = b * 6;
        if (at[ob + 1]! - at[ob]! === len && sameText(buf, at[oa]!, at[ob]!, len)) this.fail("an attribute given twice");
      }
    }
    const parent = this.scopes[this.stack.length]!;
    let scope = parent;
    if (declares) {
      scope = { ns: new Map(parent.ns), names: new Map() };
      for (let a = 0; a < el.count; a++) {
        const o = a * 6;
        const ns = at[o]!;
        const colon = at[o + 2]!;
        if (colon < 0 ? at[o + 1]! - ns === 5 && buf.startsWith("xmlns", ns) : colon - ns === 5 && buf.startsWith("xmlns", ns)) {
          const prefix = colon < 0 ? "" : buf.slice(colon + 1, at[o + 1]!);
          const uri = valueAt(el, a);
          if (prefix !== "" && uri === "") this.fail(`the prefix « ${prefix} » bound to nothing`);
          scope.ns.set(prefix, uri);
        }
      }
    }
    const qname = this.name(buf, i + 1, nameEnd);
    this.stack.push(qname);
    this.scopes[this.stack.length] = scope;
    const [local, uri] = this.resolve(qname);
    el.local = local;
    el.uri = uri;
    for (let a = 0; a < el.count; a++) {
      const o = a * 6;
      const colon = at[o + 2]!;
      if (colon < 0) continue;
      const prefix = buf.slice(at[o]!, colon);
      const u = scope.ns.get(prefix);
      if (u === undefined) this.fail(`an unbound namespace prefix « ${prefix} »`);
      el.attrUris[a] = u;
    }
    const depth = this.stack.length - 1;
    this.handler.open(el, depth);
    if (selfClosing) {
      this.stack.pop();
      if (this.stack.length === 0) this.rootClosed = true;
      this.handler.close(local, uri, depth);
    }
    return k;
  }
}
