// The report's charts: a doughnut of natures, bars of levers and columns of the trajectory, each in the
// report sheet's drawing, with ranges on the report sheet and a cache of the plan's values.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../../tests/fixtureExpectations.ts";
import { defaultParameters } from "../../engine/parameters.ts";
import { analyzeSnapshot } from "../../workbook/pipeline.ts";
import { buildReportPlan } from "../../workbook/reportPlan.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { openPackage, parseStrict } from "./packageChecks.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";
import { unesc } from "./xmlText.ts";

const NOW = new Date(Date.UTC(2026, 10, 24));

describe("charts in the written report", () => {
  it("draws the three planned charts from the report sheet's drawing, over ranges of the report sheet", async () => {
    const input = new Uint8Array(readFileSync(join(FIXTURES_DIR, "04-festival-budget-pluriannuel.xlsx")));
    const plan = buildReportPlan(analyzeSnapshot(await readSnapshotFromBuffer(input, "f.xlsx"), defaultParameters()), { lang: "fr", date: NOW });
    const planned = plan.sheets.find((s) => s.role === "report")!.charts;
    expect(planned.map((c) => c.kind)).toEqual(["doughnut", "bar", "column"]);
    const { bytes, result } = await writeReportBuffer(input, plan, NOW);
    expect(result.chartsWritten).toBe(true);
    expect(result.warnings).toEqual([]);
    const p = await openPackage(bytes);
    const report = p.sheets.find((s) => s.name === "Équilibre")!;
    const drawings = (await p.rels(report.path)).filter((r) => r.type.endsWith("/drawing"));
    expect(drawings).toHaveLength(1);
    const drawingXml = await p.text(drawings[0]!.path);
    expect((await p.text(report.path)).match(/<drawing r:id="([^"]+)"\/>/)![1]).toBe(drawings[0]!.id);
    const chartRels = (await p.rels(drawings[0]!.path)).filter((r) => r.type.endsWith("/chart"));
    expect(chartRels).toHaveLength(3);
    // Each frame names its chart, anchored where the plan says.
    const anchors = [...drawingXml.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>[\s\S]*?r:id="([^"]+)"/g)];
    expect(anchors.map((a) => a[3])).toEqual(chartRels.map((r) => r.id));
    expect(anchors.map((a) => `${String.fromCharCode(65 + Number(a[1]))}${Number(a[2]) + 1}`)).toEqual(planned.map((c) => c.anchor.from));
    const charts = await Promise.all(chartRels.map((r) => p.text(r.path)));
    for (const c of charts) parseStrict(c, "chart");
    expect(charts[0]).toContain("<c:doughnutChart>");
    expect(charts[1]).toContain('<c:barDir val="bar"/>');
    expect(charts[2]).toContain('<c:barDir val="col"/>');
    for (const [i, c] of charts.entries()) {
      const refs = [...c.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unesc(m[1]!));
      expect(refs.length).toBe(2 * planned[i]!.series.length);
      for (const r of refs) expect(r).toMatch(/^'Équilibre'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
      expect(refs[0]).toBe(`'Équilibre'!${planned[i]!.categories}`);
      // The caches carry the plan's values: a viewer that does not recalculate still draws them.
      expect(c).toMatch(/<c:numCache>[\s\S]*<c:pt idx="0"><c:v>-?\d/);
      expect(c).toMatch(/<c:strCache>[\s\S]*<c:pt idx="0"><c:v>[^<]+<\/c:v>/);
      expect(p.overrides.get(chartRels[i]!.path)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    }
    expect(p.overrides.get(drawings[0]!.path)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
  });
});
