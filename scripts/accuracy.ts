// `npx tsx scripts/accuracy.ts [--json] [--only <name>] [--all-layouts] [--layout <layout>] [--variants | --variant <id>]`: runs every corpus workbook (corpus/xlsx, built from
// corpus/budgets by corpus/build.ts) through the real command, `equilibre analyze FILE --json`, and compares what
// it reads with what the domain rules say. Prints per budget and in total: lines right / total (section, pillar,
// and nature for produits), lever agreement, lines missing, lines spurious, lines wrong with a confidence at or
// above the pane's review threshold, and the totals against the budget's own. It is a measure, not a test: it
// exits 0 whatever the figures, and 2 only when the corpus itself is broken. With --all-layouts, every budget is
// laid in every layout corpus/layouts.ts knows (as the budget allows) in a temporary folder, and the totals are
// also given per layout: treasurers lay budgets out their own way, and the figure must hold on each. --variants
// adds every variant of corpus/variants.ts (a title block, text amounts, k€, a « % » column…) on every budget.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { main } from "../src/cli/main.ts";
import { LOW_CONFIDENCE } from "../src/taskpane/session.ts";
import { laidCorpus, workbookOf } from "../corpus/build.ts";
import { ALL_LAYOUTS, layEvery, type Laid, type Placement } from "../corpus/layouts.ts";
import { inVariant, VARIANTS } from "../corpus/variants.ts";
import { linesOf, loadBudgets, problemsOf, XLSX_DIR, type Budget, type Expected } from "../corpus/model.ts";
import type { AnalysisJson } from "../src/workbook/analysisJson.ts";

type ReadLine = AnalysisJson["lines"][number];

export interface LineResult {
  sheet: string;
  row: number;
  column: string;
  label: string;
  expected: string;
  read: string | null;
  confidence: number | null;
  verdict: "right" | "wrong" | "missing" | "spurious" | "skipped_ok" | "not_a_line_read";
  leverRight: boolean;
}

export interface BudgetResult {
  name: string;
  layout: string;
  variant?: string;
  kind: string;
  total: number;
  right: number;
  leverRight: number;
  missing: number;
  spurious: number;
  wrong: number;
  wrongConfident: number;
  /** Lines right whose confidence still asks the user to check them (needless work in the pane). */
  rightDoubted: number;
  totals: { column: string; income: { read: number | null; lines: number; published: number | null }; expense: { read: number | null; lines: number; published: number | null }; model: { read: string | null; expected: string | null } }[];
  lines: LineResult[];
  error?: string;
}

const colOf = (cell: string): number => {
  const letters = cell.match(/^[A-Z]+/)?.[0] ?? "A";
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
};
const norm = (s: string | null | undefined): string => (s ?? "").normalize("NFC").trim().toLowerCase();
const describe = (e: { section: string; pillar: string; nature?: string | null; lever: string }): string =>
  `${e.section}/${e.pillar}${e.section === "income" ? `/${e.nature}` : ""} (${e.lever})`;

/** Right = same section and pillar, and the same nature for a produit (issue 11's definition). */
function classRight(e: Expected, l: ReadLine): boolean {
  if (e.section !== l.section || e.pillar !== l.pillar) return false;
  return e.section !== "income" || e.nature === l.nature;
}

