/**
 * A sheet's chart as DrawingML parts: the drawing (where the chart sits, anchored to cells) and
 * the chart itself (a clustered column chart of one series). The series reads its categories and
 * values from the sheet by reference, and carries them cached as well — previewers that do not
 * recalculate, and WPS, draw the cached bars; Excel and LibreOffice follow the cells.
 */
import { refPosition } from "../plan/a1.js";
import type { CachedValue, PlanChart } from "../plan/types.js";
import { esc, XML_HEAD } from "./xml.js";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

/** The drawing part: one chart, from the anchor cell over the columns and rows of its size. */
export function drawingXml(chart: PlanChart): string {
  const { row, col } = refPosition(chart.anchor)!;
  const cell = (tag: string, c: number, r: number) => `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell">` +
    cell("from", col, row) +
    cell("to", col + chart.size.cols, row + chart.size.rows) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

/** What the chart shows until a program recalculates: each category's label and value. */
export interface ChartCache {
  categories: (CachedValue | undefined)[];
  values: (CachedValue | undefined)[];
}

/** Text in the workbook's fonts: a Chinese title must not fall back to a font without the characters. */
function runProps(size: number, bold: boolean, font: string): string {
  return `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/></a:defRPr>`;
}

/** The chart part: a column per category, its value labelled on the column; no legend (one series). */
export function chartXml(sheet: string, chart: PlanChart, cache: ChartCache, font: string, lang: string): string {
  const q = `'${sheet.replace(/'/g, "''")}'!`;
  const abs = (range: string) => range.split(":").map((c) => c.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")).join(":");
  const points = (xs: (CachedValue | undefined)[]) =>
    xs.map((v, i) => (v === undefined || (typeof v === "object" && v !== null) ? "" : `<c:pt idx="${i}"><c:v>${esc(String(typeof v === "boolean" ? Number(v) : v))}</c:v></c:pt>`)).join("");
  const n = cache.categories.length;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr>${runProps(1200, true, font)}</a:pPr><a:r><a:rPr lang="${lang}" sz="1200" b="1"><a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/></a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>';
  const axisText = `<c:txPr><a:bodyPr/><a:p><a:pPr>${runProps(900, false, font)}</a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:spPr><a:solidFill><a:srgbClr val="5B9BD5"/></a:solidFill></c:spPr>` +
    `<c:dLbls><c:numFmt formatCode="0" sourceLinked="0"/>${axisText}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${esc(q + abs(chart.categories))}</c:f><c:strCache><c:ptCount val="${n}"/>${points(cache.categories)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(q + abs(chart.values))}</c:f><c:numCache><c:formatCode>0</c:formatCode><c:ptCount val="${n}"/>${points(cache.values)}</c:numCache></c:numRef></c:val>` +
    "</c:ser>" +
    '<c:gapWidth val="80"/><c:axId val="111"/><c:axId val="222"/></c:barChart>' +
    `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
    "</c:chartSpace>"
  );
}
