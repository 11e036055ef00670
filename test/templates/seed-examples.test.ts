/**
 * Every built-in template checked against the numbers its seed document gives (SCHEMES.md),
 * through the whole engine: text cells in, points, totals, grades and cents out.
 */
import { describe, expect, it } from "vitest";
import { evaluate, formulaTexts, people, template } from "../helpers.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { withParams } from "../../src/core/scheme/load.js";
import { problemText, t } from "../../src/i18n/index.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { columnLetter } from "../../src/io/column-letter.js";
import { checkHeader, parseRecords } from "../../src/core/data.js";
import { printA1 } from "../../src/workbook/plan/print-formula.js";
import type { Scheme } from "../../src/core/scheme/schema.js";

function tuned(s: Scheme, values: Record<string, number>): Scheme {
  const r = withParams(s, values);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}

describe("warehouse (seed 004 篇十一)", () => {
  const s = template("warehouse");
  const row = (v: Record<string, number>) => ({ unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 0, ...v });
  it("score 110 → bonus 330; below 80 → nothing; 80–100 → the full 300", () => {
    const [a, b, c, d] = evaluate(s, [row({ extra_points: 10 }), row({ unrecorded_movements: 11 }), row({ unrecorded_movements: 10 }), row({})]);
    expect([a.total, a.pay.bonus]).toEqual([110, 33000]);
    expect([b.total, b.pay.bonus]).toEqual([78, 0]);
    expect([c.total, c.pay.bonus]).toEqual([80, 30000]);
    expect([d.total, d.pay.bonus]).toEqual([100, 30000]);
  });
  it("−2 per unrecorded stock movement", () => {
    expect(evaluate(s, [row({ unrecorded_movements: 3 })])[0].points.conduct).toBe(94);
  });
});

describe("hospital-cs (seed 001 XX妇产科中心)", () => {
  const s = template("hospital-cs");
  const row = (v: Record<string, number | string | boolean>) => ({
    arrivals: 100, arrival_target: 100, major_visits: 0, other_visits: 0, referral_visits: 0, low_spend_visits: 0, mid_spend_visits: 0,
    night_shifts: 0, status: "regular", insurance_opt_out: false, ...v,
  });
  it("90 % of target → 90 % of the bonus; 110 % → 110 %", () => {
    const [full, ninety, over] = evaluate(s, [row({ major_visits: 10 }), row({ major_visits: 10, arrivals: 90 }), row({ major_visits: 10, arrivals: 110 })]);
    expect(full.pay.piece_bonus).toBe(40000);
    expect(ninety.pay.piece_bonus).toBe(36000);
    expect(over.pay.piece_bonus).toBe(44000);
  });
  it("major conditions 40 each up to 60, 300 above 60; other rates as the seed says", () => {
    const [a, b] = evaluate(s, [
      row({ major_visits: 60, other_visits: 5, referral_visits: 4, low_spend_visits: 3, mid_spend_visits: 2 }),
      row({ major_visits: 61 }),
    ]);
    expect(a.pay.piece_bonus).toBe((60 * 40 + 5 * 20 + 4 * 5 + 3 * 10 + 2 * 20) * 100);
    expect(b.pay.piece_bonus).toBe((60 * 40 + 300) * 100);
  });
  it("base 1500, 395 when opting out of insurance, night shifts 20; probation gets base only", () => {
    const [a, p] = evaluate(s, [row({ insurance_opt_out: "是", night_shifts: 3 }), row({ status: "probation", major_visits: 30 })]);
    expect([a.pay.base, a.pay.insurance_subsidy, a.pay.night_pay]).toEqual([150000, 39500, 6000]);
    expect([p.pay.base, p.pay.piece_bonus, p.payTotal]).toEqual([150000, 0, 150000]);
  });
  it("试用期薪资:1500元,没有业绩提成、其他补贴及保险 — no night-shift pay and no 395 opt-out subsidy in probation", () => {
    const [p] = evaluate(s, [row({ status: "probation", night_shifts: 4, insurance_opt_out: "是", major_visits: 30 })]);
    expect([p.pay.base, p.pay.night_pay, p.pay.insurance_subsidy, p.pay.piece_bonus, p.payTotal]).toEqual([150000, 0, 0, 0, 150000]);
  });
  it("first place 200, two months running 400, three 600", () => {
    const compiled = compileScheme(s);
    const months = ["2026-01", "2026-02", "2026-03"];
    const data = people(s, months.flatMap((m) => [
      { id: "A", period: m, ...row({ arrivals: 120 }) },
      { id: "B", period: m, ...row({ arrivals: 100 }) },
    ]));
    const { results } = evaluatePeriods(compiled, data);
    const a = results.filter((r) => r.id === "A").map((r) => r.pay.rank_streak);
    const b = results.filter((r) => r.id === "B").map((r) => r.pay.rank_streak);
    expect(a).toEqual([20000, 40000, 60000]);
    expect(b).toEqual([0, 0, 0]);
  });
  it("no first-place award for probation staff, who get the base only (bug: the streak ignored the condition)", () => {
    const data = people(s, ["2026-01", "2026-02"].flatMap((m) => [
      { id: "A", period: m, ...row({ arrivals: 120, status: "probation" }) },
      { id: "B", period: m, ...row({ arrivals: 100 }) },
    ]));
    const { results } = evaluatePeriods(compileScheme(s), data);
    expect(results.filter((r) => r.id === "A").map((r) => r.pay.rank_streak)).toEqual([0, 0]);
  });
});

