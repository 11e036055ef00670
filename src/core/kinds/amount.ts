/** A plain amount from an expression: base pay, night shifts × 20, 1.5 % of order profit … */
import { z } from "zod";
import { compileExpr, ExprSchema } from "../expr.js";
import { exprFormula, payKind } from "./kind.js";

export const AmountPaySchema = z.object({ kind: z.literal("amount"), amount: ExprSchema }).strict();
export type AmountPay = z.infer<typeof AmountPaySchema>;

export const amount = payKind({
  kind: "amount",
  schema: AmountPaySchema,
  tunable: ["amount"],
  compile(rule, c) {
    const amount = compileExpr(rule.amount, c.env);
    return (ctx, why) => {
      if (why) why("why.pay.amount", {});
      return amount(ctx);
    };
  },
  formula: (rule, f) => exprFormula(rule.amount, f),
});
