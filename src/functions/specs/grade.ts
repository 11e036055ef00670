/**
 * KPI.GRADE(score, bands) — the grade label for a score. Bands: a range of rows (label, lower
 * bound[, coefficient]) or a text "优秀:90,良好:80,合格:70,不合格:0". Lower bounds are inclusive.
 */
import { findBand, sortBandsDesc } from "../../core/totals.js";
import { repeated } from "../../core/rule-checks.js";
import { requireNumber, tableRows, type Cell, type Matrix } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";

export interface GradeBand {
  label: string;
  min: number;
  coefficient: number | null;
}

export function gradeBands(v: Cell | Matrix, arg: string, withCoefficient: boolean): GradeBand[] {
  const bands = tableRows(v, arg).map((r, i) => {
    if (r.length < (withCoefficient ? 3 : 2) || String(r[0] ?? "").trim() === "")
      throw new FunctionError("#VALUE!", "fn.table", { arg, row: i + 1, columns: withCoefficient ? "label-bound-coefficient" : "label-bound" });
    return {
      label: String(r[0]).trim(),
      min: requireNumber(r[1] as Cell, arg),
      coefficient: withCoefficient ? requireNumber(r[2] as Cell, arg) : null,
    };
  });
  // two bands from the same score: which grade would it be? (the scheme refuses it too)
  const twice = repeated(bands.map((b) => b.min))[0];
  if (twice) throw new FunctionError("#VALUE!", "fn.bound-twice", { arg, first: twice.first + 1, second: twice.second + 1, value: twice.value });
  return sortBandsDesc(bands);
}

export function bandFor(score: number, bands: readonly GradeBand[], arg: string): GradeBand {
  const band = findBand(score, bands);
  if (!band) throw new FunctionError("#N/A", "fn.no-band", { arg, value: score, lowest: bands[bands.length - 1].min });
  return band;
}

export const GRADE: RowFunctionSpec<GradeBand[]> = {
  id: "GRADE",
  params: [
    { name: "score", kind: "cell" },
    { name: "bands", kind: "fixed" },
  ],
  primary: "score",
  prepare: (f) => gradeBands(f.bands, "bands", false),
  row: (bands, c) => bandFor(requireNumber(c.score as Cell, "score"), bands, "bands").label,
};