export async function analyze(file: string): Promise<AnalysisJson> {
  let out = "";
  let err = "";
  const sink = (append: (s: string) => void) => new Writable({ write(chunk, _enc, done) { append(String(chunk)); done(); } });
  const code = await main(["analyze", file, "--json"], { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  if (code !== 0) throw new Error(`exit ${code}: ${err.trim()}`);
  return JSON.parse(out) as AnalysisJson;
}

/**
 * The expected placement a read line stands for: same sheet and row, its cell inside the placement's columns; where
 * a row holds two (a journal row with a charge and a produit), the one whose column header, else amount, it has.
 */
function findPlacement(placements: Placement[], l: ReadLine, taken: (p: Placement) => boolean): Placement | undefined {
  const col = colOf(l.cell);
  const onRow = placements.filter((p) => p.sheet === l.sheet && p.row === l.row);
  const inside = onRow.filter((p) => col >= p.firstCol && col <= p.lastCol);
  if (inside.length > 1) {
    const cents = Math.round((l.amount ?? NaN) * 100);
    return (
      inside.find((p) => !taken(p) && p.amounts.some((a) => norm(a.header) === norm(l.column))) ??
      inside.find((p) => !taken(p) && p.amounts.some((a) => Math.round(a.amount * 100) === cents)) ??
      inside.find((p) => !taken(p))
    );
  }
  return inside[0] ?? (onRow.length === 1 ? onRow[0] : undefined);
}

/** Which amount of the placement a read line is: by its column header, else by its amount, else the first not yet taken. */
function amountIndex(p: Placement, l: ReadLine, taken: (i: number) => boolean): number {
  if (p.amounts.length <= 1) return p.amounts.length - 1;
  const byHeader = p.amounts.findIndex((a) => norm(a.header) === norm(l.column));
  if (byHeader >= 0) return byHeader;
  const byAmount = p.amounts.findIndex((a, i) => !taken(i) && Math.round(a.amount * 100) === Math.round((l.amount ?? NaN) * 100));
  if (byAmount >= 0) return byAmount;
  return p.amounts.findIndex((_, i) => !taken(i));
}

/** The model the expected lines give at the default 20 % threshold (docs/spec.md §3). */
function expectedModel(byNature: Record<string, number>): string | null {
  const base = (byNature.public ?? 0) + (byNature.private ?? 0) + (byNature.activity ?? 0);
  if (base <= 0) return null;
  const sig = (["public", "private", "activity"] as const).filter((n) => (byNature[n] ?? 0) / base >= 0.2);
  const key = sig.join("+");
  const ids: Record<string, string> = {
    public: "public", private: "private", activity: "activity", "public+private": "public_private", "public+activity": "public_activity",
    "private+activity": "private_activity", "public+private+activity": "hybrid",
  };
  return ids[key] ?? null;
}

export function compare(laid: Laid, doc: AnalysisJson): BudgetResult {
  const lines: LineResult[] = [];
  const seen = new Set<string>();
  // A journal row holds two placements on the same cells (its charge and its produit): the key is the placement's own.
  const keyOf = (p: Placement, i: number) => `${laid.placements.indexOf(p)}:${i}`;
  for (const l of doc.lines) {
    const p = findPlacement(laid.placements, l, (q) => q.amounts.every((_, k) => seen.has(keyOf(q, k))));
    const i = p ? amountIndex(p, l, (k) => seen.has(keyOf(p, k))) : -1;
    const base = { sheet: l.sheet, row: l.row, column: l.column ?? "", label: l.label, read: describe(l as never), confidence: l.confidence };
    // A placement's amount read a second time (twelve monthly columns read as twelve lines) is a line too many.
    if (!p || i < 0 || seen.has(keyOf(p, i))) {
      lines.push({ ...base, expected: "—", verdict: "spurious", leverRight: false });
      continue;
    }
    seen.add(keyOf(p, i));
    if (p.notALine) {
      lines.push({ ...base, expected: `pas une ligne (${p.notALine})`, verdict: "not_a_line_read", leverRight: false });
      continue;
    }
    const e = p.expect!;
    const all = [e, ...p.alternatives];
    const right = all.some((x) => classRight(x, l));
    const leverRight = all.some((x) => x.lever === l.lever && classRight(x, l));
    lines.push({ ...base, expected: describe(e), verdict: right ? "right" : "wrong", leverRight });
  }
  for (const p of laid.placements) {
    p.amounts.forEach((a, i) => {
      if (seen.has(keyOf(p, i))) return;
      const base = { sheet: p.sheet, row: p.row, column: a.header, label: p.label, read: null, confidence: null, leverRight: false };
      if (p.notALine) lines.push({ ...base, expected: `pas une ligne (${p.notALine})`, verdict: "skipped_ok" });
      // A zero amount not read costs nothing: it weighs nothing in the totals.
      else if (a.amount !== 0) lines.push({ ...base, expected: describe(p.expect!), verdict: "missing" });
    });
  }
  const counted = lines.filter((x) => x.verdict !== "skipped_ok");
  const wrongs = lines.filter((x) => x.verdict === "wrong" || x.verdict === "not_a_line_read");
  const totals = laid.columns.map((column, k) => {
    const analysis =
      doc.analyses.find((a) => norm(a.column) === norm(column)) ?? (doc.analyses.length === laid.columns.length ? doc.analyses[k] : undefined);
    // A trial balance shows one column under its own header (« Solde »): its placements carry that one amount.
    const amountOf = (p: Placement) => (laid.columns.length === 1 ? p.amounts[0]?.amount : p.amounts.find((a) => a.header === column)?.amount) ?? 0;
    const sum = (section: string) => laid.placements.filter((p) => p.section === section && !p.notALine).reduce((s, p) => s + Math.round(amountOf(p) * 100), 0) / 100;
    const byNature: Record<string, number> = {};
    for (const p of laid.placements) {
      if (p.section !== "income" || !p.expect?.nature) continue;
      byNature[p.expect.nature] = (byNature[p.expect.nature] ?? 0) + amountOf(p);
    }
    return {
      column,
      income: { read: analysis?.totals.income ?? null, lines: sum("income"), published: laid.published.income[k] ?? null },
      expense: { read: analysis?.totals.expense ?? null, lines: sum("expense"), published: laid.published.expense[k] ?? null },
      model: { read: analysis?.model?.id ?? null, expected: expectedModel(byNature) },
    };
  });
  return {
    name: laid.name,
    layout: laid.layout,
    kind: laid.budget.kind,
    total: counted.filter((x) => x.verdict !== "spurious").length,
    right: lines.filter((x) => x.verdict === "right").length,
    leverRight: lines.filter((x) => x.leverRight).length,
    missing: lines.filter((x) => x.verdict === "missing").length,
    spurious: lines.filter((x) => x.verdict === "spurious").length,
    wrong: wrongs.length,
    wrongConfident: wrongs.filter((x) => (x.confidence ?? 0) >= LOW_CONFIDENCE).length,
    rightDoubted: lines.filter((x) => x.verdict === "right" && (x.confidence ?? 1) < LOW_CONFIDENCE).length,
    totals,
    lines,
  };
}

const pct = (a: number, b: number): string => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)} %`);
const euros = (x: number | null): string => (x === null ? "—" : x.toLocaleString("fr-FR", { maximumFractionDigits: 2 }));

function printText(results: BudgetResult[], budgets: Budget[]): void {
  const w = Math.max(...results.map((r) => r.name.length), 10);
  const source = budgets.flatMap((b) => b.blocks.flatMap(linesOf));
  console.log(
    `Corpus : ${budgets.length} budgets réels, ${source.length} lignes transcrites (${source.reduce((n, l) => n + l.amounts.filter((a) => a !== null).length, 0)} montants), ${results.length} classeurs (copies re-mises en page comprises).`,
  );
  console.log(`Seuil de vérification du volet : confiance < ${LOW_CONFIDENCE}`);
  console.log(`${"classeur".padEnd(w)}  justes/total      leviers   manquantes  en trop  fausses(sûres)  totaux`);
  for (const r of results) {
    if (r.error) {
      console.log(`${r.name.padEnd(w)}  ERREUR : ${r.error}`);
      continue;
    }
    const totalsOk = r.totals.every((t) => t.income.read !== null && Math.abs(t.income.read - t.income.lines) < 0.01 && Math.abs((t.expense.read ?? NaN) - t.expense.lines) < 0.01);
    console.log(
      `${r.name.padEnd(w)}  ${`${r.right}/${r.total}`.padStart(7)} ${pct(r.right, r.total).padStart(8)}  ${pct(r.leverRight, r.total).padStart(8)}  ${String(r.missing).padStart(10)}  ${String(r.spurious).padStart(7)}  ${`${r.wrong}(${r.wrongConfident})`.padStart(14)}  ${totalsOk ? "ok" : "écart"}`,
    );
  }
  // A workbook the command cannot read counts all its lines as missing.
  const ok = results.filter((r) => !r.error);
  const s = (f: (r: BudgetResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const total = s((r) => r.total);
  console.log(
    `${"TOTAL".padEnd(w)}  ${`${s((r) => r.right)}/${total}`.padStart(7)} ${pct(s((r) => r.right), total).padStart(8)}  ${pct(s((r) => r.leverRight), total).padStart(8)}  ${String(s((r) => r.missing)).padStart(10)}  ${String(s((r) => r.spurious)).padStart(7)}  ${`${s((r) => r.wrong)}(${s((r) => r.wrongConfident)})`.padStart(14)}`,
  );
  console.log(`lignes fausses avec une confiance ≥ ${LOW_CONFIDENCE} : ${pct(s((r) => r.wrongConfident), total)} des lignes`);
  console.log(`lignes justes pourtant signalées à vérifier (confiance < ${LOW_CONFIDENCE}) : ${pct(s((r) => r.rightDoubted), total)} des lignes`);
  console.log("\nDétail (lignes fausses, manquantes, en trop ; totaux qui ne collent pas) :");
  for (const r of ok) {
    const bad = r.lines.filter((x) => !["right", "skipped_ok"].includes(x.verdict));
    const badTotals = r.totals.filter((t) => t.income.read === null || Math.abs(t.income.read - t.income.lines) >= 0.01 || Math.abs((t.expense.read ?? NaN) - t.expense.lines) >= 0.01 || t.model.read !== t.model.expected);
    if (!bad.length && !badTotals.length) continue;
    console.log(`\n■ ${r.name} (${r.layout}, ${r.kind})`);
    for (const x of bad) {
      console.log(`  ${x.verdict.padEnd(15)} ${x.sheet}!${x.row} [${x.column}] « ${x.label.slice(0, 60)} » attendu ${x.expected} ; lu ${x.read ?? "—"}${x.confidence !== null ? ` (confiance ${x.confidence})` : ""}`);
    }
    for (const t of badTotals) {
      console.log(`  totaux [${t.column}] produits lus ${euros(t.income.read)} / lignes ${euros(t.income.lines)} / publié ${euros(t.income.published)} ; charges lues ${euros(t.expense.read)} / lignes ${euros(t.expense.lines)} / publié ${euros(t.expense.published)} ; modèle lu ${t.model.read ?? "—"}, attendu ${t.model.expected ?? "—"}`);
    }
  }
}

/** Per-layout totals of `--all-layouts` (one row per layout, every budget laid in it), then per variant. */
function printLayouts(all: BudgetResult[], budgets: Budget[]): void {
  const results = all.filter((r) => !r.variant);
  console.log(`Toutes les mises en page : ${budgets.length} budgets réels, ${results.length} classeurs (écrits dans un dossier temporaire).`);
  console.log(`Seuil de vérification du volet : confiance < ${LOW_CONFIDENCE}`);
  const w = 26;
  const head = (first: string) => console.log(`${first.padEnd(w)}  classeurs  justes/total      leviers   manquantes  en trop  fausses(sûres)  erreurs`);
  head("mise en page");
  const row = (name: string, rs: BudgetResult[]) => {
    const s = (f: (r: BudgetResult) => number) => rs.reduce((n, r) => n + f(r), 0);
    const total = s((r) => r.total);
    console.log(
      `${name.padEnd(w)}  ${String(rs.length).padStart(9)}  ${`${s((r) => r.right)}/${total}`.padStart(9)} ${pct(s((r) => r.right), total).padStart(8)}  ${pct(s((r) => r.leverRight), total).padStart(8)}  ${String(s((r) => r.missing)).padStart(10)}  ${String(s((r) => r.spurious)).padStart(7)}  ${`${s((r) => r.wrong)}(${s((r) => r.wrongConfident)})`.padStart(14)}  ${String(rs.filter((r) => r.error).length).padStart(7)}`,
    );
  };
  for (const layout of [...new Set(results.map((r) => r.layout))]) row(layout, results.filter((r) => r.layout === layout));
  row("TOTAL", results);
  const dressed = all.filter((r) => r.variant);
  if (dressed.length === 0) return;
  console.log(`\nVariantes (chacune sur chaque budget, dans les mises en page où elle s'applique) : ${dressed.length} classeurs.`);
  head("variante");
  for (const v of VARIANTS) {
    const rs = dressed.filter((r) => r.variant === v.id);
    if (rs.length) row(v.id, rs);
  }
  row("TOTAL", dressed);
  for (const v of VARIANTS) console.log(`  ${v.id} : ${v.what} (${v.layouts.join(", ")})`);
}

