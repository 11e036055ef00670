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
  it("says when the file is not a workbook", () => {
    expect(() => readXlsxRows(new TextEncoder().encode("id,name"))).toThrow(XlsxError);
  });
});
