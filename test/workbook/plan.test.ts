/** The workbook plan, sheet by sheet: what a user gets before any writer runs. */
import { describe, expect, it } from "vitest";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { formulaTexts, people, template } from "../helpers.js";
import type { SheetPlan } from "../../src/workbook/plan/types.js";
import { columnLetter } from "../../src/io/column-letter.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";

const formulas = (s: SheetPlan) => formulaTexts(s);

describe("sheet names", () => {
  it("are refused the way Excel refuses them", async () => {
    const { sheetNameProblem, freeName } = await import("../../src/workbook/plan/names.js");
    expect(["考核 2026-11", "", "x".repeat(32), "a/b", "[x]", "'x", "考核\u0007二"].map(sheetNameProblem)).toEqual([
      null,
      "wb.sheet-name.blank",
      "wb.sheet-name.long",
      "wb.sheet-name.chars",
      "wb.sheet-name.chars",
      "wb.sheet-name.quote",
      "wb.sheet-name.unwritable",
    ]);
    expect(freeName("考核", ["考核", "考核 (2)"])).toBe("考核 (3)");
  });
});

describe("workbook plan", () => {
  const scheme = template("warehouse");
  const roster = people(scheme, [
    { unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 },
    { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 },
  ]);
  roster[0].name = "=1+1";
  const plan = buildWorkbookPlan(scheme, roster, { lang: "zh-CN", mode: "native" });
  const [schemeSheet, ev, payout, summary] = plan.sheets;

  it("has the four sheets, named in the user's language", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["方案", "考核", "发放", "汇总"]);
    expect(buildWorkbookPlan(scheme, roster, { lang: "en-US", mode: "native", period: "2026-11" }).sheets.map((s) => s.name)).toEqual([
      "Scheme",
      "Evaluation 2026-11",
      "Payout 2026-11",
      "Summary 2026-11",
    ]);
  });

  it("names every parameter, rule number and grade cell on the scheme sheet, and leaves their values editable", () => {
    expect(plan.names.map((n) => n.name)).toEqual([
      "p_bonus_base",
      "p_gate",
      "p_unrecorded_points",
      "p_stock_error_points",
      "p_safety_points",
      "p_extra_points_cap",
      "p_between_rule",
      "p_r_extra_points_min",
    ]);
    const editable = schemeSheet.blocks.filter((b) => b.unlocked).map((b) => b.values.flat());
    expect(editable).toEqual([[300, 80, 2, 5, 10, 100, 0], [0]]);
    expect(schemeSheet.protect).toBe(true);
  });

  it("lifts every number of the rules into a named cell: brackets and rates of a tiered table", () => {
    const s = template("bid-team");
    const p = buildWorkbookPlan(s, people(s, [{ awarded_bids: 5000 }]), { lang: "en-US", mode: "native" });
    expect(p.names.map((n) => n.name).filter((n) => n.includes("brackets"))).toHaveLength(10);
    const f = formulas(p.sheets[2]).join("\n");
    expect(f).toContain("p_r_team_incentive_brackets_1_rate");
    expect(f).not.toMatch(/0\.00055/);
  });

  it("evaluation: a table with one row per person, inputs unlocked and validated, formulas locked", () => {
    expect(ev.table?.rows).toBe(2);
    expect(ev.table?.keys).toEqual(["id", "name", "unrecorded_movements", "stock_errors", "safety_violations", "extra_points", "ready", "pts:conduct", "adj:extra_points", "total", "rank"]);
    expect(ev.unlockedRanges).toEqual(["C3:F4"]);
    expect(ev.blocks[0].values.map((r) => r.slice(2, 6))).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 10],
    ]);
    expect(ev.validations.map((v) => [v.ref, v.type, v.min, v.max])).toEqual([
      ["C3:C4", "whole", 0, 1e15],
      ["D3:D4", "whole", 0, 1e15],
      ["E3:E4", "whole", 0, 1e15],
      ["F3:F4", "decimal", 0, 1e15],
    ]);
    expect(ev.validations[3].prompt).toBe("请输入数字,不小于 0。");
    expect(ev.freeze).toEqual({ rows: 2, cols: 2 });
    expect(ev.protect).toBe(true);
  });

  it("a line above each table: the evaluation's legend in the fills it explains and how to add a person; the payout's rounding", () => {
    const s = template("warehouse");
    const p = buildWorkbookPlan(s, people(s, [{ unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }]), { lang: "zh-CN", mode: "native" });
    const [, evaluation, payout] = p.sheets;
    const line = (x: SheetPlan) => x.blocks.filter((b) => b.row === 1).sort((a, b) => a.col - b.col);
    expect(line(evaluation).map((b) => [b.values[0][0], b.fill])).toEqual([
      ["白色:可填写", undefined],
      ["灰色:自动计算", "F2F2F2"],
      [expect.stringContaining("在上方插入表格行"), undefined],
    ]);
    // the legend's grey is the computed columns' grey
    expect(evaluation.blocks[0].columnFills![evaluation.table!.keys.indexOf("total")]).toBe(line(evaluation)[1].fill);
    expect(line(payout)[0].values[0][0]).toContain("ROUND");
    // both tables under their line, rows aligned (the payout's formulas read the evaluation's row)
    expect([evaluation.table!.row, payout.table!.row]).toEqual([2, 2]);
    expect(payout.freeze).toEqual({ rows: 2, cols: 2 });
    expect(evaluation.print!.titleRows).toEqual({ first: 2, last: 2 });
  });

  it("keeps user text as text: a name that looks like a formula is a string value", () => {
    expect(ev.blocks[0].values[0][1]).toBe("=1+1");
  });

  it("formulas refer to the scheme's named parameters, so editing one recalculates", () => {
    const f = formulas(ev).join("\n");
    expect(f).toContain("p_unrecorded_points");
    expect(formulas(payout).join("\n")).toContain("p_bonus_base");
    expect(formulas(payout).join("\n")).toContain("p_gate");
  });

  it("payout: pay lines rounded to the money unit, total pay, and a reconciliation line", () => {
    expect(payout.table?.keys).toEqual(["id", "name", "total", "pay:bonus", "pay"]);
    const f = formulas(payout);
    expect(f.some((x) => x.includes(",ROUND(IF("))).toBe(true);
    expect(f).toContain('ROUND(SUM($E$3:$E$4),2)');
  });

  it("summary: headcount, and the total of every pay line", () => {
    expect(formulas(summary)).toEqual(["COUNT('考核'!$J$3:$J$4)", "ROUND(SUM('发放'!$D$3:$D$4),2)", "ROUND(SUM('发放'!$E$3:$E$4),2)"]);
  });

  it("grades: a column, a colour per grade, counts and a chart on the summary", () => {
    const s = template("ecommerce-cs");
    const p = buildWorkbookPlan(s, people(s, []), { lang: "en-US", mode: "native" });
    expect(p.sheets[1].conditional.map((c) => c.fill)).toHaveLength(4);
    expect(p.sheets[3].chart?.title).toBe("Grade distribution");
    // four grade counts; the capped awards are given on the quarter's roll-up, not in a month's summary
    expect(formulas(p.sheets[3]).filter((x) => x.startsWith("SUMPRODUCT(--EXACT("))).toHaveLength(4);
    const monthly = buildWorkbookPlan({ ...s, awardsOn: "period" }, people(s, []), { lang: "en-US", mode: "native" });
    expect(formulas(monthly.sheets[3]).filter((x) => x.startsWith("SUMPRODUCT(--EXACT("))).toHaveLength(4 + 2);
  });

  it("add-in mode uses the KPI functions where they fit", () => {
    const s = template("logistics-cs");
    const p = buildWorkbookPlan(s, people(s, []), { lang: "zh-CN", mode: "addin" });
    const f = formulas(p.sheets[1]).join("\n");
    expect(f).toContain("KPI.DEDUCT(");
    expect(f).toContain("KPI.GRADE(");
    // levels whose points are parameters stay native, so the scheme sheet still drives them
    expect(f).not.toContain("KPI.LEVEL(");
    expect(f).toContain('IF($J3="优秀",p_cross_excellent');
  });
});