describe("foreign-trade-sales (seed 001 外贸客服绩效考核)", () => {
  const s = template("foreign-trade-sales");
  const row = (v: Record<string, number | string | boolean>) => ({
    unexcused_absence_days: 0, late_over_30: 0, late_early_count: 0, personal_leave_days: 0, sick_leave_days: 0,
    conduct: 30, sales: 100000, sales_target: 100000, status: "regular", months_regular: 12, base_pay: 4000,
    followup_profit: 0, shipping_profit: 0, gross_profit: 0, company_costs: 0, sales_staff: 6, own_cost: 0, ...v,
  });
  it("attendance: 3 sick days cost 5; 3 lates −1, 4–6 −5; personal leave 2 days −10; late over 30 min −2 each", () => {
    const r = evaluate(s, [row({ sick_leave_days: 3 }), row({ late_early_count: 3 }), row({ late_early_count: 5 }), row({ personal_leave_days: 2 }), row({ late_over_30: 2 })]);
    expect(r.map((x) => x.points.attendance)).toEqual([25, 29, 25, 20, 26]);
  });
  it("any unexcused absence → attendance 0", () => {
    expect(evaluate(s, [row({ unexcused_absence_days: 1 })])[0].points.attendance).toBe(0);
  });
  it("performance pay = 1000 × score, none below 60", () => {
    const [a, b] = evaluate(s, [row({ sales: 50000 }), row({ conduct: 0, sales: 0 })]);
    expect([a.total, a.pay.performance_pay]).toEqual([80, 80000]);
    expect([b.total, b.pay.performance_pay, b.flags]).toEqual([30, 0, ["below-pass"]]);
  });
  it("order bonuses 1.5 % and 0.5 %; profit bonus (gross − cost share − own) × 10 %, not in probation", () => {
    const [a, p] = evaluate(s, [
      row({ followup_profit: 20000, shipping_profit: 30000, gross_profit: 100000, company_costs: 60000, own_cost: 5000 }),
      row({ status: "probation", gross_profit: 100000, company_costs: 60000, own_cost: 5000 }),
    ]);
    expect([a.pay.followup_bonus, a.pay.shipping_bonus, a.pay.profit_bonus]).toEqual([30000, 15000, 850000]);
    expect(p.pay.profit_bonus).toBe(0);
  });
  it("year-end bonus 13 % only for staff employed on 31 December", () => {
    const [a, b] = evaluate(s, [
      row({ year_gross_profit: 1000000, year_cost_share: 400000, year_paid: 100000, employed_dec31: true }),
      row({ year_gross_profit: 1000000, year_cost_share: 400000, year_paid: 100000, employed_dec31: false }),
    ]);
    expect(a.pay.yearend_bonus).toBe(6500000);
    expect(b.pay.yearend_bonus).toBe(0);
  });
  it("年终奖 发放对象:必须是12月31日还在职的正式员工 — a probation employee on the payroll that day gets none", () => {
    const year = { year_gross_profit: 1000000, year_cost_share: 400000, year_paid: 100000, employed_dec31: true };
    const [regular, probation] = evaluate(s, [row(year), row({ ...year, status: "probation" })]);
    expect(regular.pay.yearend_bonus).toBe(6500000);
    expect(probation.pay.yearend_bonus).toBe(0);
    expect(probation.trace.find((e) => e.target === "yearend_bonus")?.reason).toEqual({ key: "why.pay.condition", vars: { input: "status", op: "=", value: "regular", actual: "probation" } });
  });
  it("probation staff are scored on behaviour only, with 60 as full marks (rescaled to 100)", () => {
    const [p, r] = evaluate(s, [row({ status: "probation", conduct: 24, sales: 0 }), row({ conduct: 24, sales: 0 })]);
    expect(p.points.results).toBe(0);
    expect(p.total).toBe(90); // (30 + 24) / 60 × 100
    expect(r.total).toBe(54); // a regular salesperson with no sales
    expect(p.pay.performance_pay).toBe(90000);
  });
  it("3 failing months running → demotion flag", () => {
    const months = ["2026-01", "2026-02", "2026-03"];
    const data = people(s, months.map((m) => ({ id: "A", period: m, ...row({ conduct: 0, sales: 10000 }) })));
    const { results } = evaluatePeriods(compileScheme(s), data);
    expect(results.map((r) => r.flags.includes("demotion"))).toEqual([false, false, true]);
  });
});

