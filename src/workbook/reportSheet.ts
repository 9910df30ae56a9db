// The report sheet "Équilibre": the model, the pillars, the financing mix, the three rules, what the mix
// implies, the trajectory, the parameters and the method. Every figure is a formula over the mapping and
// levers tables (SUMIFS, INDEX/MATCH, IF, CHOOSE: nothing Excel 2016 or LibreOffice lacks), and carries the
// engine's value as its expected result.
import type { Analysis } from "../engine/analyze.ts";
import { NATIONAL_MIX } from "../engine/implications.ts";
import { LEVERS, lever as leverById } from "../engine/levers.ts";
import { NATURE_NAMES, PILLAR_NAMES, PROFILE_NAMES, STATUS_NAMES } from "../engine/labels.ts";
import { centsToEuros } from "../engine/money.ts";
import { MODELS, REFERENCE_MODELS } from "../engine/models.ts";
import { PARAMETER_TABLE, type Parameters } from "../engine/parameters.ts";
import { RATIOS } from "../engine/ratios.ts";
import { MIX_NATURES, PILLARS, type Lang, type LeverId, type MixNature } from "../engine/types.ts";
import type { WorkbookAnalysis } from "./pipeline.ts";
import { mappingRanges, sheetRef, type MappingRanges } from "./mappingSheet.ts";
import type { PlannedCell, PlannedChart, PlannedSheet, StyleId } from "./plan.ts";
import { destinationShort, MAP_COL, sectionShort, type SheetNames } from "./reportText.ts";
import { columnLetters } from "./snapshot.ts";

type Text = { fr: string; en: string };
const t = (lang: Lang, fr: string, en: string) => (lang === "fr" ? fr : en);

/** Model names in the order of the code public×1 + private×2 + activity×4. */
const MODEL_BY_CODE = [1, 2, 3, 4, 5, 6, 7].map((code) => {
  const natures = MIX_NATURES.filter((_, i) => code & (1 << i));
  return MODELS.find((m) => m.natures.length === natures.length && m.natures.every((n) => natures.includes(n)))!;
});

export interface ReportOptions {
  lang: Lang;
  /** The scenario the report's main figures show (the user may change it in the sheet). */
  scenario: string;
  /** "24/11/2026" or an English date, shown on the report. */
  dateText: string;
  /** Association or file name, shown in the header. */
  title: string;
}

/** Characters that fit on one line of a wrapped cell: the merged report width, or column H. */
const WIDE_LINE = 170;
const H_LINE = 62;

class Cursor {
  row = 1;
  readonly cells: PlannedCell[] = [];
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};
  /** Makes the current row tall enough for `text` wrapped at `perLine` characters. */
  fit(text: string, perLine: number): void {
    const lines = Math.max(1, Math.ceil(text.length / perLine));
    if (lines > 1) this.heights[this.row] = Math.max(this.heights[this.row] ?? 0, 14 * lines + 2);
  }
  put(col: string, value: PlannedCell["value"], style?: StyleId): string {
    const ref = `${col}${this.row}`;
    this.cells.push({ ref, value, style });
    return ref;
  }
  formula(col: string, formula: string, expected: PlannedCell["expected"], style?: StyleId): string {
    const ref = `${col}${this.row}`;
    this.cells.push({ ref, formula, expected: expected ?? null, style });
    return ref;
  }
  merge(from: string, to: string): void {
    this.merges.push(`${from}${this.row}:${to}${this.row}`);
  }
  next(n = 1): void {
    this.row += n;
  }
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
/**
 * A SUMIFS criterion that matches the text of `ref` exactly. A bare cell as criterion is read as one: a column
 * header such as "=HYPERLINK(…)", "<2025" or "Budget 2025*" would compare or match a pattern and sum nothing.
 */