describe("the payout sheet as a signed document", () => {
  it("ends with sign-off lines: prepared, checked, approved, each with a date", () => {
    const s = template("warehouse");
    const pay = buildWorkbookPlan(s, people(s, []), { lang: "zh-CN", mode: "native" }).sheets[2];
    const texts = pay.blocks.slice(-2).flatMap((b) => b.values.flat()).filter((v) => typeof v === "string");
    expect(texts).toEqual(["制表:", "审核:", "批准:", "日期:", "日期:", "日期:"]);
  });
});

describe("cells that say what they hold", () => {
  const s = template("ecommerce-cs");
  const ev = buildWorkbookPlan(s, people(s, []), { lang: "zh-CN", mode: "native" }).sheets[1];
  const at = (key: string) => ev.table!.keys.indexOf(key);
  it("money inputs in the money format, rates as percentages", () => {
    expect(ev.blocks[0].formats![at("avg_order_value")]).toBe("#,##0.00");
    expect(ev.blocks[0].formats![at("inquiry_conversion")]).toBe("0.0%");
  });
  it("a rate's input message speaks in percent, as the cell shows it", () => {
    const v = ev.validations.find((x) => x.ref.startsWith(columnLetter(at("inquiry_conversion"))))!;
    expect(v.prompt).toContain("0% 至 100%");
    expect([v.min, v.max]).toEqual([0, 1]);
  });
  it("a Chinese workbook is set in 等线, an English one in Calibri", async () => {
    const { strFromU8, unzipSync } = await import("fflate");
    const styles = async (lang: "zh-CN" | "en-US") => strFromU8(unzipSync(await writeXlsx(buildWorkbookPlan(s, people(s, []), { lang, mode: "native" })))["xl/styles.xml"]);
    expect(await styles("zh-CN")).toContain('<name val="等线"/>');
    expect(await styles("en-US")).toContain('<name val="Calibri"/>');
  });
});