describe("call-center (seed 002)", () => {
  const s = template("call-center");
  const row = (v: Record<string, number | string>) => ({ period: "2026-11", attitude: 20, ability: 20, diligence: 20, calls: 5500, complaints: 500, perf_base: 1000, status: "regular", regular_date: "2025-03-01", ...v });
  it("call volume = (calls − complaints) / 5000: 5500 calls and 500 complaints → 100 %", () => {
    const [a, b] = evaluate(s, [row({}), row({ calls: 3000 })]);
    expect(a.points.results).toBe(40);
    expect(b.points.results).toBe(20); // (3000 − 500) / 5000 = 50 %
  });
  it("a month not evaluated is a gap in the annual roll-up, not a score of 0 (bug: it counted as 0)", () => {
    const data = people(s, [
      { id: "A", ...row({ period: "2026-01", status: "probation" }) },
      { id: "A", ...row({ period: "2026-02" }) },
      { id: "A", ...row({ period: "2026-03", calls: 3000 }) },
    ]);
    const { rollups } = evaluatePeriods(compileScheme(s), data);
    expect(rollups.map((r) => [r.period, r.from, r.total])).toEqual([["2026", ["2026-02", "2026-03"], 90]]);
  });
  it("probation and temporary staff, and leave over half the month, are not evaluated", () => {
    const r = evaluate(s, [row({}), row({ status: "probation" }), row({ leave_days: 16 })]);
    expect(r.map((x) => x.excluded)).toEqual([false, true, true]);
    expect(r[1].payTotal).toBe(0);
    expect(r[0].rank).toBe(1);
  });
});

describe("bid-team (seed 002)", () => {
  const s = template("bid-team");
  it("whole-bracket rates on 万元: 5000 万 × 0.55 ‰ = 27,500 yuan; staff 0.09 ‰ = 4,500", () => {
    const [r] = evaluate(s, [{ awarded_bids: 5000 }]);
    expect(r.pay.team_incentive).toBe(2750000);
    expect(r.pay.staff_reward).toBe(450000);
  });
  it("top bracket above 10000 万: 0.8 ‰", () => {
    expect(evaluate(s, [{ awarded_bids: 12000 }])[0].pay.team_incentive).toBe(9600000);
  });
  it("第四条 废标率(次数)的定义:废标次数与投标总次数的百分比 — computed from the counts, for the record; pay does not move", () => {
    const header = ["id", "name", "awarded_bids", "failed_bids", "total_bids"];
    const { people: rows, problems } = parseRecords(header, [
      { line: 2, cells: ["B1", "甲", "5000", "2", "40"] },
      { line: 3, cells: ["B2", "乙", "5000", "", ""] },
      { line: 4, cells: ["B3", "丙", "5000", "0", "0"] },
      { line: 5, cells: ["B4", "丁", "5000", "3", "0"] },
    ], s);
    expect(rows.map((p) => [p.id, p.values.failed_bid_rate])).toEqual([["B1", 0.05], ["B2", null], ["B3", null]]);
    expect(problems.map((p) => [p.line, p.column, p.key])).toEqual([[5, "total_bids", "data.zero-denominator"]]);
    expect(checkHeader(["id", "name", "awarded_bids"], s)).toEqual([]);
    const [counted, plain] = compileScheme(s).evaluateRoster(rows.slice(0, 2));
    expect(counted.pay).toEqual(plain.pay);
  });
});

describe("logistics-cs (seed 003)", () => {
  const s = template("logistics-cs");
  const row = (v: Record<string, number | string>) => ({
    complaint_rate: 0.01, satisfaction: 0.95, timely_response: 0.98, task_completion: 0.97, error_rate: 0.005, collaboration: 0.9, training: 0.95,
    cross_department: "average", skill_growth: "little", ...v,
  });
  it("full marks within every standard; points lost per step beyond", () => {
    const [a, b] = evaluate(s, [row({}), row({ complaint_rate: 0.045, satisfaction: 0.88 })]);
    expect(a.total).toBe(100);
    expect(b.points.complaint_rate).toBe(9); // 2 whole steps of 1 pp over 2 % → −6
    expect(b.points.satisfaction).toBe(16); // 2 steps under 90 % → −4
  });
  it("levels add or take points; the labels in either language are accepted", () => {
    const [a, b] = evaluate(s, [row({ cross_department: "优秀", skill_growth: "Significant" }), row({ cross_department: "poor", skill_growth: "none" })]);
    expect(a.total).toBe(106);
    expect(b.total).toBe(95);
  });
  it("分为优秀、良好、一般、较差 / 显著提升、有一定提升、提升不明显、无提升 — the seed's own words are accepted, simplified or traditional", () => {
    const r = evaluate(s, [
      row({ cross_department: "较差", skill_growth: "显著提升" }),
      row({ cross_department: "較差", skill_growth: "有一定提升" }),
      row({ cross_department: "良好", skill_growth: "提升不明显" }),
      row({ cross_department: "一般", skill_growth: "无提升" }),
    ]);
    expect(r.map((x) => [x.values.cross_department, x.values.skill_growth])).toEqual([["poor", "significant"], ["poor", "some"], ["good", "little"], ["average", "none"]]);
  });
  it("bonus coefficient rises with the grade", () => {
    const r = evaluate(s, [row({}), row({ complaint_rate: 0.08 }), row({ complaint_rate: 0.1, error_rate: 0.03 })]);
    expect(r.map((x) => x.grade)).toEqual(["excellent", "good", "qualified"]);
    expect(r.map((x) => x.pay.bonus)).toEqual([150000, 120000, 100000]);
  });
  it("annual score is the mean of the monthly results", () => {
    const data = people(s, Array.from({ length: 12 }, (_, i) => ({ id: "A", period: `2026-${String(i + 1).padStart(2, "0")}`, ...row(i < 6 ? {} : { complaint_rate: 0.05 }) })));
    const { rollups } = evaluatePeriods(compileScheme(s), data);
    expect(rollups).toHaveLength(1);
    expect(rollups[0].period).toBe("2026");
    expect(rollups[0].total).toBe((100 + 91) / 2);
  });
});

