// The port every host implements: the pane and the CLI talk to a host only through it.
import type { ReportPlan } from "./plan.ts";
import type { WorkbookSnapshot } from "./snapshot.ts";

export interface ApplyResult {
  sheets: { role: "report" | "mapping" | "levers" | "scenarios" | "comparison"; name: string }[];
  chartsWritten: boolean;
  warnings: string[];
}

export interface WorkbookHost {
  readonly kind: "excel" | "file";
  readSnapshot(): Promise<WorkbookSnapshot>;
  apply(plan: ReportPlan): Promise<ApplyResult>;
  /** Selects a line's source cell (Excel) — a no-op where there is no grid to show. */
  selectCell(sheet: string, cell: string): Promise<void>;
}
