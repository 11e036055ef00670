/**
 * The Excel adapter (functions.ts): what a cell receives. Office's globals are faked here — the
 * adapter is the only place that touches them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const g = globalThis as Record<string, unknown>;
let fns: typeof import("../../src/functions/functions.js");

beforeAll(async () => {
  g.CustomFunctions = { Error: FakeError, associate: () => undefined };
  g.Office = { context: { displayLanguage: "zh-CN" } };
  fns = await import("../../src/functions/functions.js");
});
afterAll(() => {
  delete g.CustomFunctions;
  delete g.Office;
});

describe("functions.ts", () => {
  it("returns numbers as they are and errors as CustomFunctions.Error with a message in Office's language", () => {
    expect(fns.score([[0.25]], [[0.5]], [[30]])).toEqual([[15]]);
    const [[err]] = fns.score([["三个"]], [[0.5]], [[30]]);
    expect(err).toBeInstanceOf(FakeError);
    expect(err).toEqual(new FakeError("#VALUE!", "“实际值”:“三个”不是数字"));
    g.Office = { context: { displayLanguage: "en-US" } };
    expect(fns.weighted([[80, 90]], [[50, 45]])).toEqual([[new FakeError("#VALUE!", "weights add up to 95, expected 100")]]);
    expect(fns.grade([[65]], "A:90,B:80" as unknown as unknown[][])).toEqual([[new FakeError("#N/A", "no band of bands covers 65; the lowest starts at 80")]]);
  });
  it("passes an error cell through unchanged", () => {
    const incoming = new FakeError("#DIV/0!");
    expect(fns.round([[incoming]])[0][0]).toBe(incoming);
  });
  it("never returns NaN, Infinity or throws, whatever the cells hold (property)", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(""),
      fc.constantFrom("95%", "1,234.5", "-", "=1+1", "优秀", "lower", "whole", "0,2,3"),
    );
    const arg = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((rows) => {
      const w = rows[0].length; // ranges are rectangular
      return rows.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? null));
    }));
    const all = [fns.score, fns.weighted, fns.grade, fns.bonus, fns.deduct, fns.band, fns.level, fns.cumulative, fns.blend, fns.tiered, fns.pool, fns.round] as ((...a: unknown[]) => unknown[][])[];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(arg, { minLength: 7, maxLength: 7 }), (f, args) => {
        const out = f(...args.slice(0, f.length));
        expect(Array.isArray(out) && out.length > 0).toBe(true);
        for (const row of out)
          for (const v of row) {
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            else expect(typeof v === "string" || v instanceof FakeError || v === null || typeof v === "boolean" || typeof v === "object").toBe(true);
          }
      }),
      { numRuns: 2000 },
    );
  });
});