describe("attendance (seed 004 篇四 / 篇二)", () => {
  const s = template("attendance");
  const wages = { monthly_wage: 4350, base_wage: 2175, social_insurance: 900 };
  it("points per half and full day by staff level", () => {
    const r = evaluate(s, [
      { ...wages, staff_level: "manager", absence_half_days: 1, absence_full_days: 0 },
      { ...wages, staff_level: "supervisor", absence_full_days: 1, sick_half_days: 1 },
      { ...wages, staff_level: "staff", personal_full_days: 2, sick_full_days: 1 },
      { ...wages, staff_level: "部门经理", personal_half_days: 1 },
    ]);
    expect(r.map((x) => x.total)).toEqual([70, 50, 70, 80]);
  });
  it("lates by minutes; three 5-minute lates −5; money fines 20 a time", () => {
    const [r] = evaluate(s, [{ ...wages, staff_level: "staff", lates_under_5: 3, lates_5_10: 1, lates_10_15: 1, lates_15_30: 1, lates_within_half_hour: 2, missed_clockins: 1 }]);
    expect(r.total).toBe(100 - 5 - 1 - 3 - 5);
    expect([r.pay.late_fines, r.pay.clock_fines]).toEqual([-4000, -2000]);
    expect(r.payTotal).toBe(-4000 - 2000 - 14 * 5 * 100);
  });
});

describe("attendance — money rules of 篇二 and 篇四 (issue 11)", () => {
  const s = template("attendance");
  const row = { staff_level: "staff", monthly_wage: 4350, base_wage: 2175, social_insurance: 900 };
  it("七、每分对应的金额 — every point lost costs the reviewed amount (5 yuan by default)", () => {
    const [r] = evaluate(s, [{ ...row, personal_full_days: 1 }]);
    expect(r.total).toBe(90);
    expect(r.pay.points_money).toBe(-10 * 5 * 100);
    expect(s.parameters.find((p) => p.id === "money_per_point")!.review).toBe(true);
    const [dear] = evaluate(tuned(s, { money_per_point: 8 }), [{ ...row, personal_full_days: 1 }]);
    expect(dear.pay.points_money).toBe(-10 * 8 * 100);
  });
  it("第三十条 事假…请假期间不享受相应的工资福利待遇: 2.5 days unpaid at 4350 ÷ 21.75 = 200 a day", () => {
    const [r] = evaluate(s, [{ ...row, personal_full_days: 2, personal_half_days: 1 }]);
    expect(r.pay.personal_leave_pay).toBe(-50000);
  });
  it("第二十九条 / 第三十一条 工伤假、病假 …给予岗位基本工资待遇: the days lose the part above the base wage", () => {
    const [r] = evaluate(s, [{ ...row, sick_full_days: 1, sick_half_days: 1, injury_leave_days: 1 }]);
    expect(r.pay.sick_injury_pay).toBe(-Math.round(2.5 * (4350 - 2175) / 21.75 * 100));
  });
  it("第三十二条 / 丧假 婚假期间按正常出勤计发工资: marriage and funeral leave cost nothing", () => {
    const [r] = evaluate(s, [{ ...row, marriage_funeral_days: 3 }]);
    expect([r.pay.personal_leave_pay, r.pay.sick_injury_pay, r.pay.social_insurance_borne]).toEqual([0, 0, 0]);
    expect(r.payTotal).toBe(0);
  });
  it("第十三条 国家法定节假日加班,加班费均以岗位基本工资标准计发: 2 days × 2175 ÷ 21.75", () => {
    const [r] = evaluate(s, [{ ...row, holiday_overtime_days: 2 }]);
    expect(r.pay.holiday_overtime_pay).toBe(20000);
    const [triple] = evaluate(tuned(s, { holiday_overtime_multiple: 3 }), [{ ...row, holiday_overtime_days: 2 }]);
    expect(triple.pay.holiday_overtime_pay).toBe(60000);
  });
  it("第二十五条 员工一个月内请假超过15天的,当月社保费用由员工本人全额承担: 15 days no, 15.5 days yes", () => {
    const [fifteen, more] = evaluate(s, [
      { ...row, other_leave_days: 12, marriage_funeral_days: 3 },
      { ...row, other_leave_days: 12, marriage_funeral_days: 3, personal_half_days: 1 },
    ]);
    expect([fifteen.values.leave_days_month, more.values.leave_days_month]).toEqual([15, 15.5]);
    expect([fifteen.pay.social_insurance_borne, more.pay.social_insurance_borne]).toEqual([0, -90000]);
  });
});

describe("cs-bonus-pool (seed 001 客户服务部)", () => {
  it("splits the budget by grade coefficient × seniority, exactly to the cent", () => {
    const s = template("cs-bonus-pool", { pool_budget: 10000 });
    const r = evaluate(s, [
      { score: 95, years: 0 },
      { score: 80, years: 4 },
      { score: 60, years: 10 },
    ]);
    // weights 1.5, 1.2 × 1.2 = 1.44, 1.0 × 1.5 = 1.5 → 4.44
    expect(r.map((x) => x.pay.pool_share)).toEqual([337838, 324324, 337838]);
    expect(r.reduce((s2, x) => s2 + x.pay.pool_share, 0)).toBe(1000000);
  });
});

