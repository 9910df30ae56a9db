// Which cells of its sheets Équilibre wrote, kept in its state: on the next run, every other cell of those
// sheets is the user's (a note, a formula of their own) and is carried into the new sheets. Without this
// record, a cell is told apart by its content, and a row of an earlier, longer report (a lever that has since
// left the budget) would pass for a note. Written compactly, rows with the same columns grouped:
// "1:A-D,J;4-7:A-C" (the state is one cell of at most 32,767 characters).
import type { PlannedSheet } from "./plan.ts";
import { cellAddress, columnLetters, columnNumber } from "./snapshot.ts";

/** Past this length a sheet's record is left out, and its notes are told apart by their content. */
const MAX_RECORD = 8_000;

/** The record of the cells a planned sheet writes, or null when it would be too long to keep. */
export function recordCells(sheet: PlannedSheet): string | null {
  const byRow = new Map<number, number[]>();
  for (const c of sheet.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref);
    if (!m) continue;
    const row = Number(m[2]);
    const cols = byRow.get(row) ?? [];
    cols.push(columnNumber(m[1]!));
    byRow.set(row, cols);
  }
  const spans = (cols: number[]) => {
    const sorted = [...new Set(cols)].sort((a, b) => a - b);
    const out: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      out.push(i === j ? columnLetters(sorted[i]!) : `${columnLetters(sorted[i]!)}-${columnLetters(sorted[j]!)}`);
      i = j + 1;
    }
    return out.join(",");
  };
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const groups: string[] = [];
  for (let i = 0; i < rows.length; ) {
    const text = spans(byRow.get(rows[i]!)!);
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1 && spans(byRow.get(rows[j + 1]!)!) === text) j++;
    groups.push(`${i === j ? rows[i] : `${rows[i]}-${rows[j]}`}:${text}`);
    i = j + 1;
  }
  const record = groups.join(";");
  return record.length <= MAX_RECORD ? record : null;
}

/** The addresses a record names; null when the record is not one (hand-edited, from a newer version). */
export function recordedCells(record: unknown): Set<string> | null {
  if (typeof record !== "string") return null;
  const out = new Set<string>();
  if (record === "") return out;
  for (const group of record.split(";")) {
    const m = /^(\d+)(?:-(\d+))?:([A-Z]+(?:-[A-Z]+)?(?:,[A-Z]+(?:-[A-Z]+)?)*)$/.exec(group);
    if (!m) return null;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    if (last < first || last - first > 100_000) return null;
    const cols = m[3]!.split(",").flatMap((span) => {
      const [a, b = a] = span.split("-") as [string, string?];
      const from = columnNumber(a);
      const to = columnNumber(b!);
      return to >= from && to - from < 16_384 ? Array.from({ length: to - from + 1 }, (_, k) => from + k) : [];
    });
    for (let r = first; r <= last; r++) for (const c of cols) out.add(cellAddress(r, c));
  }
  return out;
}

/**
 * Beside the record of its cells, Équilibre keeps a fingerprint of each value (not formula) it wrote, under this
 * key: a note typed over one of its cells — the only way to type in a merged area of the report, whose text
 * Excel keeps in the top-left cell — then differs from what was written there, and is the user's.
 */
export const valuesKey = (role: string) => `${role}.values`;

/** A short fingerprint of a value (FNV-1a, 32 bits, base 36): enough to tell an edited cell from the one written. */
export function fingerprint(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** "A1~1x2y3z;C7~…": the fingerprint of every value a planned sheet writes, or null when too long to keep. */
export function recordValues(sheet: PlannedSheet): string | null {
  const out: string[] = [];
  for (const c of sheet.cells) {
    if (c.formula !== undefined || c.value === undefined || c.value === null || c.value === "") continue;
    out.push(`${c.ref}~${fingerprint(c.value)}`);
  }
  const record = out.join(";");
  return record.length <= MAX_RECORD ? record : null;
}

/** Address → fingerprint of the values a record names; null when the record is not one. */
export function recordedValues(record: unknown): Map<string, string> | null {
  if (typeof record !== "string") return null;
  const out = new Map<string, string>();
  if (record === "") return out;
  for (const entry of record.split(";")) {
    const m = /^([A-Z]{1,3}\d{1,7})~([0-9a-z]{1,7})$/.exec(entry);
    if (!m) return null;
    out.set(m[1]!, m[2]!);
  }
  return out;
}
