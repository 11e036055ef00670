import type { ExprEnv, RowContext } from "../expr.js";
import type { MessageVars } from "../errors.js";

/** Why a rule gave the points it gave: a catalog key and the numbers to fill in. */
export interface Reason {
  key: string;
  vars: MessageVars;
}

export interface RuleOutcome {
  points: number;
  reason: Reason;
}

export type RuleInput = number | string | boolean | null;

export interface RuleCompileContext {
  env: ExprEnv;
  /** The indicator's full marks (0 for an adjustment, which has none). */
  full: number;
}

export type CompiledRule = (value: RuleInput, ctx: RowContext) => RuleOutcome;

/** Numbers a rule works on; anything else is a data error raised before rules run. */
export function numeric(value: RuleInput, input: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new TypeError(`rule on "${input}" needs a number, got ${JSON.stringify(value)}`);
}
