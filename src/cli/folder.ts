// A folder: every .xlsx in it, a progress bar on stderr, one CSV row per file; one bad file stops nothing.
import { readdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { isEquilibreError, isNoBudget } from "../engine/errors.ts";
import type { Parameters } from "../engine/parameters.ts";
import type { Lang } from "../engine/types.ts";
import { toCsv } from "./csv.ts";
import { analyzeFile } from "./analyzeFile.ts";
import { STATUS_NAMES } from "../engine/labels.ts";

export interface FolderOptions {
  params: Parameters;
  outputDir: string | null;
  summary: string | null;
  lang: Lang;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const HEADER = {
  fr: ["Fichier", "Statut", "Colonne", "Modèle", "Nom du modèle", "Part publique", "Part privée", "Part activité", "Tiers on top", "Statut tiers on top", "Écart tiers on top (€)", "4 tiers", "Statut 4 tiers", "Écart 4 tiers (€)", "Mutualisation", "Statut mutualisation", "Écart mutualisation (€)", "Prime collective", "Statut prime", "Écart prime (€)", "Lignes", "Avertissements ou erreur"],
  en: ["File", "Status", "Column", "Model", "Model name", "Public share", "Private share", "Activity share", "Third on top", "Third-on-top status", "Third-on-top gap (€)", "Four thirds", "Four-thirds status", "Four-thirds gap (€)", "Pooling", "Pooling status", "Pooling gap (€)", "Collective premium", "Premium status", "Premium gap (€)", "Lines", "Warnings or error"],
};

export async function analyzeFolder(folder: string, options: FolderOptions): Promise<{ code: number; csvPath: string }> {
  const fr = options.lang === "fr";
  const files = (await readdir(folder, { withFileTypes: true }))
    .filter((d) => d.isFile() && /\.xlsx$/i.test(d.name) && !d.name.startsWith("~$"))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, "fr"));
  const rows: (string | number | null)[][] = [HEADER[options.lang]];
  let analysed = 0;
  let worst = 0;
  const tty = Boolean(options.stderr.isTTY);
  for (const [i, name] of files.entries()) {
    const progress = `${i + 1}/${files.length}`;
    if (tty) {
      const width = 24;
      const done = Math.round(((i + 1) / Math.max(files.length, 1)) * width);
      options.stderr.write(`\r[${"█".repeat(done)}${"·".repeat(width - done)}] ${progress} ${name.slice(0, 40).padEnd(40)}`);
    } else options.stderr.write(`${progress} ${name}\n`);
    const output = options.outputDir ? join(options.outputDir, name.replace(/\.xlsx$/i, "-equilibre.xlsx")) : null;
    try {
      const run = await analyzeFile(join(folder, name), { params: options.params, column: null, output, lang: options.lang });
      analysed++;
      for (const a of run.doc.analyses) {
        const r = a.ratios;
        const st = (s: string) => STATUS_NAMES[s as "reached"][options.lang];
        rows.push([
          name, "ok", a.column, a.model.id, a.model.name, a.model.shares.public, a.model.shares.private, a.model.shares.activity,
          r.tiersOnTop.value, st(r.tiersOnTop.status), r.tiersOnTop.gapAmount, r.fourThirds.value, st(r.fourThirds.status), r.fourThirds.gapAmount,
          r.alliance.pooling.value, st(r.alliance.pooling.status), r.alliance.pooling.gapAmount, r.alliance.premium.value, st(r.alliance.premium.status),
          r.alliance.premium.gapAmount, a.lineCount, run.doc.issues.map((x) => x.message).join(" | "),
        ]);
      }
    } catch (e) {
      const code = isEquilibreError(e) ? (isNoBudget(e) ? 3 : 2) : 1;
      worst = Math.max(worst, code);
      const message = isEquilibreError(e) ? e.messageIn(options.lang) : fr ? "Erreur inattendue pendant l'analyse." : "Unexpected error during the analysis.";
      rows.push([name, code === 3 ? (fr ? "pas de budget" : "no budget") : fr ? "erreur" : "error", ...new Array(19).fill(null), message]);
    }
  }
  if (tty) options.stderr.write("\n");
  const csvPath = options.summary ?? join(folder, "equilibre-synthese.csv");
  await writeFile(csvPath, toCsv(rows), "utf8");
  options.stderr.write(fr ? `${analysed} classeur(s) analysé(s) sur ${files.length} ; synthèse : ${basename(csvPath)}\n` : `${analysed} of ${files.length} workbook(s) analysed; summary: ${basename(csvPath)}\n`);
  return { code: analysed > 0 ? 0 : files.length === 0 ? 3 : worst || 2, csvPath };
}
