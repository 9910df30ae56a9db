// A label merged over several rows ("Salaires" in A5:A6, with 1 000 in B5 and 400 in B6) names each of
// those rows: the sheet holds the text in the top-left cell only, so the rows under it get the label here,
// and their amounts are read as lines instead of being lost as rows without a label.
import { parseAddress, type SheetSnapshot, type SnapshotRow } from "./snapshot.ts";

/** The sheet with each vertically merged text repeated on the merged rows that hold other cells. */
export function withMergedLabels(sheet: SheetSnapshot): SheetSnapshot {
  if (sheet.merges.length === 0) return sheet;
  const byIndex = new Map(sheet.rows.map((r) => [r.index, r]));
  const added = new Map<number, { col: number; value: string }[]>();
  for (const m of sheet.merges) {
    const [a, b] = m.split(":");
    const from = parseAddress(a ?? "");
    const to = parseAddress(b ?? "");
    if (!from || !to || to.row <= from.row) continue;
    const master = byIndex.get(from.row)?.cells.find((c) => c.col === from.col)?.value;
    if (typeof master !== "string" || master.trim() === "") continue;
    // A merge over a whole column is a layout accident, not a label: at most 500 rows.
    for (let r = from.row + 1; r <= Math.min(to.row, from.row + 500); r++) {
      const row = byIndex.get(r);
      if (!row || !row.cells.some((c) => c.col < from.col || c.col > to.col)) continue;
      if (row.cells.some((c) => c.col >= from.col && c.col <= to.col)) continue;
      const list = added.get(r) ?? [];
      list.push({ col: from.col, value: master });
      added.set(r, list);
    }
  }
  if (added.size === 0) return sheet;
  const rows: SnapshotRow[] = sheet.rows.map((row) => {
    const extra = added.get(row.index);
    return extra ? { ...row, cells: [...row.cells, ...extra].sort((x, y) => x.col - y.col) } : row;
  });
  return { ...sheet, rows };
}
