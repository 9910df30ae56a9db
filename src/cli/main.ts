// `equilibre`: analyse a budget workbook (or a folder of them) and print the model, the ratios and the gaps.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { EquilibreError, isEquilibreError, isNoBudget } from "../engine/errors.ts";
import type { Lang } from "../engine/types.ts";
import { HELP, parseArgs } from "./args.ts";
import { summaryText } from "./summaryText.ts";
import { writeJson } from "./jsonOutput.ts";

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const VERSION = "0.1.0";

/** Runs the command and returns its exit code: 0 analysed, 2 bad usage or unreadable file, 3 no budget. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let lang: Lang = argv.includes("en") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "fr";
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    if (args.command === "help") {
      io.stdout.write(HELP[lang] + "\n");
      return 0;
    }
    if (args.command === "version") {
      io.stdout.write(`equilibre ${VERSION}\n`);
      return 0;
    }
    // Loaded only when there is a workbook to read: `--help` and `--version` start without the .xlsx libraries.
    const { analyzeFile, loadParameters } = await import("./analyzeFile.ts");
    const params = await loadParameters(args.params);
    if (args.command === "compare") {
      const { columnNotices, compareRun, compareText } = await import("./compare.ts");
      const { doc, written } = await compareRun(args.before, args.after, { params, columnBefore: args.columnBefore, columnAfter: args.columnAfter, lang, output: args.output });
      if (args.json) writeJson(doc, (t) => io.stdout.write(t));
      else io.stdout.write(compareText(doc, lang) + "\n");
      for (const n of columnNotices(doc, args, lang)) io.stderr.write(n + "\n");
      if (written) reportWritten(io, written, lang);
      return 0;
    }
    const { loadScenario, scenariosText } = await import("./scenarioFile.ts");
    const scenarios = await Promise.all(args.scenarios.map(loadScenario));
    const info = await stat(args.input).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT" || e.code === "ENOTDIR") throw new EquilibreError("file_not_found", { file: args.input });
      throw new EquilibreError("read_failed", { file: args.input, problem: e.code ?? "" }, { cause: e });
    });
    if (info.isDirectory()) {
      if (scenarios.length > 0) throw new EquilibreError("bad_usage", { detail: "--scenario s'utilise avec un seul classeur, pas avec un dossier." });
      if (args.json) throw new EquilibreError("bad_usage", { detail: "--json s'utilise avec un seul classeur ; pour un dossier, la synthèse est un fichier CSV (--summary)." });
      const { analyzeFolder } = await import("./folder.ts");
      const { code } = await analyzeFolder(args.input, { params, outputDir: args.output, summary: args.summary, lang, stderr: io.stderr });
      return code;
    }
    const summary = args.summary ? await import("./fileSummary.ts") : null;
    if (summary) await summary.checkSummary(args.input, args.summary!);
    const run = await analyzeFile(args.input, { params, column: args.column, output: args.output, lang, scenarios });
    if (args.json) writeJson(run.doc, (t) => io.stdout.write(t));
    else io.stdout.write(summaryText(run.doc, lang) + (run.doc.scenarios ? scenariosText(run.doc.scenarios, lang) : "") + "\n");
    if (run.written) reportWritten(io, run.written, lang);
    if (summary) io.stderr.write((await summary.writeFileSummary(args.summary!, args.input, run.doc, lang)) + "\n");
    return 0;
  } catch (e) {
    if (isEquilibreError(e)) {
      io.stderr.write(e.messageIn(lang) + "\n");
      return isNoBudget(e) ? 3 : 2;
    }
    // A file system error no step turned into a sentence still gets one (and exit 2), never a stack trace.
    const fsError = e as NodeJS.ErrnoException | null;
    if (fsError && typeof fsError.code === "string" && /^E[A-Z]+$/.test(fsError.code) && typeof fsError.syscall === "string") {
      const reading = ["open", "read", "stat", "lstat", "scandir", "opendir", "access", "realpath"].includes(fsError.syscall);
      const file = fsError.path ? basename(fsError.path) : "";
      io.stderr.write(new EquilibreError(reading ? "read_failed" : "write_failed", { file, problem: fsError.code }).messageIn(lang) + "\n");
      return 2;
    }
    if (process.env.EQUILIBRE_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? e}\n`);
    io.stderr.write(
      lang === "fr"
        ? "Une erreur inattendue a interrompu l'analyse : relancez avec EQUILIBRE_DEBUG=1 et transmettez le message à l'équipe Équilibre.\n"
        : "An unexpected error stopped the analysis: run again with EQUILIBRE_DEBUG=1 and send the message to the Équilibre team.\n",
    );
    return 1;
  }
}

/** Where -o wrote the report, and what the write must tell. */
function reportWritten(io: { stderr: { write(s: string): unknown } }, written: { path: string; warnings: string[] }, lang: Lang): void {
  io.stderr.write(lang === "fr" ? `Rapport écrit dans « ${written.path} ».\n` : `Report written to “${written.path}”.\n`);
  for (const w of written.warnings) io.stderr.write(`${w}\n`);
}
