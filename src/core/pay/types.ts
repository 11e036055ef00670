import type { ExprEnv, RowContext } from "../expr.js";
import type { Reason } from "../rules/types.js";

export interface PayCompileContext {
  env: ExprEnv;
}

/** An amount in yuan before rounding; the evaluator rounds every pay line to the money unit. */
export interface PayOutcome {
  amount: number;
  reason: Reason;
}

export type CompiledPay = (ctx: RowContext) => PayOutcome;
