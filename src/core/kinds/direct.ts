/** Direct entry: a rater types the points, kept within [min, max] (default 0 to full marks). */
import { z } from "zod";
import { ConstSchema, constValue } from "../expr.js";
import { MAX, MIN } from "../formula.js";
import { constFormula, constWords, numeric, ruleKind } from "./kind.js";

export const DirectRuleSchema = z
  .object({
    kind: z.literal("direct"),
    min: ConstSchema.optional(),
    max: ConstSchema.optional(),
  })
  .strict();
export type DirectRule = z.infer<typeof DirectRuleSchema>;

export const direct = ruleKind({
  kind: "direct",
  schema: DirectRuleSchema,
  tunable: ["min", "max"],
  readsOwnInput: true,
  check(rule, c) {
    const lo = c.resolve(rule.min);
    const hi = c.resolve(rule.max);
    if (lo !== undefined && hi !== undefined && lo > hi) c.issue(["max"], "scheme.at-least", { min: lo });
  },
  compile(rule, c) {
    const min = rule.min === undefined ? Math.min(0, c.full) : constValue(rule.min, c.env);
    const max = rule.max === undefined ? Math.max(0, c.full) : constValue(rule.max, c.env);
    return (value, _ctx, why) => {
      const v = numeric(value, "direct");
      const points = Math.min(max, Math.max(min, v));
      if (why) why(points === v ? "why.direct" : "why.direct.clamped", { value: v, min, max });
      return points;
    };
  },
  formula: (rule, value, _input, full, f) =>
    MIN(rule.max === undefined ? Math.max(0, full) : constFormula(rule.max, f), MAX(rule.min === undefined ? Math.min(0, full) : constFormula(rule.min, f), value)),
  describe: (rule, d) => ({ key: "rule.describe.direct", vars: { min: constWords(rule.min, d) ?? 0, max: constWords(rule.max, d) ?? d.full } }),
});
