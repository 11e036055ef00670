/** Grade coefficient × base: the usual 绩效工资 = 绩效基数 × 等级系数. */
import { z } from "zod";
import { compileExpr, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import type { CompiledPay, PayCompileContext } from "./types.js";

export const CoefficientPaySchema = z.object({ kind: z.literal("coefficient"), base: ExprSchema }).strict();
export type CoefficientPay = z.infer<typeof CoefficientPaySchema>;

export function compileCoefficient(rule: CoefficientPay, c: PayCompileContext): CompiledPay {
  const base = compileExpr(rule.base, c.env);
  return (ctx, why) => {
    if (ctx.coefficient === undefined) throw new EvaluationError("pay.no-coefficient", {});
    const b = base(ctx);
    if (why) why("why.pay.coefficient", { base: b, coefficient: ctx.coefficient });
    return b * ctx.coefficient;
  };
}
