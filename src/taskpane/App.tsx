// The task pane: open (standalone) → budget found → review → results → scenarios → report.
import { Button, MessageBar, MessageBarBody, Tab, TabList } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import { isEquilibreError } from "../engine/errors.ts";
import { say } from "../engine/i18n/index.ts";
import { defaultParameters, resolveParameters, type Parameters } from "../engine/parameters.ts";
import type { Scenario } from "../engine/scenario.ts";
import type { ClassifiedLine, Correction, Lang } from "../engine/types.ts";
import type { WorkbookHost } from "../workbook/port.ts";
import { associationName } from "../workbook/title.ts";
import { Detected } from "./Detected.tsx";
import { Report, type WriteState } from "./Report.tsx";
import { Results } from "./Results.tsx";
import { Review } from "./Review.tsx";
import type { CompareState } from "./Compare.tsx";
import type { ScenarioDrafts } from "./scenarioSession.ts";
import { loadKit } from "./kit.ts";
import { analyse, correct, reviewRows, startSession, type Session } from "./session.ts";
import { strings } from "./strings.ts";

type Step = "detected" | "review" | "results" | "scenarios" | "report";

// The scenario step and the engine's scenario code load when the step is first opened (their own chunk).
const Scenarios = lazy(() => import(/* webpackChunkName: "scenarios" */ "./Scenarios.tsx"));

/** A host whose written workbook the browser downloads (the file host), under its name and media type. */
export type DownloadHost = WorkbookHost & { output?: Uint8Array | null; outputName?: () => string; outputType?: () => string };

export interface AppProps {
  lang: Lang;
  /** In Excel: the Excel host. Standalone: null until a workbook is opened. */
  host: WorkbookHost | null;
  /** Standalone only: turns a picked file into a host (loads the file host lazily). */
  openFile?: (file: File) => Promise<DownloadHost>;
  now?: () => Date;
}

