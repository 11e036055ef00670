/**
 * The reconciliation report a clerk files (`recalc --report`), and the two ways a payout cell can
 * disagree: a number typed over its formula, or a formula showing an old amount because the
 * workbook was saved on manual calculation (simulated by editing an input in the saved file and
 * marking it manual, without recalculating) — each said as what it is.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8 } from "fflate";
import { openXlsx, type XlsxFile } from "../../src/io/xlsx-read.js";
import { recordFromXml } from "../../src/workbook/generation-record.js";
import { columnLetter } from "../../src/workbook/plan/a1.js";
import { cli, tempDir } from "../cli/cli-helpers.js";
import { recalculate, soffice } from "./libreoffice.js";
import { typeNumbers } from "./type-cells.js";

const DATA = "id,name,department,unrecorded_movements,stock_errors,safety_violations,extra_points\nW1,张三,一仓,0,0,0,10\nW2,李四,二仓,11,0,0,0\nW3,王五,二仓,2,1,0,0\n";

/** The report's rows as text and numbers, and the row of a label in column A. */
function reportRows(file: XlsxFile) {
  const rows = file.rows(file.sheets[0]).map((r) => r.map((c) => c.value));
  const at = (label: string) => rows.findIndex((r) => r[0] === label);
  return { rows, at };
}

async function generated(dir: string) {
  writeFileSync(join(dir, "d.csv"), DATA);
  expect((await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir)).code).toBe(0);
  const file = openXlsx(readFileSync(join(dir, "w.xlsx")));
  const layout = recordFromXml(file.customXml[0])!.layout!;
  const input = (key: string, row: number) => `${columnLetter(layout.evaluationKeys.indexOf(key))}${layout.headerRow! + 1 + row}`;
  return { file, layout, input, index: (name: string) => file.sheets.indexOf(name) };
}

