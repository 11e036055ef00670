/**
 * Numeric expressions used wherever a rule takes a number: a constant, a scheme parameter, a
 * data column of the person, a value the evaluation has produced (total, grade coefficient),
 * arithmetic, or a pick by an option column (e.g. a rate by staff level).
 *
 * They are compiled once per evaluation into closures, so a roster of 100,000 people pays for
 * the tree walk once, not per person.
 */
import { z } from "zod";
import { IdSchema } from "./text.js";
import { EvaluationError } from "./errors.js";

export type Expr =
  | number
  | { param: string }
  | { input: string }
  | { value: ComputedValue }
  | { op: "+" | "-" | "*" | "/" | "min" | "max"; args: Expr[] }
  | { pick: string; from: Record<string, Expr> };

/** Values the evaluation computes that pay rules may use. */
export const COMPUTED_VALUES = ["total", "coefficient", "full"] as const;
export type ComputedValue = (typeof COMPUTED_VALUES)[number];

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.number().finite(),
    z.object({ param: IdSchema }).strict(),
    z.object({ input: IdSchema }).strict(),
    z.object({ value: z.enum(COMPUTED_VALUES) }).strict(),
    z
      .object({ op: z.enum(["+", "-", "*", "/", "min", "max"]), args: z.array(ExprSchema).min(2) })
      .strict(),
    z.object({ pick: IdSchema, from: z.record(z.string(), ExprSchema) }).strict(),
  ]),
);

/** A number fixed for the whole evaluation: a constant or a scheme parameter. */
export type Const = number | { param: string };
export const ConstSchema: z.ZodType<Const> = z.union([z.number().finite(), z.object({ param: IdSchema }).strict()]);

/** A person's values as the data parser produced them. */
export type RowValues = Record<string, number | string | boolean | null>;

export interface RowContext {
  values: RowValues;
  /** The row's period ("2026-11"): what a date is compared with (made regular by the 10th of it). */
  period?: string | null;
  total?: number;
  coefficient?: number;
  full?: number;
}

export type Compiled = (ctx: RowContext) => number;

export interface ExprEnv {
  params: ReadonlyMap<string, number>;
}

export function constValue(c: Const, env: ExprEnv): number {
  if (typeof c === "number") return c;
  const v = env.params.get(c.param);
  if (v === undefined) throw new EvaluationError("param.unknown", { param: c.param });
  return v;
}

export function compileExpr(e: Expr, env: ExprEnv): Compiled {
  if (typeof e === "number") return () => e;
  if ("param" in e) {
    const v = constValue(e, env);
    return () => v;
  }
  if ("input" in e) {
    const id = e.input;
    return (ctx) => {
      const v = ctx.values[id];
      if (typeof v === "number") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      throw new EvaluationError("input.not-number", { input: id, value: String(v ?? "") });
    };
  }
  if ("value" in e) {
    const name = e.value;
    return (ctx) => {
      const v = ctx[name];
      if (v === undefined) throw new EvaluationError("value.unavailable", { value: name });
      return v;
    };
  }
  if ("op" in e) {
    const args = e.args.map((a) => compileExpr(a, env));
    switch (e.op) {
      case "+":
        return (ctx) => args.reduce((s, f) => s + f(ctx), 0);
      case "*":
        return (ctx) => args.reduce((s, f) => s * f(ctx), 1);
      case "-":
        return (ctx) => args.slice(1).reduce((s, f) => s - f(ctx), args[0](ctx));
      case "/":
        return (ctx) =>
          args.slice(1).reduce((s, f) => {
            const d = f(ctx);
            if (d === 0) throw new EvaluationError("expr.divide-by-zero", {});
            return s / d;
          }, args[0](ctx));
      case "min":
        return (ctx) => Math.min(...args.map((f) => f(ctx)));
      case "max":
        return (ctx) => Math.max(...args.map((f) => f(ctx)));
    }
  }
  const key = e.pick;
  const table = new Map(Object.entries(e.from).map(([k, v]) => [k, compileExpr(v, env)]));
  return (ctx) => {
    const option = String(ctx.values[key] ?? "");
    const f = table.get(option);
    if (!f) throw new EvaluationError("expr.pick-missing", { input: key, value: option });
    return f(ctx);
  };
}

/** A count column (days, times, items): blank counts as 0, text is an error. */
export function countValue(ctx: RowContext, input: string): number {
  const v = ctx.values[input];
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v !== "number") throw new EvaluationError("input.not-number", { input, value: String(v) });
  return v;
}
