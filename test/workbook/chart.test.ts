/**
 * Issue 12, item 6: the summary's grade distribution as a native chart in the .xlsx — a DrawingML
 * chart part that reads the summary's cells and carries their values cached (what a previewer or
 * WPS draws before anything recalculates), beside the tables and never over them.
 */
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { workbookFile } from "../../src/workbook/xlsx/workbook-file.js";
import { refPosition } from "../../src/workbook/plan/a1.js";
import type { Lang } from "../../src/core/text.js";

async function made(id: string, lang: Lang, withDepartments = false) {
  const scheme = builtInSchemes().find((s) => s.id === id)!;
  const sample = sampleData(scheme, { rows: 25, seed: 12 });
  const header = withDepartments ? [...sample.header, "department"] : sample.header;
  const rows = withDepartments ? sample.rows.map((r, i) => [...r, ["客服一部", "客服二部", "售后部"][i % 3]]) : sample.rows;
  const { people, problems } = parseRecords(header, rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
  expect(problems).toEqual([]);
  const { plan, bytes } = await workbookFile(scheme, people, { lang, mode: "native" });
  const zip = unzipSync(bytes);
  const text = (path: string) => strFromU8(zip[path]);
  const { results } = evaluatePeriods(compileScheme(scheme), people);
  return { scheme, plan, bytes, zip, text, results };
}

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

describe("the summary's chart in the .xlsx", () => {
  it.each(["zh-CN", "en-US"] as const)("every template with grades has one, reading the grade rows and caching the headcounts (%s)", async (lang) => {
    for (const s of builtInSchemes()) {
      const { plan, zip, text, results, scheme } = await made(s.id, lang);
      const index = plan.sheets.findIndex((x) => x.role === "summary") + 1;
      const sheetXml = text(`xl/worksheets/sheet${index}.xml`);
      if (!scheme.grades.length) {
        expect(sheetXml, s.id).not.toContain("<drawing");
        expect(Object.keys(zip).some((p) => p.startsWith("xl/charts/")), s.id).toBe(false);
        continue;
      }
      // the sheet → its drawing → the chart, each by relationship, each with its content type
      const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheetXml)![1];
      const sheetRels = text(`xl/worksheets/_rels/sheet${index}.xml.rels`);
      const drawing = new RegExp(`Id="${drawingId}" Type="[^"]+/drawing" Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(sheetRels)![1];
      const chart = /Target="\.\.\/charts\/(chart\d+\.xml)"/.exec(text(`xl/drawings/_rels/${drawing}.rels`))![1];
      const types = text("[Content_Types].xml");
      expect(types).toContain(`/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
      expect(types).toContain(`/xl/charts/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
      const c = text(`xl/charts/${chart}`);
      const summary = plan.sheets[index - 1];
      const quoted = `'${summary.name}'!`;
      const [cats, vals] = all(c, /<c:f>([^<]+)<\/c:f>/g);
      expect(cats.startsWith(quoted) && vals.startsWith(quoted), s.id).toBe(true);
      // the category cells hold the grade labels, in the scheme's order
      const [from, to] = cats.slice(quoted.length).replace(/\$/g, "").split(":").map((x) => refPosition(x)!);
      const labelAt = (row: number) => summary.blocks.flatMap((b) => (b.col === 0 && row >= b.row && row < b.row + b.values.length ? [b.values[row - b.row][0]] : [])).at(-1);
      const labels = Array.from({ length: to.row - from.row + 1 }, (_, i) => labelAt(from.row + i));
      expect(labels, s.id).toEqual(scheme.grades.map((g) => g.label[lang]));
      expect(vals.slice(quoted.length).replace(/\$/g, ""), s.id).toBe(`B${from.row}:B${to.row}`);
      // cached: the labels and each grade's headcount as the engine counts it
      const [strCache, numCache] = [/<c:strCache>(.*?)<\/c:strCache>/.exec(c)![1], /<c:numCache>(.*?)<\/c:numCache>/.exec(c)![1]];
      expect(all(strCache, /<c:v>([^<]*)<\/c:v>/g), s.id).toEqual(scheme.grades.map((g) => g.label[lang]));
      expect(all(numCache, /<c:v>([^<]*)<\/c:v>/g).map(Number), s.id).toEqual(scheme.grades.map((g) => results.filter((r) => !r.excluded && r.grade === g.id).length));
      expect(c).toContain(`<a:t>${lang === "zh-CN" ? "等级分布" : "Grade distribution"}</a:t>`);
    }
  });

  it("sits beside the tables, one column clear of the widest (the departments' grade columns)", async () => {
    const { plan } = await made("ecommerce-cs", "zh-CN", true);
    const summary = plan.sheets.find((x) => x.role === "summary")!;
    const widest = Math.max(...summary.blocks.map((b) => b.col + b.values[0].length));
    expect(summary.blocks.some((b) => b.values[0].length > 4), "the department table is the widest").toBe(true);
    expect(refPosition(summary.chart!.anchor)!.col).toBe(widest + 1);
  });

  it("ExcelJS reads the file with the chart in it", async () => {
    const { bytes, plan } = await made("ecommerce-cs", "zh-CN");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
  });
});
