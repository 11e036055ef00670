/** Recalculating payouts from the sheets' values: agreement, changes since the last run and why, edited settings, tampering. */
import { describe, expect, it } from "vitest";
import { recalcPayouts, schemeAsEdited, schemeSettings, settingCells } from "../../src/workbook/read-back.js";
import { describeChange, describeRowProblem, describeSetting, describeTotals } from "../../src/workbook/recalc-words.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { liftRuleNumbers } from "../../src/workbook/plan/lift.js";
import { compileScheme } from "../../src/core/evaluate.js";
import type { Scheme } from "../../src/core/scheme/schema.js";
import { people, template } from "../helpers.js";

const scheme = template("warehouse");
const roster = people(scheme, [
  { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 },
  { unrecorded_movements: 11, stock_errors: 0, safety_violations: 0, extra_points: 0 },
]);
const plan = buildWorkbookPlan(scheme, roster, { lang: "zh-CN", mode: "native" });
const cells = settingCells(plan.names);
const planned = schemeSettings(liftRuleNumbers(scheme).scheme, cells);

/** The sheets as Excel would hold them after calculating: inputs as written, pay as computed (by `computedBy`). */
function sheets(inputs = roster, computedBy: Scheme = scheme) {
  const [, ev, pay] = buildWorkbookPlan(scheme, inputs, { lang: "zh-CN", mode: "native" }).sheets;
  const results = compileScheme(computedBy).evaluateRoster(structuredClone(inputs));
  const evRows = ev.blocks[0].values.map((r) => r.map((v) => (typeof v === "object" && v !== null ? 0 : v)));
  const payRows = results.map((r) => pay.table!.keys.map((k) => (k === "id" ? r.id : k === "pay" ? r.payTotal / 100 : k.startsWith("pay:") ? r.pay[k.slice(4)] / 100 : null)));
  return { evaluation: { keys: ev.table!.keys, rows: evRows }, payout: { keys: pay.table!.keys, rows: payRows } };
}

/** The setting cells as the scheme sheet holds them, with some edited. */
const read = (edits: Record<string, unknown> = {}) => cells.map((c) => ({ ...c, value: c.name in edits ? edits[c.name] : planned[c.name] }));

