/**
 * Gate and proportional (seed 004 warehouse): base 300; score below the gate (80) → nothing;
 * above full marks (100) → base × score / 100 (110 → 330); in between → the whole base, or in
 * proportion when `between` says so (the seed drops that rule, so it is a setting).
 */
import { z } from "zod";
import { compileExpr, ConstSchema, constValue, ExprSchema } from "../expr.js";
import { div, IF, mul, op } from "../formula.js";
import { constFormula, exprFormula, payKind } from "./kind.js";
import { checkChoice, choiceFormula, choiceNow, choiceSchema } from "./choice.js";

const BETWEEN = ["full", "proportional"] as const;

export const GateProportionalPaySchema = z
  .object({
    kind: z.literal("gate-proportional"),
    base: ExprSchema,
    gate: ConstSchema,
    /** Between the gate and full marks: the whole base, or in proportion — a word, or a parameter (0 = full, 1 = proportional). */
    between: choiceSchema(BETWEEN).default("full"),
  })
  .strict();
export type GateProportionalPay = z.infer<typeof GateProportionalPaySchema>;

export const gateProportional = payKind({
  kind: "gate-proportional",
  schema: GateProportionalPaySchema,
  tunable: ["base", "gate"],
  check: (rule, c) => checkChoice(rule.between, BETWEEN, "between", c),
  compile(rule, c) {
    const base = compileExpr(rule.base, c.env);
    const gate = constValue(rule.gate, c.env);
    const between = choiceNow(rule.between, BETWEEN, c.env);
    return (ctx, why) => {
      const total = ctx.total ?? 0;
      const full = ctx.full ?? 100;
      // below the gate nothing is paid and the base is not looked at, as in the formula
      if (total < gate) {
        if (why) why("why.pay.below-gate", { total, gate });
        return 0;
      }
      const b = base(ctx);
      if (total > full || between === "proportional") {
        if (why) why("why.pay.proportional", { base: b, total, full });
        return (b * total) / full;
      }
      if (why) why("why.pay.full-base", { base: b, total, gate });
      return b;
    };
  },
  formula(rule, f) {
    const total = f.value("total");
    const full = f.value("full");
    const proportional = div(mul(exprFormula(rule.base, f), total), full);
    const between = choiceFormula(rule.between, BETWEEN, f, (o) => (o === "proportional" ? proportional : IF(op(">", total, full), proportional, exprFormula(rule.base, f))));
    return IF(op("<", total, constFormula(rule.gate, f)), 0, between);
  },
});
