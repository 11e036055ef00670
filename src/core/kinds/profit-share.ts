/**
 * Profit share with cost allocation (seed 001 foreign trade):
 *   bonus = (gross profit − company cost share × bearing − own cost) × rate, never below 0,
 *   company cost share = company costs (excluding sales pay) ÷ number of sales staff.
 * Bearing: a new regular salesperson bears `newBearing` (50 %) in the first `newMonths` (3)
 * months; a sole salesperson bears at most `soleMaxBearing` (75 %). The same rule with yearly
 * inputs and 13 % gives the year-end bonus.
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { div, IF, MAX, MIN, mul, NA, op, sub } from "../formula.js";
import { constFormula, exprFormula, payKind } from "./kind.js";

export const ProfitSharePaySchema = z
  .object({
    kind: z.literal("profit-share"),
    profit: ExprSchema,
    companyCosts: ExprSchema,
    staffCount: ExprSchema,
    ownCost: ExprSchema,
    rate: ConstSchema,
    monthsRegular: ExprSchema.optional(),
    newMonths: ConstSchema.default(3),
    newBearing: ConstSchema.default(0.5),
    soleMaxBearing: ConstSchema.default(0.75),
  })
  .strict();
export type ProfitSharePay = z.infer<typeof ProfitSharePaySchema>;

export const profitShare = payKind({
  kind: "profit-share",
  schema: ProfitSharePaySchema,
  tunable: ["rate", "newMonths", "newBearing", "soleMaxBearing"],
  compile(rule, c) {
    const profit = compileExpr(rule.profit, c.env);
    const costs = compileExpr(rule.companyCosts, c.env);
    const staff = compileExpr(rule.staffCount, c.env);
    const own = compileExpr(rule.ownCost, c.env);
    const months = rule.monthsRegular ? compileExpr(rule.monthsRegular, c.env) : undefined;
    const rate = constValue(rule.rate, c.env);
    const newMonths = constValue(rule.newMonths, c.env);
    const newBearing = constValue(rule.newBearing, c.env);
    const soleMax = constValue(rule.soleMaxBearing, c.env);
    return (ctx, why) => {
      const n = staff(ctx);
      if (n < 1) throw new EvaluationError("pay.staff-count", { value: n });
      const share = costs(ctx) / n;
      let bearing = 1;
      if (months && months(ctx) <= newMonths) bearing = newBearing;
      if (n === 1) bearing = Math.min(bearing, soleMax);
      const p = profit(ctx);
      const o = own(ctx);
      const base = p - share * bearing - o;
      if (why) why("why.pay.profit-share", { profit: p, share, bearing, own: o, rate });
      return Math.max(0, base * rate);
    };
  },
  formula(rule, f) {
    const n = exprFormula(rule.staffCount, f);
    const share = div(exprFormula(rule.companyCosts, f), n);
    const newBearing = rule.monthsRegular
      ? IF(op("<=", exprFormula(rule.monthsRegular, f), constFormula(rule.newMonths, f)), constFormula(rule.newBearing, f), 1)
      : 1;
    const bearing = IF(op("=", n, 1), MIN(newBearing, constFormula(rule.soleMaxBearing, f)), newBearing);
    const base = sub(sub(exprFormula(rule.profit, f), mul(share, bearing)), exprFormula(rule.ownCost, f));
    return IF(op("<", n, 1), NA(), MAX(0, mul(base, constFormula(rule.rate, f))));
  },
});
