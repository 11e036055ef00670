/**
 * Deduct per step (seed 003): start from full points, lose `points` for each `step` the value is
 * over (or under) the limit, never below zero. "Each 1 pp above 2 % → −2 points".
 */
import { z } from "zod";
import { ConstSchema, constValue } from "../expr.js";
import { roundExcel } from "../money.js";
import { isNonNegative, isPositive } from "../rule-checks.js";
import { call, div, IF, MAX, mul, op, ROUND, str, sub } from "../formula.js";
import { constFormula, constWords, numeric, ruleKind } from "./kind.js";
import { checkChoice, choiceFormula, choiceNow, optionChoiceSchema } from "./choice.js";
import { optionSchema, optionValues } from "../option-words.js";

const PARTIAL = optionValues("partial");

export const DeductPerStepRuleSchema = z
  .object({
    kind: z.literal("deduct-per-step"),
    /** "above": the value must stay at or under the limit (complaint rate); "below": at or over it. */
    direction: optionSchema("side"),
    limit: ConstSchema,
    step: ConstSchema,
    points: ConstSchema,
    /** How a part step counts: not at all (default), as a whole step, or in proportion — or a parameter (0, 1, 2). */
    partial: optionChoiceSchema("partial").default("ignore"),
  })
  .strict();
export type DeductPerStepRule = z.infer<typeof DeductPerStepRuleSchema>;

/**
 * Steps counted for an excess. The quotient is first rounded to 9 decimals, as the native formula
 * does, so that 0.05 − 0.02 over a step of 0.01 counts 3 steps and not 2.9999999999999996 → 2.
 */
export function countSteps(excess: number, step: number, partial: (typeof PARTIAL)[number]): number {
  if (excess <= 0) return 0;
  const q = roundExcel(excess / step, 9);
  if (partial === "whole") return Math.ceil(q);
  if (partial === "prorate") return q;
  return Math.floor(q);
}

export const deductPerStep = ruleKind({
  kind: "deduct-per-step",
  schema: DeductPerStepRuleSchema,
  tunable: ["limit", "step", "points"],
  readsOwnInput: true,
  check(rule, c) {
    if (!isPositive(c.resolve(rule.step))) c.issue(["step"], "scheme.positive");
    if (!isNonNegative(c.resolve(rule.points))) c.issue(["points"], "scheme.non-negative");
    checkChoice(rule.partial, PARTIAL, "partial", c);
  },
  compile(rule, c) {
    const partial = choiceNow(rule.partial, PARTIAL, c.env);
    const limit = constValue(rule.limit, c.env);
    const step = constValue(rule.step, c.env);
    const per = constValue(rule.points, c.env);
    const full = c.full;
    return (value, _ctx, why) => {
      const v = numeric(value, "deduct-per-step");
      const excess = rule.direction === "above" ? v - limit : limit - v;
      const steps = countSteps(excess, step, partial);
      const points = Math.max(0, full - steps * per);
      if (why) why(steps === 0 ? "why.deduct.within" : `why.deduct.${rule.direction}`, { value: v, limit, step, per, steps, full, deducted: full - points });
      return points;
    };
  },
  formula(rule, value, _input, full, f) {
    const limit = constFormula(rule.limit, f);
    const excess = rule.direction === "above" ? sub(value, limit) : sub(limit, value);
    const q = ROUND(div(excess, constFormula(rule.step, f)), 9);
    const steps = choiceFormula(rule.partial, PARTIAL, f, (o) => (o === "whole" ? call("ROUNDUP", q, 0) : o === "prorate" ? q : call("INT", q)));
    return MAX(0, sub(full, mul(IF(op("<=", excess, 0), 0, steps), constFormula(rule.points, f))));
  },
  // a part-step rule left to a parameter is chosen by the parameter's cell: CHOOSE(p+1,"ignore",…)
  addin: (rule, value, _input, full, f) =>
    call("KPI.DEDUCT", value, constFormula(rule.limit, f), constFormula(rule.step, f), constFormula(rule.points, f), full, str(rule.direction), choiceFormula(rule.partial, PARTIAL, f, str)),
  describe: (rule, d) => ({
    key: `rule.describe.deduct.${rule.direction}`,
    vars: { full: d.full, points: constWords(rule.points, d), step: constWords(rule.step, d), limit: constWords(rule.limit, d) },
  }),
});