/** Every budget laid in every layout it allows, written to a temporary folder (never into corpus/xlsx), and read. */
async function allLayouts(budgets: Budget[], keep: (l: Laid) => boolean, variants: string[] | null, plainToo: boolean): Promise<BudgetResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "equilibre-layouts-"));
  try {
    const results: BudgetResult[] = [];
    const plain = budgets.flatMap((b) => layEvery(b)).filter(keep);
    const dressed = variants ? plain.flatMap((l) => VARIANTS.filter((v) => variants.includes(v.id)).map((v) => inVariant(l, v)).filter((x): x is Laid => x !== null)) : [];
    for (const l of [...(plainToo ? plain : []), ...dressed]) {
      const file = join(dir, `${l.name}.xlsx`);
      await workbookOf(l).xlsx.writeFile(file);
      results.push(await measure(l, file));
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(l: Laid, file: string): Promise<BudgetResult> {
  try {
    return { ...compare(l, await analyze(file)), ...(l.variant ? { variant: l.variant } : {}) };
  } catch (e) {
    const n = l.placements.reduce((s, p) => s + (p.notALine ? 0 : p.amounts.filter((a) => a.amount !== 0).length), 0);
    return { name: l.name, layout: l.layout, ...(l.variant ? { variant: l.variant } : {}), kind: l.budget.kind, total: n, right: 0, leverRight: 0, missing: n, spurious: 0, wrong: 0, wrongConfident: 0, rightDoubted: 0, totals: [], lines: [], error: (e as Error).message };
  }
}

async function run(argv: string[]): Promise<number> {
  const budgets = loadBudgets();
  const problems = budgets.flatMap(problemsOf);
  const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : null;
  const every = argv.includes("--all-layouts") || argv.includes("--variants") || argv.includes("--variant");
  // --variants: every variant as well as the plain layouts; --variant <id>: that variant only.
  const oneVariant = argv.includes("--variant") ? argv[argv.indexOf("--variant") + 1]! : null;
  if (oneVariant && !VARIANTS.some((v) => v.id === oneVariant)) {
    console.error(`Variante inconnue : ${oneVariant} (connues : ${VARIANTS.map((v) => v.id).join(", ")})`);
    return 2;
  }
  const variants = oneVariant ? [oneVariant] : argv.includes("--variants") ? VARIANTS.map((v) => v.id) : null;
  const onlyLayout = argv.includes("--layout") ? argv[argv.indexOf("--layout") + 1] : null;
  if (onlyLayout && !(ALL_LAYOUTS as string[]).includes(onlyLayout)) {
    console.error(`Mise en page inconnue : ${onlyLayout} (connues : ${ALL_LAYOUTS.join(", ")})`);
    return 2;
  }
  const keep = (l: Laid) => (!only || l.name.includes(only)) && (!onlyLayout || l.layout === onlyLayout);
  const laid = every ? [] : laidCorpus(budgets).filter(keep);
  const absent = laid.filter((l) => !existsSync(join(XLSX_DIR, `${l.name}.xlsx`)));
  if (problems.length || absent.length) {
    console.error(`Le corpus est incomplet : ${[...problems, ...absent.map((l) => `${l.name}.xlsx absent (lancez npx tsx corpus/build.ts)`)].join(" ; ")}`);
    return 2;
  }
  const results: BudgetResult[] = every ? await allLayouts(budgets, keep, variants, !oneVariant) : [];
  for (const l of laid) results.push(await measure(l, join(XLSX_DIR, `${l.name}.xlsx`)));
  if (argv.includes("--json")) {
    const ok = results;
    const s = (f: (r: BudgetResult) => number) => ok.reduce((n, r) => n + f(r), 0);
    const source = budgets.flatMap((b) => b.blocks.flatMap(linesOf));
    const corpus = { budgets: budgets.length, lines: source.length, amounts: source.reduce((n, l) => n + l.amounts.filter((a) => a !== null).length, 0), workbooks: results.length };
    console.log(JSON.stringify({ corpus, reviewThreshold: LOW_CONFIDENCE, total: { lines: s((r) => r.total), right: s((r) => r.right), leverRight: s((r) => r.leverRight), missing: s((r) => r.missing), spurious: s((r) => r.spurious), wrong: s((r) => r.wrong), wrongConfident: s((r) => r.wrongConfident), rightDoubted: s((r) => r.rightDoubted) }, budgets: results }, null, 2));
  } else {
    printText(results, budgets);
    if (every) {
      console.log("");
      printLayouts(results, budgets);
    }
  }
  return 0;
}

// Piped into `head`, the reader may close early: that is not an error of the corpus.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
});
process.exitCode = await run(process.argv.slice(2));
