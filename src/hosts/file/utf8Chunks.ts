// Text written straight into UTF-8 bytes, in chunks: the rows of a big sheet go to the deflater without being one
// long string first (a string built by `+=` from a million small pieces is a tree V8 must flatten, then copy into
// bytes, and each piece was an object for the garbage collector).

/** Bytes kept free past the chunk size, so most rows need no growing. */
const SLACK = 64 * 1024;

const utf8 = new TextEncoder();

/** A text's UTF-8 bytes, once (the XML pieces written for every cell). */
export const encoded = (s: string): Uint8Array<ArrayBuffer> => utf8.encode(s);

export class Utf8Chunks {
  private buf: Uint8Array<ArrayBuffer>;
  private pos = 0;

  constructor(initial = SLACK) {
    this.buf = new Uint8Array(Math.max(16, initial));
  }

  /** Bytes written since the last chunk was taken. */
  get length(): number {
    return this.pos;
  }

  /** Any text, as UTF-8 (a lone surrogate as U+FFFD): the platform's encoder, for the texts that do not recur. */
  text(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    this.pos += utf8.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /**
   * A text known to be ASCII (a cell reference, a number's digits), copied in place. Only for short ones: a call to
   * the encoder costs more than a few characters.
   */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      // Not ASCII after all: written as any text.
      if (c >= 0x80) return this.text(s);
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /** Bytes already encoded (the XML around the cells, a text that recurs). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    if (n > 64) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return;
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = b[i]!;
    this.pos = pos;
  }

  /** A non-negative integer below 2³¹, in decimal. */
  digits(n: number): void {
    if (this.pos + 10 > this.buf.length) this.grow(10);
    let v = n | 0;
    let width = 1;
    for (let p = 10; p <= v && width < 10; p *= 10) width++;
    let at = this.pos + width;
    this.pos = at;
    do {
      this.buf[--at] = 48 + (v % 10);
      v = (v / 10) | 0;
    } while (v > 0);
  }

  /** The bytes written so far, as one chunk; the next ones go into a new buffer (the deflater may still hold this one). */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.buf.length);
    this.pos = 0;
    return out;
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + needed + SLACK));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}
