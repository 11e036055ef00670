/** A plain amount from an expression: base pay, night shifts × 20, 1.5 % of order profit … */
import { z } from "zod";
import { compileExpr, ExprSchema } from "../expr.js";
import type { CompiledPay, PayCompileContext } from "./types.js";

export const AmountPaySchema = z.object({ kind: z.literal("amount"), amount: ExprSchema }).strict();
export type AmountPay = z.infer<typeof AmountPaySchema>;

export function compileAmount(rule: AmountPay, c: PayCompileContext): CompiledPay {
  const amount = compileExpr(rule.amount, c.env);
  return (ctx, why) => {
    if (why) why("why.pay.amount", {});
    return amount(ctx);
  };
}
