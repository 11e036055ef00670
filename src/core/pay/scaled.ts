/**
 * Target-completion scaling (seed 001 hospital): amount × completion of the monthly target,
 * 90 % → 90 %, 110 % → 110 %; optional floor and ceiling on the completion used.
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import type { CompiledPay, PayCompileContext } from "./types.js";

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

export function compileScaled(rule: ScaledPay, c: PayCompileContext): CompiledPay {
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
}
