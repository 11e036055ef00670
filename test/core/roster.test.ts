import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocatePool } from "../../src/core/kinds/pool.js";
import { competitionRanks } from "../../src/core/roster/ranking.js";
import { forcedDistribution, ForcedAwardSchema } from "../../src/core/roster/forced-distribution.js";
import { rankAwards } from "../../src/core/kinds/rank-award.js";
import { bottomRanked } from "../../src/core/roster/ranking.js";

const env = { params: new Map<string, number>() };

describe("pool allocation (largest remainder)", () => {
  it("splits 100.00 three ways exactly, the extra cent by the stated tie rule", () => {
    const shares = allocatePool(10000, [
      { id: "b", weight: 1 },
      { id: "a", weight: 1 },
      { id: "c", weight: 1 },
    ]);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(10000);
    // equal remainders and weights: the earlier row gets the cent
    expect(shares).toEqual([3334, 3333, 3333]);
  });
  it("gives the leftover to the larger weight on equal remainders", () => {
    const shares = allocatePool(100, [
      { id: "a", weight: 1 },
      { id: "b", weight: 2 },
      { id: "c", weight: 1 },
      { id: "d", weight: 2 },
    ]);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(100);
  });
  it("splits in whole yuan when the unit is 1 yuan", () => {
    const shares = allocatePool(100000, [
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1 },
    ], 100);
    expect(shares.every((s) => s % 100 === 0)).toBe(true);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(100000);
  });
  it("always adds up to the budget, never negative, deterministic, proportional within a unit (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (budget, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const people = weights.map((w, i) => ({ id: `p${i}`, weight: w }));
          const a = allocatePool(budget, people);
          expect(a.reduce((s, x) => s + x, 0)).toBe(budget);
          expect(a.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
          expect(allocatePool(budget, people)).toEqual(a);
          const W = weights.reduce((s, w) => s + w, 0);
          a.forEach((x, i) => expect(Math.abs(x - (budget * weights[i]) / W)).toBeLessThan(1 + 1e-6));
        },
      ),
    );
  });
  it("refuses a pool nobody can share", () => {
    expect(() => allocatePool(100, [{ id: "a", weight: 0 }])).toThrow(/pool.no-weight/);
    expect(() => allocatePool(100, [{ id: "a", weight: -1 }])).toThrow(/pool.weight/);
  });
});

describe("ranking and rank awards", () => {
  it("uses competition ranks: ties share, the next rank skips", () => {
    expect(competitionRanks([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
  });
  it("first gets the award, last the deduction, ties included", () => {
    const a = rankAwards({ kind: "rank-award", first: 100, last: -100 }, [95, 95, 80, 70, 70], env);
    expect(a.map((x) => x.amount)).toEqual([100, 100, 0, -100, -100]);
  });
  it("one person is first, not last", () => {
    expect(rankAwards({ kind: "rank-award", first: 100, last: -100 }, [50], env)[0].amount).toBe(100);
  });
  it("flags the bottom two", () => {
    expect([...bottomRanked([90, 60, 70, 80], 2)].sort()).toEqual([1, 2]);
  });
});

describe("capped forced distribution", () => {
  const awards = [
    ForcedAwardSchema.parse({ id: "best", label: { "zh-CN": "最佳", "en-US": "Best" }, share: 0.05 }),
    ForcedAwardSchema.parse({ id: "excellent", label: { "zh-CN": "优秀", "en-US": "Excellent" }, share: 0.1 }),
  ];
  it("best ≤ 5 %, excellent ≤ 10 %, down the ranking", () => {
    const totals = Array.from({ length: 40 }, (_, i) => 100 - i);
    const out = forcedDistribution(awards, totals, env);
    expect(out.filter((x) => x === "best")).toHaveLength(2);
    expect(out.filter((x) => x === "excellent")).toHaveLength(4);
    expect(out.slice(0, 6)).toEqual(["best", "best", "excellent", "excellent", "excellent", "excellent"]);
  });
  it("never exceeds a cap on ties: a tied group that does not fit is left for the next award", () => {
    const totals = [99, 98, 98, ...Array.from({ length: 37 }, () => 50)];
    const out = forcedDistribution(awards, totals, env);
    expect(out.slice(0, 3)).toEqual(["best", "excellent", "excellent"]);
    expect(out.filter((x) => x !== null)).toHaveLength(3);
  });
  it("respects a minimum total", () => {
    const withMin = [ForcedAwardSchema.parse({ id: "best", label: { "zh-CN": "最佳", "en-US": "Best" }, share: 0.5, minTotal: 90 })];
    expect(forcedDistribution(withMin, [95, 85, 80, 70], env)).toEqual(["best", null, null, null]);
  });
});
