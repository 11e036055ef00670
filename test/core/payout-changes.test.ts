import { describe, expect, it } from "vitest";
import { payoutChanges, payoutSnapshot, snapshotTotal } from "../../src/core/payout-changes.js";
import { evaluate, template } from "../helpers.js";

describe("payout changes between two runs", () => {
  const s = template("warehouse");
  const before = payoutSnapshot(evaluate(s, [{ unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 }, { unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }]));
  it("lists each line that moved, with both amounts in cents", () => {
    const after = payoutSnapshot(evaluate(s, [{ unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 5 }, { unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }]));
    expect(payoutChanges(before, after)).toEqual([
      { id: "P1", name: "Person 1", line: "bonus", before: 33000, after: 31500 },
      { id: "P1", name: "Person 1", line: "pay", before: 33000, after: 31500 },
    ]);
    expect(snapshotTotal(after) - snapshotTotal(before)).toBe(-1500);
  });
  it("a person who joined or left shows with a missing side", () => {
    const after = payoutSnapshot(evaluate(s, [{ unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 }]));
    expect(payoutChanges(before, after)).toEqual([
      { id: "P2", name: "Person 2", line: "bonus", before: 30000, after: null },
      { id: "P2", name: "Person 2", line: "pay", before: 30000, after: null },
    ]);
  });
  it("nothing changed, nothing listed", () => {
    expect(payoutChanges(before, before)).toEqual([]);
  });
});
