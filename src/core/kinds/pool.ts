/**
 * Pool allocation (seed 001 客户服务部): a fixed budget split in proportion to each person's
 * weight (grade coefficient × seniority factor), in whole money units, adding up to the budget
 * exactly. Largest remainder: everyone gets the floor of their exact share; the units left go
 * one each to the largest remainders; ties go to the larger weight, then to the earlier row.
 * (Row order rather than id order so that a spreadsheet formula can apply the same rule.)
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";
import { MAX_YUAN, toCents } from "../money.js";
import { add, AND, call, div, EMPTY, IF, mul, NA, op, ROUND, sub } from "../formula.js";
import { constFormula, exprFormula, rosterPayKind } from "./kind.js";

export const PoolPaySchema = z
  .object({
    kind: z.literal("pool"),
    budget: ConstSchema,
    weight: ExprSchema,
  })
  .strict();
export type PoolPay = z.infer<typeof PoolPaySchema>;

export interface PoolShareInput {
  id: string;
  weight: number;
}

/**
 * Split `budgetCents` over the weights in units of `unitCents` (1 for 0.01 yuan, 100 for 1 yuan).
 * Returns cents per person, in input order; their sum is exactly the budget.
 */
export function allocatePool(budgetCents: number, people: readonly PoolShareInput[], unitCents = 1): number[] {
  if (!Number.isInteger(budgetCents) || budgetCents < 0) throw new EvaluationError("pool.budget", { budget: budgetCents / 100 });
  if (budgetCents % unitCents !== 0) throw new EvaluationError("pool.budget-unit", { budget: budgetCents / 100, unit: unitCents / 100 });
  for (const p of people) {
    if (!Number.isFinite(p.weight) || p.weight < 0) throw new EvaluationError("pool.weight", { id: p.id, weight: p.weight });
  }
  const units = budgetCents / unitCents;
  const totalWeight = people.reduce((s, p) => s + p.weight, 0);
  if (units === 0) return people.map(() => 0);
  if (totalWeight <= 0) throw new EvaluationError("pool.no-weight", {});
  const exact = people.map((p) => (units * p.weight) / totalWeight);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = units - floors.reduce((s, x) => s + x, 0);
  const order = people
    .map((p, i) => ({ i, rem: exact[i] - floors[i], weight: p.weight }))
    .sort((a, b) => b.rem - a.rem || b.weight - a.weight || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) floors[order[k].i] += 1;
  return floors.map((u) => u * unitCents);
}

export const pool = rosterPayKind({
  kind: "pool",
  schema: PoolPaySchema,
  tunable: ["budget"],
  check(rule, c) {
    // a budget beyond MAX_YUAN could not be split exactly to the cent
    const budget = c.resolve(rule.budget);
    if (budget !== undefined && Math.abs(budget) > MAX_YUAN) c.issue(["budget"], "scheme.money-too-large", { max: MAX_YUAN });
  },
  helpers: ["weight", "cumulative", "exact", "floor", "floors", "remainder", "position"],
  compile(rule, c) {
    const weight = compileExpr(rule.weight, c.env);
    const budget = toCents(constValue(rule.budget, c.env), c.moneyDigits);
    const unit = 10 ** (2 - c.moneyDigits);
    return (members) => {
      const shares = members.map((m) => ({ id: m.id, weight: m.eligible ? weight({ values: m.values, total: m.total, full: c.full, coefficient: m.coefficient ?? undefined }) : 0 }));
      const cents = allocatePool(budget, shares, unit);
      return cents.map((x, i) => ({ cents: x, reason: { key: "why.pay.pool", vars: { weight: shares[i].weight, budget: budget / 100 } } }));
    };
  },
  formula(rule, f) {
    const digits = f.moneyDigits;
    const units = mul(ROUND(constFormula(rule.budget, f), digits), 10 ** digits);
    const unitCents = 10 ** (2 - digits);
    // running sums (shown for the reader) as SUM over the rows so far, not "the cell above +
    // this row": a column that refers to itself row after row came out wrong in LibreOffice's
    // grouped calculation once long (1,000 rows: its last cell was 0). Totals are summed where
    // they are used, not read from a running column's last cell, for the same reason.
    const W = call("SUM", f.helperColumn("weight"));
    const rem = f.helperColumn("remainder");
    const w = f.helperColumn("weight");
    const r = f.helper("remainder");
    const wr = f.helper("weight");
    const remEq = op("=", rem, r);
    const left = sub(units, call("SUM", f.helperColumn("floor")));
    return {
      helpers: {
        weight: IF(f.eligible ? AND(f.evaluated, f.eligible) : f.evaluated, exprFormula(rule.weight, f), 0),
        cumulative: call("SUM", f.helperSoFar("weight")),
        exact: IF(op("<=", W, 0), NA(), div(mul(units, f.helper("weight")), W)),
        floor: call("INT", add(f.helper("exact"), 1e-9)),
        floors: call("SUM", f.helperSoFar("floor")),
        remainder: sub(f.helper("exact"), f.helper("floor")),
        // the largest remainders first, then the larger weight, then the earlier row — as
        // allocatePool; the earlier rows counted over the rows so far (no ROW(): not every
        // spreadsheet gives ROW(range) as an array)
        position: sub(
          add(
            call("SUMPRODUCT", add(op(">", rem, r), mul(remEq, op(">", w, wr)))),
            call("SUMPRODUCT", mul(op("=", f.helperSoFar("remainder"), r), op("=", f.helperSoFar("weight"), wr))),
          ),
          1,
        ),
      },
      pay: IF(f.ready, div(mul(add(f.helper("floor"), IF(op("<", f.helper("position"), left), 1, 0)), unitCents), 100), EMPTY),
    };
  },
  budget: (rule, f, digits) => ROUND(constFormula(rule.budget, f), digits),
});
