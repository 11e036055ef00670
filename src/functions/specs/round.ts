/** KPI.ROUND(number, [digits]) — Excel's ROUND (decimal, half away from zero), 2 digits by default. */
import { roundExcel } from "../../core/money.js";
import { optionalNumber, requireNumber, single, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";

export const ROUND: RowFunctionSpec<number> = {
  id: "ROUND",
  params: [
    { name: "number", kind: "cell" },
    { name: "digits", kind: "fixed", single: true, optional: true },
  ],
  primary: "number",
  prepare(f) {
    const digits = optionalNumber(single(f.digits, "digits"), "digits", 2);
    if (!Number.isInteger(digits) || digits < -15 || digits > 15) throw new FunctionError("#VALUE!", "fn.digits", { arg: "digits" });
    return digits;
  },
  row: (digits, c) => roundExcel(requireNumber(c.number as Cell, "number"), digits),
};
