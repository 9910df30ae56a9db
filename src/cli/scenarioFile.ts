// `--scenario FILE.json`: the scenario file a treasurer writes, read and checked before any workbook is opened.
// Every mistake gets one sentence that names it (and the valid ids), never a stack trace.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { EquilibreError } from "../engine/errors.ts";
import { goalSeek, type Goal, type Variable } from "../engine/goalSeek.ts";
import { isLeverId } from "../engine/levers.ts";
import { eurosToCents } from "../engine/money.ts";
import { MODELS, type ModelId } from "../engine/models.ts";
import type { Scenario, ScenarioChange } from "../engine/scenario.ts";
import { RULE_IDS, type RuleId } from "../engine/scenarioDifference.ts";
import type { Parameters } from "../engine/parameters.ts";
import { LEVER_IDS, type ClassifiedLine, type Lang, type LeverId } from "../engine/types.ts";
import { scenarioJson, type ScenarioJson } from "../workbook/scenarioJson.ts";

/** A goal-seek question asked in the scenario file: `{ "lever": "corporate_patronage", "reach": "hybrid" }`. */
export interface GoalQuestion {
  variable: Variable;
  goal: Goal;
  /** As written in the file, for the JSON answer. */
  reach: string;
}

export interface ScenarioFile extends Scenario {
  goals: GoalQuestion[];
}

type Detail = { fr: string; en: string };

