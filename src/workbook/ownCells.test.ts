import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlannedSheet } from "./plan.ts";
import { recordCells, recordedCells } from "./ownCells.ts";
import { cellAddress } from "./snapshot.ts";

const sheetOf = (refs: string[]) => ({ cells: refs.map((ref) => ({ ref, value: 1 })) }) as unknown as PlannedSheet;

describe("the record of the cells Équilibre wrote", () => {
  it("groups rows with the same columns", () => {
    expect(recordCells(sheetOf(["A1", "B1", "C1", "E1", "A2", "B2", "C2", "E2", "A4"]))).toBe("1-2:A-C,E;4:A");
  });

  it("names back exactly the cells written, whatever they are", () => {
    const address = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 60 })).map(([r, c]) => cellAddress(r, c));
    fc.assert(
      fc.property(fc.array(address, { maxLength: 300 }), (refs) => {
        expect([...recordedCells(recordCells(sheetOf(refs)))!].sort()).toEqual([...new Set(refs)].sort());
      }),
    );
  });

  it("is left out when too long for the state's cell, and a record that is not one reads as none", () => {
    const every = Array.from({ length: 3_000 }, (_, k) => cellAddress(1 + 2 * k, 1 + (k % 7)));
    expect(recordCells(sheetOf(every))).toBeNull();
    for (const bad of [42, "1:a", "3-1:A", "x", "1:A;;2:B"]) expect(recordedCells(bad)).toBeNull();
    expect(recordedCells("")).toEqual(new Set());
  });
});
