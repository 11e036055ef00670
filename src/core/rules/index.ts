/** The rule kinds an indicator or adjustment can use, and one dispatch to compile them. */
import { z } from "zod";
import { BandsRuleSchema, compileBands } from "./bands.js";
import { compileDeductPerStep, DeductPerStepRuleSchema } from "./deduct-per-step.js";
import { compileDeductions, DeductionsRuleSchema } from "./deductions.js";
import { compileDirect, DirectRuleSchema } from "./direct.js";
import { compileLevels, LevelsRuleSchema } from "./levels.js";
import { compileItems, ItemsRuleSchema } from "./per-unit.js";
import { compileRatio, RatioRuleSchema } from "./ratio.js";
import type { CompiledRule, RuleCompileContext } from "./types.js";

export const RuleSchema = z.discriminatedUnion("kind", [
  RatioRuleSchema,
  BandsRuleSchema,
  DeductPerStepRuleSchema,
  LevelsRuleSchema,
  DirectRuleSchema,
  ItemsRuleSchema,
  DeductionsRuleSchema,
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule["kind"];

export function compileRule(rule: Rule, c: RuleCompileContext): CompiledRule {
  switch (rule.kind) {
    case "ratio":
      return compileRatio(rule, c);
    case "bands":
      return compileBands(rule, c);
    case "deduct-per-step":
      return compileDeductPerStep(rule, c);
    case "levels":
      return compileLevels(rule, c);
    case "direct":
      return compileDirect(rule, c);
    case "items":
      return compileItems(rule, c);
    case "deductions":
      return compileDeductions(rule, c);
  }
}

/** Rules whose points come from the indicator's own input column (deductions read their items'). */
export function ruleReadsOwnInput(rule: Rule): boolean {
  return rule.kind !== "deductions";
}

export type { CompiledRule, RuleCompileContext, Reason, Why } from "./types.js";

