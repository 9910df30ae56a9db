import { Button, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import type { Strings } from "./strings.ts";

export type WriteState = { phase: "idle" } | { phase: "writing" } | { phase: "done"; warnings: string[]; reportSheet: string } | { phase: "error"; message: string };

export function Report(props: { s: Strings; standalone: boolean; state: WriteState; onWrite: () => void; onGo: () => void; onDownload: () => void }) {
  const { s, state } = props;
  return (
    <section aria-labelledby="report-title" className="step">
      <span className="t s400 w-semibold" role="heading" aria-level={2} id="report-title">
        {s.stepReport}
      </span>
      <Button appearance="primary" onClick={props.onWrite} disabled={state.phase === "writing"}>
        {s.writeReport}
      </Button>
      <div className="progress" aria-live="polite">
        {state.phase === "writing" && <ProgressBar aria-label={s.writing} />}
        {state.phase === "writing" && <span className="t s200">{s.writing}</span>}
      </div>
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "done" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{s.written}</MessageBarBody>
          </MessageBar>
          {state.warnings.map((w, i) => (
            <MessageBar key={i} intent="info">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
          {props.standalone ? (
            <Button appearance="primary" onClick={props.onDownload}>
              {s.download}
            </Button>
          ) : (
            <Button onClick={props.onGo}>{s.goToReport}</Button>
          )}
        </>
      )}
    </section>
  );
}
