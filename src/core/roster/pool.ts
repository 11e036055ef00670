/**
 * Pool allocation (seed 001 客户服务部): a fixed budget split in proportion to each person's
 * weight (grade coefficient × seniority factor), in whole money units, adding up to the budget
 * exactly. Largest remainder: everyone gets the floor of their exact share; the units left go
 * one each to the largest remainders; ties go to the larger weight, then to the earlier row.
 * (Row order rather than id order so that a spreadsheet formula can apply the same rule.)
 */
import { z } from "zod";
import { ConstSchema, ExprSchema } from "../expr.js";
import { EvaluationError } from "../errors.js";

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
