/**
 * Deductions from full points (seed 001 attendance: 30 points, late, leave and sick-leave
 * schedules, "扣完为止" — deductions stop at zero). Each item reads its own input column and a
 * schedule; `zeroWhen` empties the indicator outright (any unexcused absence → 0).
 */
import { z } from "zod";
import { IdSchema } from "../text.js";
import { countValue } from "../expr.js";
import { compileSchedule, ScheduleSchema } from "./schedules.js";
import type { CompiledRule, RuleCompileContext } from "./types.js";

export const DeductionsRuleSchema = z
  .object({
    kind: z.literal("deductions"),
    items: z.array(z.object({ input: IdSchema, schedule: ScheduleSchema }).strict()).min(1),
    zeroWhen: z.object({ input: IdSchema, above: z.number() }).strict().optional(),
  })
  .strict();
export type DeductionsRule = z.infer<typeof DeductionsRuleSchema>;


export function compileDeductions(rule: DeductionsRule, c: RuleCompileContext): CompiledRule {
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
}
