/**
 * Rules across consecutive periods, per person, over their periods in order:
 * - streaks: N periods running below a mark (3 failing months → demotion; a score under 70
 *   again after coaching → dismissal), or ranked last N times running (→ transfer);
 * - first-place streak awards: 200 for a month at first place, 400 for the second month running,
 *   600 for the third (the last amount repeats);
 * - tiers over a window (seed 004 篇十二): both of the last two scores ≥ 90 → senior, both in
 *   [80, 90) → intermediate …; the tier is that of the lower score of the window.
 * A gap in the periods (a missing month) breaks a streak.
 */
import { z } from "zod";
import { ConstSchema, constValue, type ExprEnv } from "../expr.js";
import { IdSchema, LabelSchema } from "../text.js";
import { findBand, sortBandsDesc } from "../totals.js";

export const StreakRuleSchema = z
  .object({
    id: IdSchema,
    label: LabelSchema,
    when: z.enum(["below", "rank-last", "rank-first"]),
    mark: ConstSchema.optional(),
    count: z.number().int().min(1),
  })
  .strict();
export type StreakRule = z.infer<typeof StreakRuleSchema>;

export const TierRuleSchema = z
  .object({
    window: z.number().int().min(1),
    tiers: z.array(z.object({ id: IdSchema, label: LabelSchema, min: ConstSchema }).strict()).min(1),
  })
  .strict();
export type TierRule = z.infer<typeof TierRuleSchema>;

/** One person's result in one period, in period order. */
export interface PeriodPoint {
  ordinal: number;
  total: number;
  rank: number;
  /** true when this person is ranked last in that period */
  last: boolean;
}

/** Length of the run ending at each point for which `hit` holds (consecutive ordinals only). */
export function runLengths(points: readonly PeriodPoint[], hit: (p: PeriodPoint) => boolean): number[] {
  const out = new Array<number>(points.length);
  for (let i = 0; i < points.length; i++) {
    const prev = i > 0 && points[i - 1].ordinal === points[i].ordinal - 1 ? out[i - 1] : 0;
    out[i] = hit(points[i]) ? prev + 1 : 0;
  }
  return out;
}

export function streakHit(rule: StreakRule, env: ExprEnv): (p: PeriodPoint) => boolean {
  if (rule.when === "below") {
    const mark = rule.mark === undefined ? 60 : constValue(rule.mark, env);
    return (p) => p.total < mark;
  }
  if (rule.when === "rank-last") return (p) => p.last;
  return (p) => p.rank === 1;
}

/** Streak award for a run of `run` first places: amounts[run − 1], the last one repeating. */
export function streakAward(amounts: readonly number[], run: number): number {
  if (run <= 0) return 0;
  return amounts[Math.min(run, amounts.length) - 1];
}

export interface TierBand {
  id: string;
  min: number;
}

/** A tier rule's bands with their thresholds resolved, highest first: made once per scheme, not per person. */
export function tierBands(rule: TierRule, env: ExprEnv): TierBand[] {
  return sortBandsDesc(rule.tiers.map((t) => ({ id: t.id, min: constValue(t.min, env) })));
}

/** The tier id for the last `window` totals (all consecutive), or null: the band of the lowest of them. */
export function tierFor(window: number, bands: readonly TierBand[], windowTotals: readonly number[]): string | null {
  if (windowTotals.length < window) return null;
  let low = Infinity;
  for (let i = windowTotals.length - window; i < windowTotals.length; i++) low = Math.min(low, windowTotals[i]);
  return findBand(low, bands)?.id ?? null;
}
