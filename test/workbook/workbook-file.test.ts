/**
 * `kpi-scorecard workbook` end to end: the .xlsx it writes, read back with ExcelJS, and — where
 * LibreOffice is installed — recalculated: edits on the scheme sheet flow through; a roster
 * without data shows blanks, not errors.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli, tempDir } from "../cli/cli-helpers.js";
import { recalculate, soffice } from "./libreoffice.js";
import { plain, readWorkbook } from "./read-xlsx.js";

const HEADER = "id,name,unrecorded_movements,stock_errors,safety_violations,extra_points";

describe("kpi-scorecard workbook", () => {
  it("names the hidden rank helper sheet of a roster of 1,000 people as hidden", async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 1000 }, (_, i) => `W${i},P${i},${i % 7},${i % 3},0,${i % 11}`);
    writeFileSync(join(dir, "d.csv"), `${HEADER}\n${rows.join("\n")}\n`);
    const zh = await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir, "zh-CN");
    expect(zh.code).toBe(0);
    expect(zh.err).toContain("工作表 方案, 考核, 发放, 汇总, 工资条, 名次辅助(隐藏)");
    const en = await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "e.xlsx"], dir, "en-US");
    expect(en.err).toContain("sheets Scheme, Evaluation, Payout, Summary, Payslips, Rank helper (hidden)");
    const wb = await readWorkbook(join(dir, "w.xlsx"));
    expect(wb.worksheets.find((w) => w.name === "名次辅助")?.state).toBe("hidden");
  });

  it("writes the four sheets with inputs unlocked, formulas locked, text as text", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${HEADER}\nW1,=1+1,0,0,0,10\nW2,@SUM(A1),11,0,0,0\n`);
    const r = await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir, "zh-CN");
    expect(r.err).toContain("已写出 w.xlsx:工作表 方案, 考核, 发放, 汇总");
    expect(r.code).toBe(0);
    const wb = await readWorkbook(join(dir, "w.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["方案", "考核", "发放", "汇总", "工资条"]);
    const ev = wb.getWorksheet("考核")!;
    // row 1 the legend, row 2 the header, the people from row 3
    expect(ev.getCell("A1").value).toBe("白色:可填写");
    expect(ev.getCell("B3").value).toBe("=1+1");
    expect(ev.getCell("B4").value).toBe("@SUM(A1)");
    expect(ev.getCell("C3").protection?.locked).toBe(false);
    expect(ev.getCell("H3").protection?.locked).not.toBe(false);
    expect((ev.getCell("H3").value as ExcelJS.CellFormulaValue).formula).toContain("p_unrecorded_points");
    expect(wb.definedNames.model.map((n) => n.name)).toContain("p_bonus_base");
  });

  it("refuses bad data with line and column, and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${HEADER}\nW1,张三,x,0,0,0\n`);
    const r = await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 2, column "Unrecorded stock movements (unrecorded_movements)": "x" is not a number');
    expect(existsSync(join(dir, "w.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["d.csv"]);
  });

  it("never replaces an existing file without --force", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "w.xlsx"), "mine");
    const r = await cli(["workbook", "--scheme", "warehouse", "--out", "w.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("w.xlsx exists; add --force to replace it");
  });

  it("builds a sheet pair per period and a roll-up, or one period with --period", async () => {
    const dir = tempDir();
    expect((await cli(["sample", "--scheme", "warehouse", "--rows", "3", "--periods", "2", "--out", "d.csv"], dir)).code).toBe(0);
    const r = await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "all.xlsx"], dir);
    expect(r.err).toContain("sheets Scheme, Evaluation 2026-01, Payout 2026-01, Evaluation 2026-02, Payout 2026-02, Summary 2026-02, Roll-up");
    expect((await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--period", "2026-02", "--lang", "en-US", "--out", "w.xlsx"], dir)).code).toBe(0);
    const wb = await readWorkbook(join(dir, "w.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scheme", "Evaluation 2026-02", "Payout 2026-02", "Summary 2026-02", "Payslips 2026-02"]);
  });

  it.skipIf(!soffice)("recalculates when a parameter on the scheme sheet is edited", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${HEADER}\nW1,张三,0,0,0,10\nW2,李四,5,0,0,0\n`);
    expect((await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir, "zh-CN")).code).toBe(0);
    const wb = await readWorkbook(join(dir, "w.xlsx"));
    const name = wb.definedNames.model.find((n) => n.name === "p_bonus_base")!;
    const ref = name.ranges[0].split("!")[1].replace(/\$/g, "");
    wb.getWorksheet("方案")!.getCell(ref).value = 500;
    await wb.xlsx.writeFile(join(dir, "edited.xlsx"));
    const after = await readWorkbook(recalculate(join(dir, "edited.xlsx")));
    const payout = after.getWorksheet("发放")!;
    expect([plain(payout.getCell("D3")), plain(payout.getCell("D4"))]).toEqual([550, 500]);
  }, 60_000);

  it.skipIf(!soffice)("a roster with no data yet shows blanks to fill in, not errors", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "r.csv"), "id,name\nW1,张三\nW2,李四\n");
    expect((await cli(["workbook", "--scheme", "ecommerce-cs", "--roster", "r.csv", "--out", "w.xlsx"], dir, "zh-CN")).code).toBe(0);
    const wb = await readWorkbook(recalculate(join(dir, "w.xlsx")));
    const ev = wb.getWorksheet("考核")!;
    const row = ev.getRow(3);
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c) => values.push(plain(c)));
    expect(values.slice(0, 2)).toEqual(["W1", "张三"]);
    expect(values.filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
    expect(values).toContain(false); // not filled in yet
  }, 60_000);
});
