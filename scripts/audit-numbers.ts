// `npx tsx scripts/audit-numbers.ts [--json] [--examples N]` (npm run audit:numbers): every number of every workbook
// of the repository — the fixtures, the writers' files, the examples, the corpus workbooks, and every corpus budget
// in every layout and variant, built in memory as `scripts/accuracy.ts --all-layouts --variants` builds them — is
// read through the pipeline, and each number nothing accounts for (no line carries it, no skipped row, no issue names
// it, and it is not evidently a year, an account, a quantity…: src/workbook/numberAudit.ts) is listed by kind, with
// counts and a few examples. A measure: it exits 0 whatever it finds, 2 when a workbook cannot be read.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { workbookOf } from "../corpus/build.ts";
import { layEvery, type Laid } from "../corpus/layouts.ts";
import { loadBudgets } from "../corpus/model.ts";
import { inVariant, VARIANTS } from "../corpus/variants.ts";
import { readSnapshotFromBuffer } from "../src/hosts/file/readSnapshot.ts";
import { auditSnapshot, kindOf, type UnaccountedNumber, type WorkbookAudit } from "../src/workbook/numberAudit.ts";

const ROOT = join(import.meta.dirname, "..");
const FOLDERS = ["tests/fixtures", "tests/fixtures/writers", "examples", "corpus/xlsx"];

export function repositoryFiles(): string[] {
  return FOLDERS.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".xlsx")).map((f) => join(d, f))).sort();
}

export function laidEverywhere(): Laid[] {
  const plain = loadBudgets().flatMap((b) => layEvery(b));
  const dressed = plain.flatMap((l) => VARIANTS.map((v) => inVariant(l, v)).filter((x): x is Laid => x !== null));
  return [...plain, ...dressed];
}

export async function auditFile(path: string, tally?: Map<string, number>): Promise<WorkbookAudit> {
  return auditSnapshot(await readSnapshotFromBuffer(readFileSync(join(ROOT, path)), path), tally);
}

export async function auditLaid(l: Laid, tally?: Map<string, number>): Promise<WorkbookAudit> {
  const buffer = await workbookOf(l).xlsx.writeBuffer();
  return auditSnapshot(await readSnapshotFromBuffer(new Uint8Array(buffer as ArrayBuffer), `${l.name}.xlsx`), tally);
}

async function run(): Promise<void> {
  const json = process.argv.includes("--json");
  const ex = Number(process.argv[process.argv.indexOf("--examples") + 1]) || 3;
  const found: { workbook: string; u: UnaccountedNumber }[] = [];
  let workbooks = 0;
  const refused = new Map<string, string[]>();
  const add = (workbook: string, a: WorkbookAudit) => {
    workbooks++;
    for (const u of a.unaccounted) found.push({ workbook, u });
    if (a.refused) refused.set(a.refused, [...(refused.get(a.refused) ?? []), workbook]);
  };
  const tally = new Map<string, number>();
  for (const f of repositoryFiles()) add(f, await auditFile(f, tally));
  for (const l of laidEverywhere()) add(`${l.name} [${l.layout}${l.variant ? ` · ${l.variant}` : ""}]`, await auditLaid(l, tally));
  const accounted = [...tally].sort((a, b) => b[1] - a[1]);
  const kinds = new Map<string, { workbook: string; u: UnaccountedNumber }[]>();
  for (const f of found) kinds.set(kindOf(f.u), [...(kinds.get(kindOf(f.u)) ?? []), f]);
  const sorted = [...kinds].sort((a, b) => b[1].length - a[1].length);
  if (json) {
    console.log(JSON.stringify({ workbooks, accounted: Object.fromEntries(accounted), refused: Object.fromEntries(refused), unaccounted: found.length, kinds: sorted.map(([k, v]) => ({ kind: k, count: v.length, workbooks: new Set(v.map((x) => x.workbook)).size, examples: v.slice(0, ex) })) }, null, 2));
    return;
  }
  console.log(`${workbooks} classeurs lus ; ${found.length} nombre(s) que rien n'explique, en ${kinds.size} sorte(s).`);
  console.log(`Expliqués : ${accounted.map(([why, n]) => `${why} ${n}`).join(", ")}.`);
  for (const [code, list] of refused) console.log(`${list.length} classeur(s) refusé(s) par la commande (${code}), ce qu'elle dit à l'utilisateur : ${list.slice(0, ex).join(", ")}${list.length > ex ? "…" : ""}`);
  for (const [k, v] of sorted) {
    console.log(`\n${v.length}\t${k}\t(${new Set(v.map((x) => x.workbook)).size} classeur(s))`);
    for (const { workbook, u } of v.slice(0, ex)) console.log(`\t${workbook} ${u.sheet}!${u.cell} = ${String(u.value)} · ligne « ${u.label} » · colonne « ${u.header ?? ""} »`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  });
}
