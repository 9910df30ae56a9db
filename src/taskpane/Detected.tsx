import { Button, Dropdown, MessageBar, MessageBarBody, Option } from "@fluentui/react-components";
import type { WorkbookAnalysis } from "../workbook/pipeline.ts";
import type { Strings } from "./strings.ts";

export function Detected(props: { result: WorkbookAnalysis; s: Strings; lang: "fr" | "en"; scenario: string; onScenario: (s: string) => void; onNext: () => void; onSelect?: (sheet: string, cell: string) => void }) {
  const { result, s, lang } = props;
  const sheets = [...new Set(result.budgets.map((b) => s.sheetWithLayout(b.sheet, s.layout(b.layout))))].join(", ");
  const lines = new Set(result.classified.map((l) => `${l.sheet}!${l.cell}`)).size;
  const scenarios = result.analyses.map((a) => a.scenario);
  return (
    <section aria-labelledby="detected-title" className="step">
      <span className="t s400 w-semibold" role="heading" aria-level={2} id="detected-title">
        {s.budgetsFound(result.budgets.length, sheets)}
      </span>
      <span className="t p">{s.linesSummary(lines, result.skipped.length)}</span>
      {scenarios.length > 1 && (
        <label className="field">
          <span>{s.column}</span>
          <Dropdown aria-label={s.column} value={props.scenario} selectedOptions={[props.scenario]} onOptionSelect={(_, d) => d.optionValue && props.onScenario(d.optionValue)}>
            {scenarios.map((sc) => (
              <Option key={sc} value={sc}>
                {sc}
              </Option>
            ))}
          </Dropdown>
        </label>
      )}
      {result.issues.length > 0 && (
        <div className="issues">
          <span className="t w-semibold">{s.warnings}</span>
          {result.issues.slice(0, 8).map((i, k) => (
            <MessageBar key={k} intent={i.code === "cell_error" ? "warning" : "info"}>
              <MessageBarBody>
                {lang === "fr" ? i.message : i.messageEn}{" "}
                {i.cell &&
                  (props.onSelect ? (
                    <Button appearance="transparent" size="small" title={s.selectCell} onClick={() => props.onSelect!(i.sheet, i.cell!)}>
                      {i.cell}
                    </Button>
                  ) : (
                    <span className="t s200">{i.cell}</span>
                  ))}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      <Button appearance="primary" onClick={props.onNext}>
        {s.analyse}
      </Button>
    </section>
  );
}