describe("where to type", () => {
  it("computed columns are grey, the columns to type in are not", () => {
    const s = template("warehouse");
    const ev = buildWorkbookPlan(s, people(s, [{ unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }]), { lang: "zh-CN", mode: "native" }).sheets[1];
    const fills = ev.blocks[0].columnFills!;
    const keys = ev.table!.keys;
    expect(fills[keys.indexOf("unrecorded_movements")]).toBeUndefined();
    expect(fills[keys.indexOf("total")]).toBe("F2F2F2");
    expect(fills[keys.indexOf("id")]).toBeUndefined();
  });
});

describe("payout formulas say what they do (issue 12)", () => {
  it("a scheme without eligibility has no IF(ready, 0, \"\") behind IF(ready, …) (bug: the dead branch was written)", () => {
    const plan = buildWorkbookPlan(template("cs-pay"), [], { lang: "zh-CN", mode: "native" });
    const pay = plan.sheets.find((s) => s.role === "payout")!;
    const basic = formulaTexts(pay).find((f) => f.includes("ROUND(") && !f.includes("SUM("))!;
    expect(basic).toMatch(/^IF\('考核'!\$[A-Z]+3,ROUND\([^]*\),""\)$/);
    expect(formulaTexts(pay).some((f) => /IF\(('[^']+'!)?\$([A-Z]+)3,[^]*IF\(\1\$\2/.test(f))).toBe(false);
  });
  it("with eligibility, a row filled in but not evaluated is paid 0, a row not filled in shows blank", () => {
    const plan = buildWorkbookPlan(template("call-center"), [], { lang: "zh-CN", mode: "native", period: "2026-11" });
    const pay = plan.sheets.find((s) => s.role === "payout")!;
    expect(formulaTexts(pay).some((f) => /,IF\('[^']+'!\$[A-Z]+3,0,""\)\)$/.test(f))).toBe(true);
  });
});

describe("the .xlsx writer and many small blocks", () => {
  it("writes a sheet of 150,000 blocks — 50,000 payslips' worth (bug: Math.min(...rows) overflowed the stack)", async () => {
    const plan = buildWorkbookPlan(template("warehouse"), [], { lang: "zh-CN", mode: "native" });
    const blocks = Array.from({ length: 150_000 }, (_, i) => ({ row: i + 1, col: 0, values: [[`r${i + 1}`]] }));
    plan.sheets.push({ name: "多块", role: "payslips", blocks, validations: [], conditional: [], widths: [10], protect: false });
    const bytes = await writeXlsx(plan);
    expect(bytes.length).toBeGreaterThan(0);
  }, 60_000);
});

describe("the scheme sheet in HR's words (issue 12, item 4)", () => {
  const cells = (s: SheetPlan) => s.blocks.flatMap((b) => b.values.flatMap((r, i) => r.map((v, j) => ({ row: b.row + i, col: b.col + j, v }))));
  it("labels first, the value beside them (the named cell), ids last; units in the workbook's language; each rule in words", () => {
    const plan = buildWorkbookPlan(template("ecommerce-cs"), [], { lang: "zh-CN", mode: "native" });
    const s = plan.sheets[0];
    const all = cells(s);
    const header = all.filter((c) => c.v === "含义");
    expect(header.length).toBeGreaterThan(0);
    const row = header[0].row;
    expect(all.filter((c) => c.row === row).map((c) => c.v)).toEqual(["含义", "值", "单位", "状态", "说明", "编号"]);
    // every parameter's defined name points at column B of its row, whose column F holds its id
    for (const n of plan.names.filter((x) => x.setting?.kind === "param")) {
      const m = /^\$B\$(\d+)$/.exec(n.ref)!;
      expect(m, n.name).not.toBeNull();
      expect(all.find((c) => c.row === Number(m[1]) && c.col === 5)?.v, n.name).toBe(n.setting!.id);
    }
    expect(all.some((c) => c.v === "秒")).toBe(true);
    expect(all.some((c) => c.v === "s")).toBe(false);
    const rules = all.filter((c) => c.col === 4 && typeof c.v === "string" && c.row > all.find((x) => x.v === "计分规则")!.row);
    expect(rules.length).toBe(template("ecommerce-cs").indicators.length);
    expect(rules.every((c) => !/^(ratio|bands|direct|deductions|levels)$/.test(String(c.v)))).toBe(true);
    expect(all.some((c) => c.v === "考核者")).toBe(true);
  });
  it("long text in lines a page can hold, and rows tall enough for wrapped notes", () => {
    const plan = buildWorkbookPlan(template("cs-pay"), [], { lang: "zh-CN", mode: "native" });
    const s = plan.sheets[0];
    const width = (x: string) => [...x].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    const colA = cells(s).filter((c) => c.col === 0 && typeof c.v === "string" && c.row < 12);
    expect(colA.length).toBeGreaterThan(3);
    for (const c of colA) expect(width(String(c.v)), String(c.v)).toBeLessThanOrEqual(116);
    expect(colA.map((c) => c.v).join("")).toContain("请假期间工资按实际出勤计算");
    expect(Object.values(s.rowHeights ?? {}).some((h) => h >= 30)).toBe(true);
  });
  it("every rule number named in words — the deductions item's input, the option's label, the band — never a field path", async () => {
    const { liftRuleNumbers } = await import("../../src/workbook/plan/lift.js");
    const { builtInSchemes } = await import("../../src/schemes/index.js");
    const names = builtInSchemes().flatMap((s) => liftRuleNumbers(s).ruleNumbers.flatMap((p) => [p.name["zh-CN"], p.name["en-US"]]));
    for (const n of names) expect(n, n).not.toMatch(/\b(bands|items|schedule|from|brackets)\b|\.\d|\d\./);
    expect(names).toContain("考勤 · 旷工半天次数(含迟到 30–60 分钟) · 每次扣分 · 部门经理");
    expect(names).toContain("旺旺响应时间 · 第 2 档 · 分值");
    expect(names).toContain("Attendance · Half-day absences (incl. late 30–60 min) · points each · Department manager");
  });
});

describe("the summary's bars (issue 12, item 6)", () => {
  it("are data bars on the share, from 0 to 100 %, not text that prints as black blocks", async () => {
    const scheme = template("cs-pay");
    const plan = buildWorkbookPlan(scheme, [], { lang: "zh-CN", mode: "native" });
    const summary = plan.sheets.find((s) => s.role === "summary")!;
    expect(summary.dataBars).toEqual([{ ref: `D6:D${5 + scheme.grades.length}`, min: 0, max: 1, color: "5B9BD5" }]);
    expect(formulaTexts(summary).some((f) => f.includes("REPT"))).toBe(false);
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(await writeXlsx(plan));
    const xml = strFromU8(files[`xl/worksheets/sheet${plan.sheets.indexOf(summary) + 1}.xml`]);
    expect(xml).toContain(`<conditionalFormatting sqref="D6:D${5 + scheme.grades.length}"><cfRule type="dataBar"`);
  });
});
