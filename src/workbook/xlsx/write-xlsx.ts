/**
 * Writes a WorkbookPlan as an .xlsx file: SpreadsheetML written directly as text, each sheet's
 * rows deflated into the zip as they are written (zip-write.ts) — a few times faster than a
 * cell-object model for rosters of tens of thousands, and it runs in Node and in the browser alike. No business logic: every value, formula, format,
 * validation and name comes from the plan. Text is written as text (a name "=1+1" stays a
 * name). A sheet's chart is a DrawingML part (chart-xml.ts) with its numbers cached. The
 * workbook asks Excel and LibreOffice to recalculate everything on open.
 */
import type { CachedValue, SheetPlan, WorkbookPlan } from "../plan/types.js";
import { refPosition } from "../plan/a1.js";
import { chartXml, CT_CHART, CT_DRAWING, drawingXml, REL_CHART, REL_DRAWING } from "./chart-xml.js";
import { printTitles, sheetXmlParts, tableXml } from "./sheet-xml.js";
import { ZipWriter, type ZipCodec } from "./zip-write.js";
import { Styles } from "./styles.js";
import { esc, NS_MAIN, NS_REL, XML_HEAD } from "./xml.js";

const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const REL_SHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

export interface XlsxOptions {
  /** Custom XML parts (whole XML documents) to carry in the file, e.g. the generation record. */
  customXml?: readonly string[];
  /** the deflate to zip with: fflate's (the default, any JavaScript host) or Node's native zlib */
  codec?: ZipCodec;
}

export async function writeXlsx(plan: WorkbookPlan, options: XlsxOptions = {}): Promise<Uint8Array> {
  const styles = new Styles(plan.lang);
  const zip = new ZipWriter(options.codec);
  // parts in the order they are made; a sheet's rows are deflated as the generator yields them
  const file = (name: string, content: string | Iterable<string>) => zip.file(name, content);
  const overrides: string[] = [];
  const workbookRels: string[] = [];
  let tables = 0;
  let charts = 0;
  plan.sheets.forEach((s, i) => {
    const n = i + 1;
    const rels: string[] = [];
    let tableRel: string | null = null;
    let drawingRel: string | null = null;
    if (s.table) {
      tables++;
      tableRel = `rId${rels.length + 1}`;
      rels.push(`<Relationship Id="${tableRel}" Type="${REL_TABLE}" Target="../tables/table${tables}.xml"/>`);
      file(`xl/tables/table${tables}.xml`, tableXml(s, tables));
      overrides.push(`<Override PartName="/xl/tables/table${tables}.xml" ContentType="${CT_TABLE}"/>`);
    }
    if (s.chart) {
      charts++;
      drawingRel = `rId${rels.length + 1}`;
      rels.push(`<Relationship Id="${drawingRel}" Type="${REL_DRAWING}" Target="../drawings/drawing${charts}.xml"/>`);
      file(`xl/drawings/drawing${charts}.xml`, drawingXml(s.chart));
      file(`xl/drawings/_rels/drawing${charts}.xml.rels`, 
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${charts}.xml"/></Relationships>`,
      );
      file(`xl/charts/chart${charts}.xml`, chartXml(s.name, s.chart, { categories: cachedColumn(s, s.chart.categories), values: cachedColumn(s, s.chart.values) }, styles.font, plan.lang));
      overrides.push(`<Override PartName="/xl/drawings/drawing${charts}.xml" ContentType="${CT_DRAWING}"/>`);
      overrides.push(`<Override PartName="/xl/charts/chart${charts}.xml" ContentType="${CT_CHART}"/>`);
    }
    if (rels.length)
      file(`xl/worksheets/_rels/sheet${n}.xml.rels`, `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
    file(`xl/worksheets/sheet${n}.xml`, sheetXmlParts(s, styles, tableRel, drawingRel));
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT_SHEET}"/>`);
    workbookRels.push(`<Relationship Id="rId${n}" Type="${REL_SHEET}" Target="worksheets/sheet${n}.xml"/>`);
  });
  const sheets = plan.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("");
  const names =
    plan.names.map((n) => `<definedName name="${esc(n.name)}">'${esc(n.sheet.replace(/'/g, "''"))}'!${n.ref}</definedName>`).join("") +
    // rows and columns repeated on every printed page: a name local to its sheet
    plan.sheets.map((s, i) => (printTitles(s) ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(printTitles(s)!)}</definedName>` : "")).join("");
  file("xl/workbook.xml", 
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>` +
      (names ? `<definedNames>${names}</definedNames>` : "") +
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  workbookRels.push(`<Relationship Id="rId${plan.sheets.length + 1}" Type="${REL_STYLES}" Target="styles.xml"/>`);
  (options.customXml ?? []).forEach((xml, i) => {
    const n = i + 1;
    file(`customXml/item${n}.xml`, xml);
    // a fixed item id per position: the same input gives the same file
    file(`customXml/itemProps${n}.xml`, 
      `${XML_HEAD}<ds:datastoreItem ds:itemID="{6F1D8A52-3C4B-4E0F-9A57-${String(n).padStart(12, "0")}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    file(`customXml/_rels/item${n}.xml.rels`, 
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    overrides.push(`<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_CUSTOM_XML_PROPS}"/>`);
    workbookRels.push(`<Relationship Id="rId${plan.sheets.length + 1 + n}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`);
  });
  file("xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbookRels.join("")}</Relationships>`);
  file("xl/styles.xml", styles.xml());
  file("_rels/.rels", 
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  file("docProps/core.xml", 
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>KPI Scorecard</dc:creator></cp:coreProperties>`,
  );
  file("[Content_Types].xml", 
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `${overrides.join("")}</Types>`,
  );
  return zip.finish();
}

/**
 * What each cell of a one-column range shows before recalculation: its text or number, or the
 * value cached beside its formula (undefined where the plan knows none).
 */
function cachedColumn(s: SheetPlan, range: string): (CachedValue | undefined)[] {
  const [from, to = from] = range.split(":").map((c) => refPosition(c)!);
  const out: (CachedValue | undefined)[] = [];
  for (let row = from.row; row <= to.row; row++) {
    let found: CachedValue | undefined;
    for (const b of s.blocks) {
      const i = row - b.row;
      const j = from.col - b.col;
      const v = b.values[i]?.[j];
      if (v === undefined) continue;
      found = v !== null && typeof v === "object" ? b.cached?.[i]?.[j] : (v ?? undefined);
    }
    out.push(found);
  }
  return out;
}
