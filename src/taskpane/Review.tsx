import { Button, Dropdown, Option, OptionGroup, Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import { familyOfSection, LEVERS, type LeverFamily } from "../engine/levers.ts";
import { formatEuros, formatPercent } from "../engine/money.ts";
import type { ClassifiedLine, Destination, Lang, LeverId } from "../engine/types.ts";
import { destinationShort, sectionShort } from "../workbook/reportText.ts";
import { LOW_CONFIDENCE } from "./session.ts";
import type { Strings } from "./strings.ts";

/** The lever dropdown's last option: it opens the explicit choice of a lever of another section. */
const OTHER_SECTION = "other-section";
const FAMILIES: LeverFamily[] = ["income", "expense", "in_kind"];
const lineKey = (l: ClassifiedLine) => `${l.sheet}!${l.cell}`;

export function Review(props: {
  rows: ClassifiedLine[];
  s: Strings;
  lang: Lang;
  onLever: (line: ClassifiedLine, lever: LeverId) => void;
  onDestination: (line: ClassifiedLine, d: Destination) => void;
  /** Selects the line's cell in the workbook; absent when there is no workbook window to select in (standalone). */
  onSelect?: (line: ClassifiedLine) => void;
  onNext: () => void;
}) {
  const { s, lang } = props;
  const toCheck = props.rows.filter((l) => l.automatic.confidence < LOW_CONFIDENCE && !l.corrected);
  const [filter, setFilter] = useState<"check" | "all">(toCheck.length > 0 ? "check" : "all");
  // The lines whose « Changer de section… » is open.
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const shown = filter === "check" ? props.rows.filter((l) => l.automatic.confidence < LOW_CONFIDENCE) : props.rows;
  const familyName = (f: LeverFamily) => (f === "in_kind" ? s.inKindFamily : sectionShort(f, lang));
  const toggleMoving = (key: string, open: boolean) =>
    setMoving((m) => {
      const next = new Set(m);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <section aria-labelledby="review-title" className="step">
      <span className="t s400 w-semibold" role="heading" aria-level={2} id="review-title">
        {s.toCheck(toCheck.length)}
      </span>
      <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as "check" | "all")} size="small" aria-label={s.filterLabel}>
        <Tab value="check">{s.filterToCheck}</Tab>
        <Tab value="all">{s.filterAll}</Tab>
      </TabList>
      <ul className="lines" aria-label={s.stepReview}>
        {shown.map((l) => {
          const key = lineKey(l);
          const family = familyOfSection(l.section);
          // A line's dropdown holds the levers of its own section: a subsidy cannot become « Achats » by a slip.
          const own = LEVERS.filter((x) => x.family === family);
          const others = FAMILIES.filter((f) => f !== family);
          const amount = l.amount.kind === "value" ? formatEuros(l.amount.cents, lang) : l.amount.error;
          return (
            <li key={key} className="line" data-testid="line">
              <div className="line-head">
                {props.onSelect ? (
                  <button type="button" className="line-label" title={s.selectCell} onClick={() => props.onSelect!(l)}>
                    {l.label}
                  </button>
                ) : (
                  <span className="line-text">{l.label}</span>
                )}
                <span className="line-amount">{amount}</span>
              </div>
              <div className="line-meta">
                <span className="line-section">{sectionShort(l.section, lang)}</span>
                <span className={`badge ${l.automatic.confidence < LOW_CONFIDENCE ? "warning" : "success"}`} data-testid="confidence">
                  {s.confidenceOf(formatPercent(l.automatic.confidence, lang))}
                </span>
                <span className="line-reason">{lang === "fr" ? l.automatic.reason : l.automatic.reasonEn}</span>
              </div>
              <Dropdown
                aria-label={`${s.lever} — ${l.label}`}
                size="small"
                value={LEVERS.find((x) => x.id === l.lever)!.label[lang]}
                selectedOptions={[l.lever]}
                onOptionSelect={(_, d) => {
                  if (d.optionValue === OTHER_SECTION) toggleMoving(key, true);
                  else if (d.optionValue) props.onLever(l, d.optionValue as LeverId);
                }}
              >
                {own.map((x) => (
                  <Option key={x.id} value={x.id}>
                    {x.label[lang]}
                  </Option>
                ))}
                <Option value={OTHER_SECTION} text={s.changeSection}>
                  {s.changeSection}
                </Option>
              </Dropdown>
              {moving.has(key) && (
                <div className="line-move">
                  <Dropdown
                    aria-label={`${s.otherSectionLever} — ${l.label}`}
                    size="small"
                    placeholder={s.otherSectionLever}
                    onOptionSelect={(_, d) => {
                      if (!d.optionValue) return;
                      toggleMoving(key, false);
                      props.onLever(l, d.optionValue as LeverId);
                    }}
                  >
                    {others.map((f) => (
                      <OptionGroup key={f} label={familyName(f)}>
                        {LEVERS.filter((x) => x.family === f).map((x) => (
                          <Option key={x.id} value={x.id} text={`${x.label[lang]} (${familyName(f)})`}>
                            {x.label[lang]}
                          </Option>
                        ))}
                      </OptionGroup>
                    ))}
                  </Dropdown>
                  <Button size="small" appearance="subtle" onClick={() => toggleMoving(key, false)}>
                    {s.keepSection}
                  </Button>
                </div>
              )}
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
