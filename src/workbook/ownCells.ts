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
