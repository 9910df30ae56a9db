// Scenario benchmark: a scenario and a goal-seek on a 100,000-line budget (each one runs the full analysis).
import { classifyLines } from "../src/engine/analyze.ts";
import { goalSeek } from "../src/engine/goalSeek.ts";
import { defaultParameters } from "../src/engine/parameters.ts";
import { runScenario } from "../src/engine/scenario.ts";
import { generateLines } from "./engine.bench.ts";

export function runScenarioBench(count = 100_000): { scenarioMs: number; goalSeekMs: number; analyses: number } {
  let analyses = 0;
  const params = defaultParameters();
  const lines = classifyLines(generateLines(count), { inKindNumbering: params.inKindNumbering });
  let start = performance.now();
  runScenario(lines, { name: "bench", column: "2026", changes: [{ kind: "percent", lever: "public_grants", percent: -20 }, { kind: "volunteerHours", hours: 500 }] }, params);
  const scenarioMs = performance.now() - start;
  const column = lines.filter((l) => l.scenario === "2026");
  start = performance.now();
  goalSeek(column, params, { kind: "lever", lever: "corporate_patronage", direction: 1 }, { kind: "model", model: null }, () => analyses++);
  const goalSeekMs = performance.now() - start;
  return { scenarioMs, goalSeekMs, analyses };
}
