/** The Office.js writer against a recording fake: syncs, request sizes, rollback, free names, text as text. */
import { describe, expect, it } from "vitest";
import { generateInOffice } from "../../src/workbook/office/generate.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { template } from "../helpers.js";
import { fakeExcel } from "./fake-excel.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { writeToOffice } from "../../src/workbook/office/write-office.js";
import { RANK_TABLE_FROM } from "../../src/workbook/plan/rank-table.js";

function roster(id: string, rows: number) {
  const scheme = template(id);
  const s = sampleData(scheme, { rows, seed: 5 });
  return { scheme, people: parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme).people };
}

describe("Office writer", () => {
  it("writes the plan in a constant number of syncs, with calculation suspended", async () => {
    const counts: number[] = [];
    for (const rows of [10, 100, 1000]) {
      const { scheme, people } = roster("ecommerce-cs", rows);
      const excel = fakeExcel();
      const r = await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
      counts.push(excel.syncs);
      expect(r.sheets).toEqual(["方案", "考核", "发放", "汇总", "工资条"]);
      expect(excel.calculationSuspended).toBeGreaterThan(0);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(3);
  });

  it("puts the grade chart where the .xlsx anchors it: beside the summary's tables", async () => {
    const { scheme, people } = roster("ecommerce-cs", 20);
    const excel = fakeExcel();
    await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    // the summary's tables are four columns wide (A–D): the chart from F, 7 columns by 15 rows
    expect(excel.charts).toEqual([{ sheet: "汇总", at: "F5:M20" }]);
  });

  it("cuts big rosters into requests under Excel on the web's 5 MB", async () => {
    const { scheme, people } = roster("ecommerce-cs", 10_000);
    const excel = fakeExcel();
    await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    expect(Math.max(...excel.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    const total = excel.requestBytes.reduce((s, b) => s + b, 0);
    expect(excel.syncs).toBeLessThanOrEqual(3 + Math.ceil(total / (4 * 1024 * 1024)));
  });

  it("never writes over an existing sheet or name: free names, and the user is told", async () => {
    const { scheme, people } = roster("warehouse", 5);
    const excel = fakeExcel({ sheets: ["方案", "考核", "考核 (2)"], names: ["p_gate"] });
    const r = await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    expect(r.renamed).toEqual([
      { wanted: "方案", got: "方案 (2)" },
      { wanted: "考核", got: "考核 (3)" },
    ]);
    expect(excel.state().sheets).toEqual(["方案", "考核", "考核 (2)", "方案 (2)", "考核 (3)", "发放", "汇总", "工资条"]);
    expect(excel.state().names).toContain("p_gate_2");
    expect(excel.cells.get("考核")).toBeUndefined(); // untouched
  });

  it("leaves the workbook exactly as before when something fails in the middle", async () => {
    const { scheme, people } = roster("cs-bonus-pool", 50);
    const excel = fakeExcel({ sheets: ["花名册"], names: ["keep_me"] });
    const before = excel.state();
    let n = 0;
    excel.failOn = (op) => op === "validation" && ++n === 2;
    await expect(generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" })).rejects.toThrow("simulated failure");
    expect(excel.state()).toEqual(before);
  });

  it("refuses a plan with array formulas (the .xlsx writer's rank helper) before touching the workbook", async () => {
    const { scheme, people } = roster("ecommerce-ranking", RANK_TABLE_FROM);
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native", arrayFormulas: true });
    expect(plan.sheets.some((s) => s.role === "helper")).toBe(true);
    const excel = fakeExcel({ sheets: ["花名册"] });
    const before = excel.state();
    await expect(writeToOffice(excel as never, plan)).rejects.toThrow("array formulas");
    expect(excel.state()).toEqual(before);
    // what the pane writes through Office.js ranks by COUNTIF, without the helper sheet
    const r = await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    expect(r.sheets).not.toContain("名次辅助");
  });

  it("writes user text as text and formulas as formulas", async () => {
    const { scheme, people } = roster("warehouse", 3);
    people[0].name = "=1+1";
    people[1].name = "+86 138 0000 0000";
    people[2].name = "@SUM(A1)";
    const excel = fakeExcel();
    await generateInOffice(excel, scheme, people, { lang: "en-US", mode: "native" });
    const ev = excel.cells.get("Evaluation")!;
    expect([ev.get("B3"), ev.get("B4"), ev.get("B5")]).toEqual(["'=1+1", "'+86 138 0000 0000", "'@SUM(A1)"]);
    expect(String(ev.get("H3"))).toMatch(/^=IF\(\$G3,ROUND\(/);
    expect(excel.protectedSheets).toEqual(new Set(["Scheme", "Evaluation", "Payout", "Summary", "Payslips"]));
    expect(excel.validations.filter((v) => v.sheet === "Evaluation").map((v) => v.address)).toEqual(["C3:C5", "D3:D5", "E3:E5", "F3:F5"]);
  });

  it("payslips through Office.js too: the sheet, its page breaks between slips, the slips' formulas on the payout rows", async () => {
    const { scheme, people } = roster("ecommerce-cs", 12);
    const excel = fakeExcel({ sheets: ["工资条"] });
    const r = await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    const slips = r.plan.sheets.find((s) => s.role === "payslips")!;
    expect(slips.name).toBe("工资条 (2)");
    expect(excel.cells.get("工资条")).toBeUndefined(); // the user's own sheet, untouched
    expect(slips.print!.breaks!.length).toBeGreaterThan(0);
    expect(excel.pageBreaks.get("工资条 (2)")).toEqual(slips.print!.breaks!.map((row) => `A${row + 1}`));
    expect(String(excel.cells.get("工资条 (2)")!.get("A2"))).toBe("='发放'!$A$3");
    expect(r.results).toHaveLength(12);
  });

  it("sets each sheet to print as the .xlsx does: A4, one page wide, titles repeated, header and page numbers", async () => {
    const { scheme, people } = roster("warehouse", 3);
    const excel = fakeExcel();
    await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    const ev = excel.pageLayouts.get("考核")!;
    expect(ev).toMatchObject({ paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$2:$2", titleColumns: "$A:$B" });
    expect(ev.headersFooters).toEqual({ defaultForAllPages: { centerHeader: "仓库人员绩效奖金 — 考核", centerFooter: "第 &P 页 / 共 &N 页" } });
    expect(excel.pageLayouts.get("汇总")!.orientation).toBe("Portrait");
  });
});

describe("Office writer at scale", () => {
  it("10,000 people: a computed column is one formula for its whole range — under 1 MiB in all, in at most 4 syncs", async () => {
    const { scheme, people } = roster("ecommerce-cs", 10_000);
    const excel = fakeExcel();
    await generateInOffice(excel, scheme, people, { lang: "zh-CN", mode: "native" });
    const total = excel.requestBytes.reduce((s, b) => s + b, 0);
    expect(total).toBeLessThan(1024 * 1024);
    expect(excel.syncs).toBeLessThanOrEqual(4);
    // and every row has its formula: the fake fills a range given one value, as Excel does
    const ev = excel.cells.get("考核")!;
    expect(String(ev.get("W10002"))).toMatch(/^=IF\(\$N10002,ROUND\(MIN\(100,MAX\(0,\$O10002\+/);
    expect(String(ev.get("W3"))).toMatch(/^=IF\(\$N3,/);
  });
});
