/**
 * Tiered rates (seed 002 bid team): brackets of an amount, each with a rate.
 * - whole: the whole amount takes the rate of the bracket it falls in;
 * - progressive: each slice of the amount takes its own bracket's rate (like income tax).
 * Brackets are (previous upTo, upTo]; the last has no upTo. `scale` converts units (万元 → 元).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { IF, MIN, mul, op, sub, sum, type Formula } from "../formula.js";
import { constFormula, exprFormula, payKind } from "./kind.js";
import { checkChoice, choiceFormula, choiceNow, optionChoiceSchema } from "./choice.js";
import { bracketProblems } from "../rule-checks.js";
import { optionValues } from "../option-words.js";

const MODES = optionValues("tieredMode");

export const TieredPaySchema = z
  .object({
    kind: z.literal("tiered"),
    amount: ExprSchema,
    /** The whole amount at its bracket's rate, or each slice at its own — or a parameter (0 = whole, 1 = progressive). */
    mode: optionChoiceSchema("tieredMode"),
    brackets: z.array(z.object({ upTo: ConstSchema.nullable(), rate: ConstSchema }).strict()).min(1),
    scale: ConstSchema.default(1),
  })
  .strict();
export type TieredPay = z.infer<typeof TieredPaySchema>;

export interface Bracket {
  upTo: number; // Infinity for the last
  rate: number;
}

/** The tiered amount for a value; pure, shared by the pay rule and the custom function. */
export function tieredAmount(value: number, brackets: readonly Bracket[], mode: "whole" | "progressive"): number {
  if (value <= 0) return 0;
  if (mode === "whole") {
    const b = brackets.find((x) => value <= x.upTo) ?? brackets[brackets.length - 1];
    return value * b.rate;
  }
  let total = 0;
  let lower = 0;
  for (const b of brackets) {
    if (value <= lower) break;
    total += (Math.min(value, b.upTo) - lower) * b.rate;
    lower = b.upTo;
  }
  return total;
}

export const tiered = payKind({
  kind: "tiered",
  schema: TieredPaySchema,
  tunable: ["amount", "upTo", "rate", "scale"],
  check(rule, c) {
    checkChoice(rule.mode, MODES, "mode", c);
    const upTos = rule.brackets.map((x) => (x.upTo === null ? null : c.resolve(x.upTo)));
    for (const b of bracketProblems(upTos)) c.issue(["brackets", b.index, "upTo"], `scheme.bracket-${b.problem}`, b.prev === undefined ? {} : { prev: b.prev });
  },
  compile(rule, c) {
    const mode = choiceNow(rule.mode, MODES, c.env);
    const amount = compileExpr(rule.amount, c.env);
    const brackets: Bracket[] = rule.brackets.map((b) => ({
      upTo: b.upTo === null ? Infinity : constValue(b.upTo, c.env),
      rate: constValue(b.rate, c.env),
    }));
    const scale = constValue(rule.scale, c.env);
    return (ctx, why) => {
      const v = amount(ctx);
      if (why) why(`why.pay.tiered.${mode}`, { value: v });
      return tieredAmount(v, brackets, mode) * scale;
    };
  },
  formula(rule, f) {
    const v = exprFormula(rule.amount, f);
    const brackets = rule.brackets.map((b) => ({ upTo: b.upTo === null ? null : constFormula(b.upTo, f), rate: constFormula(b.rate, f) }));
    const whole = (): Formula => {
      const last = brackets[brackets.length - 1];
      return brackets.slice(0, -1).reduceRight<Formula>((rest, b) => IF(op("<=", v, b.upTo!), mul(v, b.rate), rest), mul(v, last.rate));
    };
    const progressive = (): Formula =>
      sum(
        brackets.map((b, i) => {
          const lower = i === 0 ? 0 : brackets[i - 1].upTo!;
          const slice = mul(sub(b.upTo === null ? v : MIN(v, b.upTo), lower), b.rate);
          return i === 0 ? slice : IF(op(">", v, lower), slice, 0);
        }),
      );
    const body = choiceFormula(rule.mode, MODES, f, (o) => (o === "whole" ? whole() : progressive()));
    return mul(IF(op("<=", v, 0), 0, body), constFormula(rule.scale, f));
  },
});
