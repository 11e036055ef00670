/**
 * KPI.DEDUCT(value, limit, step, points_per_step, full, [direction], [partial]) — full points
 * less points_per_step for each step over (or under) the limit, never below zero (seed 003).
 */
import type { CompiledRule } from "../../core/kinds/kind.js";
import { deductPerStep } from "../../core/kinds/deduct-per-step.js";
import { isNonNegative, isPositive } from "../../core/rule-checks.js";
import { requireNumber, single, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { memo, NO_PARAMS, points } from "./shared.js";

const SIDE = { above: "above", over: "above", 超出: "above", 高于: "above", below: "below", under: "below", 低于: "below" } as const;
const PARTIAL = { ignore: "ignore", 不计: "ignore", whole: "whole", 整档: "whole", prorate: "prorate", 按比例: "prorate" } as const;

export const DEDUCT: RowFunctionSpec<(key: string) => CompiledRule> = {
  id: "DEDUCT",
  params: [
    { name: "value", kind: "cell" },
    { name: "limit", kind: "cell" },
    { name: "step", kind: "cell" },
    { name: "points_per_step", kind: "cell" },
    { name: "full", kind: "cell" },
    { name: "direction", kind: "fixed", optional: true },
    { name: "partial", kind: "fixed", optional: true },
  ],
  primary: "value",
  prepare(f) {
    const direction = toOption(single(f.direction, "direction"), "direction", SIDE, "above");
    const partial = toOption(single(f.partial, "partial"), "partial", PARTIAL, "ignore");
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
    return points(rule(`${limit}|${step}|${per}|${full}`)(value, { values: {} }, null));
  },
};
