/**
 * Piece rates (seed 001 hospital): each line pays rate × count, optionally up to a count
 * (major conditions 40 each up to 60 a month); rewards pay a lump sum once a count passes a
 * threshold (300 above 60); the sum may then be scaled by target completion.
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, countValue, ExprSchema } from "../expr.js";
import { IdSchema } from "../text.js";
import { add, IF, MIN, mul, N, op, sum } from "../formula.js";
import { constFormula, exprFormula, payKind } from "./kind.js";

export const PieceRatePaySchema = z
  .object({
    kind: z.literal("piece-rate"),
    lines: z
      .array(z.object({ input: IdSchema, rate: ExprSchema, maxCount: ConstSchema.optional() }).strict())
      .min(1),
    rewards: z
      .array(z.object({ inputs: z.array(IdSchema).min(1), above: ConstSchema, amount: ExprSchema }).strict())
      .default([]),
    completion: ExprSchema.optional(),
  })
  .strict();
export type PieceRatePay = z.infer<typeof PieceRatePaySchema>;


export const pieceRate = payKind({
  kind: "piece-rate",
  schema: PieceRatePaySchema,
  tunable: ["rate", "maxCount", "above", "amount"],
  compile(rule, c) {
    const lines = rule.lines.map((l) => ({
      input: l.input,
      rate: compileExpr(l.rate, c.env),
      maxCount: l.maxCount === undefined ? Infinity : constValue(l.maxCount, c.env),
    }));
    const rewards = rule.rewards.map((r) => ({
      inputs: r.inputs,
      above: constValue(r.above, c.env),
      amount: compileExpr(r.amount, c.env),
    }));
    const completion = rule.completion ? compileExpr(rule.completion, c.env) : undefined;
    return (ctx, why) => {
      let pieces = 0;
      for (const l of lines) pieces += Math.min(countValue(ctx, l.input), l.maxCount) * l.rate(ctx);
      let rewarded = 0;
      for (const r of rewards) {
        const n = r.inputs.reduce((s, i) => s + countValue(ctx, i), 0);
        if (n > r.above) rewarded += r.amount(ctx);
      }
      const scale = completion ? completion(ctx) : 1;
      if (why) why("why.pay.piece-rate", { pieces, rewards: rewarded, completion: scale });
      return (pieces + rewarded) * scale;
    };
  },
  formula(rule, f) {
    // the engine adds the pieces and the rewards each on its own, then the two sums
    const pieces = sum(
      rule.lines.map((l) => {
        const n = N(f.cell(l.input));
        return mul(l.maxCount === undefined ? n : MIN(n, constFormula(l.maxCount, f)), exprFormula(l.rate, f));
      }),
    );
    const rewards = rule.rewards.map((r) => IF(op(">", sum(r.inputs.map((i) => N(f.cell(i)))), constFormula(r.above, f)), exprFormula(r.amount, f), 0));
    const both = rewards.length ? add(pieces, sum(rewards)) : pieces;
    return rule.completion ? mul(both, exprFormula(rule.completion, f)) : both;
  },
});
