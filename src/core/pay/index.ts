/** Pay rules computed per person; roster-wide ones (rank awards, pools) live in ../roster. */
import { z } from "zod";
import { AmountPaySchema, compileAmount } from "./amount.js";
import { CoefficientPaySchema, compileCoefficient } from "./coefficient.js";
import { compileGateProportional, GateProportionalPaySchema } from "./gate-proportional.js";
import { compilePieceRate, PieceRatePaySchema } from "./piece-rate.js";
import { compileProfitShare, ProfitSharePaySchema } from "./profit-share.js";
import { compileScaled, ScaledPaySchema } from "./scaled.js";
import { compileScoreLinear, ScoreLinearPaySchema } from "./score-linear.js";
import { compileTiered, TieredPaySchema } from "./tiered.js";
import type { CompiledPay, PayCompileContext } from "./types.js";

export const PersonPaySchema = z.discriminatedUnion("kind", [
  AmountPaySchema,
  CoefficientPaySchema,
  ScoreLinearPaySchema,
  GateProportionalPaySchema,
  ScaledPaySchema,
  PieceRatePaySchema,
  TieredPaySchema,
  ProfitSharePaySchema,
]);
export type PersonPay = z.infer<typeof PersonPaySchema>;

export function compilePersonPay(rule: PersonPay, c: PayCompileContext): CompiledPay {
  switch (rule.kind) {
    case "amount":
      return compileAmount(rule, c);
    case "coefficient":
      return compileCoefficient(rule, c);
    case "score-linear":
      return compileScoreLinear(rule, c);
    case "gate-proportional":
      return compileGateProportional(rule, c);
    case "scaled":
      return compileScaled(rule, c);
    case "piece-rate":
      return compilePieceRate(rule, c);
    case "tiered":
      return compileTiered(rule, c);
    case "profit-share":
      return compileProfitShare(rule, c);
  }
}

export type { CompiledPay, PayCompileContext } from "./types.js";
