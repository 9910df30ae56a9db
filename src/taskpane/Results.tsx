import { Button } from "@fluentui/react-components";
import type { Analysis } from "../engine/analyze.ts";
import { NATURE_NAMES, PILLAR_NAMES, PROFILE_NAMES, STATUS_NAMES } from "../engine/labels.ts";
import { formatEuros, formatNumber, formatPercent, parseTypedNumber } from "../engine/money.ts";
import { say } from "../engine/i18n/index.ts";
import type { Parameters } from "../engine/parameters.ts";
import { BUDGET_FIGURES, pillarDetail, RESULT_LABEL, RESULT_WORDS, RULES, watchSentence } from "../engine/figures.ts";
import { NATIONAL_MIX } from "../engine/implications.ts";
import { ruleValues } from "../engine/ratios.ts";
import { MIX_NATURES, type Lang } from "../engine/types.ts";
import type { Strings } from "./strings.ts";

const STATUS_COLOR = { reached: "#107c10", close: "#8a6d00", below: "#a4262c" } as const;

export function Results(props: { analyses: Analysis[]; main: Analysis; s: Strings; lang: Lang; parameters: Parameters; onParameters: (p: Parameters) => void; onNext: () => void }) {
  const { main: a, s, lang } = props;
  const r = a.ratios;
  // The rules in the registry's order, each with its own sentence (the report's, word for word).
  const values = ruleValues(r);
  const rules = RULES.map((def, i) => ({ name: def.name[lang], v: values[i]!, text: values[i]!.sentence[lang] }));
  const b = a.budget;
  const label = (id: "expense" | "income" | "inKind") => BUDGET_FIGURES.find((f) => f.id === id)!.label[lang];
  const watch = watchSentence(a.model.shares, a.model.baseCents > 0 ? a.model.closeCalls : [], props.parameters.significanceThreshold, lang);
  // Numbers shown and typed the user's way: « 12,02 », « 5 000 » in French; 12.02, 5,000 in English.
  const pct = (key: keyof Parameters) => formatNumber(Math.round(Number(props.parameters[key]) * 1000) / 10, lang);
  const set = (key: keyof Parameters, scale: number) => (text: string) => {
    const n = parseTypedNumber(text, lang);
    if (n !== null && n >= 0) props.onParameters({ ...props.parameters, [key]: n / scale });
  };
  const field = (label: string, key: keyof Parameters, percent: boolean) => (
    <label className="field">
      <span>{label}</span>
      <input type="text" inputMode="decimal" defaultValue={percent ? pct(key) : formatNumber(Number(props.parameters[key]), lang)} onChange={(e) => set(key, percent ? 100 : 1)(e.target.value)} />
    </label>
  );
  return (
    <section aria-labelledby="results-title" className="step">
      <dl className="pillars budget" data-testid="budget">
        <div>
          <dt>{label("expense")}</dt>
          <dd>{formatEuros(b.expenseCents, lang)}</dd>
        </div>
        <div>
          <dt>{label("income")}</dt>
          <dd>{formatEuros(b.incomeCents, lang)}</dd>
        </div>
        <div>
          <dt>{RESULT_LABEL[lang]}</dt>
          <dd>
            {RESULT_WORDS[b.result][lang]} {b.resultCents !== 0 && formatEuros(Math.abs(b.resultCents), lang)}
          </dd>
        </div>
        {b.inKindCents !== 0 && (
          <div>
            <dt>{label("inKind")}</dt>
            <dd>{formatEuros(b.inKindCents, lang)}</dd>
          </div>
        )}
      </dl>
      <div className="card model-card">
        <span className="t s200">{s.model}</span>
        <span className="t s600 w-bold" role="heading" aria-level={2} id="results-title" data-testid="model-name">
          {a.model.name[lang]}
        </span>
        <span className="t">{a.model.sentence[lang]}</span>
        <span className="t s200">
          {s.profile}
          {say(lang, "colon")}
          {PROFILE_NAMES[a.model.profile][lang]}
        </span>
        <span className="t s200" data-testid="watch">
          {watch}
        </span>
      </div>
      <div className="mixbar" role="img" aria-label={a.model.sentence[lang]}>
        {MIX_NATURES.map((n) => (
          <span key={n} className={`mix-${n}`} style={{ width: `${a.model.shares[n] * 100}%` }} title={`${NATURE_NAMES[n][lang]} ${formatPercent(a.model.shares[n], lang)}`} />
        ))}
      </div>
      <table className="trajectory national-mix">
        <tbody>
          {MIX_NATURES.map((n) => (
            <tr key={n}>
              <th scope="row">{NATURE_NAMES[n][lang]}</th>
              <td>{formatPercent(a.model.shares[n], lang)}</td>
              <td>
                {s.nationalAverage(formatPercent(NATIONAL_MIX.byNature[n], lang))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <span className="t w-semibold" role="heading" aria-level={3}>
        {s.pillars}
      </span>
      <dl className="pillars" data-testid="pillars">
        {a.pillars.map((p) => (
          <div key={p.pillar}>
            <dt>{PILLAR_NAMES[p.pillar][lang]}</dt>
            <dd>{formatEuros(p.cents, lang)}</dd>
            <dd className="t s200">{pillarDetail(p, lang, r.fourThirds.humanResources.civicService)}</dd>
          </div>
        ))}
      </dl>
      <span className="t w-semibold" role="heading" aria-level={3}>
        {s.rules}
      </span>
      {rules.map((rule) => (
        <div key={rule.name} className="card rule">
          <span className="t w-semibold">{rule.name}</span>
          <span className="t">
            {s.value} {rule.v.value === null ? "—" : formatPercent(rule.v.value, lang)} · {s.target} {formatPercent(rule.v.target, lang)} · {s.gap} {formatEuros(rule.v.gapCents, lang)}
          </span>
          <span className="t w-semibold" style={{ color: STATUS_COLOR[rule.v.status] }}>
            {STATUS_NAMES[rule.v.status][lang]}
          </span>
          {rule.text && <span className="t s200">{rule.text}</span>}
        </div>
      ))}
      {props.analyses.length > 1 && (
        <>
          <span className="t w-semibold" role="heading" aria-level={3}>
            {s.trajectory}
          </span>
          <table className="trajectory">
            <tbody>
              {props.analyses.map((x) => (
                <tr key={x.scenario}>
                  <th scope="row">{x.scenario}</th>
                  <td>{x.model.name[lang]}</td>
                  <td>{MIX_NATURES.map((n) => formatPercent(x.model.shares[n], lang)).join(" / ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <details className="parameters">
        <summary>{s.parameters}</summary>
        {field(s.threshold, "significanceThreshold", true)}
        {field(s.tiersTarget, "tiersOnTopTarget", true)}
        {field(s.fourTarget, "fourThirdsTarget", true)}
        {field(s.poolingTarget, "poolingTarget", true)}
        {field(s.premiumTarget, "premiumTarget", true)}
        {field(s.hours, "volunteerHours", false)}
        {field(s.rate, "volunteerHourlyRate", false)}
        {field(s.coefficient, "employerChargeCoefficient", false)}
      </details>
      <Button appearance="primary" onClick={props.onNext}>
        {s.next}
      </Button>
    </section>
  );
}
