/**
 * Parity: for random inputs every function returns exactly what src/core returns, and a whole
 * template scored column by column with KPI.* spills gives the evaluator's numbers to the cent.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { col, fx, one } from "./fn-helpers.js";
import { ratio } from "../../src/core/kinds/ratio.js";
import { deductPerStep } from "../../src/core/kinds/deduct-per-step.js";
import { tieredAmount } from "../../src/core/kinds/tiered.js";
import { allocatePool } from "../../src/core/kinds/pool.js";
import { roundExcel, roundPoints, toCents } from "../../src/core/money.js";
import { blend, weightedTotal } from "../../src/core/totals.js";
import { builtInScheme } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";

const env = { params: new Map<string, number>() };
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe("functions equal src/core on random inputs", () => {
  it("SCORE", () => {
    fc.assert(
      fc.property(num(0, 1000), num(0.01, 1000), num(0, 100), fc.constantFrom("higher", "lower"), num(0.5, 2), (a, t, p, d, cap) => {
        const core = ratio.compile({ kind: "ratio", direction: d, target: t, cap }, { env, full: p })(a, { values: {} }, null);
        expect(one("SCORE", a, t, p, d, cap)).toBe(roundPoints(core, 2));
      }),
    );
  });
  it("DEDUCT", () => {
    fc.assert(
      fc.property(num(0, 1), num(0, 1), num(0.001, 0.2), num(0, 10), num(0, 30), fc.constantFrom("above", "below"), (v, limit, step, per, full, direction) => {
        const core = deductPerStep.compile({ kind: "deduct-per-step", direction, limit, step, points: per, partial: "ignore" }, { env, full })(v, { values: {} }, null);
        expect(one("DEDUCT", v, limit, step, per, full, direction)).toBe(roundPoints(core, 2));
      }),
    );
  });
  it("WEIGHTED and BLEND", () => {
    fc.assert(
      fc.property(fc.array(num(0, 100), { minLength: 2, maxLength: 6 }), (scores) => {
        const weights = scores.map(() => 100 / scores.length);
        fc.pre(Math.abs(weights.reduce((s, w) => s + w, 0) - 100) < 1e-9);
        expect(one("WEIGHTED", [scores], [weights])).toBe(roundPoints(weightedTotal(scores, 100, weights), 2));
        expect(one("BLEND", [scores], [weights])).toBe(roundPoints(blend(scores, weights), 2));
      }),
    );
  });
  it("TIERED", () => {
    const brackets = [
      { upTo: 4500, rate: 0.0005 },
      { upTo: 6500, rate: 0.00055 },
      { upTo: Infinity, rate: 0.0008 },
    ];
    const table = [[4500, 0.0005], [6500, 0.00055], [null, 0.0008]];
    fc.assert(
      fc.property(num(0, 20000), fc.constantFrom("whole" as const, "progressive" as const), (amount, mode) => {
        expect(one("TIERED", amount, table, mode)).toBe(toCents(tieredAmount(amount, brackets, mode), 2) / 100);
      }),
    );
  });
  it("POOL", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(num(0.1, 5), { minLength: 1, maxLength: 30 }), (cents, weights) => {
        const core = allocatePool(cents, weights.map((w, i) => ({ id: String(i).padStart(8, "0"), weight: w })));
        const r = fx("POOL", cents / 100, col(...weights)).map((x) => x[0]);
        expect(r).toEqual(core.map((c) => c / 100));
        expect(Math.round((r as number[]).reduce((s, x) => s + x, 0) * 100)).toBe(cents);
      }),
    );
  });
  it("ROUND", () => {
    fc.assert(
      fc.property(num(-1e6, 1e6), fc.integer({ min: -3, max: 6 }), (x, d) => {
        expect(one("ROUND", x, d)).toBe(roundExcel(x, d));
      }),
    );
  });
});

describe("a template scored with KPI.* spills equals the evaluator", () => {
  it("ecommerce-cs: SCORE, BAND, BLEND, GRADE and BONUS over 500 people", () => {
    const scheme = builtInScheme("ecommerce-cs")!;
    const sample = sampleData(scheme, { rows: 500, seed: 11 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const results = compileScheme(scheme).evaluateRoster(people);
    const column = (name: string) => col(...people.map((p) => p.values[name] as number));
    const flat = (m: unknown[][]) => m.map((r) => r[0]);
    const p = Object.fromEntries(scheme.parameters.map((x) => [x.id, x.value]));
    const sheet = {
      target_completion: flat(fx("SCORE", column("target_completion"), 1, 30, "higher", p.completion_cap)),
      inquiry_conversion: flat(fx("SCORE", column("inquiry_conversion"), p.conversion_target, 30)),
      order_success: flat(fx("SCORE", column("order_success"), p.order_success_target, 10)),
      avg_order_value: flat(fx("SCORE", column("avg_order_value"), p.aov_target, 5)),
      reply_rate: flat(fx("SCORE", column("reply_rate"), p.reply_target, 5)),
      response_time: flat(fx("BAND", column("response_time"), [[p.response_fast, 5], [p.response_normal, 4], [p.response_slow, 2]], "at-most")),
      follow_up: flat(fx("BLEND", people.map((x) => [x.values["follow_up@self"], x.values["follow_up@supervisor"]] as number[]), [[30, 70]])),
      execution: flat(fx("BLEND", people.map((x) => [x.values["execution@self"], x.values["execution@supervisor"]] as number[]), [[30, 70]])),
    };
    for (const [id, values] of Object.entries(sheet)) expect(values, id).toEqual(results.map((r) => r.points[id]));
    const totals = people.map((_, i) => roundPoints(Object.values(sheet).reduce((s, v) => s + (v[i] as number), 0), 2));
    expect(totals).toEqual(results.map((r) => r.total));
    const bands = scheme.grades.map((g) => [g.label["zh-CN"], g.min as number, g.coefficient as number]);
    expect(flat(fx("GRADE", col(...totals), bands))).toEqual(results.map((r) => scheme.grades.find((g) => g.id === r.grade)!.label["zh-CN"]));
    expect(flat(fx("BONUS", column("perf_base"), col(...totals), "coefficient", bands))).toEqual(results.map((r) => r.pay.performance_pay / 100));
  });
});
