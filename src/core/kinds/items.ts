/**
 * Per-unit points, for bonus and penalty items that sit outside the full marks: +8 per extra
 * assigned item, +10 per adopted suggestion, −2 per unrecorded stock movement. Any schedule
 * works; `max` caps what the item can add in total.
 */
import { z } from "zod";
import { ConstSchema, constValue } from "../expr.js";
import { MAX, MIN } from "../formula.js";
import { compileSchedule, scheduleFormula, ScheduleSchema } from "./schedules.js";
import { constFormula, exprWords, numeric, ruleKind } from "./kind.js";

export const ItemsRuleSchema = z
  .object({
    kind: z.literal("items"),
    schedule: ScheduleSchema,
    max: ConstSchema.optional(),
    min: ConstSchema.optional(),
  })
  .strict();
export type ItemsRule = z.infer<typeof ItemsRuleSchema>;

export const items = ruleKind({
  kind: "items",
  schema: ItemsRuleSchema,
  tunable: ["rate", "maxCount", "steps", "threshold", "points", "max", "min"],
  readsOwnInput: true,
  compile(rule, c) {
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
  },
  formula(rule, value, _input, _full, f) {
    const raw = scheduleFormula(rule.schedule, value, f);
    const withMin = rule.min === undefined ? raw : MAX(constFormula(rule.min, f), raw);
    return rule.max === undefined ? withMin : MIN(constFormula(rule.max, f), withMin);
  },
  describe: (rule, d) => ({ key: "rule.describe.items", vars: { rate: rule.schedule.kind === "per-unit" ? (exprWords(rule.schedule.rate, d) ?? "…") : "…" } }),
});
