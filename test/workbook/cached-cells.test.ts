/**
 * A block's cached values kept by column: numbers in a Float64Array until a column holds
 * anything else, and every value read back as it was set — a NaN given as a value included (it is
 * written as #NUM!), "none" only where nothing was set.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cachedAt, cachedColumns, setCachedAt } from "../../src/workbook/plan/cached-cells.js";
import type { CachedValue, PlanBlock } from "../../src/workbook/plan/types.js";

const block = (rows: number, cols: number): PlanBlock => ({ row: 1, col: 0, values: Array.from({ length: rows }, () => Array.from({ length: cols }, () => ({ formula: 0 }))) });

describe("cached values by column", () => {
  it("keeps a column of numbers as a Float64Array, and nothing where nothing was set", () => {
    const b = block(4, 2);
    setCachedAt(b, 0, 1, 12.5);
    setCachedAt(b, 2, 1, 0);
    expect(b.cached![1]).toBeInstanceOf(Float64Array);
    expect([0, 1, 2, 3].map((i) => cachedAt(b, i, 1))).toEqual([12.5, undefined, 0, undefined]);
    expect(cachedAt(b, 0, 0)).toBeUndefined();
  });

  it("turns a column into values at its first text, keeping the numbers set before", () => {
    const b = block(3, 1);
    setCachedAt(b, 0, 0, 3);
    setCachedAt(b, 1, 0, "优秀");
    setCachedAt(b, 2, 0, { error: "#N/A" });
    expect(Array.isArray(b.cached![0])).toBe(true);
    expect([0, 1, 2].map((i) => cachedAt(b, i, 0))).toEqual([3, "优秀", { error: "#N/A" }]);
  });

  it("keeps a NaN given as a value (not read as 'none')", () => {
    const b = block(2, 1);
    setCachedAt(b, 0, 0, Number.NaN);
    expect(cachedAt(b, 0, 0)).toBeNaN();
    expect(cachedAt(b, 1, 0)).toBeUndefined();
  });

  it("gives back whatever is set, in any order, like a table of rows would (property)", () => {
    const value: fc.Arbitrary<CachedValue> = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant({ error: "#DIV/0!" }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(3), value), { maxLength: 40 }), (sets) => {
        const b = block(6, 4);
        const expected: (CachedValue | undefined)[][] = Array.from({ length: 6 }, () => new Array(4).fill(undefined));
        for (const [i, j, v] of sets) {
          setCachedAt(b, i, j, v);
          expected[i][j] = v;
        }
        for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) expect(cachedAt(b, i, j)).toEqual(expected[i][j]);
      }),
      { numRuns: 200, seed: 20261206 },
    );
  });

  it("makes columns from rows written by hand", () => {
    const b = { ...block(2, 3), cached: cachedColumns([[undefined, 1, "a"], [2]]) };
    expect([cachedAt(b, 0, 1), cachedAt(b, 0, 2), cachedAt(b, 1, 0), cachedAt(b, 1, 2)]).toEqual([1, "a", 2, undefined]);
  });
});
