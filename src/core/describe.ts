/**
 * A rule in words, for people editing a scheme: "lose 2 points for each 0.01 over 0.02". The
 * words come from the catalogs (rule.describe.*); numbers are the rule's, with parameters
 * resolved to their current values. Each kind says its own words (src/core/kinds).
 */
import { describeRuleKind, type Rule } from "./kinds/registry.js";
import type { Words } from "./kinds/kind.js";
import type { Scheme } from "./scheme/schema.js";

export type RuleWords = Words;

export function describeRule(rule: Rule, full: number, scheme: Pick<Scheme, "parameters">): RuleWords {
  const params = new Map(scheme.parameters.map((p) => [p.id, p.value]));
  return describeRuleKind(rule, { full, param: (id) => params.get(id) });
}
