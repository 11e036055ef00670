import type { ExprEnv, RowContext } from "../expr.js";
import { EvaluationError, type MessageVars } from "../errors.js";

/** Why a rule gave the points it gave: a catalog key and the numbers to fill in. */
export interface Reason {
  key: string;
  vars: MessageVars;
}

/**
 * Where a rule says why, when anyone is listening: null in a batch run, so that a roster of
 * 100,000 does not allocate a reason per person per indicator.
 */
export type Why = ((key: string, vars: MessageVars) => void) | null;

export type RuleInput = number | string | boolean | null;

export interface RuleCompileContext {
  env: ExprEnv;
  /** The indicator's full marks (0 for an adjustment, which has none). */
  full: number;
}

/** Points for one input value (and the person's other values, for targets and picks). */
export type CompiledRule = (value: RuleInput, ctx: RowContext, why: Why) => number;

/**
 * Numbers a rule works on. Text is a data error raised before rules run; a blank reaches here
 * only from an optional input without a default, and is the person's problem ("rule.blank-input",
 * re-raised by the engine with the input's id), never a crash.
 */
export function numeric(value: RuleInput, kind: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new EvaluationError("rule.blank-input", { kind, input: "" });
}
