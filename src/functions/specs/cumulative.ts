/**
 * KPI.CUMULATIVE(count, steps) — the sum of the first `count` step costs: sick leave day 1 −0,
 * day 2 −2, day 3 −3 … so 3 days cost 5. Units past the list cost the last step.
 */
import { compileSchedule } from "../../core/kinds/schedules.js";
import { numberList, requireNumber, type Cell } from "../coerce.js";
import type { RowFunctionSpec } from "../run.js";
import { NO_PARAMS, points } from "./shared.js";

export const CUMULATIVE: RowFunctionSpec<ReturnType<typeof compileSchedule>> = {
  id: "CUMULATIVE",
  params: [
    { name: "count", kind: "cell" },
    { name: "steps", kind: "fixed" },
  ],
  primary: "count",
  prepare: (f) => compileSchedule({ kind: "cumulative", steps: numberList(f.steps, "steps") }, { env: NO_PARAMS, full: 0 }),
  row: (schedule, c) => points(schedule(requireNumber(c.count as Cell, "count"), { values: {} })),
};
