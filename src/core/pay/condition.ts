/**
 * When a pay line applies: a comparison of a data column with a value, e.g. status = regular
 * (no profit bonus during probation) or employed_dec31 = true (year-end bonus).
 */
import { z } from "zod";
import { IdSchema } from "../text.js";
import type { RowContext } from "../expr.js";

export const ConditionSchema = z
  .object({
    input: IdSchema,
    op: z.enum(["=", "!=", ">", ">=", "<", "<="]).default("="),
    value: z.union([z.number(), z.string(), z.boolean()]),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

export function testCondition(c: Condition, ctx: RowContext): boolean {
  const v = ctx.values[c.input];
  switch (c.op) {
    case "=":
      return v === c.value;
    case "!=":
      return v !== c.value;
  }
  if (typeof v !== "number" || typeof c.value !== "number") return false;
  switch (c.op) {
    case ">":
      return v > c.value;
    case ">=":
      return v >= c.value;
    case "<":
      return v < c.value;
    case "<=":
      return v <= c.value;
  }
}
