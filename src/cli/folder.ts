// A folder: every workbook in it analysed in parallel (one worker thread per core), a progress line per file
// on stderr as each one ends, one CSV row per analysed column — and one per skipped or failed file — sorted
// by file name whatever the order they finished in; one bad file stops nothing.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { EquilibreError } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Lang } from "../engine/types.ts";
import { checkWritable, writeFileAtomic } from "../hosts/file/atomicWrite.ts";
import { toCsv } from "./csv.ts";
import { say } from "../engine/i18n/index.ts";
import { csvHeader } from "./folderCsv.ts";
import { runFolderJob, sentenceRow, type CsvCell, type FolderJob, type FolderJobResult } from "./folderJob.ts";
import { planFolder } from "./folderPlan.ts";
import { workerHeapMb } from "./workerHeap.ts";
import { isSameFile } from "./outputPath.ts";

export interface FolderOptions {
  params: Parameters;
  outputDir: string | null;
  summary: string | null;
  lang: Lang;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Worker threads to use (default: one per core; 0 analyses in this thread). */
  workers?: number;
}

export { csvHeader, csvRows } from "./folderCsv.ts";

/**
 * The worker's module, with this module's extension: .ts beside it in the sources (through tsx); in the build
 * (scripts/build-cli.mjs) this module is a chunk in build/cli/chunks/ and the worker an entry in build/cli/.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const ext = extname(fileURLToPath(import.meta.url));
  const candidates = [new URL(`./folderWorker${ext}`, import.meta.url), new URL(`../folderWorker${ext}`, import.meta.url)];
  const url = candidates.find((u) => existsSync(fileURLToPath(u))) ?? candidates[0]!;
  return { url, execArgv: ext === ".ts" ? ["--import", import.meta.resolve("tsx")] : [] };
}

/**
 * Runs the jobs on `count` worker threads, calling `done` as each ends. A worker that cannot start (its
 * module missing from a bundle) or that dies leaves its jobs to this thread: the folder is analysed anyway.
 */
async function runJobs(jobs: FolderJob[], count: number, done: (r: FolderJobResult) => void, onFallBack: () => void): Promise<void> {
  let next = 0;
  const take = () => (next < jobs.length ? jobs[next++]! : null);
  const inThread = async () => {
    for (let job = take(); job; job = take()) done(await runFolderJob(job));
  };
  if (count <= 0) return inThread();
  const entry = workerEntry();
  const heapMb = workerHeapMb(count);
  const resourceLimits = heapMb === null ? undefined : { maxOldGenerationSizeMb: heapMb };
  const one = () =>
    new Promise<void>((resolve) => {
      let current: FolderJob | null = null;
      let over = false;
      let worker: Worker;
      try {
        worker = new Worker(entry.url, { execArgv: entry.execArgv, resourceLimits });
      } catch {
        onFallBack();
        void inThread().then(resolve);
        return;
      }
      const feed = () => {
        current = take();
        if (current) worker.postMessage(current);
        else {
          over = true;
          void worker.terminate().then(() => resolve());
        }
      };
      // A worker that fails or stops on its own: the job it held is done here, then the rest of the queue.
      const fallBack = () => {
        if (over) return;
        over = true;
        onFallBack();
        const held = current;
        current = null;
        void worker.terminate();
        void (async () => {
          if (held) done(await runFolderJob(held));
          await inThread();
          resolve();
        })();
      };
      worker.on("message", (r: FolderJobResult) => {
        done(r);
        feed();
      });
      worker.on("error", fallBack);
      worker.on("exit", fallBack);
      feed();
    });
  await Promise.all(Array.from({ length: count }, one));
}

