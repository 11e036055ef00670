/**
 * Target-completion scaling (seed 001 hospital): amount × completion of the monthly target,
 * 90 % → 90 %, 110 % → 110 %; optional floor and ceiling on the completion used.
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { MAX, MIN, mul } from "../formula.js";
import { constFormula, exprFormula, payKind } from "./kind.js";

export const ScaledPaySchema = z
  .object({
    kind: z.literal("scaled"),
    amount: ExprSchema,
    completion: ExprSchema,
    minCompletion: ConstSchema.optional(),
    maxCompletion: ConstSchema.optional(),
  })
  .strict();
export type ScaledPay = z.infer<typeof ScaledPaySchema>;

export const scaled = payKind({
  kind: "scaled",
  schema: ScaledPaySchema,
  tunable: ["amount", "minCompletion", "maxCompletion"],
  compile(rule, c) {
    const amount = compileExpr(rule.amount, c.env);
    const completion = compileExpr(rule.completion, c.env);
    const lo = rule.minCompletion === undefined ? 0 : constValue(rule.minCompletion, c.env);
    const hi = rule.maxCompletion === undefined ? Infinity : constValue(rule.maxCompletion, c.env);
    return (ctx, why) => {
      const a = amount(ctx);
      const used = Math.min(hi, Math.max(lo, completion(ctx)));
      if (why) why("why.pay.scaled", { amount: a, completion: used });
      return a * used;
    };
  },
  formula(rule, f) {
    const lo = MAX(rule.minCompletion === undefined ? 0 : constFormula(rule.minCompletion, f), exprFormula(rule.completion, f));
    const used = rule.maxCompletion === undefined ? lo : MIN(constFormula(rule.maxCompletion, f), lo);
    return mul(exprFormula(rule.amount, f), used);
  },
});