const exactly = (ref: string) => `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
const abs = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
const euros = (cents: number) => centsToEuros(cents);
const share = (x: number | null) => (x === null ? "" : x);

/** The formulas that compute one scenario's figures, given the cell that holds its name. */
class Figures {
  constructor(
    private readonly R: MappingRanges,
    private readonly lang: Lang,
    private readonly scenario: string,
    private readonly p: Record<keyof Parameters, string>,
    /** Cells that already hold the three shares: formulas that need them refer to them (Excel caps a formula at 8,192 characters). */
    private readonly shares?: Record<MixNature, string>,
  ) {}
  sum(...conds: [string, string][]): string {
    const parts = conds.map(([col, crit]) => `,${this.R.col(col)},${crit}`).join("");
    return `SUMIFS(${this.R.col(MAP_COL.amount)},${this.R.col(MAP_COL.scenario)},${exactly(this.scenario)}${parts})`;
  }
  section(s: "income" | "expense" | "in_kind_use" | "in_kind_resource"): string {
    return this.sum([MAP_COL.section, q(sectionShort(s, this.lang))]);
  }
  nature(n: MixNature | "neutral"): string {
    return this.sum([MAP_COL.section, q(sectionShort("income", this.lang))], [MAP_COL.nature, q(NATURE_NAMES[n][this.lang])]);
  }
  lever(id: LeverId, section: "income" | "expense" | "in_kind_use" | "in_kind_resource"): string {
    return this.sum([MAP_COL.section, q(sectionShort(section, this.lang))], [MAP_COL.lever, q(leverById(id).label[this.lang])]);
  }
  levers(ids: LeverId[], section: "income" | "expense" | "in_kind_use" | "in_kind_resource"): string {
    return ids.map((id) => this.lever(id, section)).join("+");
  }
  base(): string {
    return `(${MIX_NATURES.map((n) => this.nature(n)).join("+")})`;
  }
  shareOf(n: MixNature): string {
    if (this.shares) return this.shares[n];
    return `IF(${this.base()}=0,0,${this.nature(n)}/${this.base()})`;
  }
  modelCode(): string {
    // With the shares in cells, "no resource" is all three shares at 0 (the base is 0 exactly then).
    const none = this.shares ? MIX_NATURES.map((n) => `ABS(${this.shares![n]})`).join("+") : this.base();
    return `IF(${none}=0,0,${MIX_NATURES.map((n, i) => `(${this.shareOf(n)}>=${this.p.significanceThreshold})*${1 << i}`).join("+")})`;
  }
  modelName(codeRef?: string): string {
    const code = codeRef ?? this.modelCode();
    const names = MODEL_BY_CODE.map((m) => q(m.name[this.lang])).join(",");
    return `IF(${code}=0,${q(t(this.lang, "Modèle indéterminé", "Undetermined model"))},CHOOSE(${code},${names}))`;
  }
  engineering(): string {
    return this.sum([MAP_COL.section, q(sectionShort("expense", this.lang))], [MAP_COL.destination, q(destinationShort("engineering", this.lang))]);
  }
  action(): string {
    return this.sum([MAP_COL.section, q(sectionShort("expense", this.lang))], [MAP_COL.destination, q(destinationShort("action", this.lang))]);
  }
  tiersValue(): string {
    return `IF(${this.action()}+${this.engineering()}<=0,"",${this.engineering()}/(${this.action()}+${this.engineering()}))`;
  }
  volunteering(): string {
    const human: LeverId[] = ["volunteering", "skills_patronage"];
    const recorded = `MAX(${this.levers(human, "in_kind_resource")},${this.levers(human, "in_kind_use")})`;
    const fromHours = `ROUND(${this.p.volunteerHours}*${this.p.volunteerHourlyRate}*${this.p.employerChargeCoefficient},2)`;
    return `IF(AND(${recorded}<=0,${fromHours}>0),${fromHours},${recorded})`;
  }
  fourValue(): string {
    return `IF(${this.section("expense")}<=0,"",${this.volunteering()}/${this.section("expense")})`;
  }
  pooled(): string {
    const partner: LeverId[] = ["in_kind_goods", "in_kind_services", "skills_patronage"];
    return `(${this.sum([MAP_COL.section, q(sectionShort("expense", this.lang))], [MAP_COL.pillar, q(PILLAR_NAMES.alliances[this.lang])])}+MAX(${this.levers(partner, "in_kind_resource")},${this.levers(partner, "in_kind_use")}))`;
  }
  premium(): string {
    return `(${this.levers(["network_dues", "common_operations"], "expense")})`;
  }
  ratioValue(numerator: string): string {
    return `IF(${this.section("expense")}<=0,"",${numerator}/${this.section("expense")})`;
  }
}

function statusFormula(value: string, target: string, closeFraction: string, lang: Lang): string {
  return `IF(${value}="","—",IF(${value}>=${target}-0.000000001,${q(STATUS_NAMES.reached[lang])},IF(${value}>=${target}*(1-${closeFraction}),${q(STATUS_NAMES.close[lang])},${q(STATUS_NAMES.below[lang])})))`;
}

const pctText = (ref: string) => `TEXT(${ref},"0%")`;

export function buildReportSheet(result: WorkbookAnalysis, names: SheetNames, options: ReportOptions): PlannedSheet {
  const { lang } = options;
  const main = result.analyses.find((a) => a.scenario === options.scenario) ?? result.analyses[result.analyses.length - 1]!;
  const R = mappingRanges(names, result.classified.length);
  const c = new Cursor();
  const charts: PlannedChart[] = [];

  // Title and source.
  c.put("A", t(lang, "Équilibre — modèle socio-économique", "Équilibre — socio-economic model"), "title");
  c.put("F", options.title, "label");
  c.next();
  const budgetSheets = [...new Set(result.budgets.map((b) => b.sheet))].map((s) => `« ${s} »`).join(", ");
  const distinctLines = new Set(result.classified.map((l) => `${l.sheet}!${l.cell}`)).size;
  c.put(
    "A",
    t(
      lang,
      `Source : ${budgetSheets.replace(/«|»/g, (m) => m)} · ${distinctLines} lignes lues · ${result.skipped.length} lignes de total ignorées · établi le ${options.dateText}`,
      `Source: ${budgetSheets} · ${distinctLines} lines read · ${result.skipped.length} total rows skipped · made on ${options.dateText}`,
    ),
    "subtitle",
  );
  c.merge("A", "H");
  c.next(2);

  // The parameters sit at the bottom; their cells are referenced from here on. Compute their rows first.
  const scenarioRow = c.row;
  const scenarioRef = `$B$${scenarioRow}`;
  c.put("A", t(lang, "Colonne analysée", "Column analysed"), "label");
  c.put("B", main.scenario, "input");
  // The dropdown's choices sit in hidden cells beyond the print area, from column K: an inline list would break
  // on a column name with a comma or a quote, and Excel refuses one over 255 characters.
  const scenarios = [...new Set(result.analyses.map((a) => a.scenario))];
  scenarios.forEach((name, i) => c.put(columnLetters(11 + i), name, "hidden"));
  const scenarioList = `${sheetRef(names.report)}$K$${scenarioRow}:$${columnLetters(10 + scenarios.length)}$${scenarioRow}`;
  c.put("C", t(lang, "(choisissez une autre colonne du budget : tout le rapport suit)", "(pick another budget column: the whole report follows)"), "note");
  c.merge("C", "H");
  c.next(2);

  const paramKeys = Object.keys(PARAMETER_TABLE) as (keyof Parameters)[];
  const formulaParams = paramKeys.filter((k) => k !== "inKindInMix" && k !== "inKindNumbering" && k !== "dominanceThreshold");
  // Reserve the parameter block's position after the body: computed once the body's height is known.
  const body: ((p: Record<keyof Parameters, string>) => void)[] = [];
  const p = {} as Record<keyof Parameters, string>;
  const F = () => new Figures(R, lang, scenarioRef, p);

  body.push(() => {
    const f = F();
    c.put("A", t(lang, "VOTRE MODÈLE", "YOUR MODEL"), "section");
    c.merge("A", "H");
    c.next();
    // The model's code (public 1 + private 2 + activity 4) and the three shares sit outside the print area, for the formulas.
    const codeRef = `$J$${c.row}`;
    const shareCols: Record<MixNature, string> = { public: "K", private: "L", activity: "M" };
    for (const n of MIX_NATURES) c.formula(shareCols[n], f.shareOf(n), main.model.shares[n], "hidden");
    const shareRefs = Object.fromEntries(MIX_NATURES.map((n) => [n, `$${shareCols[n]}$${c.row}`])) as Record<MixNature, string>;
    const fs = new Figures(R, lang, scenarioRef, p, shareRefs);
    c.formula("J", fs.modelCode(), modelCode(main), "hidden");
    const nameRef = c.formula("A", f.modelName(abs(codeRef)), main.model.name[lang], "modelName");
    void nameRef;
    c.merge("A", "D");
    c.put("E", t(lang, "Profil :", "Profile:"), "label");
    c.formula(
      "F",
      `IF(${fs.shareOf("activity")}>${p.socialUtilityThreshold},${q(PROFILE_NAMES.social_utility[lang])},${q(PROFILE_NAMES.general_interest[lang])})`,
      PROFILE_NAMES[main.model.profile][lang],
      "label",
    );
    c.next();
    const sentence = MIX_NATURES.map((n, i) => {
      const words = [t(lang, " de vos ressources sont publiques, ", " of your resources are public, "), t(lang, " privées, ", " private, "), t(lang, " issues de votre activité.", " from your activity.")];
      return `${pctText(`(${fs.shareOf(n)})`)}&${q(words[i]!)}`;
    }).join("&");
    c.formula("A", sentence, null, "text");
    c.merge("A", "H");
    c.next();
    const meanings = MODEL_BY_CODE.map((m) => q(m.meaning[lang])).join(",");
    c.formula("A", `IF(${abs(codeRef)}=0,${q(t(lang, "Aucune ressource publique, privée ou d'activité n'a été trouvée.", "No public, private or activity resource was found."))},CHOOSE(${abs(codeRef)},${meanings}))`, main.model.meaning[lang], "wrap");
    c.fit(main.model.meaning[lang], WIDE_LINE);
    c.merge("A", "H");
    c.next();
    const close = MIX_NATURES.map((n) => {
      const label = { public: t(lang, "la part publique", "the public share"), private: t(lang, "la part privée", "the private share"), activity: t(lang, "la part d'activité", "the activity share") }[n];
      return `IF(ABS(${fs.shareOf(n)}-${p.significanceThreshold})<${p.closeCallMargin},${q(label + " (")}&${pctText(`(${fs.shareOf(n)})`)}&") ","")`;
    }).join("&");
    c.formula(
      "A",
      `IF(${close}="",${q(t(lang, "Aucune part n'est proche du seuil de ", "No share is close to the threshold of "))}&${pctText(p.significanceThreshold)}&".",${q(t(lang, "À surveiller : ", "Watch: "))}&${close}&${q(t(lang, "proche du seuil de ", "close to the threshold of "))}&${pctText(p.significanceThreshold)}&${q(t(lang, " qui change le modèle.", " that changes the model."))})`,
      null,
      "wrap",
    );
    c.merge("A", "H");
    c.next();
    const fees = f.lever("membership_fees", "income");
    const gifts = f.levers(["donations", "corporate_patronage", "bequests"], "income");
    const publicActivity = f.levers(["public_procurement", "public_tariffs"], "income");
    const ref = (id: keyof typeof REFERENCE_MODELS) => q(REFERENCE_MODELS[id][lang]);
    c.put("A", t(lang, "Modèle de référence :", "Reference model:"), "label");
    c.formula(
      "C",
      `CHOOSE(${abs(codeRef)}+1,"—",${ref("public_partner")},IF(${fees}>=${gifts},${ref("members")},${ref("philanthropy")}),${ref("cofinanced")},IF(AND(${f.nature("activity")}>0,${publicActivity}>=0.5*${f.nature("activity")}),${ref("public_service")},${ref("market")}),${ref("public_activity")},${ref("private_activity")},${ref("hybrid")})`,
      main.model.reference ? main.model.reference[lang] : "—",
      "text",
    );
    c.merge("C", "H");
    c.next(2);
  });

  body.push(() => {
    c.put("A", t(lang, "LES TROIS PILIERS", "THE THREE PILLARS"), "section");
    c.merge("A", "H");
    c.next();
    c.put("A", t(lang, "Pilier", "Pillar"), "tableHeader");
    c.put("C", t(lang, "Montant", "Amount"), "tableHeader");
    c.put("D", t(lang, "Détail", "Detail"), "tableHeader");
    c.merge("D", "H");
    c.next();
    const hr = main.ratios.fourThirds.humanResources;
    const yes = (b: boolean) => (b ? "✓" : "✗");
    const details: Record<(typeof PILLARS)[number], string> = {
      human: t(
        lang,
        `salariés ${yes(hr.employees)} · bénévoles ${yes(hr.volunteers)} · volontaires ${yes(hr.civicService)} · mécénat de compétences ${yes(hr.skillsPatronage)}`,
        `employees ${yes(hr.employees)} · volunteers ${yes(hr.volunteers)} · civic service ${yes(hr.civicService)} · skills patronage ${yes(hr.skillsPatronage)}`,
      ),
      financial: t(
        lang,
        `${Object.keys(main.totals.byLever).length} leviers${main.model.topLever ? `, le premier (${leverById(main.model.topLever.id).label.fr}) pèse ${Math.round(main.model.topLever.share * 100)} % du mix` : ""}`,
        `${Object.keys(main.totals.byLever).length} levers${main.model.topLever ? `, the first (${leverById(main.model.topLever.id).label.en}) weighs ${Math.round(main.model.topLever.share * 100)}% of the mix` : ""}`,
      ),
      alliances: t(lang, "réseaux, opérations communes, mises à disposition et prestations en nature", "networks, joint operations, in-kind premises and services"),
    };
    for (const pillar of PILLARS) {
      c.put("A", PILLAR_NAMES[pillar][lang], "label");
      c.formula("C", `SUMIFS(${R.col(MAP_COL.amount)},${R.col(MAP_COL.scenario)},${exactly(scenarioRef)},${R.col(MAP_COL.pillar)},${q(PILLAR_NAMES[pillar][lang])})`, euros(main.totals.byPillar[pillar]), "money");
      c.put("D", details[pillar], "text");
      c.merge("D", "H");
      c.next();
    }
    c.put("A", t(lang, "(détail au moment de l'analyse ; les montants suivent les corrections)", "(detail as analysed; amounts follow corrections)"), "note");
    c.merge("A", "H");
    c.next(2);
  });

  body.push(() => {
    const f = F();
    c.put("A", t(lang, "MIX DE FINANCEMENT", "FINANCING MIX"), "section");
    c.merge("A", "H");
    c.next();
    c.put("A", t(lang, "Nature", "Nature"), "tableHeader");
    c.put("C", t(lang, "Montant", "Amount"), "tableHeader");
    c.put("D", t(lang, "Part", "Share"), "tableHeader");
    c.put("E", t(lang, `Moyenne nationale*`, "National average*"), "tableHeader");
    c.next();
    const firstMix = c.row;
    for (const n of MIX_NATURES) {
      c.put("A", NATURE_NAMES[n][lang], "label");
      c.formula("C", f.nature(n), euros(main.totals.byNature[n]), "money");
      c.formula("D", f.shareOf(n), main.model.shares[n], "percent");
      c.put("E", NATIONAL_MIX.byNature[n], "percent");
      c.next();
    }
    charts.push({
      kind: "doughnut",
      title: t(lang, "Mix de financement", "Financing mix"),
      categories: `$A$${firstMix}:$A$${firstMix + 2}`,
      series: [{ name: t(lang, "Part", "Share"), values: `$C$${firstMix}:$C$${firstMix + 2}` }],
      // Beside the mix table (columns G:H are free there), inside the print area.
      anchor: { from: `G${firstMix - 1}`, to: `H${firstMix + 5}` },
    });
    c.put("A", t(lang, "Base du mix", "Mix base"), "label");
    c.formula("C", f.base(), euros(main.model.baseCents), "moneyBold");
    c.next();
    c.put("A", NATURE_NAMES.neutral[lang], "text");
    c.formula("C", f.nature("neutral"), euros(main.totals.byNature.neutral), "money");
    c.next();
    c.put("A", t(lang, "dont, par levier :", "of which, by lever:"), "note");
    c.next();
    const firstLever = c.row;
    const incomeLevers = LEVERS.filter((l) => l.family === "income" && result.analyses.some((a) => (a.totals.byLever[l.id] ?? 0) !== 0));
    for (const l of incomeLevers) {
      c.put("A", `   ${l.label[lang]}`, "text");
      c.formula("C", f.lever(l.id, "income"), euros(main.totals.byLever[l.id] ?? 0), "money");
      const inMix = l.nature !== "neutral";
      c.formula("D", inMix ? `IF(${f.base()}=0,0,${f.lever(l.id, "income")}/${f.base()})` : `""`, inMix ? (main.model.baseCents > 0 ? (main.totals.byLever[l.id] ?? 0) / main.model.baseCents : 0) : "", "percent");
      c.next();
    }
    if (incomeLevers.length > 0) {
      charts.push({
        kind: "bar",
        title: t(lang, "Ressources par levier", "Resources by lever"),
        categories: `$A$${firstLever}:$A$${c.row - 1}`,
        series: [{ name: t(lang, "Montant", "Amount"), values: `$C$${firstLever}:$C$${c.row - 1}` }],
        // Beside the levers, down to the note under them at most (the next section starts after a blank row).
        anchor: { from: `G${firstLever}`, to: `H${Math.min(Math.max(c.row - 1, firstLever + 5), c.row + 1)}` },
      });
    }
    c.put("A", `* ${NATIONAL_MIX.note[lang]}`, "note");
    c.merge("A", "H");
    c.next(2);
  });

  body.push(() => {
    const f = F();
    c.put("A", t(lang, "LES TROIS RÈGLES", "THE THREE RULES"), "section");
    c.merge("A", "H");
    c.next();
    const heads = lang === "fr" ? ["Règle", "", "Valeur", "Cible", "Écart (€)", "Écart (points)", "Statut", "Ce que cela veut dire"] : ["Rule", "", "Value", "Target", "Gap (€)", "Gap (points)", "Status", "What it means"];
    heads.forEach((h, i) => h && c.put(String.fromCharCode(65 + i), h, "tableHeader"));
    c.next();
    const rt = main.ratios;
    const row = (
      name: string,
      value: string,
      valueExpected: number | null,
      target: string,
      gap: string,
      gapExpected: number,
      points: number,
      status: string,
      recommendation: string,
      sentence: (v: string, target: string, gap: string, statusRef: string) => string,
    ) => {
      c.put("A", name, "label");
      const v = c.formula("C", value, share(valueExpected), "percentBold");
      c.formula("D", target, null, "percent");
      c.formula("E", gap, euros(gapExpected), "money");
      c.formula("F", `IF(${v}="","",D${c.row}-${v})`, valueExpected === null ? "" : points, "percent");
      const st = c.formula("G", statusFormula(v, `D${c.row}`, p.closeFraction, lang), STATUS_NAMES[status as "reached"][lang], "status");
      c.formula("H", sentence(v, `D${c.row}`, `E${c.row}`, st), recommendation || null, "wrap");
      c.fit("x".repeat(150), H_LINE);
      c.next();
    };
    const tiers = RATIOS.find((r) => r.id === "tiersOnTop")!;
    const four = RATIOS.find((r) => r.id === "fourThirds")!;
    const alliance = RATIOS.find((r) => r.id === "alliance")!;
    row(
      tiers.name[lang],
      f.tiersValue(),
      rt.tiersOnTop.value,
      p.tiersOnTopTarget,
      `IF(${p.tiersOnTopTarget}>=1,0,${f.action()}*${p.tiersOnTopTarget}/(1-${p.tiersOnTopTarget}))-${f.engineering()}`,
      rt.tiersOnTop.gapCents,
      rt.tiersOnTop.gapPoints,
      rt.tiersOnTop.status,
      "",
      (v, tg, gap, st) =>
        `IF(${v}="",${q(t(lang, "Aucune charge : la règle ne peut pas être mesurée.", "No expense: the rule cannot be measured."))},${q(t(lang, "Votre ingénierie (coordination, pilotage, évaluation, structure) représente ", "Your engineering (coordination, steering, evaluation, structure) is "))}&${pctText(v)}&${q(t(lang, " de vos charges (cible ", " of your expenses (target "))}&${pctText(tg)}&IF(${st}=${q(STATUS_NAMES.reached[lang])},${q(t(lang, ") : elle est financée.", "): it is funded."))},${q(t(lang, ") : il manque environ ", "): about "))}&FIXED(${gap},0)&${q(t(lang, " € pour la financer en plus de vos actions.", " € is missing to fund it on top of your actions."))}))`,
    );
    row(
      four.name[lang],
      f.fourValue(),
      rt.fourThirds.value,
      p.fourThirdsTarget,
      `${f.section("expense")}*${p.fourThirdsTarget}-${f.volunteering()}`,
      rt.fourThirds.gapCents,
      rt.fourThirds.gapPoints,
      rt.fourThirds.status,
      "",
      (v, tg, gap, st) =>
        `IF(${v}="",${q(t(lang, "Aucune charge : la règle ne peut pas être mesurée.", "No expense: the rule cannot be measured."))},IF(${v}<=0,${q(t(lang, "Le bénévolat n'est pas valorisé : comptez les heures de vos bénévoles (il en faudrait environ ", "Volunteering is not valued: count your volunteers' hours (about "))}&FIXED(IF(${p.volunteerHourlyRate}*${p.employerChargeCoefficient}>0,${gap}/(${p.volunteerHourlyRate}*${p.employerChargeCoefficient}),0),0)&${q(t(lang, " au taux horaire ci-dessous) et inscrivez-les en comptes 86/87.", " at the hourly rate below are needed) and record them in accounts 86/87."))},${q(t(lang, "Le bénévolat valorisé représente ", "Valued volunteering is "))}&${pctText(v)}&${q(t(lang, " de vos charges (cible ", " of your expenses (target "))}&${pctText(tg)}&IF(${st}=${q(STATUS_NAMES.reached[lang])},${q(t(lang, ") : l'engagement bénévole est bien visible.", "): volunteer engagement is clearly visible."))},${q(t(lang, ") : il manque ", "): "))}&FIXED(${gap},0)&${q(t(lang, " € d'engagement valorisé.", " € of valued engagement is missing."))})))`,
    );
    row(
      `${alliance.name[lang]} — ${t(lang, "mutualisation", "pooling")}`,
      f.ratioValue(f.pooled()),
      rt.alliance.pooling.value,
      p.poolingTarget,
      `${f.section("expense")}*${p.poolingTarget}-${f.pooled()}`,
      rt.alliance.pooling.gapCents,
      rt.alliance.pooling.gapPoints,
      rt.alliance.pooling.status,
      "",
      (v, tg, gap, st) =>
        `IF(${v}="","",IF(${st}=${q(STATUS_NAMES.reached[lang])},${q(t(lang, "Mutualisation atteinte : ", "Pooling reached: "))}&${pctText(v)}&${q(t(lang, " de vos charges.", " of your expenses."))},${q(t(lang, "Il manque ", ""))}&FIXED(${gap},0)&${q(t(lang, " € de moyens partagés (locaux, personnel, achats groupés, mises à disposition par des partenaires).", " € of shared means is missing (premises, staff, joint purchasing, partners' in-kind support)."))}))`,
    );
    row(
      `${alliance.name[lang]} — ${t(lang, "prime collective", "collective premium")}`,
      f.ratioValue(f.premium()),
      rt.alliance.premium.value,
      p.premiumTarget,
      `${f.section("expense")}*${p.premiumTarget}-${f.premium()}`,
      rt.alliance.premium.gapCents,
      rt.alliance.premium.gapPoints,
      rt.alliance.premium.status,
      "",
      (v, tg, gap, st) =>
        `IF(${v}="","",IF(${st}=${q(STATUS_NAMES.reached[lang])},${q(t(lang, "Prime collective atteinte.", "Collective premium reached."))},${q(t(lang, "Prévoyez ", "Set aside "))}&FIXED(${gap},0)&${q(t(lang, " € pour le collectif (cotisations aux réseaux, opérations communes, évaluation partagée).", " € for the collective (network dues, joint operations, shared evaluation)."))}))`,
    );
    c.put("A", t(lang, "Lignes qui pèsent le plus (au moment de l'analyse) :", "Lines that weigh most (as analysed):"), "note");
    c.next();
    const drivers: [Text, typeof rt.tiersOnTop.drivers][] = [
      [{ fr: "Ingénierie", en: "Engineering" }, rt.tiersOnTop.drivers],
      [{ fr: "Bénévolat", en: "Volunteering" }, rt.fourThirds.drivers],
      [{ fr: "Alliances", en: "Alliances" }, rt.alliance.drivers],
    ];
    for (const [label, list] of drivers) {
      c.put("A", `   ${label[lang]}`, "text");
      c.put("C", list.length ? list.map((d) => `${d.label} (${d.sheet}!${d.cell}, ${Math.round(d.cents / 100).toLocaleString(lang === "fr" ? "fr-FR" : "en-GB")} €)`).join(" · ") : "—", "text");
      c.merge("C", "H");
      c.next();
    }
    c.next();
  });

  body.push(() => {
    if (main.implications.length === 0) return;
    c.put("A", t(lang, "CE QUE VOTRE MIX IMPLIQUE", "WHAT YOUR MIX IMPLIES"), "section");
    c.merge("A", "H");
    c.next();
    for (const imp of main.implications) {
      c.put("A", imp.text[lang], "wrap");
      c.fit(imp.text[lang], WIDE_LINE);
      c.merge("A", "H");
      c.next();
    }
    c.next();
  });

  body.push(() => {
    if (result.analyses.length < 2) return;
    c.put("A", t(lang, "TRAJECTOIRE", "TRAJECTORY"), "section");
    c.merge("A", "H");
    c.next();
    const cols = result.analyses.map((_, i) => String.fromCharCode(67 + i)).slice(0, 6); // C…H
    const headerRow = c.row;
    cols.forEach((col, i) => c.put(col, result.analyses[i]!.scenario, "tableHeader"));
    c.next();
    const firstTrajectory = c.row;
    const modelLabel = t(lang, "Modèle", "Model");
    const rows: [string, (f: Figures) => string, (a: Analysis) => number | string | null, StyleId][] = [
      [t(lang, "Produits", "Income"), (f) => f.section("income"), (a) => euros(a.totals.bySection.income), "money"],
      [t(lang, "Charges", "Expenses"), (f) => f.section("expense"), (a) => euros(a.totals.bySection.expense), "money"],
      [t(lang, "Résultat", "Result"), (f) => `${f.section("income")}-${f.section("expense")}`, (a) => euros(a.resultCents), "money"],
      ...MIX_NATURES.map((n) => [NATURE_NAMES[n][lang], (f: Figures) => f.shareOf(n), (a: Analysis) => a.model.shares[n], "percent"] as [string, (f: Figures) => string, (a: Analysis) => number, StyleId]),
      [modelLabel, (f) => f.modelName(), (a) => a.model.name[lang], "wrap"],
      [t(lang, "Tiers on top", "Third on top"), (f) => f.tiersValue(), (a) => share(a.ratios.tiersOnTop.value), "percent"],
      [t(lang, "4 tiers", "Four thirds"), (f) => f.fourValue(), (a) => share(a.ratios.fourThirds.value), "percent"],
      [t(lang, "Mutualisation", "Pooling"), (f) => f.ratioValue(f.pooled()), (a) => share(a.ratios.alliance.pooling.value), "percent"],
    ];
    for (const [label, formula, expected, style] of rows) {
      c.put("A", label, "label");
      cols.forEach((col, i) => {
        // The model row reads the shares computed in the rows above it.
        const shares = Object.fromEntries(MIX_NATURES.map((n, k) => [n, `${col}${firstTrajectory + 3 + k}`])) as Record<MixNature, string>;
        const fig = new Figures(R, lang, `${col}$${headerRow}`, p, label === modelLabel ? shares : undefined);
        c.formula(col, formula(fig), expected(result.analyses[i]!), style);
      });
      c.next();
    }
    charts.push({
      kind: "column",
      title: t(lang, "Trajectoire des natures", "Trajectory of natures"),
      categories: `$C$${headerRow}:$${cols[cols.length - 1]}$${headerRow}`,
      series: MIX_NATURES.map((n, i) => ({ name: NATURE_NAMES[n][lang], values: `$C$${firstTrajectory + 3 + i}:$${cols[cols.length - 1]}$${firstTrajectory + 3 + i}` })),
      // Beside the trajectory table when it leaves G:H free (up to four columns), else right of the print area.
      anchor: cols.length <= 4 ? { from: `G${headerRow}`, to: `H${c.row - 1}` } : { from: `J${headerRow}`, to: `O${headerRow + 16}` },
    });
    c.next();
  });

  // Lay out the body once with placeholder parameter refs to learn where the parameter block starts, then for real.
  const start = c.row;
  const placeholder = Object.fromEntries(formulaParams.map((k) => [k, "$Z$1"])) as Record<keyof Parameters, string>;
  Object.assign(p, placeholder);
  const savedCells = c.cells.length;
  const savedMerges = c.merges.length;
  const savedCharts = charts.length;
  for (const part of body) part(p);
  const paramStart = c.row;
  c.cells.length = savedCells;
  c.merges.length = savedMerges;
  charts.length = savedCharts;
  c.row = start;
  formulaParams.forEach((k, i) => (p[k] = `$C$${paramStart + 1 + i}`));
  for (const part of body) part(p);

  // Parameters (inputs) and method.
  c.put("A", t(lang, "PARAMÈTRES (modifiables : le rapport suit)", "PARAMETERS (editable: the report follows)"), "section");
  c.merge("A", "H");
  c.next();
  for (const k of formulaParams) {
    const info = PARAMETER_TABLE[k];
    const value = result.parameters[k] as number;
    c.put("A", info.label[lang], "text");
    c.put("C", value, info.kind === "share" ? "inputPercent" : info.kind === "euros" ? "inputMoney" : "input");
    c.next();
  }
  c.put("A", t(lang, "Numérotation des comptes 87", "Numbering of 87 accounts"), "text");
  c.put("C", result.parameters.inKindNumbering === "crc99" ? "Cerfa / CRC 99-01" : "ANC 2018-06", "text");
  c.next(2);
  c.put("A", t(lang, "MÉTHODE", "METHOD"), "section");
  c.merge("A", "H");
  c.next();
  for (const r of RATIOS) {
    c.put("A", `${r.name[lang]} : ${r.measures[lang]}`, "wrap");
    c.fit(`${r.name[lang]} : ${r.measures[lang]}`, WIDE_LINE);
    c.merge("A", "H");
    c.next();
  }
  c.put(
    "A",
    t(
      lang,
      "Modèle : une nature (publique, privée, activité) compte quand elle pèse au moins le seuil ci-dessus dans les ressources du mix (produits hors financiers, exceptionnels et reprises). Aucune source publiée ne fixe ces seuils ni la lecture exacte des trois règles : ce sont les définitions opérationnelles d'Équilibre, modifiables.",
      "Model: a nature (public, private, activity) counts when it weighs at least the threshold above in the mix (income other than financial, exceptional and reversals). No published source fixes these thresholds or the exact reading of the three rules: these are Équilibre's operational definitions, adjustable.",
    ),
    "wrap",
  );
  c.fit("x".repeat(330), WIDE_LINE);
  c.merge("A", "H");
  c.next();
  if (result.issues.length > 0) {
    c.next();
    c.put("A", t(lang, "À VÉRIFIER DANS LE CLASSEUR", "TO CHECK IN THE WORKBOOK"), "section");
    c.merge("A", "H");
    c.next();
    for (const issue of result.issues.slice(0, 30)) {
      c.put("A", lang === "fr" ? issue.message : issue.messageEn, "wrap");
      c.fit(issue.message, WIDE_LINE);
      c.merge("A", "H");
      c.next();
    }
  }
  const lastRow = c.row;
  return {
    name: names.report,
    role: "report",
    cells: c.cells,
    columnWidths: { 1: 34, 2: 14, 3: 16, 4: 12, 5: 16, 6: 14, 7: 14, 8: 60, 10: 6 },
    rowHeights: c.heights,
    merges: c.merges,
    tables: [],
    validations: [
      {
        ref: `B${scenarioRow}`,
        listSource: scenarioList,
        prompt: { title: t(lang, "Colonne analysée", "Column analysed"), text: t(lang, "Choisissez la colonne du budget à analyser.", "Pick the budget column to analyse.") },
        error: { title: t(lang, "Colonne inconnue", "Unknown column"), text: t(lang, "Choisissez une colonne dans la liste.", "Pick a column from the list.") },
      },
    ],
    conditionalFormats: [
      {
        ref: `G1:G${lastRow}`,
        textEquals: [
          { text: STATUS_NAMES.reached[lang], fill: "C6EFCE", color: "006100" },
          { text: STATUS_NAMES.close[lang], fill: "FFEB9C", color: "9C5700" },
          { text: STATUS_NAMES.below[lang], fill: "FFC7CE", color: "9C0006" },
        ],
      },
    ],
    charts,
    print: {
      area: `A1:H${lastRow}`,
      landscape: true,
      fitToWidth: 1,
      header: headerTitle(options.title),
      footer: t(lang, `Équilibre · établi le ${options.dateText}`, `Équilibre · made on ${options.dateText}`),
    },
    tabColor: "1F3864",
  };
}

/**
 * The association's name as the print header shows it: Excel refuses a header over 255 characters (the
 * host adds the sheet name and doubles every "&"), so a long name is cut, on one line.
 */
export function headerTitle(title: string, max = 90): string {
  const line = title.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function modelCode(a: Analysis): number {
  if (a.model.baseCents <= 0) return 0;
  return MIX_NATURES.reduce((code, n, i) => code + (a.model.shares[n] >= a.parameters.significanceThreshold ? 1 << i : 0), 0);
}