describe("the reconciliation report (recalc --report)", () => {
  it.skipIf(!soffice)("lists every changed pay line with its cause; the differences add up to the change in everyone's pay, in the file and recalculated by LibreOffice", async () => {
    const dir = tempDir();
    const { layout, input, index } = await generated(dir);
    const gate = layout.settings.find((c) => c.name === "p_gate")!;
    typeNumbers(join(dir, "w.xlsx"), index(gate.sheet), { [gate.ref.replace(/\$/g, "")]: 40 });
    typeNumbers(join(dir, "w.xlsx"), index(layout.evaluation), { [input("unrecorded_movements", 1)]: 5 });
    const saved = recalculate(join(dir, "w.xlsx"));

    const r = await cli(["recalc", "--workbook", saved, "--report", "核对.xlsx"], dir, "zh-CN");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("核对报告已写入 核对.xlsx。");
    const { rows, at } = reportRows(openXlsx(readFileSync(join(dir, "核对.xlsx"))));
    expect(rows[0][0]).toMatch(/ — 发放核对报告$/);
    expect(rows[2][0]).toBe("核对结果:发放表与引擎计算结果一致,精确到 0.01 元(分)。");
    const header = rows.findIndex((x) => x[0] === "工号");
    expect(rows[header]).toEqual(["工号", "姓名", "部门", "发放项", "原值", "新值", "差额", "原因"]);
    const sum = at("差额合计");
    const lines = rows.slice(header + 1, sum);
    // W2's bonus: 0 → the full base, because of their count and the gate (W3 moved too: the gate)
    const w2 = lines.find((l) => l[0] === "W2")!;
    expect(w2.slice(0, 5)).toEqual(["W2", "李四", "二仓", "绩效奖金", 0]);
    expect(w2[7]).toContain("出入库未登记次数 11 → 5");
    expect(w2[7]).toContain("方案设置「无奖金分数线」有变动");
    const differences = lines.reduce((a, l) => a + Math.round((l[6] as number) * 100), 0);
    expect(Math.round((rows[sum][6] as number) * 100)).toBe(differences);
    const before = rows[at("上次全员发放合计")][6] as number;
    const after = rows[at("本次全员发放合计")][6] as number;
    expect(Math.round((after - before) * 100)).toBe(differences);
    expect(rows[at("核对:差额合计 = 全员发放合计之差")][6]).toBe("一致");
    expect(rows.some((x) => x[0] === "制表:" && x[2] === "审核:" && x[4] === "批准:")).toBe(true);

    // LibreOffice computes the report's two formulas to the same amounts
    const again = reportRows(openXlsx(readFileSync(recalculate(join(dir, "核对.xlsx")))));
    expect(again.rows[again.at("差额合计")][6]).toBe(rows[sum][6]);
    expect(again.rows[again.at("核对:差额合计 = 全员发放合计之差")][6]).toBe("一致");

    // an existing report is never replaced unasked, and --out and --report may not be one file
    const kept = readFileSync(join(dir, "核对.xlsx"));
    const refused = await cli(["recalc", "--workbook", saved, "--report", "核对.xlsx"], dir, "zh-CN");
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, "核对.xlsx"))).toEqual(kept);
    const same = await cli(["recalc", "--workbook", saved, "--report", "x.xlsx", "--out", "./x.xlsx"], dir);
    expect(same.code).toBe(2);
    expect(same.err).toContain("./x.xlsx and x.xlsx are the same file");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  }, 180_000);

  it("tells a formula showing an old amount (manual calculation) from a number typed over it, and files both in the report", async () => {
    const dir = tempDir();
    const { layout, input, index } = await generated(dir);
    // W2's count corrected in a workbook set to manual calculation: the payout formulas still show the old pay
    typeNumbers(join(dir, "w.xlsx"), index(layout.evaluation), { [input("unrecorded_movements", 1)]: 5 }, (files) => {
      const wb = strFromU8(files["xl/workbook.xml"]);
      files["xl/workbook.xml"] = strToU8(/<calcPr\b/.test(wb) ? wb.replace(/<calcPr\b/, '<calcPr calcMode="manual"') : wb.replace("</workbook>", '<calcPr calcMode="manual"/></workbook>'));
    });
    // and someone typed 500 over W1's bonus
    const bonus = (row: number) => `${columnLetter(layout.payoutKeys.indexOf("pay:bonus"))}${layout.headerRow! + 1 + row}`;
    typeNumbers(join(dir, "w.xlsx"), index(layout.payout), { [bonus(0)]: 500 });

    const r = await cli(["recalc", "--workbook", "w.xlsx", "--report", "r.xlsx"], dir);
    expect(r.code).toBe(3);
    const first = r.out.split("\n")[0];
    expect(first).toContain("Result: does not agree — 1 payout cell(s) typed over with a number");
    expect(first).toContain("payout formula(s) show another amount than the engine");
    expect(first).toContain("The workbook is set to manual calculation: in Excel press F9");
    expect(r.out).toContain(`${layout.payout}!${bonus(0)} (W1 张三, Performance bonus): the formula was typed over with 500.00`);
    expect(r.out).toContain(`${layout.payout}!${bonus(1)} (W2 李四, Performance bonus): the formula shows 0.00, the engine computes`);

    // the report puts them first, under what is to be acted on
    const { rows, at } = reportRows(openXlsx(readFileSync(join(dir, "r.xlsx"))));
    const act = at("To act on: payouts that disagree with the engine");
    expect(act).toBeGreaterThan(0);
    expect(act).toBeLessThan(at("Changed pay lines (since the last recalculation or since generation)"));
    expect(rows[act + 1]).toEqual(["ID", "Name", "Department", "Pay line", "On the sheet", "Should be", "Difference", "What"]);
    expect(rows.slice(act + 2, act + 6).map((x) => x[0])).toEqual(expect.arrayContaining(["W1", "W2"]));

    // not marked manual: the same formulas are said to be not recalculated, or edited
    typeNumbers(join(dir, "w.xlsx"), index(layout.payout), {}, (files) => {
      files["xl/workbook.xml"] = strToU8(strFromU8(files["xl/workbook.xml"]).replace(' calcMode="manual"', ""));
    });
    const auto = await cli(["recalc", "--workbook", "w.xlsx"], dir);
    expect(auto.out.split("\n")[0]).toContain("the workbook was saved without recalculating (manual calculation?), or a formula was edited");
  });
});
