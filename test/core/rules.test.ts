import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileRule, RuleSchema, type Rule } from "../../src/core/kinds/registry.js";
import { countSteps } from "../../src/core/kinds/deduct-per-step.js";
import type { ExprEnv, RowContext } from "../../src/core/expr.js";

const env: ExprEnv = { params: new Map([["limit", 0.02]]) };
const ctx = (values: RowContext["values"] = {}): RowContext => ({ values });
const rule = (raw: unknown, full: number) => compileRule(RuleSchema.parse(raw) as Rule, { env, full });

describe("ratio", () => {
  const higher = rule({ kind: "ratio", direction: "higher", target: 0.5, cap: 1 }, 30);
  const lower = rule({ kind: "ratio", direction: "lower", target: 40, cap: 1 }, 5);
  it("scores points × min(actual / target, cap)", () => {
    expect(higher(0.25, ctx(), null)).toBe(15);
    expect(higher(0.75, ctx(), null)).toBe(30);
    expect(higher(0, ctx(), null)).toBe(0);
  });
  it("lower is better: points × min(target / actual, cap)", () => {
    expect(lower(80, ctx(), null)).toBe(2.5);
    expect(lower(20, ctx(), null)).toBe(5);
    expect(lower(0, ctx(), null)).toBe(5);
  });
  it("takes the target from a column", () => {
    const r = rule({ kind: "ratio", target: { input: "plan" } }, 40);
    expect(r(90, ctx({ plan: 100 }), null)).toBe(36);
  });
  it("refuses a target of 0 instead of dividing by it", () => {
    const r = rule({ kind: "ratio", target: { input: "plan" } }, 40);
    expect(() => r(90, ctx({ plan: 0 }), null)).toThrow(/rule.target-not-positive/);
  });
  it("stays within [0, points × cap] and rises with the actual (property)", () => {
    const capped = rule({ kind: "ratio", direction: "higher", target: 100, cap: 1.2 }, 10);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pl = capped(lo, ctx(), null);
        const ph = capped(hi, ctx(), null);
        expect(pl).toBeGreaterThanOrEqual(0);
        expect(ph).toBeLessThanOrEqual(12);
        expect(ph).toBeGreaterThanOrEqual(pl);
        const ll = lower(lo, ctx(), null);
        const lh = lower(hi, ctx(), null);
        expect(lh).toBeLessThanOrEqual(ll);
      }),
    );
  });
});

describe("bands", () => {
  const response = rule(
    { kind: "bands", direction: "at-most", bands: [{ threshold: 30, points: 5 }, { threshold: 40, points: 4 }, { threshold: 60, points: 2 }], otherwise: 0 },
    5,
  );
  it("lower is better: the first band the value stays within", () => {
    expect(response(20, ctx(), null)).toBe(5);
    expect(response(30, ctx(), null)).toBe(5);
    expect(response(30.1, ctx(), null)).toBe(4);
    expect(response(40, ctx(), null)).toBe(4);
    expect(response(61, ctx(), null)).toBe(0);
  });
  it("higher is better: the highest band reached (inclusive lower bound)", () => {
    const r = rule({ kind: "bands", direction: "at-least", bands: [{ threshold: 90, points: 10 }, { threshold: 80, points: 6 }] }, 10);
    expect(r(90, ctx(), null)).toBe(10);
    expect(r(89.99, ctx(), null)).toBe(6);
    expect(r(10, ctx(), null)).toBe(0);
  });
});

