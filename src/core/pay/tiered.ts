/**
 * Tiered rates (seed 002 bid team): brackets of an amount, each with a rate.
 * - whole: the whole amount takes the rate of the bracket it falls in;
 * - progressive: each slice of the amount takes its own bracket's rate (like income tax).
 * Brackets are (previous upTo, upTo]; the last has no upTo. `scale` converts units (万元 → 元).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import type { CompiledPay, PayCompileContext } from "./types.js";

export const TieredPaySchema = z
  .object({
    kind: z.literal("tiered"),
    amount: ExprSchema,
    mode: z.enum(["whole", "progressive"]),
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

export function compileTiered(rule: TieredPay, c: PayCompileContext): CompiledPay {
  const amount = compileExpr(rule.amount, c.env);
  const brackets: Bracket[] = rule.brackets.map((b) => ({
    upTo: b.upTo === null ? Infinity : constValue(b.upTo, c.env),
    rate: constValue(b.rate, c.env),
  }));
  const scale = constValue(rule.scale, c.env);
  return (ctx, why) => {
    const v = amount(ctx);
    if (why) why(`why.pay.tiered.${rule.mode}`, { value: v });
    return tieredAmount(v, brackets, rule.mode) * scale;
  };
}
