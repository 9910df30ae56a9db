// An approximate width of a text in column-width units (the width of a "0" at 11 pt, Calibri-like):
// capitals wider, thin letters and spaces narrower, bold and larger sizes scaled. The report sizes its rows
// with it, and a test checks every printed text against it.

export function textWidth(text: string, size = 11, bold = false): number {
  let w = 0;
  for (const ch of text) w += /[A-ZÉÈÀÇ%€@MW]/.test(ch) ? 1.2 : /[il.,;:'!|·\s]/.test(ch) ? 0.5 : 1;
  return w * (size / 11) * (bold ? 1.08 : 1);
}

/** Lines a wrapped text takes in `room` column-width units. */
export function wrappedLines(text: string, room: number, size = 11, bold = false): number {
  return Math.max(1, Math.ceil((textWidth(text, size, bold) + 1) / room));
}

/** Points per line of wrapped text at `size`. */
export const LINE_HEIGHT = (size = 11) => 14 * (size / 11);