describe("recalculating payouts", () => {
  it("agrees with the payout sheet to the cent, and has nothing to report the first time", () => {
    const { evaluation, payout } = sheets();
    const r = recalcPayouts(scheme, evaluation, payout, null);
    expect([r.people, r.problems, r.mismatches, r.changes]).toEqual([2, [], [], []]);
    expect(r.snapshot.people.P1.lines).toEqual({ bonus: 33000, pay: 33000 });
  });

  it("after an input changed in the sheet, lists what changed since the last run, why, and the engine's reason now", () => {
    const first = recalcPayouts(scheme, sheets().evaluation, sheets().payout, null, cells, planned);
    const edited = structuredClone(roster);
    edited[1].values.unrecorded_movements = 5;
    const { evaluation, payout } = sheets(edited);
    const r = recalcPayouts(scheme, evaluation, payout, first.snapshot, cells, planned);
    expect(r.changes.map((c) => [c.id, c.line, c.before, c.after])).toEqual([
      ["P2", "bonus", 0, 30000],
      ["P2", "pay", 0, 30000],
    ]);
    expect(r.changes[0].causes.map((c) => [c.field, c.before, c.after])).toEqual([
      ["unrecorded_movements", 11, 5],
      ["total", 78, 90],
    ]);
    expect(r.settingChanges).toEqual([]);
    expect(r.totals).toEqual({ before: 33000, after: 63000 });
    expect(describeTotals(r, "en-US")).toBe("Everyone's pay: 330.00 → 630.00 (+300.00)");
    expect(describeTotals(first, "zh-CN")).toBeNull(); // no last run to compare with
    const en = describeChange(r, r.changes[0], "en-US");
    expect(en.title).toBe("P2 Person 2, Performance bonus: 0.00 → 300.00");
    expect(en.because).toBe("Unrecorded stock movements 11 → 5; Total 78 → 90");
    expect(en.reason).toContain("300");
    const zh = describeChange(r, r.changes[1], "zh-CN");
    expect(zh.title).toBe("P2 Person 2,应发合计:0.00 → 300.00");
    expect(zh.because).toMatch(/未登记.* 11 → 5;总分 78 → 90/);
    expect(zh.reason).toBe(""); // the total pay line is a sum: its causes say it all
  });

  it("uses a threshold edited on the scheme sheet, and names that edit as the reason", () => {
    const first = recalcPayouts(scheme, sheets().evaluation, sheets().payout, null, cells, planned);
    const edited = schemeAsEdited(scheme, read({ p_gate: 115 }), "en-US");
    if (!edited.ok) throw new Error(edited.problems.join("\n"));
    const { evaluation, payout } = sheets(roster, edited.scheme);
    const r = recalcPayouts(edited.scheme, evaluation, payout, first.snapshot, cells, edited.settings);
    expect(r.mismatches).toEqual([]); // the sheet's formulas followed the edit, and so did the engine
    expect(r.changes.map((c) => [c.id, c.line, c.before, c.after, c.causes])).toEqual([
      ["P1", "bonus", 33000, 0, []],
      ["P1", "pay", 33000, 0, []],
    ]);
    expect(r.settingChanges).toEqual([{ name: "p_gate", before: 80, after: 115 }]);
    expect(describeSetting(r, r.settingChanges[0], "en-US")).toMatch(/: 80 → 115$/);
    // the setting that moved it, by its label (it said "only the scheme's settings changed")
    expect(r.changes[0].attribution).toMatchObject({ settings: ["p_gate"], inputs: [], others: [], combined: false });
    expect(describeChange(r, r.changes[0], "en-US").because).toBe("the setting “No bonus below” changed");
    expect(describeChange(r, r.changes[0], "zh-CN").because).toBe("方案设置「无奖金分数线」有变动");
    // without reading the edit back, the engine would disagree with the sheet on P1
    const stale = recalcPayouts(scheme, evaluation, payout, null);
    expect(stale.mismatches.map((m) => [m.id, m.line])).toEqual([["P1", "bonus"], ["P1", "pay"]]);
  });

  it("refuses a setting cell that is not a number, naming the cell", () => {
    const edited = schemeAsEdited(scheme, read({ p_gate: "eighty", p_bonus_base: null }), "en-US");
    expect(edited).toEqual({
      ok: false,
      problems: ['方案!B9 (p_bonus_base): expected a number, found ""', '方案!B10 (p_gate): expected a number, found "eighty"'],
    });
    const zh = schemeAsEdited(scheme, read({ p_gate: "eighty" }), "zh-CN");
    expect(zh.ok ? [] : zh.problems).toEqual(["方案!B10(p_gate):应为数字,实际为“eighty”"]);
  });

  it("reads grade bounds and coefficients back, and refuses two grades from the same score with the scheme's own message", () => {
    const cs = template("ecommerce-cs");
    const csCells = settingCells(buildWorkbookPlan(cs, people(cs, []), { lang: "en-US", mode: "native" }).names);
    expect(csCells.filter((c) => c.setting.kind !== "param").map((c) => c.name)).toEqual([
      "g_excellent_min", "g_excellent_coef", "g_good_min", "g_good_coef", "g_qualified_min", "g_qualified_coef", "g_unqualified_min", "g_unqualified_coef",
    ]);
    const values = schemeSettings(liftRuleNumbers(cs).scheme, csCells);
    const at = (edits: Record<string, number>) => csCells.map((c) => ({ ...c, value: edits[c.name] ?? values[c.name] }));
    const ok = schemeAsEdited(cs, at({ g_good_min: 85, g_excellent_coef: 1.3 }), "en-US");
    expect(ok.ok && ok.scheme.grades.map((g) => [g.id, g.min, g.coefficient])).toEqual([
      ["excellent", 90, 1.3],
      ["good", 85, 1],
      ["qualified", 70, 0.8],
      ["unqualified", 0, 0.5],
    ]);
    // two grades from the same score: which one applies is not decidable
    const bad = schemeAsEdited(cs, at({ g_good_min: 90 }), "en-US");
    expect(bad.ok).toBe(false);
    expect(bad.ok ? "" : bad.problems.join("\n")).toBe(`Scheme!${csCells.find((c) => c.name === "g_good_min")!.ref.replace(/\$/g, "")} (g_good_min): lower bound 90 is also grades[0]'s`);
  });

  it("refuses settings that make no sense, naming the cell: a negative coefficient, bounds out of order (issue 14, item 2)", () => {
    const cs = template("ecommerce-cs");
    const csCells = settingCells(buildWorkbookPlan(cs, people(cs, []), { lang: "zh-CN", mode: "native" }).names);
    const values = schemeSettings(liftRuleNumbers(cs).scheme, csCells);
    const at = (edits: Record<string, number>) => csCells.map((c) => ({ ...c, value: edits[c.name] ?? values[c.name] }));
    const cell = (name: string) => `方案!${csCells.find((c) => c.name === name)!.ref.replace(/\$/g, "")}`;
    const negative = schemeAsEdited(cs, at({ g_excellent_coef: -1 }), "zh-CN");
    expect(negative.ok ? [] : negative.problems).toEqual([`${cell("g_excellent_coef")} (g_excellent_coef): 不能为负数`]);
    const order = schemeAsEdited(cs, at({ g_good_min: 95, g_excellent_min: 85 }), "zh-CN");
    expect(order.ok ? [] : order.problems).toEqual([`${cell("g_good_min")} (g_good_min): 下限 95 高于上一等级的下限 85;等级应从高到低排列`]);
  });

  it("finds a pay cell someone typed over", () => {
    const { evaluation, payout } = sheets();
    payout.rows[0][payout.keys.indexOf("pay:bonus")] = 500;
    const r = recalcPayouts(scheme, evaluation, payout, null);
    const at = payout.keys.indexOf("pay:bonus");
    const letter = String.fromCharCode(65 + at);
    expect(r.mismatches).toEqual([{ id: "P1", line: "bonus", sheet: 50000, engine: 33000, cell: `${letter}2`, holds: "unknown" }]);
    // a saved file says whether the cell still holds its formula: typed over, or a formula not recalculated
    const typed = recalcPayouts(scheme, evaluation, { ...payout, sheet: "发放", formulaAt: (_i, j) => j !== at }, null);
    expect(typed.mismatches.map((m) => [m.cell, m.holds])).toEqual([[`发放!${letter}2`, "typed"]]);
    const stale = recalcPayouts(scheme, evaluation, { ...payout, sheet: "发放", formulaAt: () => true }, null);
    expect(stale.mismatches.map((m) => m.holds)).toEqual(["formula"]);
  });

  it("names a bad input in the sheet by line and column", () => {
    const { evaluation, payout } = sheets();
    evaluation.rows[1][evaluation.keys.indexOf("unrecorded_movements")] = "many";
    const r = recalcPayouts(scheme, evaluation, payout, null);
    expect(r.problems.map((p) => [p.line, p.column, p.key])).toEqual([[3, "unrecorded_movements", "data.not-number"]]);
  });

  it("numbers rows where they are on the sheet: under the legend line, and past a row someone cleared (bug: a cleared row shifted every later line up)", () => {
    const { evaluation, payout } = sheets();
    evaluation.rows[1][evaluation.keys.indexOf("unrecorded_movements")] = "many";
    const rows = [evaluation.rows[0].map(() => ""), ...evaluation.rows.slice(1)];
    // the table's header on row 2: the cleared row is 3, the bad one 4
    const r = recalcPayouts(scheme, { ...evaluation, rows, firstRow: 3 }, { ...payout, firstRow: 3 }, null);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[4, "unrecorded_movements"]]);
  });
});

