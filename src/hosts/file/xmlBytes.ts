// XML written straight as UTF-8 bytes, for the big sheets: a 20,000-line table is some 400,000 cells, and
// building each as strings joined into a chunk, then encoding the chunk, made two copies of every character and
// a string object per piece (most of them garbage at once). The bytes here are those `Buffer.from(text, "utf8")`
// or TextEncoder would give for the same text, lone surrogates included (U+FFFD).

export class XmlBytes {
  buf: Uint8Array;
  pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 1024));
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  /** Any text, encoded. */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[p++] = c;
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            b[p++] = 0xf0 | (cp >> 18);
            b[p++] = 0x80 | ((cp >> 12) & 63);
            b[p++] = 0x80 | ((cp >> 6) & 63);
            b[p++] = 0x80 | (cp & 63);
            i++;
            continue;
          }
          c = 0xfffd;
        }
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
  }

  /** Text known to be ASCII (the writer's own markup, a number's digits). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A non-negative integer (a row number) in decimal, as String(n) writes it. */
  int(n: number): void {
    if (n < 10) {
      this.room(1);
      this.buf[this.pos++] = 48 + n;
      return;
    }
    this.ascii(String(n));
  }

  /**
   * Text that goes into an element as it is (`<t>…</t>`, `<v>…</v>`), written when it needs neither cleaning nor
   * escaping nor xml:space: no control character, no « & < > », no surrogate or U+FFFE/U+FFFF, not longer than a
   * cell, and no white space at either end. False (nothing written) otherwise: the caller writes it the long way.
   */
  plainText(s: string, max: number): boolean {
    const n = s.length;
    if (n === 0 || n > max || !solidEnd(s.charCodeAt(0)) || !solidEnd(s.charCodeAt(n - 1))) return false;
    this.room(n * 3);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 38 || c === 60 || c === 62) return false;
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return false;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
    return true;
  }

  /** The bytes written, handed over: the writer starts a new buffer (the old one may still be deflating). */
  take(capacity: number): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(Math.max(capacity, 1024));
    this.pos = 0;
    return out;
  }
}

/** Not white space for String.prototype.trim (checked only on a text's first and last characters). */
function solidEnd(c: number): boolean {
  if (c < 0x7f) return c > 0x20;
  return !(c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x85 || c === 0x7f);
}
