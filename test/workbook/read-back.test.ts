/** Recalculating payouts from the sheets' values: agreement, changes since the last run, and tampering. */
import { describe, expect, it } from "vitest";
import { recalcPayouts } from "../../src/workbook/read-back.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { people, template } from "../helpers.js";

const scheme = template("warehouse");
const roster = people(scheme, [
  { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 },
  { unrecorded_movements: 11, stock_errors: 0, safety_violations: 0, extra_points: 0 },
]);

/** The sheets as Excel would hold them after calculating: inputs as written, pay as computed. */
function sheets(inputs = roster) {
  const plan = buildWorkbookPlan(scheme, inputs, { lang: "zh-CN", mode: "native" });
  const [, ev, pay] = plan.sheets;
  const results = compileScheme(scheme).evaluateRoster(structuredClone(inputs));
  const evRows = ev.blocks[0].values.map((r) => r.map((v) => (typeof v === "object" && v !== null ? 0 : v)));
  const payRows = results.map((r) => pay.table!.keys.map((k) => (k === "id" ? r.id : k === "pay" ? r.payTotal / 100 : k.startsWith("pay:") ? r.pay[k.slice(4)] / 100 : null)));
  return { evaluation: { keys: ev.table!.keys, rows: evRows }, payout: { keys: pay.table!.keys, rows: payRows } };
}

describe("recalculating payouts", () => {
  it("agrees with the payout sheet to the cent, and has nothing to report the first time", () => {
    const { evaluation, payout } = sheets();
    const r = recalcPayouts(scheme, evaluation, payout, null);
    expect([r.people, r.problems, r.mismatches, r.changes]).toEqual([2, [], [], []]);
    expect(r.snapshot.P1.lines).toEqual({ bonus: 33000, pay: 33000 });
  });
  it("after an input changed in the sheet, lists what changed since the last run", () => {
    const first = recalcPayouts(scheme, sheets().evaluation, sheets().payout, null);
    const edited = structuredClone(roster);
    edited[1].values.unrecorded_movements = 5;
    const { evaluation, payout } = sheets(edited);
    const r = recalcPayouts(scheme, evaluation, payout, first.snapshot);
    expect(r.changes).toEqual([
      { id: "P2", name: "Person 2", line: "bonus", before: 0, after: 30000 },
      { id: "P2", name: "Person 2", line: "pay", before: 0, after: 30000 },
    ]);
  });
  it("finds a pay cell someone typed over", () => {
    const { evaluation, payout } = sheets();
    payout.rows[0][payout.keys.indexOf("pay:bonus")] = 500;
    const r = recalcPayouts(scheme, evaluation, payout, null);
    expect(r.mismatches).toEqual([{ id: "P1", line: "bonus", sheet: 50000, engine: 33000 }]);
  });
  it("names a bad input in the sheet by line and column", () => {
    const { evaluation, payout } = sheets();
    evaluation.rows[1][evaluation.keys.indexOf("unrecorded_movements")] = "many";
    const r = recalcPayouts(scheme, evaluation, payout, null);
    expect(r.problems.map((p) => [p.line, p.column, p.key])).toEqual([[3, "unrecorded_movements", "data.not-number"]]);
  });
});
