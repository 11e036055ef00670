/**
 * Ratio to a target: points × min(actual / target, cap) when higher is better,
 * points × min(target / actual, cap) when lower is better (seed 004: 指标完成率, 询单转化率 …).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { numeric, type CompiledRule, type RuleCompileContext } from "./types.js";

export const RatioRuleSchema = z
  .object({
    kind: z.literal("ratio"),
    direction: z.enum(["higher", "lower"]).default("higher"),
    /** What 100 % is; defaults to 1, for inputs that already are rates. */
    target: ExprSchema.default(1),
    /** Largest ratio that scores; 1 means no extra points above target. */
    cap: ConstSchema.default(1),
  })
  .strict();
export type RatioRule = z.infer<typeof RatioRuleSchema>;

export function compileRatio(rule: RatioRule, c: RuleCompileContext): CompiledRule {
  const target = compileExpr(rule.target, c.env);
  const cap = constValue(rule.cap, c.env);
  const full = c.full;
  return (value, ctx, why) => {
    const actual = numeric(value, "ratio");
    const t = target(ctx);
    if (t <= 0) throw new EvaluationError("rule.target-not-positive", { target: t });
    let ratio: number;
    if (rule.direction === "higher") ratio = Math.max(0, actual / t);
    else ratio = actual <= 0 ? cap : t / actual;
    const used = Math.min(ratio, cap);
    if (why) why(rule.direction === "higher" ? "why.ratio.higher" : "why.ratio.lower", { actual, target: t, ratio: used, cap, full });
    return full * used;
  };
}
