/**
 * Capped forced distribution (seed 004 篇十二): per quarter or year "best" for at most 5 % of
 * staff and "excellent" for at most 10 %, awarded down the ranking by total. A cap is
 * floor(share × headcount) and is never exceeded: when people tied on the same total would
 * cross the cap, none of that tied group gets the award and they move on to the next award.
 * `minTotal` keeps an award from going to a low score just because places are free.
 */
import { z } from "zod";
import { IdSchema, LabelSchema } from "../text.js";
import { ConstSchema, constValue, type ExprEnv } from "../expr.js";

export const ForcedAwardSchema = z
  .object({
    id: IdSchema,
    label: LabelSchema,
    share: z.number().gt(0).lte(1),
    minTotal: ConstSchema.optional(),
  })
  .strict();
export type ForcedAward = z.infer<typeof ForcedAwardSchema>;

/** The award id for each person (or null), in input order. */
export function forcedDistribution(awards: readonly ForcedAward[], totals: readonly number[], env: ExprEnv): (string | null)[] {
  const n = totals.length;
  const out: (string | null)[] = new Array(n).fill(null);
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t);
  let k = 0;
  for (const award of awards) {
    const cap = Math.floor(award.share * n + 1e-9);
    const min = award.minTotal === undefined ? -Infinity : constValue(award.minTotal, env);
    let given = 0;
    while (k < n) {
      // the group tied at this total
      let end = k;
      while (end < n && order[end].t === order[k].t) end++;
      if (order[k].t < min || given + (end - k) > cap) break;
      for (let j = k; j < end; j++) out[order[j].i] = award.id;
      given += end - k;
      k = end;
    }
    // a tied group that did not fit stays unawarded for this award, but may get the next one
  }
  return out;
}
