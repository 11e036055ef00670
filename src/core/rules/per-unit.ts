/**
 * Per-unit points, for bonus and penalty items that sit outside the full marks: +8 per extra
 * assigned item, +10 per adopted suggestion, −2 per unrecorded stock movement. Any schedule
 * works; `max` caps what the item can add in total.
 */
import { z } from "zod";
import { ConstSchema, constValue } from "../expr.js";
import { compileSchedule, ScheduleSchema } from "./schedules.js";
import { numeric, type CompiledRule, type RuleCompileContext } from "./types.js";

export const ItemsRuleSchema = z
  .object({
    kind: z.literal("items"),
    schedule: ScheduleSchema,
    max: ConstSchema.optional(),
    min: ConstSchema.optional(),
  })
  .strict();
export type ItemsRule = z.infer<typeof ItemsRuleSchema>;

export function compileItems(rule: ItemsRule, c: RuleCompileContext): CompiledRule {
  const schedule = compileSchedule(rule.schedule, c);
  const max = rule.max === undefined ? Infinity : constValue(rule.max, c.env);
  const min = rule.min === undefined ? -Infinity : constValue(rule.min, c.env);
  return (value, ctx, why) => {
    const count = numeric(value, "items");
    const raw = schedule(count, ctx);
    const points = Math.min(max, Math.max(min, raw));
    if (why) why("why.items", { count, points });
    return points;
  };
}