describe("deduct-per-step (seed 003)", () => {
  const complaints = rule({ kind: "deduct-per-step", direction: "above", limit: { param: "limit" }, step: 0.01, points: 3 }, 15);
  it("loses points per whole step over the limit", () => {
    expect(complaints(0.02, ctx(), null)).toBe(15);
    expect(complaints(0.029, ctx(), null)).toBe(15);
    expect(complaints(0.03, ctx(), null)).toBe(12);
    expect(complaints(0.05, ctx(), null)).toBe(6); // 0.05 − 0.02 is 2.9999… steps in floating point: counted as 3
  });
  it("stops at zero (扣完为止)", () => {
    expect(complaints(0.5, ctx(), null)).toBe(0);
  });
  it("counts steps below a target the other way", () => {
    const satisfaction = rule({ kind: "deduct-per-step", direction: "below", limit: 0.9, step: 0.01, points: 2 }, 20);
    expect(satisfaction(0.95, ctx(), null)).toBe(20);
    expect(satisfaction(0.87, ctx(), null)).toBe(14);
  });
  it("counts part steps as the scheme says", () => {
    expect(countSteps(0.025, 0.01, "ignore")).toBe(2);
    expect(countSteps(0.025, 0.01, "whole")).toBe(3);
    expect(countSteps(0.025, 0.01, "prorate")).toBe(2.5);
    expect(countSteps(-1, 0.01, "whole")).toBe(0);
  });
  it("never leaves [0, full] and never rises as the value worsens (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pl = complaints(lo, ctx(), null);
        const ph = complaints(hi, ctx(), null);
        expect(pl).toBeLessThanOrEqual(15);
        expect(ph).toBeGreaterThanOrEqual(0);
        expect(ph).toBeLessThanOrEqual(pl);
      }),
    );
  });
});

describe("levels and direct entry", () => {
  it("levels give each option its points", () => {
    const r = rule({ kind: "levels", points: { excellent: 3, good: 1, average: 0, poor: -3 } }, 0);
    expect(r("excellent", ctx(), null)).toBe(3);
    expect(r("poor", ctx(), null)).toBe(-3);
    expect(() => r("great", ctx(), null)).toThrow(/rule.level-unknown/);
  });
  it("direct entry is clamped to [0, full] by default", () => {
    const r = rule({ kind: "direct" }, 10);
    expect(r(7.5, ctx(), null)).toBe(7.5);
    expect(r(12, ctx(), null)).toBe(10);
    expect(r(-1, ctx(), null)).toBe(0);
  });
});

describe("schedules", () => {
  const deductions = rule(
    {
      kind: "deductions",
      zeroWhen: { input: "absent", above: 0 },
      items: [
        { input: "sick", schedule: { kind: "cumulative", steps: [0, 2, 3, 4, 5, 7, 9] } },
        { input: "lates", schedule: { kind: "count-bands", bands: [{ threshold: 3, points: 1 }, { threshold: 4, points: 5 }, { threshold: 7, points: 10 }, { threshold: 10, points: 30 }] } },
        { input: "personal", schedule: { kind: "count-bands", bands: [{ threshold: 1, points: 5 }, { threshold: 2, points: 10 }, { threshold: 3, points: 20 }, { threshold: 4, points: 30 }] } },
      ],
    },
    30,
  );
  const points = (v: Record<string, number>) => deductions(null, ctx({ absent: 0, sick: 0, lates: 0, personal: 0, ...v }), null);
  it("sick leave is cumulative: 3 days cost 0 + 2 + 3 = 5", () => {
    expect(points({ sick: 1 })).toBe(30);
    expect(points({ sick: 3 })).toBe(25);
    expect(points({ sick: 7 })).toBe(30 - 30); // 0+2+3+4+5+7+9 = 30
    expect(points({ sick: 8 })).toBe(0); // past the list, the last day's cost repeats; never below 0
  });
  it("late counts go by bands: 3 → −1, 4–6 → −5, 7–9 → −10, 10+ → −30", () => {
    expect(points({ lates: 2 })).toBe(30);
    expect(points({ lates: 3 })).toBe(29);
    expect(points({ lates: 6 })).toBe(25);
    expect(points({ lates: 9 })).toBe(20);
    expect(points({ lates: 12 })).toBe(0);
  });
  it("personal leave: 1 day −5, 2 −10, 3 −20, 4 −30", () => {
    expect([1, 2, 3, 4].map((d) => points({ personal: d }))).toEqual([25, 20, 10, 0]);
  });
  it("any unexcused absence empties the indicator", () => {
    expect(points({ absent: 1 })).toBe(0);
  });
  it("refuses a fractional count for a cumulative schedule", () => {
    expect(() => points({ sick: 1.5 })).toThrow(/rule.count-not-whole/);
  });
  it("per-unit items by staff level (pick)", () => {
    const r = rule({ kind: "items", schedule: { kind: "per-unit", rate: { pick: "level", from: { manager: -60, staff: -20 } } } }, 0);
    expect(r(2, ctx({ level: "manager" }), null)).toBe(-120);
    expect(r(2, ctx({ level: "staff" }), null)).toBe(-40);
  });
});
