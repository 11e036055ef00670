import { describe, expect, it } from "vitest";
import { asSnapshot, payoutChanges, payoutSnapshot, settingChanges, snapshotTotal } from "../../src/core/payout-changes.js";
import { evaluate, template } from "../helpers.js";

describe("payout changes between two runs", () => {
  const s = template("warehouse");
  const p1 = { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 };
  const p2 = { unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 };
  const before = payoutSnapshot(evaluate(s, [p1, p2]), { p_threshold: 80 });

  it("lists each line that moved, with both amounts in cents and the person's inputs, total and grade that changed", () => {
    const after = payoutSnapshot(evaluate(s, [{ ...p1, extra_points: 5 }, p2]), { p_threshold: 80 });
    const changes = payoutChanges(before, after);
    expect(changes.map(({ causes: _, ...c }) => c)).toEqual([
      { id: "P1", name: "Person 1", line: "bonus", before: 33000, after: 31500 },
      { id: "P1", name: "Person 1", line: "pay", before: 33000, after: 31500 },
    ]);
    expect(changes[0].causes).toEqual([
      { field: "extra_points", kind: "input", before: 10, after: 5 },
      { field: "total", kind: "total", before: 110, after: 105 },
    ]);
    expect(snapshotTotal(after) - snapshotTotal(before)).toBe(-1500);
    expect(settingChanges(before, after)).toEqual([]);
  });

  it("a pay change with no input change is explained by the settings that changed", () => {
    const after = payoutSnapshot(evaluate(s, [p1, p2]), { p_threshold: 85 });
    expect(payoutChanges(before, after)).toEqual([]);
    expect(settingChanges(before, after)).toEqual([{ name: "p_threshold", before: 80, after: 85 }]);
  });

  it("a person who joined or left shows with a missing side and no causes", () => {
    const after = payoutSnapshot(evaluate(s, [p1]));
    expect(payoutChanges(before, after)).toEqual([
      { id: "P2", name: "Person 2", line: "bonus", before: 30000, after: null, causes: [] },
      { id: "P2", name: "Person 2", line: "pay", before: 30000, after: null, causes: [] },
    ]);
  });

  it("nothing changed, nothing listed", () => {
    expect(payoutChanges(before, before)).toEqual([]);
    expect(settingChanges(before, before)).toEqual([]);
  });

  it("reads back a stored snapshot, and refuses an older version's shape", () => {
    expect(asSnapshot(JSON.parse(JSON.stringify(before)))).toEqual(before);
    expect(asSnapshot({ P1: { name: "x", lines: { pay: 1 } } })).toBeNull();
    expect(asSnapshot(null)).toBeNull();
    expect(asSnapshot("x")).toBeNull();
  });
});
