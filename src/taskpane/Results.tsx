import { Button } from "@fluentui/react-components";
import type { Analysis } from "../engine/analyze.ts";
import { NATURE_NAMES, PILLAR_NAMES, PROFILE_NAMES, STATUS_NAMES } from "../engine/labels.ts";
import { formatEuros, formatPercent } from "../engine/money.ts";
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
  // Numbers shown and typed the user's way: « 12,02 » in French (a number field would show « 12.02 »).
  const shown = (n: number) => (lang === "fr" ? String(n).replace(".", ",") : String(n));
  const pct = (key: keyof Parameters) => shown(Math.round(Number(props.parameters[key]) * 1000) / 10);
  const setPct = (key: keyof Parameters) => (_: unknown, d: { value: string }) => {
    const n = Number(d.value.replace(",", "."));
    if (Number.isFinite(n) && n >= 0) props.onParameters({ ...props.parameters, [key]: n / 100 });
  };
  const setNum = (key: keyof Parameters) => (_: unknown, d: { value: string }) => {
    const n = Number(d.value.replace(",", "."));
    if (Number.isFinite(n) && n >= 0) props.onParameters({ ...props.parameters, [key]: n });
  };
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
          {lang === "fr" ? " : " : ": "}
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
                {lang === "fr" ? "moyenne nationale" : "national average"} {formatPercent(NATIONAL_MIX.byNature[n], lang)}
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
        <label className="field">
          <span>{s.threshold}</span>
          <input type="text" inputMode="decimal" defaultValue={String(pct("significanceThreshold"))} onChange={(e) => setPct("significanceThreshold")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.tiersTarget}</span>
          <input type="text" inputMode="decimal" defaultValue={String(pct("tiersOnTopTarget"))} onChange={(e) => setPct("tiersOnTopTarget")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.fourTarget}</span>
          <input type="text" inputMode="decimal" defaultValue={String(pct("fourThirdsTarget"))} onChange={(e) => setPct("fourThirdsTarget")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.poolingTarget}</span>
          <input type="text" inputMode="decimal" defaultValue={String(pct("poolingTarget"))} onChange={(e) => setPct("poolingTarget")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.premiumTarget}</span>
          <input type="text" inputMode="decimal" defaultValue={String(pct("premiumTarget"))} onChange={(e) => setPct("premiumTarget")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.hours}</span>
          <input type="text" inputMode="decimal" defaultValue={shown(props.parameters.volunteerHours)} onChange={(e) => setNum("volunteerHours")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.rate}</span>
          <input type="text" inputMode="decimal" defaultValue={shown(props.parameters.volunteerHourlyRate)} onChange={(e) => setNum("volunteerHourlyRate")(e, { value: e.target.value })} />
        </label>
        <label className="field">
          <span>{s.coefficient}</span>
          <input type="text" inputMode="decimal" defaultValue={shown(props.parameters.employerChargeCoefficient)} onChange={(e) => setNum("employerChargeCoefficient")(e, { value: e.target.value })} />
        </label>
      </details>
      <Button appearance="primary" onClick={props.onNext}>
        {s.next}
      </Button>
    </section>
  );
}
