import { describe, expect, it } from "vitest";
import { evaluate, L, minimal, people, scheme } from "../helpers.js";
import { EvaluationError } from "../../src/core/errors.js";
import { compileScheme, RowEvaluationError } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { MAX_YUAN } from "../../src/core/money.js";

// Ten pay lines that each pay an amount from the roster: each line stays within what one line may
// pay, their sum can pass what a double holds to the cent (2^53 cents, about 9.007e13 yuan).
const tenLines = scheme(
  minimal({
    inputs: [
      { id: "x", name: L("x"), type: "number" },
      { id: "base", name: L("base"), type: "number" },
    ],
    pay: Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, name: L(`p${i}`), rule: { kind: "amount", amount: { input: "base" } } })),
  }),
);

describe("a person's pay total", () => {
  it("is the exact sum of the lines, in cents", () => {
    const [r] = evaluate(tenLines, [{ x: 80, base: 1234.56 }]);
    expect(r.payTotal).toBe(10 * 123456);
    expect(Object.values(r.pay).reduce((s, c) => s + c, 0)).toBe(r.payTotal);
  });

  it("beyond 2^53 cents is refused, naming the person, not rounded to a double", () => {
    // each line 1e13 yuan (the most one line may pay): 1e16 cents in all, past 2^53
    const run = () => evaluate(tenLines, [{ x: 80, base: 1 }, { x: 80, base: MAX_YUAN }]);
    expect(run).toThrow(RowEvaluationError);
    try {
      run();
    } catch (e) {
      const err = e as RowEvaluationError;
      expect(err.line).toBe(3);
      expect(err.personId).toBe("P2");
      expect(err.error).toBeInstanceOf(EvaluationError);
      expect(err.error.key).toBe("money.sum-too-large");
    }
  });

  it("just under 2^53 cents is still paid exactly", () => {
    // 9e12 yuan per line: 9e15 cents, below 2^53 = 9,007,199,254,740,992
    const [r] = evaluate(tenLines, [{ x: 80, base: 9e12 }]);
    expect(Number.isSafeInteger(r.payTotal)).toBe(true);
    expect(r.payTotal).toBe(9e15);
  });

  it("a first-place streak award that takes the total past 2^53 cents is refused with the person, in the pass across periods", () => {
    // nine lines of 1e13 yuan (9e15 cents, still exact), then the streak award of 1e13 yuan
    const streaked = scheme(
      minimal({
        inputs: [
          { id: "x", name: L("x"), type: "number" },
          { id: "base", name: L("base"), type: "number" },
        ],
        pay: [
          ...Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, name: L(`p${i}`), rule: { kind: "amount", amount: { input: "base" } } })),
          { id: "streak", name: L("streak"), rule: { kind: "streak-award", amounts: [MAX_YUAN] } },
        ],
      }),
    );
    const roster = people(streaked, [{ x: 90, base: 1 }, { x: 80, base: MAX_YUAN }]).map((p) => ({ ...p, period: "2026-01" }));
    // the first is paid: rank 1, a small total
    const fine = people(streaked, [{ x: 90, base: 1 }]).map((p) => ({ ...p, period: "2026-01" }));
    const [r] = evaluatePeriods(compileScheme(streaked), fine).results;
    expect(r.pay.streak).toBe(MAX_YUAN * 100);
    expect(r.payTotal).toBe(MAX_YUAN * 100 + 9 * 100);
    // the second ranks first in a roster of their own: 9e15 + 1e15 cents
    const top = [{ ...roster[1], line: 3 }];
    try {
      evaluatePeriods(compileScheme(streaked), top);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RowEvaluationError);
      expect((e as RowEvaluationError).line).toBe(3);
      expect((e as RowEvaluationError).personId).toBe("P2");
      expect((e as RowEvaluationError).error.key).toBe("money.sum-too-large");
    }
  });
  it("a first-place streak award past what one line may pay is refused with the person (it said no name)", () => {
    const streaked = scheme(minimal({ inputs: [{ id: "x", name: L("x"), type: "number" }], pay: [{ id: "streak", name: L("streak"), rule: { kind: "streak-award", amounts: [2 * MAX_YUAN] } }] }));
    const roster = people(streaked, [{ x: 90 }, { x: 80 }]).map((p) => ({ ...p, period: "2026-01" }));
    try {
      evaluatePeriods(compileScheme(streaked), roster);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RowEvaluationError);
      const err = e as RowEvaluationError;
      // the first, ranked first, is the one the award would pay
      expect(err.line).toBe(2);
      expect(err.personId).toBe("P1");
      expect(err.error.key).toBe("money.too-large");
    }
  });
});
