// Charts as DrawingML: one drawing part per sheet (a two-cell anchor per chart) and one chart part per
// chart, whose ranges name the sheet and carry a cache of the plan's values (a viewer that does not
// recalculate still draws them).
import type { PlannedCell, PlannedChart } from "../../workbook/plan.ts";
import { absoluteRange, cleanText, colLetters, esc, num, parseRange, parseRef, quotedSheet } from "./xmlText.ts";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The drawing part: one graphic frame per chart, anchored from the top-left of `from` to the bottom-right of `to`. */
export function buildDrawingXml(charts: { chart: PlannedChart; rid: string }[]): string {
  const anchors = charts.map(({ chart, rid }, i) => {
    const from = parseRef(chart.anchor.from);
    const to = parseRef(chart.anchor.to);
    const marker = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from.col - 1, from.row - 1)}${marker("to", to.col, to.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(cleanText(chart.title, 200) || `Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      `<xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A_NS}">${anchors.join("")}</xdr:wsDr>`;
}

/** The cells of a range, row by row, with the value the plan gives them (the formula's expected value). */
function rangeValues(range: string, cells: Map<string, PlannedCell>): (string | number | null)[] {
  const { from, to } = parseRange(range.replace(/\$/g, ""));
  const out: (string | number | null)[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.col; c <= to.col; c++) {
      const cell = cells.get(`${colLetters(c)}${r}`);
      const v = cell ? (cell.formula ? cell.expected : cell.value) : null;
      out.push(typeof v === "number" || typeof v === "string" ? v : typeof v === "boolean" ? String(v) : null);
    }
  return out;
}

function strRef(ref: string, values: (string | number | null)[]): string {
  const pts = values.map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${esc(cleanText(String(v).trim(), 255))}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${esc(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: (string | number | null)[]): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>` : "")).join("");
  return `<c:numRef><c:f>${esc(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

const text = (t: string, size: number, bold: boolean) =>
  `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="fr-FR" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(cleanText(t, 255))}</a:t></a:r></a:p></c:rich>`;

/** Small axis and legend text, so every lever's name fits beside its bar. */
const SMALL_TEXT = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>';

/** Three fills a black-and-white printer keeps apart: dark blue, mid grey, light grey. */
const PRINT_FILLS = ["1F3864", "8C8C8C", "D9D9D9"];

/** Each bar shows its value. */
function valueLabels(format: string): string {
  return `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${SMALL_TEXT}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
}

/** A chart part for a planned chart on `sheetName`, whose ranges are on that sheet. */
export function buildChartXml(chart: PlannedChart, sheetName: string, cells: Map<string, PlannedCell>): string {
  const ref = (range: string) => (range.includes("!") ? range : `${quotedSheet(sheetName)}!${absoluteRange(range.replace(/\$/g, ""))}`);
  const categories = rangeValues(chart.categories, cells);
  const series = chart.series.map((s, i) => {
    const values = rangeValues(s.values, cells);
    // Fills that stay apart in black and white (dark, mid, light grey-blue), each slice or bar also labelled.
    const fill = (k: number) => `<c:spPr><a:solidFill><a:srgbClr val="${PRINT_FILLS[k % PRINT_FILLS.length]}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>`;
    const points = chart.kind === "doughnut" ? categories.map((_, k) => `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/>${fill(k)}</c:dPt>`).join("") : "";
    const bar = chart.kind === "doughnut" ? points : `${fill(chart.series.length > 1 ? i : 0)}<c:invertIfNegative val="0"/>${valueLabels(chart.series.length > 1 ? "0%" : "#,##0")}`;
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(cleanText(s.name, 255))}</c:v></c:tx>${bar}` +
      `<c:cat>${strRef(ref(chart.categories), categories)}</c:cat><c:val>${numRef(ref(s.values), values)}</c:val></c:ser>`
    );
  });
  // Axis numbers as the cells show them: shares as percentages, amounts as whole numbers.
  const first = chart.series[0] ? parseRange(chart.series[0].values.replace(/\$/g, "")).from : null;
  const firstValue = first ? cells.get(`${colLetters(first.col)}${first.row}`) : undefined;
  const axisFormat = firstValue?.style?.startsWith("percent") || firstValue?.style === "inputPercent" ? "0%" : "#,##0";
  let plot: string;
  if (chart.kind === "doughnut") {
    const labels =
      '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="0"/></c:dLbls>';
    plot = `<c:doughnutChart><c:varyColors val="1"/>${series.join("")}${labels}<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
  } else {
    const horizontal = chart.kind === "bar";
    plot =
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}` +
      `<c:gapWidth val="80"/><c:axId val="111"/><c:axId val="222"/></c:barChart>` +
      `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
      `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${SMALL_TEXT}` +
      `<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "t" : "l"}"/><c:majorGridlines/>` +
      `<c:numFmt formatCode="${axisFormat}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${SMALL_TEXT}` +
      `<c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  }
  const legend = chart.kind === "doughnut" || chart.series.length > 1 ? `<c:legend><c:legendPos val="${chart.kind === "doughnut" ? "r" : "b"}"/><c:overlay val="0"/>${SMALL_TEXT}</c:legend>` : "";
  return (
    `${DECL}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${text(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
