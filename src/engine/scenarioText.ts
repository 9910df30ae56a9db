// The sentences a treasurer reads about a scenario: one per change that matters (« Avec « Subventions
// publiques » en baisse de 20 %, votre part publique passe de 73 % à 69 % ; le modèle reste public »), one for
// the whole scenario when it has several changes, and one per goal-seek answer.
import { analyze, type Analysis } from "./analyze.ts";
import { STATUS_NAMES } from "./labels.ts";
import { lever as leverById } from "./levers.ts";
import { modelInfo, type ModelId } from "./models.ts";
import { formatEuros, formatPercent } from "./money.ts";
import type { Parameters } from "./parameters.ts";
import { applyChanges, hoursToCents, type ScenarioChange } from "./scenario.ts";
import { analysisDifference, leversThatMoved, type AnalysisDifference, type RuleId } from "./scenarioDifference.ts";
import type { GoalSeekResult } from "./goalSeek.ts";
import { MIX_NATURES, type ClassifiedLine, type Lang, type MixNature } from "./types.ts";

type Text = { fr: string; en: string };

const SHARE_NAMES: Record<MixNature, Text> = {
  public: { fr: "votre part publique", en: "your public share" },
  private: { fr: "votre part privée", en: "your private share" },
  activity: { fr: "votre part d'activité", en: "your activity share" },
};

/** What each rule measures, as the subject of « … passe de X à Y ». */
const RULE_SUBJECTS: Record<RuleId, Text> = {
  tiersOnTop: { fr: "l'ingénierie", en: "engineering" },
  fourThirds: { fr: "le bénévolat valorisé", en: "valued volunteering" },
  pooling: { fr: "la mutualisation", en: "pooling" },
  premium: { fr: "la prime collective", en: "the collective premium" },
};

const RULE_GOALS: Record<RuleId, Text> = {
  tiersOnTop: { fr: "atteindre la règle du tiers on top", en: "reach the third-on-top rule" },
  fourThirds: { fr: "atteindre la règle des 4 tiers", en: "reach the four-thirds rule" },
  pooling: { fr: "atteindre la cible de mutualisation", en: "reach the pooling target" },
  premium: { fr: "atteindre la cible de prime collective", en: "reach the collective premium target" },
};

