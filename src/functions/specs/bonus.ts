/**
 * KPI.BONUS(base, score, method, [table_or_gate], [cap], [full]) — pay from a base:
 * - "coefficient": base × the coefficient of the score's grade (table: label, lower bound,
 *   coefficient); the score may also be the grade label itself;
 * - "linear": base × score / full, nothing below the gate, at most cap (1000 × score, ≥ 60);
 * - "gate": nothing below the gate, base × score / full above full, else the whole base.
 * The same core pay rules as a scheme's pay lines; rounded to the cent with Excel's ROUND.
 */
import { isPositive } from "../../core/rule-checks.js";
import { coefficient } from "../../core/kinds/coefficient.js";
import { gateProportional } from "../../core/kinds/gate-proportional.js";
import { scoreLinear } from "../../core/kinds/score-linear.js";
import type { CompiledPay } from "../../core/kinds/kind.js";
import { parseNumber } from "../../core/data.js";
import { isBlank, optionalNumber, requireNumber, single, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { bandFor, gradeBands, type GradeBand } from "./grade.js";
import { money, NO_PARAMS } from "./shared.js";

interface Prepared {
  method: "coefficient" | "linear" | "gate";
  pay: CompiledPay;
  bands: GradeBand[];
  full: number;
}

export const BONUS: RowFunctionSpec<Prepared> = {
  id: "BONUS",
  params: [
    { name: "base", kind: "cell" },
    { name: "score", kind: "cell" },
    { name: "method", kind: "fixed", single: true },
    { name: "table_or_gate", kind: "fixed", optional: true },
    { name: "cap", kind: "fixed", single: true, optional: true },
    { name: "full", kind: "fixed", single: true, optional: true },
  ],
  primary: "score",
  prepare(f) {
    const method = toOption(single(f.method, "method"), "method", "bonusMethod", "coefficient");
    const full = optionalNumber(single(f.full, "full"), "full", 100);
    if (!isPositive(full)) throw new FunctionError("#VALUE!", "fn.positive", { arg: "full" });
    const base = { input: "base" };
    if (method === "coefficient") {
      // the same argument is a table in this mode and a number in the others: say which is wanted
      if (isBlank(f.table_or_gate as Cell)) throw new FunctionError("#VALUE!", "fn.bonus-table", { arg: "table_or_gate", method: "coefficient" });
      return { method, full, bands: gradeBands(f.table_or_gate, "table_or_gate", true), pay: coefficient.compile({ kind: "coefficient", base }, { env: NO_PARAMS }) };
    }
    const raw = f.table_or_gate;
    const one = Array.isArray(raw) && (raw.length !== 1 || raw[0].length !== 1) ? undefined : single(raw, "table_or_gate");
    const notGate = () => new FunctionError("#VALUE!", "fn.bonus-gate", { arg: "table_or_gate", method });
    if (one === undefined || (!isBlank(one) && typeof one === "string" && parseNumber(one) === null)) throw notGate();
    const gate = optionalNumber(one, "table_or_gate", method === "linear" ? -Infinity : 0);
    if (method === "linear") {
      const cap = optionalNumber(single(f.cap, "cap"), "cap", Infinity);
      const rule = { kind: "score-linear" as const, amount: base, gate, ...(Number.isFinite(cap) ? { cap } : {}) };
      return { method, full, bands: [], pay: scoreLinear.compile(rule, { env: NO_PARAMS }) };
    }
    return { method, full, bands: [], pay: gateProportional.compile({ kind: "gate-proportional", base, gate, between: "full" }, { env: NO_PARAMS }) };
  },
  row(p, c) {
    const base = requireNumber(c.base as Cell, "base");
    const values = { base };
    if (p.method === "coefficient") {
      const score = c.score as Cell;
      const label = typeof score === "string" ? p.bands.find((b) => b.label === score.trim()) : undefined;
      if (!label && typeof score === "string" && parseNumber(score) === null)
        throw new FunctionError("#N/A", "fn.bonus-grade", { arg: "score", value: score, options: p.bands.map((b) => b.label).join(", ") });
      const band = label ?? bandFor(requireNumber(score, "score"), p.bands, "table_or_gate");
      return money(p.pay({ values, coefficient: band.coefficient! }, null));
    }
    return money(p.pay({ values, total: requireNumber(c.score as Cell, "score"), full: p.full }, null));
  },
};
