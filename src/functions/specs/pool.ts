/**
 * KPI.POOL(budget, weights, [unit]) — splits a budget over a column of weights (grade
 * coefficient × seniority) and spills one amount per person; the amounts add up to the budget
 * exactly (largest remainder; ties to the larger weight, then the earlier row). Unit 0.01 or 1.
 */
import { allocatePool } from "../../core/kinds/pool.js";
import { toCents } from "../../core/money.js";
import { asMatrix, BLANK, optionalNumber, requireNumber, single, toNumber } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { ColumnFunctionSpec } from "../run.js";

export const POOL: ColumnFunctionSpec = {
  id: "POOL",
  params: [
    { name: "budget", kind: "fixed", single: true },
    { name: "weights", kind: "fixed" },
    { name: "unit", kind: "fixed", single: true, optional: true },
  ],
  column(a) {
    const budget = requireNumber(single(a.budget, "budget"), "budget");
    const unit = optionalNumber(single(a.unit, "unit"), "unit", 0.01);
    if (unit !== 0.01 && unit !== 0.1 && unit !== 1) throw new FunctionError("#VALUE!", "fn.option", { arg: "unit", value: String(unit), options: "0.01, 0.1, 1" });
    const m = asMatrix(a.weights);
    if (m[0].length !== 1) throw new FunctionError("#VALUE!", "fn.not-column", { arg: "weights", cols: m[0].length });
    // a blank weight (an empty roster row) gets nothing and shows blank
    const weights = m.map((r) => toNumber(r[0], "weights"));
    const people = weights.map((w, i) => ({ id: String(i).padStart(8, "0"), weight: w === BLANK ? 0 : w }));
    const digits = unit === 1 ? 0 : unit === 0.1 ? 1 : 2;
    const cents = allocatePool(toCents(budget, digits), people, Math.round(unit * 100));
    return cents.map((c, i) => (weights[i] === BLANK ? "" : c / 100));
  },
};
