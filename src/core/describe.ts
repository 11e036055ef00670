/**
 * A rule in words, for people editing a scheme: "lose 2 points for each 0.01 over 0.02". The
 * words come from the catalogs (rule.describe.*); numbers are the rule's, with parameters
 * resolved to their current values.
 */
import type { Rule } from "./rules/index.js";
import type { Scheme } from "./scheme/schema.js";
import type { Const, Expr } from "./expr.js";
import type { MessageVars } from "./errors.js";

export interface RuleWords {
  key: string;
  vars: MessageVars;
}

export function describeRule(rule: Rule, full: number, scheme: Pick<Scheme, "parameters">): RuleWords {
  const params = new Map(scheme.parameters.map((p) => [p.id, p.value]));
  const c = (x: Const | undefined) => (x === undefined ? undefined : typeof x === "number" ? x : params.get(x.param));
  const e = (x: Expr) => (typeof x === "number" ? x : "param" in x ? params.get(x.param) : "input" in x ? `[${x.input}]` : "…");
  switch (rule.kind) {
    case "ratio":
      return { key: `rule.describe.ratio.${rule.direction}`, vars: { full, target: e(rule.target), cap: c(rule.cap) } };
    case "bands":
      return { key: `rule.describe.bands.${rule.direction}`, vars: { bands: rule.bands.map((b) => `${c(b.threshold)}→${e(b.points)}`).join(", ") } };
    case "deduct-per-step":
      return { key: `rule.describe.deduct.${rule.direction}`, vars: { full, points: c(rule.points), step: c(rule.step), limit: c(rule.limit) } };
    case "levels":
      return { key: "rule.describe.levels", vars: { levels: Object.entries(rule.points).map(([k, x]) => `${k} ${e(x)}`).join(", ") } };
    case "direct":
      return { key: "rule.describe.direct", vars: { min: c(rule.min) ?? 0, max: c(rule.max) ?? full } };
    case "items":
      return { key: "rule.describe.items", vars: { rate: rule.schedule.kind === "per-unit" ? e(rule.schedule.rate) : "…" } };
    case "deductions":
      return { key: "rule.describe.deductions", vars: { full, items: rule.items.length } };
  }
}
