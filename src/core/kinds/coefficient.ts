/** Grade coefficient × base: the usual 绩效工资 = 绩效基数 × 等级系数. */
import { z } from "zod";
import { compileExpr, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { mul } from "../formula.js";
import { exprFormula, payKind } from "./kind.js";

export const CoefficientPaySchema = z.object({ kind: z.literal("coefficient"), base: ExprSchema }).strict();
export type CoefficientPay = z.infer<typeof CoefficientPaySchema>;

export const coefficient = payKind({
  kind: "coefficient",
  schema: CoefficientPaySchema,
  tunable: ["base"],
  compile(rule, c) {
    const base = compileExpr(rule.base, c.env);
    return (ctx, why) => {
      if (ctx.coefficient === undefined) throw new EvaluationError("pay.no-coefficient", {});
      const b = base(ctx);
      if (why) why("why.pay.coefficient", { base: b, coefficient: ctx.coefficient });
      return b * ctx.coefficient;
    };
  },
  formula: (rule, f) => mul(exprFormula(rule.base, f), f.value("coefficient")),
});
