// The encoding of an XML part, from its first bytes: XML 1.0 lets a part be UTF-8 or UTF-16, and Excel Mobile
// (Windows Phone) saves every part as UTF-16 with a byte-order mark. Excel and LibreOffice open such files; read
// as UTF-8 they were « contenu endommagé ». Text taken out of a part is written back as UTF-8: its declaration
// says so (utf8Declaration), or a parser would read the new bytes as UTF-16.

export type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding the first bytes of an XML part show (a byte-order mark, or « <? » in UTF-16); UTF-8 otherwise. */
export function sniffEncoding(head: Uint8Array): XmlEncoding {
  const [a, b] = [head[0], head[1]];
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  // UTF-16 without a mark: « < » then a zero byte (little-endian), or the reverse.
  if (a === 0x3c && b === 0x00) return "utf-16le";
  if (a === 0x00 && b === 0x3c) return "utf-16be";
  return "utf-8";
}

/**
 * A decoder that chooses its encoding from the first bytes it is given, then decodes a stream of chunks as
 * TextDecoder does (fatal: bytes that are no text in that encoding throw, so a damaged part is said damaged).
 */
export class XmlDecoder {
  private decoder: TextDecoder | null = null;

  decode(chunk?: Uint8Array, options?: { stream?: boolean }): string {
    if (!this.decoder) {
      if (!chunk || chunk.length === 0) return chunk ? "" : new TextDecoder("utf-8", { fatal: true }).decode();
      this.decoder = new TextDecoder(sniffEncoding(chunk), { fatal: true, ignoreBOM: false });
    }
    return this.decoder.decode(chunk, options);
  }
}

/** A whole part's text, in the encoding its first bytes show (not fatal: a stray byte is replaced, as JSZip did). */
export function decodeXml(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes), { ignoreBOM: false }).decode(bytes);
}

/** The XML declaration of a text made UTF-8 (« encoding="UTF-16" » dropped for UTF-8): the bytes it is written as. */
export function utf8Declaration(text: string): string {
  return text.replace(/^(<\?xml\b[^?]*?\bencoding\s*=\s*)(["'])utf-16(?:le|be)?\2/i, "$1$2UTF-8$2");
}
