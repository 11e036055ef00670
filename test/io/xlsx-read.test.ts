import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readXlsxRows, XlsxError } from "../../src/io/xlsx-read.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { people, template } from "../helpers.js";

describe("reading a roster from .xlsx", () => {
  it("reads what Excel writes: shared strings, numbers, gaps, booleans, escaped text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("花名册");
    ws.addRow(["id", "name", "unrecorded_movements"]);
    ws.addRow(["W1", "张三 & <李>", 2]);
    ws.getCell("A3").value = "W2";
    ws.getCell("C3").value = 0.5;
    ws.getCell("D3").value = true;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(readXlsxRows(bytes)).toEqual([
      ["id", "name", "unrecorded_movements"],
      ["W1", "张三 & <李>", "2"],
      ["W2", "", "0.5", "TRUE"],
    ]);
  });
  it("reads our own files (inline strings), first sheet", async () => {
    const s = template("warehouse");
    const plan = buildWorkbookPlan(s, people(s, [{ unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }]), { lang: "en-US", mode: "native" });
    const rows = readXlsxRows(await writeXlsx(plan));
    expect(rows[0][0]).toBe("Warehouse staff bonus");
  });
  it("keeps a blank row where the sheet has one, so that problems name Excel's row numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("花名册");
    ws.getCell("A1").value = "id";
    ws.getCell("A2").value = "W1";
    ws.getCell("A4").value = "W2"; // row 3 left empty
    const rows = readXlsxRows(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([["id"], ["W1"], [], ["W2"]]);
    // through the one roster reader (a name column added: a roster has one)
    const { readRosterTable } = await import("../../src/io/read-roster.js");
    const { builtInScheme } = await import("../../src/schemes/index.js");
    const table = { rows: rows.map((cells, i) => ({ line: i + 1, cells: i === 0 ? [...cells, "name"] : cells })), source: "xlsx" as const, separator: null, problems: [] };
    const parsed = readRosterTable(table, builtInScheme("warehouse")!, { lang: "en-US", forWorkbook: true });
    expect(parsed.people.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.problems.map((p) => [p.line, p.key])).toEqual([[3, "data.blank-row"]]);
  });
  it("opens a whole workbook: sheets, typed values, cached formula results, defined names, custom XML", async () => {
    const { openXlsx } = await import("../../src/io/xlsx-read.js");
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("方案 A");
    a.getCell("B2").value = 80;
    a.getCell("B3").value = { formula: "B2*2", result: 160 };
    a.getCell("B4").value = { formula: "B2/0", result: { error: "#DIV/0!" } };
    a.getCell("B5").value = { formula: "B2*3" };
    wb.addWorksheet("Other").getCell("A1").value = "x";
    wb.definedNames.add("'方案 A'!$B$2", "p_gate");
    const file = openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(file.sheets).toEqual(["方案 A", "Other"]);
    const rows = file.rows("方案 A");
    expect(rows[1][1]).toEqual({ value: 80, raw: "80" });
    expect(rows[2][1].value).toBe(160);
    expect(rows[3][1].value).toBe("#DIV/0!");
    expect(rows[4][1].value).toBeNull(); // a formula nobody calculated
    expect(file.names.get("p_gate")).toEqual({ sheet: "方案 A", ref: "$B$2" });
    expect(file.customXml).toEqual([]);
    expect(() => file.rows("Missing")).toThrow('the workbook has no sheet "Missing"');
  });
  it("says when the file is not a workbook", () => {
    expect(() => readXlsxRows(new TextEncoder().encode("id,name"))).toThrow(XlsxError);
  });
});

describe("shared formulas in the .xlsx writer", () => {
  it("write a column's formula once, and the rows below point at it", async () => {
    const { strFromU8, unzipSync } = await import("fflate");
    const s = template("warehouse");
    const rows = Array.from({ length: 5 }, () => ({ unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }));
    const plan = buildWorkbookPlan(s, people(s, rows), { lang: "en-US", mode: "native" });
    const xml = strFromU8(unzipSync(await writeXlsx(plan))["xl/worksheets/sheet2.xml"]);
    expect(xml).toMatch(/<c r="H3" s="\d+"><f t="shared" ref="H3:H7" si="\d+">/);
    expect(xml).toMatch(/<c r="H7" s="\d+"><f t="shared" si="\d+"\/><\/c>/);
  });
});