function fail(file: string, d: Detail): never {
  throw new EquilibreError("scenario_file", { file, detail: d.fr, detailEn: d.en });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const MODEL_IDS = MODELS.map((m) => m.id);

function checkLever(file: string, where: Detail, value: unknown): LeverId {
  if (isLeverId(value)) return value;
  return fail(file, {
    fr: `${where.fr} nomme un levier inconnu « ${String(value)} » (leviers possibles : ${LEVER_IDS.join(", ")})`,
    en: `${where.en} names an unknown lever “${String(value)}” (valid levers: ${LEVER_IDS.join(", ")})`,
  });
}

function readChange(file: string, raw: unknown, k: number): ScenarioChange {
  const where = { fr: `: la modification n° ${k + 1}`, en: `: change #${k + 1}` };
  const wrong = (fr: string, en: string): never => fail(file, { fr: `${where.fr} ${fr}`, en: `${where.en} ${en}` });
  if (!isObject(raw)) return wrong("n'est pas un objet JSON", "is not a JSON object");
  const keys = Object.keys(raw).sort().join(",");
  if ("volunteerHours" in raw) {
    if (keys !== "volunteerHours") return wrong("mêle « volunteerHours » à d'autres champs", "mixes “volunteerHours” with other fields");
    const h = raw.volunteerHours;
    if (!isNumber(h) || h < 0 || h > 10_000_000) return wrong("doit donner un nombre d'heures positif (« volunteerHours »)", "must give a positive number of hours (“volunteerHours”)");
    return { kind: "volunteerHours", hours: h };
  }
  if ("line" in raw || "destination" in raw) {
    if (keys !== "destination,line") return wrong("doit donner « line » (par exemple « Budget!B12 ») et « destination »", "must give “line” (e.g. “Budget!B12”) and “destination”");
    if (typeof raw.line !== "string" || raw.line.trim() === "") return wrong("doit nommer la ligne par sa feuille et sa cellule (« Budget!B12 »)", "must name the line by its sheet and cell (“Budget!B12”)");
    if (raw.destination !== "action" && raw.destination !== "engineering") return wrong("doit avoir « destination » : « action » ou « engineering »", "must have “destination”: “action” or “engineering”");
    return { kind: "destination", line: raw.line.trim(), destination: raw.destination };
  }
  if (!("lever" in raw)) return wrong("doit nommer un levier (« lever »), des heures de bénévolat (« volunteerHours ») ou une ligne (« line »)", "must name a lever (“lever”), volunteer hours (“volunteerHours”) or a line (“line”)");
  const lever = checkLever(file, where, raw.lever);
  if (keys === "lever,percent") {
    if (!isNumber(raw.percent)) return wrong("doit donner un pourcentage en nombre (« percent »: -20)", "must give the percentage as a number (“percent”: -20)");
    if (raw.percent < -100) return wrong(`baisse « ${lever} » de ${-raw.percent} % : une baisse ne peut pas dépasser 100 %`, `cuts “${lever}” by ${-raw.percent}%: a cut cannot exceed 100%`);
    if (raw.percent > 10_000) return wrong(`augmente « ${lever} » de ${raw.percent} % : c'est plus de cent fois le montant`, `raises “${lever}” by ${raw.percent}%: more than a hundred times the amount`);
    return { kind: "percent", lever, percent: raw.percent };
  }
  if (keys === "amount,lever") {
    if (!isNumber(raw.amount) || Math.abs(raw.amount) > 1e12) return wrong("doit donner un montant en euros en nombre (« amount »: 5000)", "must give the amount in euros as a number (“amount”: 5000)");
    return { kind: "amount", lever, cents: eurosToCents(raw.amount) };
  }
  return wrong("doit donner soit « percent », soit « amount » (en euros), et rien d'autre", "must give either “percent” or “amount” (in euros), and nothing else");
}

function readGoal(file: string, raw: unknown, k: number): GoalQuestion {
  const where = { fr: `: la question n° ${k + 1} (« goals »)`, en: `: question #${k + 1} (“goals”)` };
  const wrong = (fr: string, en: string): never => fail(file, { fr: `${where.fr} ${fr}`, en: `${where.en} ${en}` });
  if (!isObject(raw)) return wrong("n'est pas un objet JSON", "is not a JSON object");
  const reach = raw.reach;
  const reaches = ["model", ...MODEL_IDS, ...RULE_IDS].join(", ");
  let goal: Goal;
  if (reach === "model") goal = { kind: "model", model: null };
  else if (typeof reach === "string" && (MODEL_IDS as string[]).includes(reach)) goal = { kind: "model", model: reach as ModelId };
  else if (typeof reach === "string" && (RULE_IDS as readonly string[]).includes(reach)) goal = { kind: "rule", rule: reach as RuleId };
  else return wrong(`doit dire quoi atteindre (« reach » : ${reaches})`, `must say what to reach (“reach”: ${reaches})`);
  if (raw.volunteerHours === true) return { variable: { kind: "volunteerHours" }, goal, reach };
  const lever = checkLever(file, where, raw.lever);
  const direction = raw.direction === undefined || raw.direction === "up" ? 1 : raw.direction === "down" ? -1 : wrong("a une direction inconnue (« up » ou « down »)", "has an unknown direction (“up” or “down”)");
  return { variable: { kind: "lever", lever, direction }, goal, reach };
}

/** Reads and checks a scenario file; throws `scenario_file` with the mistake in one sentence. */
export async function loadScenario(path: string): Promise<ScenarioFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return fail(path, { fr: "est introuvable (vérifiez son nom et son dossier)", en: "cannot be found (check its name and folder)" });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const at = /position (\d+)/.exec(String((e as Error).message))?.[1];
    const line = at === undefined ? null : text.slice(0, Number(at)).split("\n").length;
    return fail(path, {
      fr: `n'est pas du JSON valide${line ? ` (ligne ${line})` : ""}`,
      en: `is not valid JSON${line ? ` (line ${line})` : ""}`,
    });
  }
  if (!isObject(parsed)) return fail(path, { fr: "doit contenir un objet JSON", en: "must hold a JSON object" });
  const known = new Set(["name", "column", "changes", "goals"]);
  const extra = Object.keys(parsed).filter((k) => !known.has(k));
  if (extra.length > 0) {
    return fail(path, { fr: `a un champ inconnu « ${extra[0]} » (champs possibles : name, column, changes, goals)`, en: `has an unknown field “${extra[0]}” (valid fields: name, column, changes, goals)` });
  }
  if (parsed.name !== undefined && typeof parsed.name !== "string") return fail(path, { fr: "doit donner son nom (« name ») en texte", en: "must give its name (“name”) as text" });
  if (parsed.column !== undefined && parsed.column !== null && typeof parsed.column !== "string") {
    return fail(path, { fr: "doit nommer la colonne (« column ») en texte, par exemple « Budget 2026 »", en: "must name the column (“column”) as text, e.g. “Budget 2026”" });
  }
  const changes = parsed.changes ?? [];
  if (!Array.isArray(changes)) return fail(path, { fr: "doit donner ses modifications en liste (« changes »: [ … ])", en: "must give its changes as a list (“changes”: [ … ])" });
  const goals = parsed.goals ?? [];
  if (!Array.isArray(goals)) return fail(path, { fr: "doit donner ses questions en liste (« goals »: [ … ])", en: "must give its questions as a list (“goals”: [ … ])" });
  if (changes.length === 0 && goals.length === 0) {
    return fail(path, { fr: "ne contient aucune modification (« changes » est vide)", en: "holds no change (“changes” is empty)" });
  }
  const name = typeof parsed.name === "string" && parsed.name.trim() !== "" ? parsed.name.trim() : basename(path).replace(/\.json$/i, "");
  return {
    name,
    column: typeof parsed.column === "string" && parsed.column.trim() !== "" ? parsed.column.trim() : null,
    changes: changes.map((c, k) => readChange(path, c, k)),
    goals: goals.map((g, k) => readGoal(path, g, k)),
  };
}

/** The `scenarios` field of the JSON document: each scenario on its column, with its goal-seek answers. */
export function scenariosJson(classified: readonly ClassifiedLine[], params: Parameters, files: readonly ScenarioFile[], lang: Lang): ScenarioJson[] {
  return files.map((s) =>
    scenarioJson(classified, s, params, lang, (lines, p) => s.goals.map((q) => ({ reach: q.reach, result: goalSeek(lines, p, q.variable, q.goal) }))),
  );
}

/** The scenario sentences printed under the summary when there is no --json. */
export function scenariosText(scenarios: readonly ScenarioJson[], lang: Lang): string {
  const out: string[] = [];
  for (const s of scenarios) {
    const a = s.analysis;
    out.push("", lang === "fr" ? `■ Scénario « ${s.name} » (${s.column}) — ${a.model.name}` : `■ Scenario “${s.name}” (${s.column}) — ${a.model.name}`);
    out.push(`  ${a.model.sentence}`);
    for (const t of s.sentences) out.push(`  - ${t}`);
    for (const g of s.goals) out.push(`  ? ${g.sentence}`);
  }
  // A blank line between the summary and each scenario.
  return out.length > 0 ? `\n${out.join("\n")}` : "";
}
