/**
 * First-place streak awards (seed 004 篇一): first place this period pays the first amount, first
 * two periods running the second, and so on, the last amount repeating. Paid across periods: the
 * engine counts the runs in src/core/periods; the formula counts back through the earlier
 * periods' sheets.
 */
import { z } from "zod";
import { ConstSchema } from "../expr.js";
import { add, call, IF, MIN, op, type Formula } from "../formula.js";
import { constFormula, rosterPayKind } from "./kind.js";

export const StreakAwardPaySchema = z.object({ kind: z.literal("streak-award"), amounts: z.array(ConstSchema).min(1) }).strict();
export type StreakAwardPay = z.infer<typeof StreakAwardPaySchema>;

export const streakAward = rosterPayKind({
  kind: "streak-award",
  schema: StreakAwardPaySchema,
  tunable: ["amounts"],
  helpers: [],
  compile: () => null,
  formula(rule, f) {
    // the run of first places ending now, counted back through the earlier periods (as far as
    // the longest amount matters); the amount for a run of n is the n-th, the last repeating
    const amounts = rule.amounts.map((a) => constFormula(a, f));
    const depth = Math.min(amounts.length - 1, f.periodsBack);
    let run: Formula = 0;
    for (let k = depth - 1; k >= 0; k--) run = IF(op("=", f.earlierRank(k), 1), add(1, run), 0);
    run = IF(op("=", f.cell("rank"), 1), add(1, run), 0);
    const amount = amounts.length === 1 ? IF(op(">", run, 0), amounts[0], 0) : IF(op(">", run, 0), call("CHOOSE", MIN(run, amounts.length), ...amounts), 0);
    return { pay: f.paid(amount) };
  },
});
