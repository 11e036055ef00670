/**
 * Ratio to a target: points × min(actual / target, cap) when higher is better,
 * points × min(target / actual, cap) when lower is better (seed 004: 指标完成率, 询单转化率 …).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { isPositive } from "../rule-checks.js";
import { call, div, IF, MAX, MIN, mul, NA, op, str } from "../formula.js";
import { constFormula, constWords, exprFormula, exprWords, numeric, ruleKind } from "./kind.js";
import { optionSchema } from "../option-words.js";

export const RatioRuleSchema = z
  .object({
    kind: z.literal("ratio"),
    direction: optionSchema("direction").default("higher"),
    /** What 100 % is; defaults to 1, for inputs that already are rates. */
    target: ExprSchema.default(1),
    /** Largest ratio that scores; 1 means no extra points above target. */
    cap: ConstSchema.default(1),
  })
  .strict();
export type RatioRule = z.infer<typeof RatioRuleSchema>;

export const ratio = ruleKind({
  kind: "ratio",
  schema: RatioRuleSchema,
  tunable: ["target", "cap"],
  readsOwnInput: true,
  check(rule, c) {
    if (!isPositive(c.resolve(rule.cap))) c.issue(["cap"], "scheme.positive");
  },
  compile(rule, c) {
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
  },
  formula(rule, value, _input, full, f) {
    const t = exprFormula(rule.target, f);
    const cap = constFormula(rule.cap, f);
    const body =
      rule.direction === "higher" ? mul(full, MIN(MAX(0, div(value, t)), cap)) : IF(op("<=", value, 0), mul(full, cap), mul(full, MIN(div(t, value), cap)));
    return IF(op("<=", t, 0), NA(), body);
  },
  addin: (rule, value, _input, full, f) => call("KPI.SCORE", value, exprFormula(rule.target, f), full, str(rule.direction), constFormula(rule.cap, f)),
  describe: (rule, d) => ({ key: `rule.describe.ratio.${rule.direction}`, vars: { full: d.full, target: exprWords(rule.target, d), cap: constWords(rule.cap, d) } }),
});
