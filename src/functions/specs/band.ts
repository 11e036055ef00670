/**
 * KPI.BAND(value, table, [direction], [otherwise]) — a band table: rows (threshold, points).
 * "at-least" takes the highest threshold reached; "at-most" the lowest threshold not exceeded
 * (response time: ≤ 30 s → 5, ≤ 40 s → 4 …). Left blank, it is "at-least" when the points rise
 * with the thresholds, and must be given when they fall (both readings are common).
 */
import type { CompiledRule } from "../../core/kinds/kind.js";
import { bands as bandsKind, impliedThresholdDirection } from "../../core/kinds/bands.js";
import { repeated } from "../../core/rule-checks.js";
import { isBlank, optionalNumber, requireNumber, single, tableRows, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { NO_PARAMS, points } from "./shared.js";

export const BAND: RowFunctionSpec<CompiledRule> = {
  id: "BAND",
  params: [
    { name: "value", kind: "cell" },
    { name: "table", kind: "fixed" },
    { name: "direction", kind: "fixed", single: true, optional: true },
    { name: "otherwise", kind: "fixed", single: true, optional: true },
  ],
  primary: "value",
  prepare(f) {
    const otherwise = optionalNumber(single(f.otherwise, "otherwise"), "otherwise", 0);
    const bands = tableRows(f.table, "table").map((r, i) => {
      if (r.length < 2) throw new FunctionError("#VALUE!", "fn.table", { arg: "table", row: i + 1, columns: "threshold-points" });
      return { threshold: requireNumber(r[0] as Cell, "table"), points: requireNumber(r[1] as Cell, "table") };
    });
    const twice = repeated(bands.map((b) => b.threshold))[0];
    if (twice) throw new FunctionError("#VALUE!", "fn.bound-twice", { arg: "table", first: twice.first + 1, second: twice.second + 1, value: twice.value });
    // blank: the direction the table implies, or a message asking for it (falling points read both ways)
    const given = single(f.direction, "direction");
    const direction = isBlank(given) ? impliedThresholdDirection(bands) : toOption(given, "direction", "threshold", "at-least");
    if (direction === null) throw new FunctionError("#VALUE!", "fn.band-direction", { arg: "direction", set: "threshold" });
    return bandsKind.compile({ kind: "bands", direction, bands, otherwise }, { env: NO_PARAMS, full: 0 });
  },
  row: (rule, c) => points(rule(requireNumber(c.value as Cell, "value"), { values: {} }, null)),
};
