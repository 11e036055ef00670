import type { ExprEnv, RowContext } from "../expr.js";
import type { Why } from "../rules/types.js";

export interface PayCompileContext {
  env: ExprEnv;
}

/** An amount in yuan before rounding; the evaluator rounds every pay line to the money unit. */
export type CompiledPay = (ctx: RowContext, why: Why) => number;
