/**
 * `kpi-scorecard payslips`: the slips alone, from a roster or from a generated workbook as it
 * stands; a workbook that disagrees with the engine gives none, and says why.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cli, tempDir } from "./cli-helpers.js";
import { openXlsx } from "../../src/io/xlsx-read.js";

const DATA = "id,name,unrecorded_movements,stock_errors,safety_violations,extra_points\nW1,甲,0,0,0,10\nW2,乙,2,1,0,0\nW3,丙,0,0,1,0\n";

describe("kpi-scorecard payslips", () => {
  it("from a roster: one sheet of slips, values written in (no formulas), the engine's pay and why", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), DATA);
    const r = await cli(["payslips", "--scheme", "warehouse", "--data", "d.csv", "--out", "s.xlsx"], dir, "zh-CN");
    expect([r.code, r.err]).toEqual([0, "已写出 s.xlsx:3 人的工资条\n"]);
    const bytes = readFileSync(join(dir, "s.xlsx"));
    const file = openXlsx(bytes);
    expect(file.sheets).toEqual(["工资条"]);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).not.toContain("<f");
    const text = file.rows("工资条").flat().map((c) => String(c.value ?? "")).join("|");
    expect(text).toContain("W2|乙");
    expect(text).toContain("各项说明");
    const evaluated = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv"], dir);
    const pay = evaluated.out.trim().split("\n").slice(1).map((l) => Number(l.split(",").at(-3)));
    for (const p of pay) expect(file.rows("工资条").some((row) => row.some((c) => c.value === p))).toBe(true);
  });

  it("from a workbook as it stands; one whose payout sheet was typed over gives none (exit 3, nothing written)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), DATA);
    expect((await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir)).code).toBe(0);
    const ok = await cli(["payslips", "--workbook", "w.xlsx", "--out", "s.xlsx"], dir);
    expect(ok.code).toBe(0);
    expect(openXlsx(readFileSync(join(dir, "s.xlsx"))).sheets).toEqual(["Payslips"]);

    const files = unzipSync(readFileSync(join(dir, "w.xlsx")));
    const payout = "xl/worksheets/sheet3.xml";
    // W1's bonus (row 3 under the note and the header, column D) typed over with 999
    files[payout] = strToU8(strFromU8(files[payout]).replace(/<c r="(D3)"([^>]*?)>[\s\S]*?<\/c>/, '<c r="$1"$2><v>999</v></c>'));
    writeFileSync(join(dir, "typed.xlsx"), zipSync(files));
    const bad = await cli(["payslips", "--workbook", "typed.xlsx", "--out", "t.xlsx"], dir);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain("its payout sheet disagrees with the engine");
    expect(existsSync(join(dir, "t.xlsx"))).toBe(false);
  });

  it("needs exactly one source", async () => {
    const dir = tempDir();
    expect((await cli(["payslips", "--out", "s.xlsx"], dir)).code).toBe(2);
    expect((await cli(["payslips", "--workbook", "w.xlsx", "--scheme", "warehouse", "--out", "s.xlsx"], dir)).code).toBe(2);
    // a file that is no workbook: said, naming it, and nothing written
    writeFileSync(join(dir, "d.csv"), DATA);
    const notXlsx = await cli(["payslips", "--workbook", "d.csv", "--out", "s.xlsx"], dir);
    expect(notXlsx.code).not.toBe(0);
    expect(notXlsx.err).toContain("not an .xlsx workbook");
    expect(existsSync(join(dir, "s.xlsx"))).toBe(false);
  });
});
