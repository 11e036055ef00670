/**
 * Every number of a scheme's rules as an editable cell: before planning, each constant a person
 * might tune — band thresholds and points, limits, steps, rates, caps, brackets, amounts — is
 * lifted into a parameter of its own ("rule number"), so that the scheme sheet lists it under a
 * name and every formula refers to that name. Editing a cell then changes the rule everywhere.
 * The lifted scheme is validated again by the same schema.
 */
import type { Scheme, Parameter } from "../../core/scheme/schema.js";
import { parseScheme } from "../../core/scheme/load.js";

/** Keys whose numbers are rule settings (not ids, counts of items or condition values). */
const TUNABLE = new Set([
  "threshold", "points", "limit", "step", "cap", "rate", "maxCount", "above", "amount", "gate", "base", "budget",
  "first", "last", "upTo", "min", "max", "newMonths", "newBearing", "soleMaxBearing", "target", "scale", "otherwise",
  "minCompletion", "maxCompletion",
]);
/** Where numbers are not settings: conditions, a deductions rule's zero test, arithmetic. */
const SKIP = new Set(["when", "zeroWhen", "args"]);

export interface Lifted {
  scheme: Scheme;
  /** The parameters made from rule numbers, in the order they appear. */
  ruleNumbers: Parameter[];
}

export function liftRuleNumbers(scheme: Scheme): Lifted {
  const ruleNumbers: Parameter[] = [];
  const taken = new Set(scheme.parameters.map((p) => p.id));
  const lift = (value: number, owner: { id: string; name: Scheme["indicators"][number]["name"] }, path: string[]) => {
    const base = `r_${owner.id}_${path.join("_")}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    const field = path.join(".");
    ruleNumbers.push({ id, name: { "zh-CN": `${owner.name["zh-CN"]} · ${field}`, "en-US": `${owner.name["en-US"]} · ${field}` }, value, review: false });
    return { param: id };
  };
  const walk = (node: unknown, owner: { id: string; name: Scheme["indicators"][number]["name"] }, path: string[], tunable: boolean): unknown => {
    if (typeof node === "number") return tunable ? lift(node, owner, path) : node;
    if (Array.isArray(node)) return node.map((x, i) => walk(x, owner, [...path, String(i)], tunable || ["steps", "amounts"].includes(path[path.length - 1])));
    if (typeof node !== "object" || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (SKIP.has(k)) out[k] = v;
      // a levels rule's points: one number per option
      else if (k === "points" && typeof v === "object" && v !== null && !Array.isArray(v) && !("param" in v) && !("op" in v) && !("pick" in v) && !("input" in v))
        out[k] = Object.fromEntries(Object.entries(v).map(([o, x]) => [o, walk(x, owner, [...path, k, o], true)]));
      // a pick's table (a rate per staff level) is a rule table too
      else out[k] = walk(v, owner, [...path, k], TUNABLE.has(k) || k === "from" || path[path.length - 1] === "from");
    }
    return out;
  };
  const raw = {
    ...scheme,
    indicators: scheme.indicators.map((i) => ({ ...i, rule: walk(i.rule, i, [], false) })),
    adjustments: scheme.adjustments.map((a) => ({ ...a, rule: walk(a.rule, a, [], false) })),
    pay: scheme.pay.map((p) => ({ ...p, rule: walk(p.rule, p, [], false) })),
  };
  raw.parameters = [...scheme.parameters, ...ruleNumbers];
  const r = parseScheme(raw);
  if (!r.ok) throw new Error(`lifting rule numbers broke the scheme: ${r.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return { scheme: r.scheme, ruleNumbers };
}
