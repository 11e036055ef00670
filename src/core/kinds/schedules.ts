/**
 * Schedules turn a count (days, times, items) into an amount of points:
 * - per-unit: count × rate, optionally capped in count and amount (+8 per extra item; −2 per
 *   unrecorded stock movement; rates by staff level through a `pick` expression);
 * - cumulative: each unit has its own cost, summed (sick leave: day 1 −0, day 2 −2, day 3 −3 …,
 *   so 3 days cost 5); units past the list cost the last entry;
 * - count-bands: the band the count reaches (3 lates → 1, 4–6 → 5, 7–9 → 10, 10+ → 30).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema, type RowContext } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { add, call, IF, MIN, mul, NA, op, sub, type Formula } from "../formula.js";
import { BandSchema, bandTableFormula, compileBandTable } from "./bands.js";
import { constFormula, exprFormula, type FormulaContext, type RuleCompileContext } from "./kind.js";

export const PerUnitScheduleSchema = z
  .object({
    kind: z.literal("per-unit"),
    rate: ExprSchema,
    maxCount: ConstSchema.optional(),
  })
  .strict();

export const CumulativeScheduleSchema = z
  .object({
    kind: z.literal("cumulative"),
    /** Cost of the 1st, 2nd, 3rd … unit. */
    steps: z.array(ConstSchema).min(1),
  })
  .strict();

export const CountBandsScheduleSchema = z
  .object({
    kind: z.literal("count-bands"),
    bands: z.array(BandSchema).min(1),
  })
  .strict();

export const ScheduleSchema = z.discriminatedUnion("kind", [
  PerUnitScheduleSchema,
  CumulativeScheduleSchema,
  CountBandsScheduleSchema,
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

export type CompiledSchedule = (count: number, ctx: RowContext) => number;

export function compileSchedule(s: Schedule, c: RuleCompileContext): CompiledSchedule {
  switch (s.kind) {
    case "per-unit": {
      const rate = compileExpr(s.rate, c.env);
      const maxCount = s.maxCount === undefined ? Infinity : constValue(s.maxCount, c.env);
      return (count, ctx) => Math.min(count, maxCount) * rate(ctx);
    }
    case "cumulative": {
      const steps = s.steps.map((x) => constValue(x, c.env));
      // prefix[i] = cost of the first i units
      const prefix = [0];
      for (const x of steps) prefix.push(prefix[prefix.length - 1] + x);
      const last = steps[steps.length - 1];
      return (count) => {
        if (!Number.isInteger(count) || count < 0)
          throw new EvaluationError("rule.count-not-whole", { value: count });
        if (count <= steps.length) return prefix[count];
        return prefix[steps.length] + (count - steps.length) * last;
      };
    }
    case "count-bands": {
      const table = compileBandTable("at-least", s.bands, 0, c.env);
      return (count, ctx) => {
        const i = table.find(count);
        return i < 0 ? 0 : table.points[i](ctx);
      };
    }
  }
}

/** The same schedule as a formula of the count in `count`. */
export function scheduleFormula(s: Schedule, count: Formula, f: FormulaContext): Formula {
  switch (s.kind) {
    case "per-unit":
      return mul(s.maxCount === undefined ? count : MIN(count, constFormula(s.maxCount, f)), exprFormula(s.rate, f));
    case "cumulative": {
      // cost of the first k units for k = 0 … n (summed as the engine sums), then the last step repeats
      const steps = s.steps.map((x) => constFormula(x, f));
      const prefixes: Formula[] = [0];
      steps.forEach((x, i) => prefixes.push(add(prefixes[i], x)));
      const n = steps.length;
      const cost = IF(op("<=", count, n), call("CHOOSE", add(count, 1), ...prefixes), add(prefixes[n], mul(sub(count, n), steps[n - 1])));
      // a part or negative unit has no cost: an error, as in the engine
      return IF(call("OR", op("<", count, 0), op("<>", count, call("INT", count))), NA(), cost);
    }
    case "count-bands":
      return bandTableFormula("at-least", s.bands, 0, count, f);
  }
}
