/**
 * KPI.DEDUCT(value, limit, step, points_per_step, full, [direction], [partial]) — the points LEFT:
 * full points less points_per_step for each step over (or under) the limit, never below zero
 * (seed 003). KPI.DEDUCTED(…the same…) — the points deducted, what a 扣分 column shows.
 */
import type { CompiledRule } from "../../core/kinds/kind.js";
import { deductPerStep } from "../../core/kinds/deduct-per-step.js";
import { isNonNegative, isPositive } from "../../core/rule-checks.js";
import { requireNumber, single, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { memo, NO_PARAMS, points } from "./shared.js";

/** The points left after deductions (KPI.DEDUCT), or the points deducted (KPI.DEDUCTED). */
const deductSpec = (id: "DEDUCT" | "DEDUCTED", left: boolean): RowFunctionSpec<(key: string) => CompiledRule> => ({
  id,
  params: [
    { name: "value", kind: "cell" },
    { name: "limit", kind: "cell" },
    { name: "step", kind: "cell" },
    { name: "points_per_step", kind: "cell" },
    { name: "full", kind: "cell" },
    { name: "direction", kind: "fixed", single: true, optional: true },
    { name: "partial", kind: "fixed", single: true, optional: true },
  ],
  primary: "value",
  prepare(f) {
    const direction = toOption(single(f.direction, "direction"), "direction", "side", "above");
    const partial = toOption(single(f.partial, "partial"), "partial", "partial", "ignore");
    return memo((key: string) => {
      const [limit, step, per, full] = key.split("|").map(Number);
      return deductPerStep.compile({ kind: "deduct-per-step", direction, limit, step, points: per, partial }, { env: NO_PARAMS, full });
    });
  },
  row(rule, c) {
    const value = requireNumber(c.value as Cell, "value");
    const limit = requireNumber(c.limit as Cell, "limit");
    const step = requireNumber(c.step as Cell, "step");
    if (!isPositive(step)) throw new FunctionError("#VALUE!", "fn.positive", { arg: "step" });
    const per = requireNumber(c.points_per_step as Cell, "points_per_step");
    if (!isNonNegative(per)) throw new FunctionError("#VALUE!", "fn.non-negative", { arg: "points_per_step" });
    const full = requireNumber(c.full as Cell, "full");
    if (!isNonNegative(full)) throw new FunctionError("#VALUE!", "fn.non-negative", { arg: "full" });
    const kept = rule(`${limit}|${step}|${per}|${full}`)(value, { values: {} }, null);
    return points(left ? kept : full - kept);
  },
});

export const DEDUCT = deductSpec("DEDUCT", true);
export const DEDUCTED = deductSpec("DEDUCTED", false);
