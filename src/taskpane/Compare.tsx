// « Comparer avec un autre classeur… »: the user picks another .xlsx (last year's accounts, say), read here by the
// same pipeline as the open budget, never uploaded; the model before and after, natures, pillars, rules and the
// lines that explain most of the change.
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useRef } from "react";
import type { Analysis } from "../engine/analyze.ts";
import { isEquilibreError } from "../engine/errors.ts";
import { RULES } from "../engine/figures.ts";
import { say } from "../engine/i18n/index.ts";
import { NATURE_NAMES, PILLAR_NAMES, STATUS_NAMES, leverName } from "../engine/labels.ts";
import { formatEuros, formatPercent } from "../engine/money.ts";
import type { Parameters } from "../engine/parameters.ts";
import { MIX_NATURES, PILLARS, type Lang } from "../engine/types.ts";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { WorkbookHost } from "../workbook/port.ts";
import { compare, pointsText, sideOf, type CompareSide } from "./compareSession.ts";
import { kit } from "./kit.ts";

export type CompareState =
  | { phase: "idle" }
  | { phase: "reading"; file: string }
  | { phase: "done"; other: WorkbookAnalysis; column: string | null; swapped: boolean }
  | { phase: "error"; message: string };

const signed = (cents: number, lang: Lang) => (cents > 0 ? "+" : cents < 0 ? "−" : "") + formatEuros(Math.abs(cents), lang);
const pct = (v: number | null, lang: Lang) => (v === null ? "—" : formatPercent(v, lang));

export function Compare(props: { lang: Lang; result: WorkbookAnalysis; main: Analysis; parameters: Parameters; state: CompareState; onState: (s: CompareState) => void; openFile?: (file: File) => Promise<WorkbookHost> }) {
  const { lang, state } = props;
  const input = useRef<HTMLInputElement>(null);
  const pick = async (file: File | undefined) => {
    if (!file || !props.openFile) return;
    props.onState({ phase: "reading", file: file.name });
    try {
      const host = await props.openFile(file);
      const other = kit().analyzeSnapshot(await host.readSnapshot(), props.parameters);
      props.onState({ phase: "done", other, column: null, swapped: false });
    } catch (e) {
      props.onState({ phase: "error", message: isEquilibreError(e) ? e.messageIn(lang) : say(lang, "pane.compare.failed") });
    } finally {
      if (input.current) input.current.value = "";
    }
  };
  const current: CompareSide = { file: props.result.fileName, column: props.main.scenario, analysis: props.main, lines: props.result.classified.filter((l) => l.scenario === props.main.scenario) };
  return (
    <section aria-labelledby="compare-title" className="step compare">
      <span className="t w-semibold" role="heading" aria-level={3} id="compare-title">
        {say(lang, "pane.compare.title")}
      </span>
      <Button onClick={() => input.current?.click()} disabled={!props.openFile || state.phase === "reading"}>
        {say(lang, "pane.compare.open")}
      </Button>
      <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden data-testid="compare-input" onChange={(e) => void pick(e.target.files?.[0])} />
      <span className="t s200">{say(lang, "pane.compare.hint")}</span>
      {state.phase === "reading" && (
        <span className="t" role="status">
          {say(lang, "pane.compare.reading", { file: state.file })}
        </span>
      )}
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "done" && <CompareResult lang={lang} current={current} state={state} onState={props.onState} />}
    </section>
  );
}

