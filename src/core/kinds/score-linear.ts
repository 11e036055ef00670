/**
 * Score × amount with a gate and a cap (seed 001 foreign trade: performance pay = 1000 × score
 * as a fraction of full marks, at most 1000, nothing below the pass mark of 60).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { div, IF, MIN, mul, op } from "../formula.js";
import { constFormula, exprFormula, payKind } from "./kind.js";

export const ScoreLinearPaySchema = z
  .object({
    kind: z.literal("score-linear"),
    amount: ExprSchema,
    gate: ConstSchema.optional(),
    cap: ExprSchema.optional(),
  })
  .strict();
export type ScoreLinearPay = z.infer<typeof ScoreLinearPaySchema>;

export const scoreLinear = payKind({
  kind: "score-linear",
  schema: ScoreLinearPaySchema,
  tunable: ["amount", "gate", "cap"],
  compile(rule, c) {
    const amount = compileExpr(rule.amount, c.env);
    const gate = rule.gate === undefined ? -Infinity : constValue(rule.gate, c.env);
    const cap = rule.cap === undefined ? undefined : compileExpr(rule.cap, c.env);
    return (ctx, why) => {
      const total = ctx.total ?? 0;
      const full = ctx.full ?? 100;
      if (total < gate) {
        if (why) why("why.pay.below-gate", { total, gate });
        return 0;
      }
      const a = amount(ctx);
      const raw = (a * total) / full;
      const limit = cap ? cap(ctx) : Infinity;
      if (why) why(raw > limit ? "why.pay.linear-capped" : "why.pay.linear", { amount: a, total, full, cap: limit });
      return Math.min(raw, limit);
    };
  },
  formula(rule, f) {
    const total = f.value("total");
    const raw = div(mul(exprFormula(rule.amount, f), total), f.value("full"));
    const capped = rule.cap === undefined ? raw : MIN(raw, exprFormula(rule.cap, f));
    return rule.gate === undefined ? capped : IF(op("<", total, constFormula(rule.gate, f)), 0, capped);
  },
});
