// Reads the fixtures' expected analyses (tests/fixtures/*.expected.json; see tests/fixtures/README.md).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

export interface ExpectedClass {
  section: string;
  pillar: string;
  lever: string;
  nature?: string;
  payer?: string;
  destination?: string;
}
export interface ExpectedLine {
  sheet: string;
  row: number;
  label: string;
  account: string | null;
  column?: string;
  amounts: (number | "error")[];
  expect: ExpectedClass & { alternatives?: ExpectedClass[] };
}
export interface ExpectedTotals {
  income: number;
  expense: number;
  in_kind_use: number;
  in_kind_resource: number;
  nature: Record<string, number>;
  pillar: Record<string, number>;
  destination: Record<string, number>;
}
export interface ExpectedModel {
  id: string;
  shares: Record<string, number>;
  closeCalls: string[];
}
export interface Expected {
  name: string;
  layout: string;
  amountColumns: string[];
  lines: ExpectedLine[];
  skipped: { sheet: string; row: number; label: string; why: string }[];
  totals: ExpectedTotals;
  totalsByColumn?: ExpectedTotals[];
  model: ExpectedModel;
  modelByColumn?: ExpectedModel[];
  ratios?: { tiersOnTop?: { engineering: number; action: number; share: number } };
  errors?: { sheet: string; label: string; column: string; value: string }[];
}

export function loadExpectations(): Expected[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => ({ name: f.replace(".expected.json", ""), ...JSON.parse(readFileSync(join(FIXTURES_DIR, f), "utf8")) }));
}

/** True when the answer matches the expected class or one of its alternatives. */
export function matchesExpected(
  actual: { section: string; pillar: string; lever: string; nature: string | null; payer: string | null; destination: string | null },
  expect: ExpectedLine["expect"],
): boolean {
  const candidates = [expect, ...(expect.alternatives ?? [])];
  const ok = candidates.some(
    (e) =>
      e.section === actual.section &&
      e.pillar === actual.pillar &&
      e.lever === actual.lever &&
      (e.nature === undefined || e.nature === actual.nature) &&
      (e.payer === undefined || e.payer === actual.payer),
  );
  return ok && (expect.destination === undefined || expect.destination === actual.destination);
}
