// Scores the free-layout workbooks of this folder (written by openpyxl, some recalculated by LibreOffice, in layouts the
// team did not design) against their keys, amount cell by amount cell: right, missing, spurious, totals read as lines.
// usage: npx tsx corpus/free/score.ts [dir] [--verbose]
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import { main } from "../../src/cli/main.ts";
import { expectedOf } from "../model.ts";
const LOW = 0.6;
const dir = process.argv.find((a, i) => i > 1 && !a.startsWith("--")) ?? dirname(fileURLToPath(import.meta.url));
const verbose = process.argv.includes("--verbose");
async function analyze(file: string): Promise<any> {
  let out = "", err = "";
  const sink = (f: (s: string) => void) => new Writable({ write(c, _e, d) { f(String(c)); d(); } });
  const code = await main(["analyze", file, "--json"], { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  if (code !== 0) return { error: `exit ${code}: ${err.trim()}` };
  return JSON.parse(out);
}
const tot = { lines: 0, right: 0, missing: 0, wrong: 0, wrongConf: 0, spurious: 0, notLineRead: 0 };
for (const f of readdirSync(dir).filter((f) => f.endsWith(".key.json")).sort()) {
  const key = JSON.parse(readFileSync(join(dir, f), "utf8"));
  const doc = await analyze(join(dir, key.file));
  const r = { lines: key.lines.length, right: 0, missing: 0, wrong: 0, wrongConf: 0, spurious: 0, notLineRead: 0 };
  const out: string[] = [];
  if (doc.error) { r.missing = r.lines; out.push(`  ${doc.error}`); }
  else {
    const read = new Map<string, any>();
    for (const l of doc.lines) read.set(`${l.sheet}!${l.amountCell ?? l.cell}`, l);
    const known = new Set<string>();
    for (const k of key.lines) {
      const id = `${k.sheet}!${k.cell}`; known.add(id);
      const l = read.get(id);
      if (!l) { r.missing++; out.push(`  MISSING ${id} « ${k.label} » ${k.amount}`); continue; }
      const ok = [k.lever, ...(k.alt ?? [])].some((lv: string) => { const e = expectedOf(k.section, lv as any); return e.section === l.section && e.pillar === l.pillar && (e.section !== "income" || e.nature === l.nature); });
      if (ok) r.right++; else { r.wrong++; if (l.confidence >= LOW) r.wrongConf++; out.push(`  WRONG ${id} « ${k.label} » want ${k.section}/${k.lever} got ${l.section}/${l.lever} (${l.confidence}) ${l.reason}`); }
    }
    const notLines = new Set((key.notLines ?? []).map((n: any) => `${n.sheet}!${n.cell}`));
    for (const [id, l] of read) if (!known.has(id)) { if (notLines.has(id)) r.notLineRead++; else r.spurious++; out.push(`  ${notLines.has(id) ? "NOTLINE-READ" : "SPURIOUS"} ${id} « ${l.label} » ${l.amount} ${l.section}/${l.lever}`); }
    for (const i of doc.issues ?? []) if (verbose) out.push(`  issue ${i.sheet}!${i.cell ?? ""} ${i.code}: ${i.message.slice(0, 160)}`);
  }
  for (const k of Object.keys(tot) as (keyof typeof tot)[]) tot[k] += r[k];
  console.log(`${key.file}: ${r.right}/${r.lines} right, ${r.missing} missing, ${r.spurious} spurious, ${r.notLineRead} totals read as lines, ${r.wrongConf} confidently wrong — ${key.layout?.slice(0, 90) ?? ""}`);
  if (verbose || out.length < 12) for (const o of out) console.log(o); else console.log(out.slice(0, 12).join("\n") + `\n  … ${out.length - 12} more`);
}
console.log(`TOTAL ${tot.right}/${tot.lines} (${(100 * tot.right / Math.max(1, tot.lines)).toFixed(1)} %), ${tot.missing} missing, ${tot.spurious} spurious, ${tot.notLineRead} totals read as lines, ${tot.wrongConf} confidently wrong`);