describe("ecommerce-cs (seed 004 篇十二)", () => {
  const s = template("ecommerce-cs");
  const row = (v: Record<string, number>) => ({
    target_completion: 1, inquiry_conversion: 0.45, order_success: 0.9, avg_order_value: 200, reply_rate: 1, response_time: 25,
    "follow_up@self": 5, "follow_up@supervisor": 5, "execution@self": 10, "execution@supervisor": 10, perf_base: 2000, ...v,
  });
  it("eight indicators add up to 100; self 30 % / supervisor 70 % on rated items", () => {
    const [a, b] = evaluate(s, [row({}), row({ "execution@self": 10, "execution@supervisor": 5 })]);
    expect(a.total).toBe(100);
    expect(b.points.execution).toBe(6.5);
  });
  it("response time: 40 s is normal, 20–30 s skilled, lower is better", () => {
    const r = evaluate(s, [row({ response_time: 25 }), row({ response_time: 40 }), row({ response_time: 55 }), row({ response_time: 90 })]);
    expect(r.map((x) => x.points.response_time)).toEqual([5, 4, 2, 0]);
  });
  it("tiers over two evaluations: both ≥ 90 senior, both in [80, 90) intermediate; < 70 warning, again → dismissal", () => {
    const months = ["2026-01", "2026-02", "2026-03"];
    const low = row({ inquiry_conversion: 0.1, target_completion: 0.6 });
    const scores = { A: [row({}), row({}), row({})], B: [row({ inquiry_conversion: 0.25 }), row({ inquiry_conversion: 0.25 }), row({})], C: [low, low, row({})] };
    const data = people(s, Object.entries(scores).flatMap(([id, rows]) => rows.map((r, i) => ({ id, period: months[i], ...r }))));
    const { results } = evaluatePeriods(compileScheme(s), data);
    const of = (id: string) => results.filter((r) => r.id === id);
    expect(of("A").map((r) => r.tier)).toEqual([null, "senior", "senior"]);
    expect(of("B").map((r) => r.total)).toEqual([86.67, 86.67, 100]);
    expect(of("B").map((r) => r.tier)).toEqual([null, "intermediate", "intermediate"]);
    expect(of("C").map((r) => r.total)).toEqual([64.67, 64.67, 100]);
    expect(of("C").map((r) => r.flags)).toEqual([["below-pass", "warning"], ["below-pass", "warning", "dismissal"], []]);
    expect(of("C").map((r) => r.tier)).toEqual([null, null, null]);
  });
  it("每一季度或每一年度 best ≤ 5 % and excellent ≤ 10 % of staff — on the quarter's roll-up, not every month", () => {
    const months = ["2026-01", "2026-02", "2026-03"];
    const data = people(s, months.flatMap((m) => Array.from({ length: 40 }, (_, i) => ({ id: `E${i}`, period: m, ...row({ inquiry_conversion: 0.45 - i * 0.002 }) }))));
    const { results, rollups } = evaluatePeriods(compileScheme(s), data);
    expect(results.filter((x) => x.award !== null)).toEqual([]);
    const quarter = rollups.filter((u) => u.period === "2026-Q1");
    expect(quarter).toHaveLength(40);
    expect(quarter.filter((x) => x.award === "best").map((x) => x.id)).toEqual(["E0", "E1"]);
    expect(quarter.filter((x) => x.award === "excellent_cs").map((x) => x.id)).toEqual(["E2", "E3", "E4", "E5"]);
  });
});

describe("ecommerce-ranking (seed 004 篇一 / 篇三)", () => {
  const s = template("ecommerce-ranking");
  const row = (v: Record<string, number>) => ({
    consult_conversion: 0.4, response_time: 30, customer_loss: 0.1, order_total: 100000, valid_share: 0.95, payment_share: 0.9, refund_share: 0.05,
    avg_order_value: 150, complaint_share: 0.01, abnormal_share: 0.02,
    "report_timeliness@self": 5, "report_timeliness@manager": 5, "report_truthfulness@self": 5, "report_truthfulness@manager": 5,
    "report_quality@self": 5, "report_quality@manager": 5, commission: 3000, ...v,
  });
  it("rank 1 → +100, last → −100 from commission; bottom two flagged", () => {
    const r = evaluate(s, [row({}), row({ order_total: 90000 }), row({ order_total: 80000 }), row({ order_total: 70000 })]);
    expect(r.map((x) => x.pay.rank_award)).toEqual([10000, 0, 0, -10000]);
    expect(r.map((x) => x.payTotal)).toEqual([310000, 300000, 300000, 290000]);
    expect(r.map((x) => x.flags.includes("bottom-rank"))).toEqual([false, false, true, true]);
  });
  it("last place three months running → transfer", () => {
    const months = ["2026-01", "2026-02", "2026-03"];
    const data = people(s, months.flatMap((m) => [{ id: "A", period: m, ...row({}) }, { id: "Z", period: m, ...row({ order_total: 10000 }) }]));
    const { results } = evaluatePeriods(compileScheme(s), data);
    expect(results.filter((r) => r.id === "Z").map((r) => r.flags.includes("transfer"))).toEqual([false, false, true]);
  });
});

