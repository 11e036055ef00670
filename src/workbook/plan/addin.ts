/**
 * Add-in formulas: where a KPI.* function says what the rule says, the sheet uses it, which reads
 * better (=KPI.SCORE(C2,1,30)); anything else falls back to the native formula. The functions
 * run the same src/core code, so both modes give the same numbers.
 */
import type { Rule } from "../../core/rules/index.js";
import { numberLiteral, textLiteral } from "./a1.js";
import { constFormula, exprFormula, type FormulaContext } from "./native.js";

/** The KPI.* formula for a rule, or null when the native formula should be used. */
export function addinRuleFormula(rule: Rule, value: string, input: string, full: number, f: FormulaContext): string | null {
  switch (rule.kind) {
    case "ratio":
      return `KPI.SCORE(${value},${exprFormula(rule.target, f)},${numberLiteral(full)},${textLiteral(rule.direction)},${constFormula(rule.cap, f)})`;
    case "deduct-per-step":
      return `KPI.DEDUCT(${value},${constFormula(rule.limit, f)},${constFormula(rule.step, f)},${constFormula(rule.points, f)},${numberLiteral(full)},${textLiteral(rule.direction)},${textLiteral(rule.partial)})`;
    case "levels": {
      const table = Object.entries(rule.points).map(([k, x]) => (typeof x === "number" ? `${f.option(input, k)}:${x}` : null));
      return table.every((x) => x !== null) ? `KPI.LEVEL(${value},${textLiteral(table.join(","))})` : null;
    }
    default:
      return null;
  }
}
