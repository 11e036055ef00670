import { describe, expect, it } from "vitest";
import { evaluate, L, minimal, scheme } from "../helpers.js";
import { EvaluationError } from "../../src/core/errors.js";
import { RowEvaluationError } from "../../src/core/evaluate.js";
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
});