describe("work-plan (seed 001 员工薪酬及绩效考核方案)", () => {
  const s = template("work-plan");
  it("self 30 %, department 30 %, superior 40 %; +8 per extra item, +10 per adopted suggestion", () => {
    const [r] = evaluate(s, [{
      "routine@self": 40, "routine@department": 30, "routine@superior": 35,
      "stage@self": 50, "stage@department": 40, "stage@superior": 45,
      extra_items: 1, adopted_suggestions: 1,
    }]);
    expect(r.points.routine).toBe(35);
    expect(r.points.stage).toBe(45);
    expect(r.total).toBe(35 + 45 + 8 + 10);
  });
});

describe("outsourcing (seed 000)", () => {
  const s = template("outsourcing");
  it("weighted total; the shortfall deducts its share of the vendor's fee", () => {
    const [full, short] = evaluate(s, [
      { task_completion: 1, sla: 0.95, satisfaction: 0.9, teamwork: 100, skill: 100, fee: 100000 },
      { task_completion: 0.8, sla: 0.95, satisfaction: 0.9, teamwork: 100, skill: 100, fee: 100000 },
    ]);
    expect(full.total).toBe(100);
    expect(full.pay.fee_deduction).toBe(0);
    expect(short.total).toBe(92); // goal 80 points × 40 % weight
    expect([short.pay.fee_due, short.pay.fee_deduction, short.payTotal]).toEqual([10000000, -800000, 9200000]);
  });
});

describe("cs-pay (seed 001 客服薪酬方案)", () => {
  const s = template("cs-pay");
  const row = { satisfaction: 0.95, service_quality: 36, work_attitude: 18, basic_wage: 2175, post_wage: 1305, perf_base: 1740 };
  it("薪酬结构分为基本工资、岗位工资、绩效工资、奖金: a full month pays all four, performance pay by the grade's coefficient", () => {
    const [r] = evaluate(s, [row]);
    expect([r.total, r.grade]).toEqual([94, "excellent"]);
    expect(r.pay).toEqual({ basic: 217500, post: 130500, performance: 208800, full_attendance: 20000 });
  });
  it("请假期间工资按照实际出勤天数计算: 2 unpaid days → (21.75 − 2) ÷ 21.75 of each wage, no full-attendance bonus", () => {
    const [r] = evaluate(s, [{ ...row, unpaid_days: 2 }]);
    const share = (21.75 - 2) / 21.75;
    expect(r.pay.basic).toBe(Math.round(2175 * share * 100));
    expect(r.pay.post).toBe(Math.round(1305 * share * 100));
    expect(r.pay.performance).toBe(Math.round(1740 * 1.2 * share * 100));
    expect(r.pay.full_attendance).toBe(0);
  });
  it("joined on the last days of a month: never less than nothing; the paid days are a setting to review", () => {
    const [gone] = evaluate(s, [{ ...row, unpaid_days: 23 }]);
    expect(gone.payTotal).toBe(0);
    const [days22] = evaluate(tuned(s, { pay_days: 22 }), [{ ...row, unpaid_days: 11 }]);
    expect(days22.pay.basic).toBe(108750);
    expect(s.parameters.filter((p) => !p.review)).toEqual([]);
  });
});

