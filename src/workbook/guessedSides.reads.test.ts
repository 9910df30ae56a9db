// A plain list of income and expenses under no heading: its lines are read again once the side is settled
// (classifyLines), so the guess reads only as many as it takes to see both sides (issue 10: a 20,000-row list read
// twice over). The guess itself is unchanged: the lines of a one-sided group are all read, and given their side.
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as classifyModule from "../engine/classify.ts";
import { guessUnsaidSides, type GuessRow } from "./guessedSides.ts";

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock("../engine/classify.ts", async (original) => {
  const real = await original<typeof classifyModule>();
  return { ...real, classify: (...a: Parameters<typeof real.classify>) => (calls.n++, real.classify(...a)) };
});

const row = (i: number, label: string, heading: string | null = null): GuessRow => ({ row: i + 2, label, account: null, section: null, heading, chapter: null });

beforeEach(() => {
  calls.n = 0;
});

describe("the side guess of a list under no heading", () => {
  it("stops reading a mixed list at its first sure line on the other side: a 2,000-row list is not classified twice over", () => {
    const labels = ["Loyer", "Subvention Ville", "Assurance", "Dons", "Fournitures"];
    const rows = Array.from({ length: 2000 }, (_, i) => row(i, `${labels[i % labels.length]} ${i}`));
    expect(guessUnsaidSides(rows)).toEqual([]);
    expect(rows.every((r) => r.section === null)).toBe(true);
    expect(calls.n).toBeLessThan(10);
  });

  it("still reads every line of a one-sided group, and gives its side to the names the classifier cannot read", () => {
    const rows = [row(0, "Loyer"), row(1, "Assurance"), row(2, "Fournitures de bureau"), row(3, "Zorglub SARL")];
    const guessed = guessUnsaidSides(rows);
    expect(guessed).toEqual([{ side: "expense", heading: null, rows: [5] }]);
    expect(rows[3]!.section).toBe("expense");
    expect(calls.n).toBe(4);
  });
});
