/**
 * Rank awards (seed 004 篇一): monthly overall rank 1 → +100 yuan; last place → −100 yuan from
 * commission; the bottom `bottomCount` are flagged for an improvement plan. Everyone tied for
 * first gets the award and everyone tied for last the penalty.
 */
import { z } from "zod";
import { ConstSchema, constValue, type ExprEnv } from "../expr.js";
import { toCents } from "../money.js";
import { IF, MIN, op } from "../formula.js";
import { competitionRanks, ranksFromBottom } from "../roster/ranking.js";
import { constFormula, rosterPayKind } from "./kind.js";

export const RankAwardPaySchema = z
  .object({
    kind: z.literal("rank-award"),
    first: ConstSchema.default(0),
    last: ConstSchema.default(0),
  })
  .strict();
export type RankAwardPay = z.infer<typeof RankAwardPaySchema>;

export interface RankAwardLine {
  amount: number;
  rank: number;
  key: "why.pay.rank-first" | "why.pay.rank-last" | "why.pay.rank-none";
}

export function rankAwards(rule: RankAwardPay, totals: readonly number[], env: ExprEnv): RankAwardLine[] {
  const first = constValue(rule.first, env);
  const last = constValue(rule.last, env);
  const ranks = competitionRanks(totals);
  const fromBottom = ranksFromBottom(totals);
  return totals.map((_, i) => {
    // With one person, or everyone tied, nobody is last: only the first-place award applies.
    if (ranks[i] === 1) return { amount: first, rank: 1, key: "why.pay.rank-first" };
    if (fromBottom[i] === 1) return { amount: last, rank: ranks[i], key: "why.pay.rank-last" };
    return { amount: 0, rank: ranks[i], key: "why.pay.rank-none" };
  });
}

export const rankAward = rosterPayKind({
  kind: "rank-award",
  schema: RankAwardPaySchema,
  tunable: ["first", "last"],
  helpers: [],
  compile(rule, c) {
    return (members) => {
      const awards = rankAwards(rule, members.map((m) => m.total), c.env);
      return members.map((m, i) => ({ cents: m.eligible ? toCents(awards[i].amount, c.moneyDigits) : 0, reason: { key: awards[i].key, vars: { rank: awards[i].rank } } }));
    };
  },
  formula: (rule, f) => ({
    pay: f.paid(IF(op("=", f.cell("rank"), 1), constFormula(rule.first, f), IF(op("=", f.value("total"), f.once("lowest", "wb.agg.lowest", {}, MIN(f.whole("total")))), constFormula(rule.last, f), 0))),
  }),
});
