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
import { problemText, t } from "../../i18n/index.js";
import type { Lang } from "../../core/text.js";

/** Field names whose numbers are settings, as the rule's kind declares them. */
function tunableOf(rule: { kind: string }): Set<string> {
  const fields = tunableFields(rule.kind);
  if (!fields) throw new Error(`kind "${rule.kind}" declares no settings`);
  return new Set(fields);
}
/** Arrays whose entries are steps of a table: their index reads "band 2", not "item 2". */
const TABLES = new Set(["bands", "brackets", "steps", "tiers", "amounts"]);

/**
 * A rule number's field in HR's words: "旷工半天次数 · 每次扣分 · 部门经理", "第 2 档 · 分值" — the
 * input of a deductions item by its name, an option by its label, every field by its catalog word
 * (`lift.field.*`), the raw name only where none is written.
 */
function fieldWords(rule: unknown, path: readonly string[], scheme: Scheme, lang: Lang): string[] {
  const words: string[] = [];
  let node: unknown = rule;
  const inSchedule = path.includes("schedule");
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    const parent = path[k - 1];
    const next = (node as Record<string, unknown> | undefined)?.[seg];
    if (/^\d+$/.test(seg)) {
      const item = next as { input?: string } | undefined;
      const input = item?.input ? scheme.inputs.find((i) => i.id === item.input) : undefined;
      if (parent === "items" && input) words.push(input.name[lang]);
      else words.push(t(lang, TABLES.has(parent) ? "lift.band" : "lift.item", { n: Number(seg) + 1 }));
    } else if (parent === "from" || (parent === "points" && !/^\d+$/.test(seg) && typeof next === "number")) {
      // an option's number (a rate by staff level, a levels rule's points): the option's label
      const option = scheme.inputs.flatMap((i) => i.options ?? []).find((o) => o.id === seg);
      words.push(option ? option.label[lang] : seg);
    } else if (seg !== "from" && seg !== "schedule" && seg !== "items" && !TABLES.has(seg)) {
      const key = `lift.field.${inSchedule && seg === "rate" ? "rate-each" : seg}`;
      const word = t(lang, key);
      words.push(word === key ? seg : word);
    }
    node = next;
  }
  return words;
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
    const name = (lang: Lang) => [owner.name[lang], ...fieldWords(rule, path, scheme, lang)].join(" · ");
    ruleNumbers.push({ id, name: { "zh-CN": name("zh-CN"), "en-US": name("en-US") }, value, review: false });
    return { param: id };
  };
  // the rule being walked, for the words of its fields
  let rule: unknown = null;
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
  const walkRule = (r: { kind: string }, owner: { id: string; name: Scheme["indicators"][number]["name"] }) => {
    fields = tunableOf(r);
    rule = r;
    return walk(r, owner, [], false);
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
