/**
 * KPI.BAND(value, table, [direction], [otherwise]) — a band table: rows (threshold, points).
 * "at-least" (default) takes the highest threshold reached; "at-most" the lowest threshold not
 * exceeded (response time: ≤ 30 s → 5, ≤ 40 s → 4 …).
 */
import type { CompiledRule } from "../../core/kinds/kind.js";
import { bands as bandsKind } from "../../core/kinds/bands.js";
import { repeated } from "../../core/rule-checks.js";
import { optionalNumber, requireNumber, single, tableRows, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { NO_PARAMS, points } from "./shared.js";

const DIRECTION = { "at-least": "at-least", atleast: "at-least", 不低于: "at-least", higher: "at-least", "at-most": "at-most", atmost: "at-most", 不高于: "at-most", lower: "at-most" } as const;

export const BAND: RowFunctionSpec<CompiledRule> = {
  id: "BAND",
  params: [
    { name: "value", kind: "cell" },
    { name: "table", kind: "fixed" },
    { name: "direction", kind: "fixed", optional: true },
    { name: "otherwise", kind: "fixed", optional: true },
  ],
  primary: "value",
  prepare(f) {
    const direction = toOption(single(f.direction, "direction"), "direction", DIRECTION, "at-least");
    const otherwise = optionalNumber(single(f.otherwise, "otherwise"), "otherwise", 0);
    const bands = tableRows(f.table, "table").map((r, i) => {
      if (r.length < 2) throw new FunctionError("#VALUE!", "fn.table", { arg: "table", row: i + 1, expected: "threshold, points" });
      return { threshold: requireNumber(r[0] as Cell, "table"), points: requireNumber(r[1] as Cell, "table") };
    });
    const twice = repeated(bands.map((b) => b.threshold))[0];
    if (twice) throw new FunctionError("#VALUE!", "fn.bound-twice", { arg: "table", first: twice.first + 1, second: twice.second + 1, value: twice.value });
    return bandsKind.compile({ kind: "bands", direction, bands, otherwise }, { env: NO_PARAMS, full: 0 });
  },
  row: (rule, c) => points(rule(requireNumber(c.value as Cell, "value"), { values: {} }, null)),
};