export async function analyzeFolder(folder: string, options: FolderOptions): Promise<{ code: number; csvPath: string }> {
  const { lang } = options;
  const fr = lang === "fr";
  const csvPath = options.summary ?? join(folder, "equilibre-synthese.csv");
  await checkWritable(csvPath, "--summary");
  const plan = await planFolder(folder, { outputDir: options.outputDir, summary: csvPath });
  for (const f of plan) if (!f.skip && (await isSameFile(f.path, csvPath))) throw new EquilibreError("output_is_input", { file: csvPath });
  const jobs: FolderJob[] = plan.flatMap((f, id) => (f.skip ? [] : [{ id, name: f.name, path: f.path, output: f.output, params: options.params, lang }]));
  const results = new Map<number, FolderJobResult>();
  let finished = 0;
  const total = plan.length;
  const line = (name: string, text: string) => options.stderr.write(`[${++finished}/${total}] ${name}${say(lang, "colon")}${text}\n`);
  // Skipped files are said first: nothing to wait for.
  plan.forEach((f) => f.skip && line(f.name, `${fr ? "ignoré" : "skipped"} (${f.skip[lang]})`));
  const cores = options.workers ?? Math.min(availableParallelism(), jobs.length);
  let fellBack = false;
  await runJobs(jobs, jobs.length <= 1 ? 0 : cores, (r) => {
    results.set(r.id, r);
    const name = plan[r.id]!.name;
    if (r.code === 0) {
      const written = r.written ? (fr ? ` ; rapport « ${basename(r.written)} »` : `; report “${basename(r.written)}”`) : "";
      line(name, `${fr ? "analysé" : "analysed"} — ${r.message}${written}`);
    } else line(name, `${r.code === 3 ? (fr ? "pas de budget" : "no budget") : fr ? "erreur" : "error"} — ${r.message}`);
  }, () => {
    // Said once: the folder is still analysed, on one core instead of all.
    if (fellBack) return;
    fellBack = true;
    options.stderr.write(fr ? "Un fil de calcul n'a pas pu démarrer : les classeurs restants sont analysés un par un.\n" : "A worker thread could not start: the remaining workbooks are analysed one by one.\n");
  });
  const rows: CsvCell[][] = [csvHeader(lang)];
  plan.forEach((f, id) => {
    if (f.skip) rows.push(sentenceRow(f.name, say(lang, "csv.skipped"), f.skip[lang], lang));
    else for (const row of results.get(id)!.rows) rows.push(row);
  });
  await writeFileAtomic(csvPath, toCsv(rows, lang), "--summary");
  const analysed = [...results.values()].filter((r) => r.code === 0).length;
  const worst = [...results.values()].reduce((w, r) => Math.max(w, r.code), 0);
  // « 0 classeur(s) analysé(s) sur 0 » alone leaves the user guessing: the folder is probably the wrong one.
  if (jobs.length === 0) options.stderr.write(noWorkbookSentence(folder, plan.length, fr));
  options.stderr.write(
    fr ? `${analysed} classeur(s) analysé(s) sur ${jobs.length} ; synthèse : ${basename(csvPath)}\n` : `${analysed} of ${jobs.length} workbook(s) analysed; summary: ${basename(csvPath)}\n`,
  );
  return { code: analysed > 0 ? 0 : jobs.length === 0 ? 3 : worst || 2, csvPath };
}

/** A folder that holds no workbook to analyse: which one, what is read, and how many files were set aside. */
function noWorkbookSentence(folder: string, skipped: number, fr: boolean): string {
  const name = basename(resolve(folder));
  if (fr) {
    const aside = skipped > 0 ? ` ; ${skipped} fichier(s) mis de côté, la raison est donnée pour chacun ci-dessus` : "";
    return `Aucun classeur à analyser dans le dossier « ${name} » : Équilibre lit les fichiers .xlsx et .xlsm${aside}. Vérifiez le dossier donné, ou enregistrez vos budgets au format .xlsx.\n`;
  }
  const aside = skipped > 0 ? `; ${skipped} file(s) set aside, each with its reason above` : "";
  return `No workbook to analyse in the folder “${name}”: Équilibre reads .xlsx and .xlsm files${aside}. Check the folder given, or save your budgets as .xlsx.\n`;
}