describe("every payout row is matched to an evaluated person (it said 'agrees' when it did not)", () => {
  const pay = (id: string, cents: number, keys: readonly string[]) => keys.map((k) => (k === "id" ? id : k === "pay" || k.startsWith("pay:") ? cents / 100 : null));
  it("a payout row added for an id nobody evaluated (W999 5000) is named", () => {
    const { evaluation, payout } = sheets();
    payout.rows.push(pay("W999", 500000, payout.keys));
    const r = recalcPayouts(scheme, evaluation, payout, null);
    expect(r.rowProblems).toEqual([{ kind: "not-evaluated", id: "W999", row: 4 }]);
    expect(describeRowProblem(r.rowProblems[0], "zh-CN")).toBe("发放表第 4 行:工号“W999”不在考核表上——这笔发放没有对应的考核");
  });
  it("a person with no payout row, an id on two rows, an amount with no id are named; the reconciliation block is not a row", () => {
    const { evaluation, payout } = sheets();
    const [p1, p2] = payout.rows;
    const rows = [p1, p1, pay("", 100, payout.keys), [], ["核对", null, 63000]];
    const r = recalcPayouts(scheme, evaluation, { keys: payout.keys, rows }, null);
    expect(r.rowProblems).toEqual([
      { kind: "twice", id: "P1", row: 3 },
      { kind: "not-evaluated", id: "", row: 4 },
      { kind: "no-payout-row", id: "P2", row: null },
    ]);
    expect(recalcPayouts(scheme, evaluation, { keys: payout.keys, rows: [p1, p2, [], ["核对", null, 63000]] }, null).rowProblems).toEqual([]);
  });
  it("every evaluation row deleted: nobody evaluated, and each payout row that is left is named", () => {
    const { evaluation, payout } = sheets();
    const r = recalcPayouts(scheme, { keys: evaluation.keys, rows: [] }, payout, null);
    expect(r.people).toBe(0);
    expect(r.rowProblems.map((p) => [p.kind, p.id])).toEqual([["not-evaluated", "P1"], ["not-evaluated", "P2"]]);
  });
});

describe("a payout row someone cleared", () => {
  it("hides none of the rows after it: the person it belonged to is named, the next rows still compared", () => {
    const { evaluation, payout } = sheets();
    const [, p2] = payout.rows;
    const typedOver = p2.map((v, j) => (payout.keys[j] === "pay" ? 1 : v));
    const r = recalcPayouts(scheme, evaluation, { keys: payout.keys, rows: [[], typedOver] }, null);
    expect(r.rowProblems).toEqual([{ kind: "no-payout-row", id: "P1", row: null }]);
    expect(r.mismatches.map((m) => [m.id, m.line])).toEqual([["P2", "pay"]]);
  });
});
