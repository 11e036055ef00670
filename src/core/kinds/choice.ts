/**
 * A choice a seed leaves to the company (full base or pro rata between 80 and 100; how a part
 * step counts; whole-bracket or progressive rates): written as a word, or as a parameter whose
 * value is the choice's number (0, 1, 2 … in the order listed), so that it can be reviewed and
 * set like any number — with `--param`, in the pane, or in the scheme sheet's cell, where the
 * formula follows it.
 */
import { z } from "zod";
import type { ExprEnv } from "../expr.js";
import { constValue } from "../expr.js";
import { add, call, type Formula } from "../formula.js";
import { IdSchema } from "../text.js";
import { optionSchema, type OptionSet } from "../option-words.js";
import { EvaluationError } from "../errors.js";
import type { CheckContext, FormulaContext } from "./kind.js";

export type Choice<T extends string> = T | { param: string };

export const choiceSchema = <T extends string>(options: readonly [T, ...T[]]) => z.union([z.enum(options), z.object({ param: IdSchema }).strict()]);

/** The same for a set of the option table: any of its words reads as its value (src/core/option-words.ts). */
export const optionChoiceSchema = <S extends OptionSet>(set: S) => z.union([optionSchema(set), z.object({ param: IdSchema }).strict()]);

/** The option a choice names now (a parameter's value is the option's position). */
export function choiceNow<T extends string>(c: Choice<T>, options: readonly T[], env: ExprEnv): T {
  if (typeof c === "string") return c;
  const v = constValue(c, env);
  const o = options[v];
  if (!Number.isInteger(v) || o === undefined) throw new EvaluationError("scheme.choice", { choices: options.map((x, i) => `${i} = ${x}`).join(", ") });
  return o;
}

/** The formula for each option, chosen in the sheet when the choice is a parameter. */
export function choiceFormula<T extends string>(c: Choice<T>, options: readonly T[], f: FormulaContext, byOption: (o: T) => Formula): Formula {
  if (typeof c === "string") return byOption(c);
  return call("CHOOSE", add(f.param(c.param), 1), ...options.map(byOption));
}

/** A choice parameter must hold one of the options' numbers. */
export function checkChoice<T extends string>(c: Choice<T> | undefined, options: readonly T[], path: string, check: CheckContext): void {
  if (c === undefined || typeof c === "string") return;
  const v = check.resolve(c);
  if (v === undefined || !Number.isInteger(v) || v < 0 || v >= options.length)
    check.issue([path], "scheme.choice", { choices: options.map((o, i) => `${i} = ${o}`).join(", ") });
}