/** One formatter per language: building an Intl.NumberFormat costs far more than formatting with it. */
const NUMBERS: Partial<Record<Lang, Intl.NumberFormat>> = {};
const number = (n: number, lang: Lang) => (NUMBERS[lang] ??= new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB")).format(n).replace(/\u202f/g, "\u00a0");
const pct = (v: number | null, lang: Lang) => (v === null ? "—" : formatPercent(v, lang));

/** "public", "mixte public–privé", "hybride": the model's name without the word « Modèle ». */
export function modelAdjective(id: ModelId | null, lang: Lang): string {
  if (id === null) return lang === "fr" ? "indéterminé" : "undetermined";
  const name = modelInfo(id).name[lang];
  // « le modèle reste public », but « le modèle devient un modèle d'activité ».
  if (lang === "fr") return id === "activity" ? "un modèle d'activité" : name.replace(/^Modèle /, "");
  return name.replace(/ model$/, "").toLowerCase();
}

/** « de mécénat » / « d'achats »: French elision before a vowel. */
function of(label: string): string {
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  return /^[aeiouyhàâéèêîôû]/i.test(lower) ? `d'${lower}` : `de ${lower}`;
}

/** « Avec « Subventions publiques » en baisse de 20 % »: the change, as the start of a sentence. */
export function changePhrase(change: ScenarioChange, lines: readonly ClassifiedLine[], params: Parameters): Text {
  if (change.kind === "percent") {
    const l = leverById(change.lever).label;
    const p = Math.abs(change.percent);
    return change.percent < 0
      ? { fr: `Avec « ${l.fr} » en baisse de ${number(p, "fr")}\u00a0%`, en: `With “${l.en}” down ${number(p, "en")}%` }
      : { fr: `Avec « ${l.fr} » en hausse de ${number(p, "fr")}\u00a0%`, en: `With “${l.en}” up ${number(p, "en")}%` };
  }
  if (change.kind === "amount") {
    const l = leverById(change.lever).label;
    const up = change.cents >= 0;
    const e = { fr: formatEuros(Math.abs(change.cents), "fr"), en: formatEuros(Math.abs(change.cents), "en") };
    return {
      fr: `Avec ${e.fr} ${of(l.fr)} en ${up ? "plus" : "moins"}`,
      en: `With ${e.en} ${up ? "more" : "less"} in ${l.en.charAt(0).toLowerCase() + l.en.slice(1)}`,
    };
  }
  if (change.kind === "volunteerHours") {
    const v = hoursToCents(change.hours, params);
    return {
      fr: `Avec ${number(change.hours, "fr")} heures de bénévolat en plus (${formatEuros(v, "fr")} valorisés)`,
      en: `With ${number(change.hours, "en")} more volunteer hours (${formatEuros(v, "en")} valued)`,
    };
  }
  const line = lines.find((l) => `${l.sheet}!${l.cell}` === change.line || `${l.sheet}!${l.amountCell}` === change.line)?.label ?? change.line;
  return change.destination === "engineering"
    ? { fr: `Avec la ligne « ${line} » comptée en ingénierie`, en: `With the line “${line}” counted as engineering` }
    : { fr: `Avec la ligne « ${line} » comptée dans les actions`, en: `With the line “${line}” counted as actions` };
}

function resultText(cents: number, lang: Lang): string {
  const e = formatEuros(Math.abs(cents), lang);
  if (cents === 0) return lang === "fr" ? "l'équilibre" : "break-even";
  if (lang === "fr") return cents > 0 ? `un excédent de ${e}` : `un déficit de ${e}`;
  return cents > 0 ? `a surplus of ${e}` : `a deficit of ${e}`;
}

/** The figure the change is about: a share of the mix, a rule, or the result. */
function effectClause(d: AnalysisDifference, about: { nature?: MixNature; rule?: RuleId }): Text {
  if (about.nature) {
    const n = d.byNature[about.nature];
    const s = SHARE_NAMES[about.nature];
    return {
      fr: `${s.fr} passe de ${pct(n.shareBefore, "fr")} à ${pct(n.shareAfter, "fr")}`,
      en: `${s.en} goes from ${pct(n.shareBefore, "en")} to ${pct(n.shareAfter, "en")}`,
    };
  }
  if (about.rule) {
    const r = d.ratios[about.rule];
    const s = RULE_SUBJECTS[about.rule];
    const status =
      r.statusBefore !== r.statusAfter
        ? { fr: ` (${STATUS_NAMES[r.statusBefore].fr.toLowerCase()} → ${STATUS_NAMES[r.statusAfter].fr.toLowerCase()})`, en: ` (${STATUS_NAMES[r.statusBefore].en.toLowerCase()} → ${STATUS_NAMES[r.statusAfter].en.toLowerCase()})` }
        : { fr: "", en: "" };
    return {
      fr: `${s.fr} passe de ${pct(r.valueBefore, "fr")} à ${pct(r.valueAfter, "fr")} de vos charges${status.fr}`,
      en: `${s.en} goes from ${pct(r.valueBefore, "en")} to ${pct(r.valueAfter, "en")} of your expenses${status.en}`,
    };
  }
  return {
    fr: `le résultat passe ${d.result.beforeCents === 0 ? "de " : "d'"}${resultText(d.result.beforeCents, "fr")} à ${resultText(d.result.afterCents, "fr")}`,
    en: `the result goes from ${resultText(d.result.beforeCents, "en")} to ${resultText(d.result.afterCents, "en")}`,
  };
}

function modelClause(d: AnalysisDifference): Text {
  return d.model.changed
    ? { fr: `le modèle devient ${modelAdjective(d.model.to, "fr")}`, en: `the model becomes ${modelAdjective(d.model.to, "en")}` }
    : { fr: `le modèle reste ${modelAdjective(d.model.to, "fr")}`, en: `the model stays ${modelAdjective(d.model.to, "en")}` };
}

/** The rule that moved most, in points. */
function mostMovedRule(d: AnalysisDifference): RuleId | undefined {
  const moved = (Object.entries(d.ratios) as [RuleId, AnalysisDifference["ratios"][RuleId]][]).filter(([, r]) => r.points !== null && Math.abs(r.points) > 1e-9);
  return moved.sort((a, b) => Math.abs(b[1].points!) - Math.abs(a[1].points!))[0]?.[0];
}

/** The mix nature whose share moved most, in points. */
function mostMovedNature(d: AnalysisDifference): MixNature | undefined {
  const moved = MIX_NATURES.filter((n) => Math.abs(d.byNature[n].points ?? 0) > 1e-9);
  return moved.sort((a, b) => Math.abs(d.byNature[b].points!) - Math.abs(d.byNature[a].points!))[0];
}

/** What a change is about: an income lever's nature, a rule, or the result. */
function aboutOf(change: ScenarioChange, d: AnalysisDifference): { nature?: MixNature; rule?: RuleId } {
  if (change.kind === "volunteerHours") return { rule: "fourThirds" };
  if (change.kind === "destination") return { rule: "tiersOnTop" };
  const l = leverById(change.lever);
  if (l.family === "income" && l.nature && l.nature !== "neutral") return { nature: l.nature };
  if (l.family === "in_kind") return { rule: l.id === "volunteering" || l.id === "skills_patronage" ? "fourThirds" : "pooling" };
  if (l.family === "expense") return { rule: mostMovedRule(d) };
  return {};
}

function matters(d: AnalysisDifference): boolean {
  return d.model.changed || leversThatMoved(d).length > 0 || Object.values(d.ratios).some((r) => r.points !== null && Math.abs(r.points) > 1e-9);
}

export interface ChangeSentence {
  change: ScenarioChange | null;
  text: Text;
}

/** One sentence per change that moves something (each change alone on the column), and one for the whole scenario. */
export function scenarioSentences(
  lines: readonly ClassifiedLine[],
  changes: readonly ScenarioChange[],
  params: Parameters,
  base: Analysis,
  whole: Analysis,
  name: string,
): ChangeSentence[] {
  const out: ChangeSentence[] = [];
  const scenario = lines[0]?.scenario ?? "";
  for (const change of changes) {
    const alone = applyChanges(lines, [change], params, scenario);
    const d = analysisDifference(base, analyze(alone.lines, alone.parameters)[0]!);
    if (!matters(d)) continue;
    const start = changePhrase(change, lines, params);
    const effect = effectClause(d, aboutOf(change, d));
    const model = modelClause(d);
    out.push({ change, text: { fr: `${start.fr}, ${effect.fr} ; ${model.fr}.`, en: `${start.en}, ${effect.en}; ${model.en}.` } });
  }
  if (changes.length > 1) {
    const d = analysisDifference(base, whole);
    const nature = mostMovedNature(d);
    const effect = effectClause(d, nature ? { nature } : { rule: mostMovedRule(d) });
    const model = modelClause(d);
    out.push({
      change: null,
      text: { fr: `Avec l'ensemble du scénario « ${name} », ${effect.fr} ; ${model.fr}.`, en: `With the whole “${name}” scenario, ${effect.en}; ${model.en}.` },
    });
  }
  return out;
}

/** « 18 400 € de mécénat d'entreprise en plus vous rendraient hybride »; null when no amount reaches the goal. */
export function goalSentence(g: GoalSeekResult): Text {
  const what =
    g.variable.kind === "volunteerHours"
      ? { fr: "heures de bénévolat", en: "volunteer hours" }
      : { fr: leverById(g.variable.lever).label.fr, en: leverById(g.variable.lever).label.en.toLowerCase() };
  const aim =
    g.goal.kind === "rule"
      ? { fr: `vous feraient ${RULE_GOALS[g.goal.rule].fr}`, en: `would ${RULE_GOALS[g.goal.rule].en}` }
      : { fr: `vous rendraient ${modelAdjective(g.model, "fr")}`, en: `would make you ${modelAdjective(g.model, "en")}` };
  const up = g.variable.kind === "volunteerHours" || g.variable.direction > 0;
  if (g.cents === null && g.hours === null) {
    const target = g.goal.kind === "rule" ? RULE_GOALS[g.goal.rule] : g.goal.model ? { fr: `devenir ${modelAdjective(g.goal.model, "fr")}`, en: `become ${modelAdjective(g.goal.model, "en")}` } : { fr: "changer de modèle", en: "change the model" };
    return g.variable.kind === "volunteerHours"
      ? { fr: `Ajouter des heures de bénévolat ne suffit pas pour ${target.fr}.`, en: `Adding volunteer hours is not enough to ${target.en}.` }
      : {
          fr: `Faire varier « ${what.fr} » ne suffit pas pour ${target.fr}.`,
          en: `Changing “${leverById(g.variable.lever).label.en}” is not enough to ${target.en}.`,
        };
  }
  if (g.hours !== null) {
    return { fr: `${number(g.hours, "fr")} ${what.fr} en plus ${aim.fr}.`, en: `${number(g.hours, "en")} more ${what.en} ${aim.en}.` };
  }
  const e = { fr: formatEuros(g.cents!, "fr"), en: formatEuros(g.cents!, "en") };
  return {
    fr: `${e.fr} ${of(what.fr)} en ${up ? "plus" : "moins"} ${aim.fr}.`,
    en: `${e.en} ${up ? "more" : "less"} in ${what.en} ${aim.en}.`,
  };
}
