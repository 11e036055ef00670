/**
 * A band table: value → points. "at-least" takes the band with the highest threshold the value
 * reaches (higher is better, or count bands: 3 lates → −1, 4–6 → −5 …); "at-most" takes the
 * band with the lowest threshold the value stays within (lower is better: response time).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema, type Compiled, type Const, type Expr, type ExprEnv } from "../expr.js";
import { IF, op, type Formula } from "../formula.js";
import { repeated } from "../rule-checks.js";
import { constFormula, constNow, constWords, exprFormula, exprWords, numeric, ruleKind, type FormulaContext } from "./kind.js";
import { optionSchema } from "../option-words.js";

export const BandSchema = z.object({ threshold: ConstSchema, points: ExprSchema }).strict();

export const BandsRuleSchema = z
  .object({
    kind: z.literal("bands"),
    direction: optionSchema("threshold"),
    bands: z.array(BandSchema).min(1),
    /** Points when no band applies. */
    otherwise: ExprSchema.default(0),
  })
  .strict();
export type BandsRule = z.infer<typeof BandsRuleSchema>;

type Band = { threshold: Const; points: Expr };

export interface BandLookup {
  /** Index into the sorted bands, or -1 for "otherwise". */
  find(value: number): number;
  thresholds: number[];
  points: Compiled[];
  otherwise: Compiled;
}

/**
 * The direction a table's points imply when none is given: points that rise (or stay) as the
 * thresholds rise read one way only — the highest threshold reached ("at-least"). Points that
 * fall can be either a lower-is-better table (response time ≤ 30 s → 5, ≤ 40 s → 4) or a penalty
 * by counts (3 lates → −1, 4 → −5, at least): null, the direction must be said.
 */
export function impliedThresholdDirection(bands: readonly { threshold: number; points: number }[]): "at-least" | null {
  const sorted = [...bands].sort((a, b) => a.threshold - b.threshold);
  return sorted.every((b, i) => i === 0 || b.points >= sorted[i - 1].points) ? "at-least" : null;
}

/** Bands in the order they are tried: highest threshold first for at-least, lowest for at-most. */
const byThreshold = (direction: "at-least" | "at-most") => (a: number, b: number) => (direction === "at-least" ? b - a : a - b);

export function compileBandTable(direction: "at-least" | "at-most", bands: readonly Band[], otherwise: Expr, env: ExprEnv): BandLookup {
  const order = byThreshold(direction);
  const sorted = bands
    .map((b) => ({ threshold: constValue(b.threshold, env), points: compileExpr(b.points, env) }))
    .sort((a, b) => order(a.threshold, b.threshold));
  const thresholds = sorted.map((b) => b.threshold);
  const find =
    direction === "at-least"
      ? (v: number) => thresholds.findIndex((t) => v >= t)
      : (v: number) => thresholds.findIndex((t) => v <= t);
  return { find, thresholds, points: sorted.map((b) => b.points), otherwise: compileExpr(otherwise, env) };
}

/** The same table as nested IFs, the thresholds tried in the engine's order. */
export function bandTableFormula(direction: "at-least" | "at-most", bands: readonly Band[], otherwise: Formula, value: Formula, f: FormulaContext): Formula {
  const order = byThreshold(direction);
  const sorted = [...bands].sort((a, b) => order(constNow(a.threshold, f), constNow(b.threshold, f)));
  const cmp = direction === "at-least" ? ">=" : "<=";
  return sorted.reduceRight<Formula>((rest, b) => IF(op(cmp, value, constFormula(b.threshold, f)), exprFormula(b.points, f), rest), otherwise);
}

export const bands = ruleKind({
  kind: "bands",
  schema: BandsRuleSchema,
  tunable: ["threshold", "points", "otherwise"],
  readsOwnInput: true,
  check(rule, c) {
    for (const d of repeated(rule.bands.map((b) => c.resolve(b.threshold)))) c.issue(["bands", d.second, "threshold"], "scheme.threshold-twice", { threshold: d.value });
  },
  compile(rule, c) {
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
  },
  formula: (rule, value, _input, _full, f) => bandTableFormula(rule.direction, rule.bands, exprFormula(rule.otherwise, f), value, f),
  describe: (rule, d) => ({
    key: `rule.describe.bands.${rule.direction}`,
    vars: { bands: rule.bands.map((b) => `${constWords(b.threshold, d)}→${exprWords(b.points, d)}`).join(", ") },
  }),
});
