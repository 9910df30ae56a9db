// --json: JSON.stringify(doc, null, 2) of the whole document, in one go when it fits in one string (the usual case:
// V8's own serializer, a few times faster than anything built over it). The document of a 1,000,000-line ledger is
// some 700 MB of JSON, beyond the longest string V8 makes (about 512 MB): JSON.stringify of the whole throws
// « Invalid string length », and that document is written in pieces instead — the same text, byte for byte.

/** Pieces are gathered up to about this many characters before each write. */
const PIECE = 1 << 20;
/** Below this depth, arrays and objects are written member by member; deeper, each member in one go. */
const SPLIT_DEPTH = 2;

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function";

/** The text of `value` at `depth` (its first line not indented, the following ones by 2 × depth spaces). */
function* pieces(value: unknown, depth: number): Generator<string> {
  const pad = "  ".repeat(depth);
  if (depth >= SPLIT_DEPTH || !isPlain(value)) {
    const text = JSON.stringify(value, null, 2) ?? "null";
    yield depth === 0 ? text : text.replace(/\n/g, `\n${pad}`);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield "[]";
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "" : ","}\n${inner}`;
      // JSON.stringify writes null for what has no JSON form inside an array.
      const v: unknown = value[i];
      yield* v === undefined || typeof v === "function" || typeof v === "symbol" ? ["null"] : pieces(v, depth + 1);
    }
    return yield `\n${pad}]`;
  }
  const keys = Object.keys(value).filter((k) => {
    const v = value[k];
    return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
  });
  if (keys.length === 0) return yield "{}";
  yield "{";
  for (let i = 0; i < keys.length; i++) {
    yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(keys[i])}: `;
    yield* pieces(value[keys[i]!], depth + 1);
  }
  yield `\n${pad}}`;
}

/** Writes `doc` as JSON.stringify(doc, null, 2) + "\n": in one string when it fits, in pieces when it does not. */
export function writeJson(doc: unknown, write: (text: string) => unknown): void {
  let whole: string;
  try {
    whole = JSON.stringify(doc, null, 2) ?? "null";
  } catch (e) {
    // Only a text too long for one string goes to the pieces; anything else (a cycle) is a bug to see.
    if (!(e instanceof RangeError)) throw e;
    return writeJsonPieces(doc, write);
  }
  write(whole);
  write("\n");
}

/** Writes `doc` as JSON.stringify(doc, null, 2) + "\n" would, in pieces of about a megabyte. */
export function writeJsonPieces(doc: unknown, write: (text: string) => unknown): void {
  let buffer: string[] = [];
  let size = 0;
  for (const p of pieces(doc, 0)) {
    buffer.push(p);
    size += p.length;
    if (size >= PIECE) {
      write(buffer.join(""));
      buffer = [];
      size = 0;
    }
  }
  buffer.push("\n");
  write(buffer.join(""));
}
