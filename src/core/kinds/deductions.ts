/**
 * Deductions from full points (seed 001 attendance: 30 points, late, leave and sick-leave
 * schedules, "扣完为止" — deductions stop at zero). Each item reads its own input column and a
 * schedule; `zeroWhen` empties the indicator outright (any unexcused absence → 0).
 */
import { z } from "zod";
import { countValue } from "../expr.js";
import { IdSchema } from "../text.js";
import { IF, MAX, N, op, sub, sum } from "../formula.js";
import { compileSchedule, scheduleFormula, ScheduleSchema } from "./schedules.js";
import { ruleKind } from "./kind.js";

export const DeductionsRuleSchema = z
  .object({
    kind: z.literal("deductions"),
    items: z.array(z.object({ input: IdSchema, schedule: ScheduleSchema }).strict()).min(1),
    zeroWhen: z.object({ input: IdSchema, above: z.number() }).strict().optional(),
  })
  .strict();
export type DeductionsRule = z.infer<typeof DeductionsRuleSchema>;

export const deductions = ruleKind({
  kind: "deductions",
  schema: DeductionsRuleSchema,
  // the zero test's number is a condition, not a setting
  tunable: ["rate", "maxCount", "steps", "threshold", "points"],
  readsOwnInput: false,
  compile(rule, c) {
    const items = rule.items.map((i) => ({ input: i.input, schedule: compileSchedule(i.schedule, c) }));
    const full = c.full;
    const zero = rule.zeroWhen;
    return (_value, ctx, why) => {
      if (zero && countValue(ctx, zero.input) > zero.above) {
        if (why) why("why.deductions.zeroed", { input: zero.input, full });
        return 0;
      }
      let deducted = 0;
      for (const item of items) deducted += item.schedule(countValue(ctx, item.input), ctx);
      const points = Math.max(0, full - deducted);
      if (why) why("why.deductions", { full, deducted, points });
      return points;
    };
  },
  formula(rule, _value, _input, full, f) {
    // counts: a blank is 0, as the engine's countValue
    const body = MAX(0, sub(full, sum(rule.items.map((i) => scheduleFormula(i.schedule, N(f.cell(i.input)), f)))));
    return rule.zeroWhen ? IF(op(">", N(f.cell(rule.zeroWhen.input)), rule.zeroWhen.above), 0, body) : body;
  },
  describe: (rule, d) => ({ key: "rule.describe.deductions", vars: { full: d.full, items: rule.items.length } }),
});
