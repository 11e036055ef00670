/**
 * When a pay line applies: a comparison of a data column with a value, e.g. status = regular
 * (no profit bonus during probation) or employed_dec31 = true (year-end bonus).
 */
import { z } from "zod";
import { IdSchema } from "./text.js";
import type { RowContext } from "./expr.js";
import { EvaluationError } from "./errors.js";
import { AND, EMPTY, NOT, op, str, type Formula } from "./formula.js";
import type { FormulaContext } from "./kinds/kind.js";
import { formatDate, periodDay } from "./dates.js";

type ConditionFormulaContext = Pick<FormulaContext, "cell" | "option" | "yes" | "param" | "periodDay">;

export const ConditionSchema = z
  .object({
    input: IdSchema,
    op: z.enum(["=", "!=", ">", ">=", "<", "<="]).default("="),
    /**
     * A number, a word, yes/no — or a scheme parameter, for a threshold the company sets (leave over
     * half the month) — or a day of the evaluated month, for a date input (made regular on or before
     * the 10th: `{ "dayOfPeriod": 10 }`).
     */
    value: z.union([
      z.number(),
      z.string(),
      z.boolean(),
      z.object({ param: IdSchema }).strict(),
      z.object({ dayOfPeriod: z.number().int().min(1).max(31) }).strict(),
    ]),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

/** When a pay line applies: one condition, or several that must all hold (正式员工 and on the payroll on 31 December). */
export const WhenSchema = z.union([ConditionSchema, z.array(ConditionSchema).min(1)]);
export type When = z.infer<typeof WhenSchema>;

const NO_CONDITIONS: readonly Condition[] = Object.freeze([]);

// (the shared empty list: a pay line without a condition is asked about for every person)
export const conditionsOf = (when: When | undefined): readonly Condition[] => (when === undefined ? NO_CONDITIONS : Array.isArray(when) ? when : [when]);

/** The first condition of `when` that does not hold for the row, or null when all hold. */
export function failedCondition(when: When | undefined, ctx: RowContext, params?: ReadonlyMap<string, number>): Condition | null {
  // (one condition tested as it is: no list made for it, once per person and line)
  if (when !== undefined && !Array.isArray(when)) return testCondition(when, ctx, params) ? null : when;
  for (const c of conditionsOf(when)) if (!testCondition(c, ctx, params)) return c;
  return null;
}

/** What a condition compares with: its value, a parameter's current value, or the date of a day of the row's period. */
function comparedWith(c: Condition, ctx: RowContext, params: ReadonlyMap<string, number> | undefined): number | string | boolean {
  if (typeof c.value !== "object") return c.value;
  if ("dayOfPeriod" in c.value) {
    if (!ctx.period) throw new EvaluationError("condition.needs-period", { input: c.input, day: c.value.dayOfPeriod });
    return periodDay(ctx.period, c.value.dayOfPeriod);
  }
  const v = params?.get(c.value.param);
  if (v === undefined) throw new EvaluationError("param.unknown", { param: c.value.param });
  return v;
}

/** What a condition compared with, as the reason shows it: a parameter's value, a day as 2026-11-10. */
export function conditionValueText(c: Condition, ctx: RowContext, params?: ReadonlyMap<string, number>): string {
  if (typeof c.value === "object" && "dayOfPeriod" in c.value) return ctx.period ? formatDate(periodDay(ctx.period, c.value.dayOfPeriod)) : "";
  return String(comparedWith(c, ctx, params));
}

export function testCondition(c: Condition, ctx: RowContext, params?: ReadonlyMap<string, number>): boolean {
  const v = ctx.values[c.input];
  const value = comparedWith(c, ctx, params);
  switch (c.op) {
    case "=":
      return v === value;
    case "!=":
      return v !== value;
  }
  if (typeof v !== "number" || typeof value !== "number") return false;
  switch (c.op) {
    case ">":
      return v > value;
    case ">=":
      return v >= value;
    case "<":
      return v < value;
    case "<=":
      return v <= value;
  }
}

/**
 * The same test as a formula. Yes/no inputs are written as words in the sheet, options as their
 * labels; `type` tells which an input is.
 */
export function conditionFormula(c: Condition, f: ConditionFormulaContext, type: (input: string) => string): Formula {
  const cell = f.cell(c.input);
  if (typeof c.value === "object") {
    const right = "dayOfPeriod" in c.value ? f.periodDay(c.value.dayOfPeriod, c.input) : f.param(c.value.param);
    // a blank date cell is no date (Excel reads it as 0, before every day)
    const test = op(c.op === "!=" ? "<>" : c.op, cell, right);
    return "dayOfPeriod" in c.value ? AND(op("<>", cell, EMPTY), test) : test;
  }
  if (typeof c.value === "boolean") {
    const yes = op("=", cell, str(f.yes()));
    const test = c.value ? yes : NOT(yes);
    return c.op === "!=" ? NOT(test) : test;
  }
  const right = typeof c.value === "string" ? str(type(c.input) === "option" ? f.option(c.input, c.value) : c.value) : c.value;
  return op(c.op === "!=" ? "<>" : c.op, cell, right);
}

/** All of `when` as one formula, or null when there is no condition. */
export function whenFormula(when: When | undefined, f: ConditionFormulaContext, type: (input: string) => string): Formula | null {
  const tests = conditionsOf(when).map((c) => conditionFormula(c, f, type));
  return tests.length === 0 ? null : tests.length === 1 ? tests[0] : AND(...tests);
}
