/**
 * Properties every built-in template must have, on generated data: the trace explains every
 * number in both languages, grade bands cover every possible total, pay reconciles to the cent.
 */
import { reasonText } from "../../src/io/reason-text.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { constValue } from "../../src/core/expr.js";

function run(id: string, rows: number, periods?: number, seed = 1) {
  const scheme = builtInSchemes().find((s) => s.id === id)!;
  const sample = sampleData(scheme, { rows, periods, seed });
  const parsed = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
  expect(parsed.problems).toEqual([]);
  return { scheme, ...evaluatePeriods(compileScheme(scheme), parsed.people) };
}

describe.each(builtInSchemes().map((s) => s.id))("template %s", (id) => {
  it("explains every indicator, adjustment and pay line, in both languages, with every placeholder filled", () => {
    const { scheme, results } = run(id, 40, 2);
    for (const r of results) {
      const targets = new Set(r.trace.map((e) => e.target));
      if (!r.excluded) {
        for (const i of scheme.indicators) expect(targets.has(i.id), `${r.id} ${i.id}`).toBe(true);
        for (const a of scheme.adjustments) expect(targets.has(a.id), `${r.id} ${a.id}`).toBe(true);
        for (const p of scheme.pay) expect(targets.has(p.id), `${r.id} ${p.id}`).toBe(true);
      }
      for (const e of r.trace) {
        for (const lang of ["zh-CN", "en-US"] as const) {
          // as people read it: through the one renderer of reasons (inputs, options and raters by name)
          const text = reasonText(e.reason, scheme, lang);
          expect(text, `${e.reason.key} ${lang}`).not.toBe(e.reason.key);
          expect(text, `${e.reason.key} ${lang}`).not.toMatch(/\{\w+(:%)?\}/);
        }
      }
    }
  });

  it("pay reconciles: every person's pay is the sum of their lines, in whole money units", () => {
    const { scheme, results } = run(id, 60);
    const unit = 10 ** (2 - scheme.money.digits);
    for (const r of results) {
      const lines = scheme.pay.map((p) => r.pay[p.id]);
      expect(lines.every((c) => Number.isInteger(c) && c % unit === 0)).toBe(true);
      expect(r.payTotal).toBe(lines.reduce((s, c) => s + c, 0));
    }
  });

  it("grade bands cover every total the scheme allows", () => {
    const scheme = builtInSchemes().find((s) => s.id === id)!;
    if (scheme.grades.length === 0) return;
    const env = { params: new Map(scheme.parameters.map((p) => [p.id, p.value])) };
    const mins = scheme.grades.map((g) => constValue(g.min, env));
    const hi = scheme.total.max ?? scheme.total.full * 2;
    fc.assert(
      fc.property(fc.double({ min: scheme.total.min, max: hi, noNaN: true }), (total) => {
        expect(mins.some((m) => total >= m)).toBe(true);
      }),
    );
  });
});

describe("cs-bonus-pool", () => {
  it("adds up to the budget exactly for any roster size (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 1000 }), (rows, seed) => {
        const { results } = run("cs-bonus-pool", rows, 0, seed);
        expect(results.reduce((s, r) => s + r.pay.pool_share, 0)).toBe(5_000_000);
      }),
      { numRuns: 25 },
    );
  });
});
