/**
 * Every number of a scheme's rules as an editable cell: before planning, each constant a person
 * might tune — band thresholds and points, limits, steps, rates, caps, brackets, amounts — is
 * lifted into a parameter of its own ("rule number"), so that the scheme sheet lists it under a
 * name and every formula refers to that name. Editing a cell then changes the rule everywhere.
 * The lifted scheme is validated again by the same schema.
 */
import type { Scheme, Parameter } from "../../core/scheme/schema.js";
import { parseScheme } from "../../core/scheme/load.js";
import { tunableFields } from "../../core/kinds/registry.js";
import { problemText } from "../../i18n/index.js";

/** Field names whose numbers are settings, as the rule's kind declares them. */
function tunableOf(rule: { kind: string }): Set<string> {
  const fields = tunableFields(rule.kind);
  if (!fields) throw new Error(`kind "${rule.kind}" declares no settings`);
  return new Set(fields);
}
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
  // the fields of the rule being walked
  let fields = new Set<string>();
  const walk = (node: unknown, owner: { id: string; name: Scheme["indicators"][number]["name"] }, path: string[], tunable: boolean): unknown => {
    if (typeof node === "number") return tunable ? lift(node, owner, path) : node;
    if (Array.isArray(node)) return node.map((x, i) => walk(x, owner, [...path, String(i)], tunable || fields.has(path[path.length - 1])));
    if (typeof node !== "object" || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (SKIP.has(k)) out[k] = v;
      // a levels rule's points: one number per option
      else if (k === "points" && typeof v === "object" && v !== null && !Array.isArray(v) && !("param" in v) && !("op" in v) && !("pick" in v) && !("input" in v))
        out[k] = Object.fromEntries(Object.entries(v).map(([o, x]) => [o, walk(x, owner, [...path, k, o], true)]));
      // a pick's table (a rate per staff level) is a rule table too
      else out[k] = walk(v, owner, [...path, k], fields.has(k) || k === "from" || path[path.length - 1] === "from");
    }
    return out;
  };
  const walkRule = (rule: { kind: string }, owner: { id: string; name: Scheme["indicators"][number]["name"] }) => {
    fields = tunableOf(rule);
    return walk(rule, owner, [], false);
  };
  const raw = {
    ...scheme,
    indicators: scheme.indicators.map((i) => ({ ...i, rule: walkRule(i.rule, i) })),
    adjustments: scheme.adjustments.map((a) => ({ ...a, rule: walkRule(a.rule, a) })),
    pay: scheme.pay.map((p) => ({ ...p, rule: walkRule(p.rule, p) })),
  };
  raw.parameters = [...scheme.parameters, ...ruleNumbers];
  const r = parseScheme(raw);
  if (!r.ok) throw new Error(`lifting rule numbers broke the scheme: ${r.problems.map((p) => problemText(p, "en-US")).join("; ")}`);
  return { scheme: r.scheme, ruleNumbers };
}