export function App(props: AppProps) {
  const { lang } = props;
  const s = strings(lang);
  const [host, setHost] = useState<DownloadHost | null>(props.host);
  const [session, setSession] = useState<Session | null>(null);
  const [step, setStep] = useState<Step>("detected");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [scenario, setScenario] = useState<string | null>(null);
  const [write, setWrite] = useState<WriteState>({ phase: "idle" });
  // The scenarios the workbook holds (read back on open, or saved from the step), and the step's fields as typed.
  const [saved, setSaved] = useState<Scenario[]>([]);
  const [drafts, setDrafts] = useState<ScenarioDrafts | null>(null);
  const [saveState, setSaveState] = useState<WriteState>({ phase: "idle" });
  const [compare, setCompare] = useState<CompareState>({ phase: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);

  const message = (e: unknown) => (isEquilibreError(e) ? e.messageIn(lang) : s.unexpected);
  // The file picked in standalone mode, named under the « Ouvrir » button.
  const [fileName, setFileName] = useState<string | null>(null);

  const read = useCallback(
    async (h: WorkbookHost, params: Parameters = session?.parameters ?? defaultParameters()) => {
      setBusy(true);
      setError(null);
      try {
        const next = await startSession(await h.readSnapshot(), params, lang);
        setSession(next);
        setError(next.error);
        setScenario(next.result ? next.result.analyses[next.result.analyses.length - 1]!.scenario : null);
        setStep("detected");
        setWrite({ phase: "idle" });
        setSaved(next.scenarios);
        setDrafts(null);
        setSaveState({ phase: "idle" });
        setCompare({ phase: "idle" });
      } catch (e) {
        // The error alone: the previous workbook's results must not stay on screen under it.
        setSession(null);
        setError(message(e));
      } finally {
        setBusy(false);
      }
    },
    [lang, session?.parameters],
  );

  // In Excel, read the open workbook once.
  const started = useRef(false);
  if (props.host && !started.current) {
    started.current = true;
    queueMicrotask(() => void read(props.host!));
  }

  const onFile = async (file: File | undefined) => {
    if (!file || !props.openFile) return;
    setFileName(file.name);
    setSession(null);
    setError(null);
    try {
      const h = await props.openFile(file);
      setHost(h);
      await read(h);
    } catch (e) {
      // A file that cannot be opened replaces the previous one: its results and its host go.
      setSession(null);
      setHost(null);
      setError(message(e));
    }
  };

  const result = session?.result ?? null;
  const main = result ? (result.analyses.find((a) => a.scenario === scenario) ?? result.analyses[result.analyses.length - 1]!) : null;
  const rows = useMemo(() => (result ? reviewRows(result, scenario) : []), [result, scenario]);

  const onCorrect = (line: ClassifiedLine, c: Correction) => {
    if (session) setSession(correct(session, line, c, lang));
  };
  const onParameters = (p: Parameters) => {
    if (!session) return;
    try {
      const checked = resolveParameters(p as unknown as Record<string, unknown>);
      setSession(analyse({ ...session, parameters: checked }, lang));
      setError(null);
    } catch (e) {
      setError(message(e));
    }
  };
  /** Writes the report (with the scenarios the workbook should keep) through the host: the « Rapport » step and « Enregistrer le scénario ». */
  const writeReport = async (scenarios: Scenario[], setState: (w: WriteState) => void) => {
    if (!host || !result || !session) return;
    setState({ phase: "writing" });
    try {
      const { buildReportPlan } = await loadKit();
      const plan = buildReportPlan(result, {
        lang,
        date: (props.now ?? (() => new Date()))(),
        scenario,
        title: associationName(session.snapshot, result.budgets),
        previousSheets: session.snapshot.ownSheets ?? [],
        scenarios,
      });
      const applied = await host.apply(plan);
      setState({ phase: "done", warnings: applied.warnings, reportSheet: applied.sheets.find((x) => x.role === "report")?.name ?? "Équilibre" });
      return true;
    } catch (e) {
      setState({ phase: "error", message: message(e) });
      return false;
    }
  };
  const onWrite = () => writeReport(saved, setWrite);
  const onSaveScenarios = async (scenarios: Scenario[]) => {
    if (await writeReport(scenarios, setSaveState)) setSaved(scenarios);
  };
  const onDownload = () => {
    if (!host?.output || !host.outputName) return;
    // Name and type from the host: a workbook with macros downloads as an .xlsm, typed macro-enabled.
    const blob = new Blob([host.output as BlobPart], { type: host.outputType?.() ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = host.outputName();
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <main className="pane" lang={lang}>
      <header>
        <span className="t s500 w-bold" role="heading" aria-level={1}>
          {s.appTitle}
        </span>
        <span className="t s200">{s.subtitle}</span>
      </header>
      {!props.host && (
        <div className="open">
          <Button appearance={host ? "secondary" : "primary"} onClick={() => fileInput.current?.click()}>
            {fileName ? s.openAnother : s.open}
          </Button>
          <input ref={fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden data-testid="file-input" onChange={(e) => void onFile(e.target.files?.[0])} />
          {fileName ? (
            <span className="t s200" data-testid="file-name">
              {s.openFile(fileName)}
            </span>
          ) : (
            <span className="t s200">{s.openHint}</span>
          )}
        </div>
      )}
      {busy && <span className="t" role="status">{s.reading}</span>}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && main && (
        <>
          <TabList className="steps" selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} size="small" aria-label={s.steps}>
            <Tab value="detected">{s.stepDetected}</Tab>
            <Tab value="review">{s.stepReview}</Tab>
            <Tab value="results">{s.stepResults}</Tab>
            <Tab value="scenarios">{say(lang, "pane.scenarios.step")}</Tab>
            <Tab value="report">{s.stepReport}</Tab>
          </TabList>
          {step === "detected" && (
            <Detected result={result} s={s} lang={lang} scenario={main.scenario} onScenario={setScenario} onNext={() => setStep("review")} onSelect={props.host ? (sh, c) => void host?.selectCell(sh, c) : undefined} />
          )}
          {step === "review" && (
            <Review
              rows={rows}
              s={s}
              lang={lang}
              onLever={(l, lever) => onCorrect(l, { lever })}
              onDestination={(l, destination) => onCorrect(l, { destination })}
              // Standalone, there is no workbook window to select a cell in: the labels are plain text.
              onSelect={props.host ? (l) => void host?.selectCell(l.sheet, l.amountCell ?? l.cell) : undefined}
              onNext={() => setStep("results")}
            />
          )}
          {step === "results" && <Results analyses={result.analyses} main={main} s={s} lang={lang} parameters={session!.parameters} onParameters={onParameters} onNext={() => setStep("scenarios")} />}
          {step === "scenarios" && (
            <Suspense fallback={<span className="t" role="status">{s.reading}</span>}>
              <Scenarios
                result={result}
                main={main}
                parameters={session!.parameters}
                lang={lang}
                saved={saved}
                state={drafts}
                onState={(d) => {
                  setDrafts(d);
                  // « Enregistré » no longer holds once a field changes.
                  if (saveState.phase !== "writing") setSaveState({ phase: "idle" });
                }}
                save={saveState}
                onSave={(x) => void onSaveScenarios(x)}
                standalone={!props.host}
                downloadLabel={s.download}
                onDownload={onDownload}
                goLabel={s.goToReport}
                onGo={() => saveState.phase === "done" && void host?.selectCell(saveState.reportSheet, "A1")}
                compare={compare}
                onCompare={setCompare}
                openFile={props.openFile}
              />
            </Suspense>
          )}
          {step === "report" && (
            <Report s={s} standalone={!props.host} state={write} onWrite={() => void onWrite()} onGo={() => write.phase === "done" && void host?.selectCell(write.reportSheet, "A1")} onDownload={onDownload} />
          )}
        </>
      )}
    </main>
  );
}
