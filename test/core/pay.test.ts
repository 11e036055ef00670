import { describe, expect, it } from "vitest";
import { compilePersonPay, PersonPaySchema } from "../../src/core/kinds/registry.js";
import { tieredAmount } from "../../src/core/kinds/tiered.js";
import type { ExprEnv, RowContext } from "../../src/core/expr.js";

const env: ExprEnv = { params: new Map() };
const pay = (raw: unknown) => compilePersonPay(PersonPaySchema.parse(raw), { env });
const ctx = (values: RowContext["values"], total = 0, coefficient?: number): RowContext => ({ values, total, full: 100, coefficient });

describe("score-linear (foreign trade: 1000 × score, at most 1000, nothing below 60)", () => {
  const f = pay({ kind: "score-linear", amount: 1000, gate: 60, cap: 1000 });
  it("pays 1000 × score / 100", () => {
    expect(f(ctx({}, 85), null)).toBe(850);
    expect(f(ctx({}, 60), null)).toBe(600);
  });
  it("pays nothing below the pass mark", () => {
    expect(f(ctx({}, 59.99), null)).toBe(0);
  });
  it("is capped", () => {
    expect(f(ctx({}, 120), null)).toBe(1000);
  });
});

describe("gate-proportional (warehouse: base 300, none below 80, pro rata above 100)", () => {
  const f = pay({ kind: "gate-proportional", base: 300, gate: 80 });
  it("110 → 330", () => expect(f(ctx({}, 110), null)).toBeCloseTo(330, 10));
  it("below 80 → 0", () => expect(f(ctx({}, 79.9), null)).toBe(0));
  it("80 to 100 → full base", () => {
    expect(f(ctx({}, 80), null)).toBe(300);
    expect(f(ctx({}, 100), null)).toBe(300);
  });
  it("in proportion between when set", () => {
    const g = pay({ kind: "gate-proportional", base: 300, gate: 80, between: "proportional" });
    expect(g(ctx({}, 90), null)).toBe(270);
  });
  it("below the gate pays 0 without looking at the base, as the sheet's formula does (the oracle found the difference)", () => {
    const byLevel = pay({ kind: "gate-proportional", base: { pick: "level", from: { senior: 300 } }, gate: 80 });
    expect(byLevel(ctx({ level: "trainee" }, 50), null)).toBe(0);
    expect(() => byLevel(ctx({ level: "trainee" }, 90), null)).toThrow();
  });
});

describe("coefficient and scaled", () => {
  it("base × grade coefficient", () => {
    expect(pay({ kind: "coefficient", base: { input: "base" } })(ctx({ base: 2000 }, 95, 1.2), null)).toBe(2400);
  });
  it("target completion scales the bonus: 90 % → 90 %, 110 % → 110 %", () => {
    const f = pay({ kind: "scaled", amount: 1000, completion: { input: "c" } });
    expect(f(ctx({ c: 0.9 }), null)).toBe(900);
    expect(f(ctx({ c: 1.1 }), null)).toBeCloseTo(1100, 10);
  });
});

describe("piece-rate (hospital)", () => {
  const f = pay({
    kind: "piece-rate",
    lines: [
      { input: "major", rate: 40, maxCount: 60 },
      { input: "other", rate: 20 },
    ],
    rewards: [{ inputs: ["major"], above: 60, amount: 300 }],
    completion: { input: "c" },
  });
  it("pays each piece up to the cap and a reward above it", () => {
    expect(f(ctx({ major: 50, other: 10, c: 1 }), null)).toBe(50 * 40 + 200);
    expect(f(ctx({ major: 60, other: 0, c: 1 }), null)).toBe(2400);
    expect(f(ctx({ major: 70, other: 0, c: 1 }), null)).toBe(2400 + 300);
  });
  it("scales by completion", () => {
    expect(f(ctx({ major: 10, other: 0, c: 0.9 }), null)).toBe(360);
  });
});

describe("tiered rates (bid team)", () => {
  const brackets = [
    { upTo: 4500, rate: 0.0005 },
    { upTo: 6500, rate: 0.00055 },
    { upTo: 8500, rate: 0.0006 },
    { upTo: 10000, rate: 0.0007 },
    { upTo: Infinity, rate: 0.0008 },
  ];
  it("whole-bracket: the whole amount takes its bracket's rate", () => {
    expect(tieredAmount(4500, brackets, "whole")).toBeCloseTo(2.25, 12);
    expect(tieredAmount(5000, brackets, "whole")).toBeCloseTo(2.75, 12);
    expect(tieredAmount(12000, brackets, "whole")).toBeCloseTo(9.6, 12);
  });
  it("progressive: each slice at its own rate", () => {
    expect(tieredAmount(5000, brackets, "progressive")).toBeCloseTo(4500 * 0.0005 + 500 * 0.00055, 12);
    expect(tieredAmount(12000, brackets, "progressive")).toBeCloseTo(
      4500 * 0.0005 + 2000 * 0.00055 + 2000 * 0.0006 + 1500 * 0.0007 + 2000 * 0.0008,
      12,
    );
  });
  it("nothing for nothing", () => {
    expect(tieredAmount(0, brackets, "whole")).toBe(0);
    expect(tieredAmount(-5, brackets, "progressive")).toBe(0);
  });
  it("whole-bracket is never below progressive for rising rates", () => {
    for (const v of [100, 4500, 4501, 7000, 9999, 10001, 20000]) {
      expect(tieredAmount(v, brackets, "whole")).toBeGreaterThanOrEqual(tieredAmount(v, brackets, "progressive") - 1e-12);
    }
  });
});

describe("profit-share (foreign trade monthly profit bonus)", () => {
  const f = pay({
    kind: "profit-share",
    profit: { input: "profit" },
    companyCosts: { input: "costs" },
    staffCount: { input: "staff" },
    ownCost: { input: "own" },
    rate: 0.1,
    monthsRegular: { input: "months" },
  });
  it("(profit − costs ÷ staff − own cost) × 10 %", () => {
    expect(f(ctx({ profit: 100000, costs: 60000, staff: 6, own: 5000, months: 12 }), null)).toBe(8500);
  });
  it("a new regular salesperson bears half the share in the first three months", () => {
    expect(f(ctx({ profit: 100000, costs: 60000, staff: 6, own: 5000, months: 3 }), null)).toBe(9000);
    expect(f(ctx({ profit: 100000, costs: 60000, staff: 6, own: 5000, months: 4 }), null)).toBe(8500);
  });
  it("a sole salesperson bears at most 75 %", () => {
    expect(f(ctx({ profit: 100000, costs: 40000, staff: 1, own: 5000, months: 12 }), null)).toBe(6500);
  });
  it("never negative", () => {
    expect(f(ctx({ profit: 1000, costs: 60000, staff: 6, own: 5000, months: 12 }), null)).toBe(0);
  });
});
