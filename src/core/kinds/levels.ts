/**
 * Levels: an option chosen by a rater gives fixed points, e.g. excellent / good / average / poor
 * → +X / +X / 0 / −X (seed 003). The options and their labels are the input's; this rule only
 * gives each option its points.
 */
import { z } from "zod";
import { compileExpr, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { call, IF, NA, op, str, type Formula } from "../formula.js";
import { exprFormula, exprWords, ruleKind } from "./kind.js";

export const LevelsRuleSchema = z
  .object({
    kind: z.literal("levels"),
    points: z.record(z.string(), ExprSchema),
  })
  .strict();
export type LevelsRule = z.infer<typeof LevelsRuleSchema>;

export const levels = ruleKind({
  kind: "levels",
  schema: LevelsRuleSchema,
  tunable: ["points"],
  readsOwnInput: true,
  compile(rule, c) {
    const table = new Map(Object.entries(rule.points).map(([k, v]) => [k, compileExpr(v, c.env)]));
    return (value, ctx, why) => {
      const option = String(value ?? "");
      const f = table.get(option);
      if (!f) throw new EvaluationError("rule.level-unknown", { value: option, options: [...table.keys()].join(", ") });
      if (why) why("why.levels", { level: option });
      return f(ctx);
    };
  },
  formula: (rule, value, input, _full, f) =>
    Object.entries(rule.points).reduceRight<Formula>((rest, [option, x]) => IF(op("=", value, str(f.option(input, option))), exprFormula(x, f), rest), NA()),
  addin(rule, value, input, _full, f) {
    const table = Object.entries(rule.points).map(([k, x]) => (typeof x === "number" ? `${f.option(input, k)}:${x}` : null));
    return table.every((x) => x !== null) ? call("KPI.LEVEL", value, str(table.join(","))) : null;
  },
  describe: (rule, d) => ({ key: "rule.describe.levels", vars: { levels: Object.entries(rule.points).map(([k, x]) => `${k} ${exprWords(x, d)}`).join(", ") } }),
});