describe("seed rules the templates once missed or got wrong (issue 11)", () => {
  it("warehouse — 高于100分者…按相同的增加比率予以提高, with no cap on extra points: 130 pays 390", () => {
    const s = template("warehouse");
    const [r] = evaluate(s, [{ unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 30 }]);
    expect([r.total, r.pay.bonus]).toEqual([130, 39000]);
  });
  it("call-center — 每月休假均超过1∕2的员工 are not evaluated; the half-month line is a setting to review", () => {
    const s = template("call-center");
    const leave = s.parameters.find((p) => p.id === "leave_limit_days")!;
    expect([leave.value, leave.review]).toEqual([15, true]);
    const row = { period: "2026-11", attitude: 20, ability: 20, diligence: 20, calls: 1000, complaints: 0, perf_base: 1000, status: "regular", regular_date: "2025-03-01" };
    const [on, over] = evaluate(s, [{ ...row, leave_days: 15 }, { ...row, leave_days: 16 }]);
    expect([on.excluded, over.excluded]).toEqual([false, true]);
    const [changed] = evaluate(tuned(s, { leave_limit_days: 10 }), [{ ...row, leave_days: 12 }]);
    expect(changed.excluded).toBe(true);
  });
  it("warehouse — the seed leaves 80–100 open: the whole base by default, in proportion when the company sets it", () => {
    const s = template("warehouse");
    const row = { unrecorded_movements: 5, stock_errors: 0, safety_violations: 0, extra_points: 0 };
    expect(evaluate(s, [row])[0].pay.bonus).toBe(30000);
    expect(evaluate(tuned(s, { between_rule: 1 }), [row])[0].pay.bonus).toBe(27000);
    const r = withParams(s, new Map([["between_rule", 2]]));
    expect(r.ok ? [] : r.problems.map((p) => problemText(p, "en-US"))).toEqual(["pay[0].rule.between: must be one of 0 = full, 1 = proportional"]);
  });
  it("logistics-cs — 每超过[X]个百分点,扣减绩效分[X]分: a part of a step is not counted unless the company says so", () => {
    const s = template("logistics-cs");
    const row = { complaint_rate: 0.035, satisfaction: 0.95, timely_response: 0.98, task_completion: 0.97, error_rate: 0.005, collaboration: 0.9, training: 0.95, cross_department: "一般", skill_growth: "提升不明显" };
    const points = (values: Record<string, number>) => evaluate(tuned(s, values), [row])[0].points.complaint_rate;
    expect(points({})).toBe(12); // 15 points; 1.5 pp over 2 %: one whole step, −3
    expect(points({ part_step_rule: 1 })).toBe(9); // the part counts as a whole step: −6
    expect(points({ part_step_rule: 2 })).toBe(10.5); // in proportion: −4.5
  });
  it("bid-team — the seed's table does not say whether brackets are whole or progressive: whole by default, progressive when set", () => {
    const s = template("bid-team");
    const bids = (values: Record<string, number>) => evaluate(tuned(s, values), [{ awarded_bids: 5000 }])[0].pay.team_incentive;
    expect(bids({})).toBe(Math.round(5000 * 10000 * 0.00055 * 100));
    expect(bids({ tier_mode: 1 })).toBe(Math.round((4500 * 0.0005 + 500 * 0.00055) * 10000 * 100));
  });
  it("foreign-trade — 正式成为公司销售员,前三个月按50%分担公司费用: month 3 bears half, month 4 all", () => {
    const s = template("foreign-trade-sales");
    const base = {
      unexcused_absence_days: 0, late_over_30: 0, late_early_count: 0, personal_leave_days: 0, sick_leave_days: 0, conduct: 30, sales: 100000, sales_target: 100000,
      status: "regular", base_pay: 4000, followup_profit: 0, shipping_profit: 0, gross_profit: 100000, company_costs: 60000, sales_staff: 6, own_cost: 5000,
    };
    const [third, fourth] = evaluate(s, [{ ...base, months_regular: 3 }, { ...base, months_regular: 4 }]);
    expect(third.pay.profit_bonus).toBe(Math.round((100000 - 10000 * 0.5 - 5000) * 0.1 * 100));
    expect(fourth.pay.profit_bonus).toBe(Math.round((100000 - 10000 - 5000) * 0.1 * 100));
  });
  it("foreign-trade — 毛利润指扣除定单执行中的一切成本,包括跟单和船务的提成: the input says so where it is typed", () => {
    const s = template("foreign-trade-sales");
    const plan = buildWorkbookPlan(s, [], { lang: "zh-CN", mode: "native" });
    const ev = plan.sheets.find((x) => x.role === "evaluation")!;
    const col = ev.table!.keys.indexOf("gross_profit");
    const v = ev.validations.find((x) => x.ref.startsWith(columnLetter(col)))!;
    expect(v.prompt).toContain("包括跟单和船务的提成");
  });
  it("hospital-cs — 若有弄虚作假者…扣发当月奖金: falsified figures withhold the month's bonus, not the base", () => {
    const s = template("hospital-cs");
    const row = { arrivals: 100, arrival_target: 100, major_visits: 10, other_visits: 0, referral_visits: 0, low_spend_visits: 0, mid_spend_visits: 0, night_shifts: 0, status: "regular", insurance_opt_out: false };
    const [honest, falsified] = evaluate(s, [row, { ...row, falsified: "是" }]);
    expect(honest.pay.piece_bonus).toBe(40000);
    expect([falsified.pay.piece_bonus, falsified.pay.base]).toEqual([0, 150000]);
  });
  it("call-center — 月度10日(含)前转正的员工,从当月起开始参与考核;月度10日后转正的员工,从下月起: a date, compared with the evaluated month", () => {
    const s = template("call-center");
    const row = { attitude: 20, ability: 20, diligence: 20, calls: 1000, complaints: 0, perf_base: 1000, status: "regular", leave_days: 0 };
    const r = evaluate(s, [
      { ...row, period: "2026-11", regular_date: "2026-11-10" },
      { ...row, period: "2026-11", regular_date: "2026/11/11" },
      { ...row, period: "2026-12", regular_date: "2026年11月11日" },
      { ...row, period: "2026-11", regular_date: "2025-06-30" },
      { ...row, period: "2026-11", regular_date: "" },
      { ...row, period: "2026-11", regular_date: "46336" },
    ]);
    expect(r.map((x) => x.excluded)).toEqual([false, true, false, false, true, false]);
    const reason = r[1].trace[0].reason;
    expect(t("zh-CN", reason.key, reason.vars)).toBe("不参加考核:regular_date 为“2026-11-11”");
    // no period at all: a clear problem naming the input, never a guess
    expect(() => evaluate(s, [{ ...row, regular_date: "2026-11-01" }])).toThrow(/condition.needs-period/);
    const noPeriod = people(s, [{ ...row, regular_date: "2026-11-01" }]);
    expect(compileScheme(s, { period: "2026-11" }).evaluateRoster(noPeriod)[0].excluded).toBe(false);
  });
  it("the workbook compares 转正日期 with DATE of the 10th of its month, shows it as a date and asks for one", () => {
    const s = template("call-center");
    const plan = buildWorkbookPlan(s, [], { lang: "zh-CN", mode: "native", period: "2026-11" });
    const ev = plan.sheets.find((x) => x.role === "evaluation")!;
    const col = columnLetter(ev.table!.keys.indexOf("regular_date"));
    expect(formulaTexts(ev).some((f) => f.includes(`$${col}3<>"",$${col}3<=DATE(2026,11,10)`))).toBe(true);
    expect(ev.blocks[0].formats?.[ev.table!.keys.indexOf("regular_date")]).toBe("yyyy-mm-dd");
    expect(ev.validations.find((v) => v.ref.startsWith(col))?.prompt).toContain("2026-11-08");
    expect(() => buildWorkbookPlan(s, [], { lang: "zh-CN", mode: "native" })).toThrow(expect.objectContaining({ key: "condition.needs-period" }));
  });
  it("a date that does not exist, or is not a date, is named with its line and column", () => {
    const s = template("call-center");
    const header = ["id", "name", "regular_date"];
    const { problems } = parseRecords(header, [{ line: 2, cells: ["C1", "甲", "2026-02-30"] }, { line: 3, cells: ["C2", "乙", "下月"] }], s);
    expect(problems.filter((p) => p.column === "regular_date").map((p) => [p.line, p.key])).toEqual([[2, "data.not-date"], [3, "data.not-date"]]);
  });
  it("call-center — 整个考核期间休产假员工 are not evaluated", () => {
    const s = template("call-center");
    const row = { period: "2026-11", attitude: 20, ability: 20, diligence: 20, calls: 1000, complaints: 0, perf_base: 1000, status: "regular", regular_date: "2025-03-01", leave_days: 0 };
    const [working, maternity] = evaluate(s, [row, { ...row, maternity_leave: "是" }]);
    expect([working.excluded, maternity.excluded]).toEqual([false, true]);
  });
  it("ecommerce-cs — rates from the counts HR exports: 询单转化率 = 下单人数 / 询单人数, 最终下单成功率 = 最终付款人数 / 下单人数", () => {
    const s = template("ecommerce-cs");
    const base = { target_completion: 1, avg_order_value: 200, reply_rate: 1, response_time: 25, "follow_up@self": 5, "follow_up@supervisor": 5, "execution@self": 10, "execution@supervisor": 10, perf_base: 2000 };
    const [typed, counted] = evaluate(s, [
      { ...base, inquiry_conversion: 0.36, order_success: 0.8 },
      { ...base, inquiries: 500, ordering_buyers: 180, paying_buyers: 144 },
    ]);
    expect(counted.values.inquiry_conversion).toBe(180 / 500);
    expect(counted.values.order_success).toBe(144 / 180);
    expect(counted.points).toEqual(typed.points);
  });
  it("logistics-cs — 客户投诉率 = 投诉次数 / 服务客户总数; a zero count named with its line and column, nothing guessed", () => {
    const s = template("logistics-cs");
    const header = ["id", "name", "complaints", "customers_served", "satisfaction", "timely_response", "task_completion", "error_rate", "collaboration", "training", "cross_department", "skill_growth"];
    const rest = ["0.95", "0.98", "0.97", "0.005", "0.9", "0.95", "一般", "提升不明显"];
    const { people, problems } = parseRecords(header, [{ line: 2, cells: ["L1", "甲", "3", "100", ...rest] }, { line: 3, cells: ["L2", "乙", "3", "0", ...rest] }, { line: 4, cells: ["L3", "丙", "", "100", ...rest] }], s);
    expect(people.map((p) => [p.id, p.values.complaint_rate])).toEqual([["L1", 0.03]]);
    expect(problems.map((p) => [p.line, p.column, p.key])).toEqual([[3, "customers_served", "data.zero-denominator"], [4, "complaint_rate", "data.rate-or-counts"]]);
    expect(checkHeader(header.filter((h) => h !== "customers_served"), s).map((p) => p.key)).toEqual(["data.missing-rate-column"]);
  });
  it("ecommerce-ranking — every rate may be given as two counts instead", () => {
    const s = template("ecommerce-ranking");
    const rates = s.inputs.filter((i) => i.unit === "%").map((i) => i.id);
    expect(rates.filter((id) => !s.inputs.find((i) => i.id === id)!.ratioOf)).toEqual([]);
  });
  it("the workbook computes a rate given as counts from the count cells", () => {
    const s = template("logistics-cs");
    const data = people(s, [{ complaints: 3, customers_served: 100, satisfaction: 0.95, timely_response: 0.98, task_completion: 0.97, error_rate: 0.005, collaboration: 0.9, training: 0.95, cross_department: "一般", skill_growth: "无提升" }]);
    const plan = buildWorkbookPlan(s, data, { lang: "zh-CN", mode: "native" });
    const ev = plan.sheets.find((x) => x.role === "evaluation")!;
    const cell = ev.blocks[0].values[0][ev.table!.keys.indexOf("complaint_rate")];
    const col = (k: string) => columnLetter(ev.table!.keys.indexOf(k));
    expect(typeof cell === "object" && cell !== null ? printA1(cell.formula, 2) : cell).toBe(`IF(N($${col("customers_served")}2)=0,NA(),$${col("complaints")}2/$${col("customers_served")}2)`);
  });
  it("cs-bonus-pool — 每年一次的绩效评估: the template is yearly", () => {
    expect(template("cs-bonus-pool").period).toBe("year");
  });
});
