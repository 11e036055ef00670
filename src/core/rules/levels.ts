/**
 * Levels: an option chosen by a rater gives fixed points, e.g. excellent / good / average / poor
 * → +X / +X / 0 / −X (seed 003). The options and their labels are the input's; this rule only
 * gives each option its points.
 */
import { z } from "zod";
import { compileExpr, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import type { CompiledRule, RuleCompileContext } from "./types.js";

export const LevelsRuleSchema = z
  .object({
    kind: z.literal("levels"),
    points: z.record(z.string(), ExprSchema),
  })
  .strict();
export type LevelsRule = z.infer<typeof LevelsRuleSchema>;

export function compileLevels(rule: LevelsRule, c: RuleCompileContext): CompiledRule {
  const table = new Map(Object.entries(rule.points).map(([k, v]) => [k, compileExpr(v, c.env)]));
  return (value, ctx, why) => {
    const option = String(value ?? "");
    const f = table.get(option);
    if (!f) throw new EvaluationError("rule.level-unknown", { value: option, options: [...table.keys()].join(", ") });
    if (why) why("why.levels", { level: option });
    return f(ctx);
  };
}
