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
import { add, AND, call, div, EMPTY, IF, mul, NA, neg, op, OR, ROUND, sub } from "../formula.js";
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
  helpers: ["weight", "exact", "floor", "remainder", "tie-weight", "tie-row", "extra"],
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
    // Largest remainder in linear passes: every roster-wide figure once, in a named cell
    // (f.once), and each row compares itself with those figures — no row scans the roster. The
    // units left after the floors go to the `left` largest by (remainder, weight, row): the
    // left-th largest remainder T; those above T all get one; among those at T, the largest
    // weights (the k-th largest weight at T is T2); among those at T and T2, the earliest rows
    // (the k2-th such row is R). The same set as allocatePool's sort, without sorting.
    const w = f.helper("weight");
    const rem = f.helper("remainder");
    const row = call("ROW");
    const W = f.once("weight", "wb.agg.pool.weight", {}, call("SUM", f.helperColumn("weight")));
    const left = f.once("left", "wb.agg.pool.left", {}, sub(units, call("SUM", f.helperColumn("floor"))));
    const T = f.once("t", "wb.agg.pool.t", {}, IF(op(">", left, 0), call("LARGE", f.helperColumn("remainder"), left), 0));
    const k = f.once("k", "wb.agg.pool.k", {}, sub(left, call("SUMPRODUCT", neg(neg(op(">", f.helperColumn("remainder"), T))))));
    const T2 = f.once("t2", "wb.agg.pool.t2", {}, IF(op(">", k, 0), call("LARGE", f.helperColumn("tie-weight"), k), 0));
    const k2 = f.once("k2", "wb.agg.pool.k2", {}, sub(k, call("SUMPRODUCT", neg(neg(op(">", f.helperColumn("tie-weight"), T2))))));
    const R = f.once("r", "wb.agg.pool.r", {}, IF(op(">", k2, 0), call("SMALL", f.helperColumn("tie-row"), k2), 0));
    return {
      helpers: {
        weight: IF(f.eligible ? AND(f.evaluated, f.eligible) : f.evaluated, exprFormula(rule.weight, f), 0),
        exact: IF(op("<=", W, 0), NA(), div(mul(units, w), W)),
        floor: call("INT", add(f.helper("exact"), 1e-9)),
        remainder: sub(f.helper("exact"), f.helper("floor")),
        // the weight of a row at the threshold remainder (-1 elsewhere), and its row
        "tie-weight": IF(op("=", rem, T), w, -1),
        "tie-row": IF(AND(op("=", rem, T), op("=", w, T2)), row, EMPTY),
        extra: AND(op(">", left, 0), OR(op(">", rem, T), AND(op("=", rem, T), OR(op(">", w, T2), AND(op("=", w, T2), op("<=", row, R)))))),
      },
      pay: IF(f.ready, div(mul(add(f.helper("floor"), IF(f.helper("extra"), 1, 0)), unitCents), 100), EMPTY),
    };
  },
  budget: (rule, f, digits) => ROUND(constFormula(rule.budget, f), digits),
});
