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

/** Every committed workbook but the corpus's, and one corpus workbook in eight (by name, so the sample is stable). */
const files = repositoryFiles().filter((f, i) => !f.startsWith("corpus/") || i % 8 === 0);
/** A few budgets (one in sixty) laid in every layout and dressed in every variant, as `accuracy --all-layouts --variants`. */
const laid = loadBudgets()
  .filter((_, i) => i % 60 === 3)
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
