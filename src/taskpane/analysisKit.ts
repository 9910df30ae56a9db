// What the pane needs to analyse a workbook and plan its report: reading, classifying and the report's layout.
// Loaded as its own chunk (kit.ts), so the pane's first JavaScript stays within its budget (docs/architecture.md).
export { analyzeSnapshot } from "../workbook/pipeline.ts";
export { buildReportPlan } from "../workbook/reportPlan.ts";
export { readScenarioInputs } from "../workbook/scenarioSheet.ts";
