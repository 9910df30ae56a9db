// Issue 11, « reading that never drops money silently », checked by kind: every number of the fixtures, of the
// files other writers make, of the examples and of a sample of the corpus (its committed workbooks, and a few budgets
// in every layout and variant) is carried by a line, on a row skipped with its reason, named by an issue, or
// evidently not money (src/workbook/numberAudit.ts). `npm run audit:numbers` runs the same accounting on everything.
import { describe, expect, it } from "vitest";
import { loadBudgets } from "../corpus/model.ts";
import { layEvery } from "../corpus/layouts.ts";
import { inVariant, VARIANTS } from "../corpus/variants.ts";
import { auditFile, auditLaid, repositoryFiles } from "../scripts/audit-numbers.ts";
import { kindOf, type UnaccountedNumber } from "../src/workbook/numberAudit.ts";

const show = (workbook: string, u: UnaccountedNumber): string => `${workbook} ${u.sheet}!${u.cell} = ${String(u.value)} (« ${u.label} », colonne « ${u.header ?? ""} ») — ${kindOf(u)}`;

/**
 * Whether a name is in the sample: by a hash of the name alone, so that a budget added to the corpus never moves others
 * in or out (by position, a new budget sorting before « acca… » brought a budget into the sample, and the test turned
 * red on a bug the new budget had nothing to do with; `npm run audit:numbers` is the full measure).
 */
function sampled(name: string, oneIn: number): boolean {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h % oneIn === 3 % oneIn;
}

/** Every committed workbook but the corpus's, and about one corpus workbook in eight. */
const files = repositoryFiles().filter((f) => !f.startsWith("corpus/") || sampled(f, 8));
/** A few budgets (about one in forty) laid in every layout and dressed in every variant, as `accuracy --all-layouts --variants`. */
const laid = loadBudgets()
  .filter((b) => sampled(b.id, 40))
  .flatMap((b) => layEvery(b))
  .flatMap((l) => [l, ...VARIANTS.map((v) => inVariant(l, v)).filter((x) => x !== null)]);

describe("every number of a workbook is accounted for", () => {
  it("in the fixtures, the writers' files, the examples and a sample of the corpus workbooks", { timeout: 60_000 }, async () => {
    expect(files.some((f) => f.startsWith("tests/fixtures/writers/"))).toBe(true);
    const silent: string[] = [];
    for (const f of files) for (const u of (await auditFile(f)).unaccounted) silent.push(show(f, u));
    expect(silent).toEqual([]);
  });

  it("in a few corpus budgets laid in every layout and variant", { timeout: 60_000 }, async () => {
    expect(new Set(laid.map((l) => l.variant)).size).toBeGreaterThan(5);
    const silent: string[] = [];
    for (const l of laid) for (const u of (await auditLaid(l)).unaccounted) silent.push(show(`${l.name} [${l.layout}${l.variant ? ` · ${l.variant}` : ""}]`, u));
    expect(silent).toEqual([]);
  });
});