function CompareResult(props: { lang: Lang; current: CompareSide; state: Extract<CompareState, { phase: "done" }>; onState: (s: CompareState) => void }) {
  const { lang, state } = props;
  const other = sideOf(state.other, state.column, props.current.column);
  const [before, after] = state.swapped ? [props.current, other] : [other, props.current];
  const c = compare(before, after);
  const d = c.difference;
  const t = say;
  const name = (s: CompareSide) => `${s.file} (${t(lang, "quoted", { text: s.column })})`;
  return (
    <div className="card compare-result" data-testid="compare-result">
      <dl className="compare-sides">
        <div>
          <dt>{t(lang, "pane.compare.before")}</dt>
          <dd className="t s200">{name(before)}</dd>
        </div>
        <div>
          <dt>{t(lang, "pane.compare.after")}</dt>
          <dd className="t s200">{name(after)}</dd>
        </div>
      </dl>
      {state.other.analyses.length > 1 && (
        <label className="field">
          <span>{t(lang, "pane.compare.column", { file: state.other.fileName })}</span>
          <select value={other.column} onChange={(e) => props.onState({ ...state, column: e.target.value })}>
            {state.other.analyses.map((a) => (
              <option key={a.scenario} value={a.scenario}>
                {a.scenario}
              </option>
            ))}
          </select>
        </label>
      )}
      <Button size="small" appearance="subtle" onClick={() => props.onState({ ...state, swapped: !state.swapped })}>
        {t(lang, "pane.compare.swap")}
      </Button>
      <span className="t w-semibold" data-testid="compare-model">
        {d.model.changed
          ? t(lang, "pane.compare.modelChanged", { from: before.analysis.model.name[lang], to: after.analysis.model.name[lang] })
          : t(lang, "pane.compare.modelSame", { model: after.analysis.model.name[lang] })}
      </span>
      <span className="t s200">
        {t(lang, "pane.compare.totals", { income: signed(d.bySection.income.cents, lang), expense: signed(d.bySection.expense.cents, lang), before: signed(d.result.beforeCents, lang), after: signed(d.result.afterCents, lang) })}
      </span>
      <table className="trajectory scen-table">
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={3}>
              {t(lang, "pane.compare.natures")}
            </th>
          </tr>
          {MIX_NATURES.map((n) => (
            <tr key={n}>
              <th scope="row">{NATURE_NAMES[n][lang]}</th>
              <td>
                {pct(d.byNature[n].shareBefore, lang)} → {pct(d.byNature[n].shareAfter, lang)}
              </td>
              <td>
                {pointsText(d.byNature[n].points, lang)} · {signed(d.byNature[n].cents, lang)}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="rowgroup" colSpan={3}>
              {t(lang, "pane.compare.pillars")}
            </th>
          </tr>
          {PILLARS.map((p) => (
            <tr key={p}>
              <th scope="row">{PILLAR_NAMES[p][lang]}</th>
              <td>
                {formatEuros(d.byPillar[p].beforeCents, lang)} → {formatEuros(d.byPillar[p].afterCents, lang)}
              </td>
              <td>{signed(d.byPillar[p].cents, lang)}</td>
            </tr>
          ))}
          <tr>
            <th scope="rowgroup" colSpan={3}>
              {t(lang, "pane.compare.rules")}
            </th>
          </tr>
          {RULES.map((r) => {
            const x = d.ratios[r.id];
            return (
              <tr key={r.id}>
                <th scope="row">{r.short[lang]}</th>
                <td>
                  {pct(x.valueBefore, lang)} → {pct(x.valueAfter, lang)}
                </td>
                <td>{x.statusBefore === x.statusAfter ? STATUS_NAMES[x.statusAfter][lang] : `${STATUS_NAMES[x.statusBefore][lang]} → ${STATUS_NAMES[x.statusAfter][lang]}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <span className="t s200 w-semibold">{t(lang, "pane.compare.lines")}</span>
      {c.lines.length === 0 ? (
        <span className="t s200">{t(lang, "pane.compare.noLine")}</span>
      ) : (
        <ul className="scen-sentences" data-testid="compare-lines">
          {c.lines.map((l) => (
            <li key={`${l.section}:${l.lever}:${l.label}`} className="t s200">
              {l.label} ({leverName(l.lever, lang)}){t(lang, "colon")}{formatEuros(l.beforeCents, lang)} → {formatEuros(l.afterCents, lang)} ({signed(l.cents, lang)})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
