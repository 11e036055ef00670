/** KPI.SCORE(actual, target, points, [direction], [cap]) — ratio to a target, as the ratio rule. */
import type { CompiledRule } from "../../core/kinds/kind.js";
import { ratio } from "../../core/kinds/ratio.js";
import { isPositive } from "../../core/rule-checks.js";
import { FunctionError } from "../errors.js";
import { optionalNumber, requireNumber, single, toOption, type Cell } from "../coerce.js";
import type { RowFunctionSpec } from "../run.js";
import { memo, NO_PARAMS, points } from "./shared.js";

export const SCORE: RowFunctionSpec<{ rule: (full: number) => CompiledRule }> = {
  id: "SCORE",
  params: [
    { name: "actual", kind: "cell" },
    { name: "target", kind: "cell" },
    { name: "points", kind: "cell" },
    { name: "direction", kind: "fixed", single: true, optional: true },
    { name: "cap", kind: "fixed", single: true, optional: true },
  ],
  primary: "actual",
  prepare(f) {
    const direction = toOption(single(f.direction, "direction"), "direction", "direction", "higher");
    const cap = optionalNumber(single(f.cap, "cap"), "cap", 1);
    if (!isPositive(cap)) throw new FunctionError("#VALUE!", "fn.positive", { arg: "cap" });
    return { rule: memo((full: number) => ratio.compile({ kind: "ratio", direction, target: { input: "target" }, cap }, { env: NO_PARAMS, full })) };
  },
  row(p, c) {
    const actual = requireNumber(c.actual as Cell, "actual");
    const target = requireNumber(c.target as Cell, "target");
    const full = requireNumber(c.points as Cell, "points");
    return points(p.rule(full)(actual, { values: { target } }, null));
  },
};
