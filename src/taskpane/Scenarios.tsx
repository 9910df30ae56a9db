// The « Scénarios » step: per lever a variation in % and in €, volunteer hours to add, the scenario's results
// beside the budget's as they are typed, several named scenarios, a goal-seek hint, and « Enregistrer le
// scénario ». Loaded as its own chunk (App.tsx): the engine's scenario code is not in the pane's first JavaScript.
import { Button, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Analysis } from "../engine/analyze.ts";
import { RULES } from "../engine/figures.ts";
import { say, type MessageId } from "../engine/i18n/index.ts";
import { NATURE_NAMES, SECTION_NAMES, STATUS_NAMES, leverName } from "../engine/labels.ts";
import { lever as leverById } from "../engine/levers.ts";
import { formatEuros, formatPercent } from "../engine/money.ts";
import type { Parameters as Params } from "../engine/parameters.ts";
import { ruleValues } from "../engine/ratios.ts";
import type { Scenario } from "../engine/scenario.ts";
import { MIX_NATURES, type Lang, type LeverId } from "../engine/types.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { WorkbookHost } from "../workbook/port.ts";
import { MAX_SHEET_SCENARIOS } from "../workbook/scenarioSheet.ts";
import { Compare, type CompareState } from "./Compare.tsx";
import { pointsText } from "./compareSession.ts";
import type { WriteState } from "./Report.tsx";
import {
  addDraft,
  evaluateDraft,
  goalHints,
  hoursValue,
  leverRows,
  removeDraft,
  scenariosToSave,
  setLeverField,
  startDrafts,
  updateDraft,
  type FieldProblem,
  type ScenarioDraft,
  type ScenarioDrafts,
  type ScenarioView,
} from "./scenarioSession.ts";

export interface ScenariosProps {
  result: WorkbookAnalysis;
  main: Analysis;
  parameters: Params;
  lang: Lang;
  /** The scenarios the workbook holds: the fields start from them. */
  saved: readonly Scenario[];
  /** The fields as typed; null until the step is first opened. */
  state: ScenarioDrafts | null;
  onState: (s: ScenarioDrafts) => void;
  save: WriteState;
  onSave: (scenarios: Scenario[]) => void;
  standalone: boolean;
  downloadLabel: string;
  onDownload: () => void;
  /** In Excel: select the report, whose block « Avec votre scénario » shows the saved scenario. */
  goLabel: string;
  onGo: () => void;
  compare: CompareState;
  onCompare: (c: CompareState) => void;
  openFile?: (file: File) => Promise<WorkbookHost>;
}

/** Goal-seek runs a few dozen analyses: it waits for a pause in the typing (a second on a 5,000-line budget). */
const HINT_DELAY_MS = 300;

const PROBLEM_TEXT: Record<FieldProblem, "pane.scenarios.invalid.number" | "pane.scenarios.invalid.percent" | "pane.scenarios.invalid.hours"> = {
  number: "pane.scenarios.invalid.number",
  percent: "pane.scenarios.invalid.percent",
  hours: "pane.scenarios.invalid.hours",
};

