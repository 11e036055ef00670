/**
 * KPI.TIERED(amount, brackets, [mode]) — tiered rates: rows (up to, rate), the last with a blank
 * "up to"; "whole" (default) pays the whole amount at its bracket's rate, "progressive" each
 * slice at its own. Rounded to the cent.
 */
import { tieredAmount, type Bracket } from "../../core/kinds/tiered.js";
import { bracketProblems } from "../../core/rule-checks.js";
import { isBlank, requireNumber, single, tableRows, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { money } from "./shared.js";

export const TIERED: RowFunctionSpec<{ brackets: Bracket[]; mode: "whole" | "progressive" }> = {
  id: "TIERED",
  params: [
    { name: "amount", kind: "cell" },
    { name: "brackets", kind: "fixed" },
    { name: "mode", kind: "fixed", single: true, optional: true },
  ],
  primary: "amount",
  prepare(f) {
    const rows = tableRows(f.brackets, "brackets");
    const brackets = rows.map((r, i) => {
      if (r.length < 2) throw new FunctionError("#VALUE!", "fn.table", { arg: "brackets", row: i + 1, columns: "upto-rate" });
      const upTo = isBlank(r[0] as Cell) ? Infinity : requireNumber(r[0] as Cell, "brackets");
      return { upTo, rate: requireNumber(r[1] as Cell, "brackets") };
    });
    // the scheme's own checks: bounds rising, only the last open (an amount above every bound is still paid)
    const problem = bracketProblems(brackets.map((b) => (b.upTo === Infinity ? null : b.upTo)))[0];
    if (problem) throw new FunctionError("#VALUE!", `fn.bracket-${problem.problem}`, { arg: "brackets", row: problem.index + 1, prev: problem.prev });
    return { brackets, mode: toOption(single(f.mode, "mode"), "mode", "tieredMode", "whole") };
  },
  row: (p, c) => money(tieredAmount(requireNumber(c.amount as Cell, "amount"), p.brackets, p.mode)),
};
