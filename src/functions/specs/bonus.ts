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
import { isBlank, optionalNumber, requireNumber, single, toOption, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { bandFor, gradeBands, type GradeBand } from "./grade.js";
import { money, NO_PARAMS } from "./shared.js";

const METHOD = { coefficient: "coefficient", 系数: "coefficient", linear: "linear", 线性: "linear", gate: "gate", 门槛: "gate" } as const;

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
    { name: "method", kind: "fixed" },
    { name: "table_or_gate", kind: "fixed", optional: true },
    { name: "cap", kind: "fixed", optional: true },
    { name: "full", kind: "fixed", optional: true },
  ],
  primary: "score",
  prepare(f) {
    const method = toOption(single(f.method, "method"), "method", METHOD, "coefficient");
    const full = optionalNumber(single(f.full, "full"), "full", 100);
    if (!isPositive(full)) throw new FunctionError("#VALUE!", "fn.positive", { arg: "full" });
    const base = { input: "base" };
    if (method === "coefficient") {
      if (isBlank(f.table_or_gate as Cell)) throw new FunctionError("#VALUE!", "fn.blank", { arg: "table_or_gate" });
      return { method, full, bands: gradeBands(f.table_or_gate, "table_or_gate", true), pay: coefficient.compile({ kind: "coefficient", base }, { env: NO_PARAMS }) };
    }
    const gate = optionalNumber(single(f.table_or_gate, "table_or_gate"), "table_or_gate", method === "linear" ? -Infinity : 0);
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
      const band = label ?? bandFor(requireNumber(score, "score"), p.bands, "table_or_gate");
      return money(p.pay({ values, coefficient: band.coefficient! }, null));
    }
    return money(p.pay({ values, total: requireNumber(c.score as Cell, "score"), full: p.full }, null));
  },
};