export default function Scenarios(props: ScenariosProps) {
  const { lang, main, result } = props;
  const state = useMemo(() => props.state ?? startDrafts(props.saved, lang), [props.state, props.saved, lang]);
  const t = (id: MessageId, values?: Record<string, string | number>) => say(lang, id, values);
  const column = main.scenario;
  const columnLines = useMemo(() => result.classified.filter((l) => l.scenario === column), [result, column]);
  const rows = useMemo(() => leverRows(columnLines), [columnLines]);
  // A keystroke changes one draft: the others keep their analysis (cached by draft, until the budget or the parameters change).
  const cache = useMemo(() => new WeakMap<ScenarioDraft, ScenarioView>(), [result, column, props.parameters, lang]);
  const views = state.drafts.map((d) => {
    let v = cache.get(d);
    if (!v) cache.set(d, (v = evaluateDraft(result.classified, column, d, props.parameters, lang)));
    return v;
  });
  const activeAt = Math.max(0, state.drafts.findIndex((d) => d.key === state.active));
  const draft = state.drafts[activeAt]!;
  const view = views[activeAt]!;
  // Goal-seek runs many analyses: it follows the typing a moment later instead of holding it up.
  const [hints, setHints] = useState<{ view: ScenarioView; hints: string[] } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setHints({ view, hints: goalHints(view, lang) }), HINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [view, lang]);
  const edit = (change: (d: ScenarioDraft) => ScenarioDraft) => props.onState(updateDraft(state, draft.key, change));
  const problem = (key: string) => view.problems.get(key);
  // The scenario shown first: when the sheet cannot keep them all, it keeps this one.
  const toSave = scenariosToSave([view, ...views.filter((v) => v !== view)]);
  const left = toSave.slice(MAX_SHEET_SCENARIOS).map((s) => say(lang, "quoted", { text: s.name }));
  const save = () => props.onSave(toSave.slice(0, MAX_SHEET_SCENARIOS));
  let family: string | null = null;

  return (
    <section aria-labelledby="scenarios-title" className="step scenarios">
      <span className="t s400 w-semibold" role="heading" aria-level={2} id="scenarios-title">
        {t("pane.scenarios.title")}
      </span>
      <span className="t s200">{t("pane.scenarios.intro")}</span>
      <div className="scen-pick">
        <label className="field">
          <span>{t("pane.scenarios.pick")}</span>
          <select value={state.active} onChange={(e) => props.onState({ ...state, active: Number(e.target.value) })}>
            {state.drafts.map((d, i) => (
              <option key={d.key} value={d.key}>
                {views[i]!.scenario.name}
              </option>
            ))}
          </select>
        </label>
        <div className="scen-buttons">
          <Button size="small" onClick={() => props.onState(addDraft(state, lang))}>
            {t("pane.scenarios.add")}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => props.onState(removeDraft(state, draft.key, lang))}>
            {t("pane.scenarios.delete")}
          </Button>
        </div>
      </div>
      <label className="field">
        <span>{t("pane.scenarios.name")}</span>
        <input type="text" aria-label={t("pane.scenarios.name")} value={draft.name} onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))} />
      </label>

      <Summary base={main} view={view} lang={lang} />
      <span className="t w-semibold" role="heading" aria-level={3}>
        {t("pane.scenarios.levers")}
      </span>
      {rows.length === 0 && <span className="t s200">{t("pane.scenarios.noLever")}</span>}
      <ul className="scen-levers">
        {rows.map((r) => {
          const l = leverById(r.lever);
          const name = leverName(r.lever, lang);
          const heading = l.family !== family ? SECTION_NAMES[l.family === "in_kind" ? "in_kind_resource" : l.family][lang] : null;
          family = l.family;
          const input = draft.levers[r.lever] ?? { percent: "", euros: "" };
          const after = view.after[r.lever];
          const problems = (["percent", "euros"] as const).map((f) => problem(`${r.lever}:${f}`)).filter((p): p is FieldProblem => !!p);
          return (
            <li key={r.lever} className="scen-lever">
              {heading && <span className="t s200 w-semibold scen-family">{heading}</span>}
              <div className="line-head">
                <span className="t">{name}</span>
                <span className="line-amount t">{formatEuros(r.cents, lang)}</span>
              </div>
              <div className="scen-inputs">
                <LeverField lever={r.lever} field="percent" label={t("pane.scenarios.percentOf", { lever: name })} unit={t("pane.scenarios.percent")} value={input.percent} invalid={!!problem(`${r.lever}:percent`)} onChange={(v) => edit((d) => setLeverField(d, r.lever, "percent", v))} />
                <LeverField lever={r.lever} field="euros" label={t("pane.scenarios.eurosOf", { lever: name })} unit={t("pane.scenarios.euros")} value={input.euros} invalid={!!problem(`${r.lever}:euros`)} onChange={(v) => edit((d) => setLeverField(d, r.lever, "euros", v))} />
              </div>
              {after !== undefined && after !== r.cents && <span className="t s200 scen-after">{t("pane.scenarios.after", { amount: formatEuros(after, lang) })}</span>}
              {problems.map((p) => (
                <span key={p} className="t s200 scen-problem" role="alert">
                  {t(PROBLEM_TEXT[p])}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
      <label className="field">
        <span>{t("pane.scenarios.hours")}</span>
        <input type="text" inputMode="decimal" aria-label={t("pane.scenarios.hours")} value={draft.hours} aria-invalid={!!problem("hours")} onChange={(e) => edit((d) => ({ ...d, hours: e.target.value }))} />
        {hoursValue(draft, props.parameters, lang) && <span className="t s200">{hoursValue(draft, props.parameters, lang)}</span>}
        {problem("hours") && (
          <span className="t s200 scen-problem" role="alert">
            {t(PROBLEM_TEXT[problem("hours")!])}
          </span>
        )}
      </label>

      <ScenarioResults base={main} view={view} lang={lang} hints={hints?.view === view ? hints.hints : []} />

      {views.length > 1 && <SideBySide base={main} views={views} lang={lang} />}

      <Button appearance="primary" onClick={save} disabled={props.save.phase === "writing" || view.problems.size > 0 || !view.run}>
        {t("pane.scenarios.save")}
      </Button>
      {left.length > 0 && <span className="t s200">{t("pane.scenarios.tooMany", { max: MAX_SHEET_SCENARIOS, names: left.join(", ") })}</span>}
      <div className="progress" aria-live="polite">
        {props.save.phase === "writing" && <ProgressBar aria-label={t("pane.scenarios.saving")} />}
        {props.save.phase === "writing" && <span className="t s200">{t("pane.scenarios.saving")}</span>}
      </div>
      {props.save.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{props.save.message}</MessageBarBody>
        </MessageBar>
      )}
      {props.save.phase === "done" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t("pane.scenarios.saved")}</MessageBarBody>
          </MessageBar>
          {props.standalone ? (
            <Button appearance="primary" onClick={props.onDownload}>
              {props.downloadLabel}
            </Button>
          ) : (
            <Button onClick={props.onGo}>{props.goLabel}</Button>
          )}
        </>
      )}

      <Compare lang={lang} result={result} main={main} parameters={props.parameters} state={props.compare} onState={props.onCompare} openFile={props.openFile} />
    </section>
  );
}

function LeverField(props: { lever: LeverId; field: "percent" | "euros"; label: string; unit: string; value: string; invalid: boolean; onChange: (v: string) => void }) {
  return (
    <label className="scen-field">
      <input type="text" inputMode="decimal" aria-label={props.label} aria-invalid={props.invalid} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={`${props.field}-${props.lever}`} />
      <span aria-hidden="true">{props.unit}</span>
    </label>
  );
}

/** One line that stays in view while the levers are typed: the scenario's model and mix, beside the budget's. */
function Summary(props: { base: Analysis; view: ScenarioView; lang: Lang }) {
  const { base, view, lang } = props;
  const a = view.run?.analysis ?? base;
  const mix = (x: Analysis) => MIX_NATURES.map((n) => formatPercent(x.model.shares[n], lang)).join(" / ");
  return (
    <div className="scen-summary t s200" aria-live="polite" data-testid="scenario-summary">
      <span>
        {say(lang, "pane.scenarios.base")}
        {say(lang, "colon")}
        {base.model.name[lang]} · {mix(base)}
      </span>
      <span className="w-semibold">
        {view.scenario.name}
        {say(lang, "colon")}
        {view.error ? "—" : `${a.model.name[lang]} · ${mix(a)}`}
      </span>
    </div>
  );
}

/** The scenario beside the budget: model, the three shares, the rules with their gaps, the sentences and hints. */
function ScenarioResults(props: { base: Analysis; view: ScenarioView; lang: Lang; hints: string[] }) {
  const { base, view, lang } = props;
  const t = (id: MessageId, values?: Record<string, string | number>) => say(lang, id, values);
  if (view.error) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{view.error}</MessageBarBody>
      </MessageBar>
    );
  }
  const a = view.run?.analysis ?? base;
  const d = view.difference;
  const baseRules = ruleValues(base.ratios);
  const rules = ruleValues(a.ratios);
  return (
    <div className="card scen-results">
      <span className="t w-semibold" role="heading" aria-level={3}>
        {t("pane.scenarios.results")}
      </span>
      <table className="trajectory scen-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr">{t("pane.scenarios.model")}</span>
            </th>
            <th scope="col">{t("pane.scenarios.base")}</th>
            <th scope="col">{view.scenario.name}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("pane.scenarios.model")}</th>
            <td>{base.model.name[lang]}</td>
            <td className={d?.model.changed ? "w-semibold" : undefined} data-testid="scenario-model">
              {a.model.name[lang]}
            </td>
          </tr>
          {MIX_NATURES.map((n) => (
            <tr key={n}>
              <th scope="row">{NATURE_NAMES[n][lang]}</th>
              <td>{formatPercent(base.model.shares[n], lang)}</td>
              <td data-testid={`scenario-share-${n}`}>
                {formatPercent(a.model.shares[n], lang)} <span className="s200">{d && Math.abs(d.byNature[n].points ?? 0) >= 0.0005 ? pointsText(d.byNature[n].points, lang) : ""}</span>
              </td>
            </tr>
          ))}
          {RULES.map((r, i) => (
            <tr key={r.id}>
              <th scope="row">{r.short[lang]}</th>
              <td>
                {baseRules[i]!.value === null ? "—" : formatPercent(baseRules[i]!.value!, lang)} · {STATUS_NAMES[baseRules[i]!.status][lang]}
              </td>
              <td data-testid={`scenario-rule-${r.id}`}>
                {rules[i]!.value === null ? "—" : formatPercent(rules[i]!.value!, lang)} · {STATUS_NAMES[rules[i]!.status][lang]}
                {rules[i]!.gapCents !== 0 && <span className="s200"> · {formatEuros(rules[i]!.gapCents, lang)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.scenario.changes.length === 0 && <span className="t s200">{t("pane.scenarios.noChange")}</span>}
      <ul className="scen-sentences" data-testid="scenario-sentences">
        {view.sentences.map((s) => (
          <li key={s} className="t">
            {s}
          </li>
        ))}
      </ul>
      {props.hints.length > 0 && (
        <>
          <span className="t s200 w-semibold">{t("pane.scenarios.hints")}</span>
          <ul className="scen-sentences" data-testid="scenario-hints">
            {props.hints.map((h) => (
              <li key={h} className="t s200">
                {h}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Every scenario in a column of its own, beside the budget. */
function SideBySide(props: { base: Analysis; views: ScenarioView[]; lang: Lang }) {
  const { base, views, lang } = props;
  const cols: { name: string; a: Analysis | null }[] = [{ name: say(lang, "pane.scenarios.base"), a: base }, ...views.map((v) => ({ name: v.scenario.name, a: v.run?.analysis ?? null }))];
  return (
    <div className="scen-side">
      <span className="t w-semibold" role="heading" aria-level={3}>
        {say(lang, "pane.scenarios.sideBySide")}
      </span>
      <div className="scroll">
        <table className="trajectory scen-table" data-testid="scenarios-side-by-side">
          <thead>
            <tr>
              <td />
              {cols.map((c, i) => (
                <th key={i} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{say(lang, "pane.scenarios.model")}</th>
              {cols.map((c, i) => (
                <td key={i}>{c.a ? c.a.model.name[lang] : "—"}</td>
              ))}
            </tr>
            {MIX_NATURES.map((n) => (
              <tr key={n}>
                <th scope="row">{NATURE_NAMES[n][lang]}</th>
                {cols.map((c, i) => (
                  <td key={i}>{c.a ? formatPercent(c.a.model.shares[n], lang) : "—"}</td>
                ))}
              </tr>
            ))}
            {RULES.map((r, k) => (
              <tr key={r.id}>
                <th scope="row">{r.short[lang]}</th>
                {cols.map((c, i) => {
                  const v = c.a ? ruleValues(c.a.ratios)[k]! : null;
                  return <td key={i}>{v ? `${v.value === null ? "—" : formatPercent(v.value, lang)} · ${STATUS_NAMES[v.status][lang]}` : "—"}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
