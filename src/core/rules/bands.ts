/**
 * A band table: value → points. "at-least" takes the band with the highest threshold the value
 * reaches (higher is better, or count bands: 3 lates → −1, 4–6 → −5 …); "at-most" takes the
 * band with the lowest threshold the value stays within (lower is better: response time).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema, type Compiled, type ExprEnv } from "../expr.js";
import { numeric, type CompiledRule, type RuleCompileContext } from "./types.js";

export const BandSchema = z.object({ threshold: ConstSchema, points: ExprSchema }).strict();

export const BandsRuleSchema = z
  .object({
    kind: z.literal("bands"),
    direction: z.enum(["at-least", "at-most"]),
    bands: z.array(BandSchema).min(1),
    /** Points when no band applies. */
    otherwise: ExprSchema.default(0),
  })
  .strict();
export type BandsRule = z.infer<typeof BandsRuleSchema>;

export interface BandLookup {
  /** Index into the sorted bands, or -1 for "otherwise". */
  find(value: number): number;
  thresholds: number[];
  points: Compiled[];
  otherwise: Compiled;
}

export function compileBandTable(
  direction: "at-least" | "at-most",
  bands: readonly { threshold: z.infer<typeof ConstSchema>; points: z.infer<typeof ExprSchema> }[],
  otherwise: z.infer<typeof ExprSchema>,
  env: ExprEnv,
): BandLookup {
  const sorted = bands
    .map((b) => ({ threshold: constValue(b.threshold, env), points: compileExpr(b.points, env) }))
    .sort((a, b) => (direction === "at-least" ? b.threshold - a.threshold : a.threshold - b.threshold));
  const thresholds = sorted.map((b) => b.threshold);
  const find =
    direction === "at-least"
      ? (v: number) => thresholds.findIndex((t) => v >= t)
      : (v: number) => thresholds.findIndex((t) => v <= t);
  return { find, thresholds, points: sorted.map((b) => b.points), otherwise: compileExpr(otherwise, env) };
}

export function compileBands(rule: BandsRule, c: RuleCompileContext): CompiledRule {
  const table = compileBandTable(rule.direction, rule.bands, rule.otherwise, c.env);
  return (value, ctx, why) => {
    const v = numeric(value, "bands");
    const i = table.find(v);
    if (i < 0) {
      if (why) why("why.bands.none", { value: v });
      return table.otherwise(ctx);
    }
    if (why) why(rule.direction === "at-least" ? "why.bands.at-least" : "why.bands.at-most", { value: v, threshold: table.thresholds[i] });
    return table.points[i](ctx);
  };
}
