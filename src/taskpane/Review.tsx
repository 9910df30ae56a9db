import { Button, Dropdown, Option, Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import { LEVERS } from "../engine/levers.ts";
import { formatEuros } from "../engine/money.ts";
import type { ClassifiedLine, Destination, Lang, LeverId } from "../engine/types.ts";
import { destinationShort } from "../workbook/reportText.ts";
import { LOW_CONFIDENCE } from "./session.ts";
import type { Strings } from "./strings.ts";

export function Review(props: {
  rows: ClassifiedLine[];
  s: Strings;
  lang: Lang;
  onLever: (line: ClassifiedLine, lever: LeverId) => void;
  onDestination: (line: ClassifiedLine, d: Destination) => void;
  onSelect: (line: ClassifiedLine) => void;
  onNext: () => void;
}) {
  const { s, lang } = props;
  const toCheck = props.rows.filter((l) => l.automatic.confidence < LOW_CONFIDENCE && !l.corrected);
  const [filter, setFilter] = useState<"check" | "all">(toCheck.length > 0 ? "check" : "all");
  const shown = filter === "check" ? props.rows.filter((l) => l.automatic.confidence < LOW_CONFIDENCE) : props.rows;
  return (
    <section aria-labelledby="review-title" className="step">
      <span className="t s400 w-semibold" role="heading" aria-level={2} id="review-title">
        {s.toCheck(toCheck.length)}
      </span>
      <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as "check" | "all")} size="small">
        <Tab value="check">{s.filterToCheck}</Tab>
        <Tab value="all">{s.filterAll}</Tab>
      </TabList>
      <ul className="lines" aria-label={s.stepReview}>
        {shown.map((l) => {
          const family = LEVERS.find((x) => x.id === l.lever)!.family;
          const choices = LEVERS.filter((x) => x.family === family || (family !== "in_kind" && x.family !== "in_kind"));
          const amount = l.amount.kind === "value" ? formatEuros(l.amount.cents, lang) : l.amount.error;
          return (
            <li key={`${l.sheet}!${l.cell}`} className="line" data-testid="line">
              <div className="line-head">
                <button type="button" className="line-label" title={s.selectCell} onClick={() => props.onSelect(l)}>
                  {l.label}
                </button>
                <span className="line-amount">{amount}</span>
              </div>
              <div className="line-meta">
                <span className={`badge ${l.automatic.confidence < LOW_CONFIDENCE ? "warning" : "success"}`}>
                  {Math.round(l.automatic.confidence * 100)} %
                </span>
                <span className="line-reason">{lang === "fr" ? l.automatic.reason : l.automatic.reasonEn}</span>
              </div>
              <Dropdown
                aria-label={`${s.lever} — ${l.label}`}
                size="small"
                value={LEVERS.find((x) => x.id === l.lever)!.label[lang]}
                selectedOptions={[l.lever]}
                onOptionSelect={(_, d) => d.optionValue && props.onLever(l, d.optionValue as LeverId)}
              >
                {choices.map((x) => (
                  <Option key={x.id} value={x.id}>
                    {x.label[lang]}
                  </Option>
                ))}
              </Dropdown>
              {l.section === "expense" && (
                <Dropdown
                  aria-label={`${s.destination} — ${l.label}`}
                  size="small"
                  value={l.destination ? destinationShort(l.destination, lang) : ""}
                  selectedOptions={l.destination ? [l.destination] : []}
                  onOptionSelect={(_, d) => d.optionValue && props.onDestination(l, d.optionValue as Destination)}
                >
                  <Option value="action">{destinationShort("action", lang)}</Option>
                  <Option value="engineering">{destinationShort("engineering", lang)}</Option>
                </Dropdown>
              )}
            </li>
          );
        })}
      </ul>
      <Button appearance="primary" onClick={props.onNext}>
        {s.seeResults}
      </Button>
    </section>
  );
}
