/** Cross-field checks of a scheme, run by zod's superRefine with explicit paths. */
import type { z } from "zod";
import type { SchemeObjectSchema } from "./object.js";
import { RESERVED_COLUMNS } from "./parts.js";
import type { MessageVars } from "../errors.js";
import { checkKind, ruleReadsOwnInput } from "../kinds/registry.js";
import {    repeated } from "../rule-checks.js";

type SchemeObject = z.output<typeof SchemeObjectSchema>;
type Ctx = z.RefinementCtx;
type Path = (string | number)[];

/** A problem with a catalog key, so the front doors can show it in zh-CN or en-US. */
function issue(ctx: Ctx, path: Path, key: string, vars: MessageVars) {
  ctx.addIssue({ code: "custom", path, message: key, params: { key, vars } });
}

/** Round to 9 decimals before comparing sums of weights, so 33.3 + 33.3 + 33.4 is 100. */
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const fmt = (x: number) => String(Math.round(x * 1e9) / 1e9);

export function checkScheme(s: SchemeObject, ctx: Ctx): void {
  const params = new Map(s.parameters.map((p) => [p.id, p.value]));
  const resolve = (c: unknown): number | undefined =>
    typeof c === "number" ? c : typeof c === "object" && c !== null && "param" in c ? params.get(String((c as { param: unknown }).param)) : undefined;

  // Unique ids within each list, and no clash between the columns they become.
  const lists: [string, { id: string }[]][] = [
    ["parameters", s.parameters],
    ["inputs", s.inputs],
    ["derived", s.derived],
    ["raters", s.raters],
    ["indicators", s.indicators],
    ["adjustments", s.adjustments],
    ["grades", s.grades],
    ["pay", s.pay],
    ["awards", s.awards],
  ];
  for (const [name, list] of lists) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) issue(ctx, [name, i, "id"], "scheme.duplicate-id", { id: item.id, other: `${name}[${seen.get(item.id)}]` });
      else seen.set(item.id, i);
    });
  }
  const columns = new Map<string, string>();
  const claim = (id: string, path: Path) => {
    const where = path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
    if (RESERVED_COLUMNS.includes(id)) issue(ctx, [...path, "id"], "scheme.reserved", { id });
    else if (columns.has(id)) issue(ctx, [...path, "id"], "scheme.column-taken", { id, other: columns.get(id) });
    else columns.set(id, where);
  };
  s.inputs.forEach((x, i) => claim(x.id, ["inputs", i]));
  s.derived.forEach((x, i) => claim(x.id, ["derived", i]));
  s.pay.forEach((x, i) => claim(x.id, ["pay", i]));
  const indicatorIds = new Set<string>();
  s.indicators.forEach((x, i) => {
    indicatorIds.add(x.id);
    // An indicator may share its id with the input it reads (the usual case); other clashes are errors.
    const own = x.input ?? x.id;
    if (columns.has(x.id) && !(own === x.id && s.inputs.some((inp) => inp.id === x.id))) claim(x.id, ["indicators", i]);
    else if (RESERVED_COLUMNS.includes(x.id)) issue(ctx, ["indicators", i, "id"], "scheme.reserved", { id: x.id });
  });
  s.adjustments.forEach((x, i) => {
    const own = x.input ?? x.id;
    if (indicatorIds.has(x.id)) issue(ctx, ["adjustments", i, "id"], "scheme.column-taken", { id: x.id, other: "indicators" });
    else if (columns.has(x.id) && !(own === x.id && s.inputs.some((inp) => inp.id === x.id))) claim(x.id, ["adjustments", i]);
  });

  // Parameters within their own range.
  s.parameters.forEach((p, i) => {
    if (p.min !== undefined && p.value < p.min) issue(ctx, ["parameters", i, "value"], "scheme.at-least", { min: p.min });
    if (p.max !== undefined && p.value > p.max) issue(ctx, ["parameters", i, "value"], "scheme.at-most", { max: p.max });
  });

  // Inputs: options where needed, sane ranges.
  const inputs = new Map(s.inputs.map((x) => [x.id, x]));
  s.inputs.forEach((x, i) => {
    if (x.type === "option" && (!x.options || x.options.length === 0))
      issue(ctx, ["inputs", i, "options"], "scheme.no-options", {});
    if (x.min !== undefined && x.max !== undefined && x.min > x.max) issue(ctx, ["inputs", i, "max"], "scheme.at-least", { min: x.min });
  });

  // Every {param}, {input} and pick refers to something declared (derived inputs only to earlier ones).
  const known = new Set(s.inputs.map((x) => x.id));
  const walkRefs = (node: unknown, path: Path, allowed: Set<string>) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walkRefs(v, [...path, i], allowed));
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.param === "string" && !params.has(o.param)) issue(ctx, [...path, "param"], "scheme.unknown-param", { id: String(o.param) });
    for (const key of ["input", "pick"] as const) {
      if (typeof o[key] === "string" && !allowed.has(o[key] as string))
        issue(ctx, [...path, key], "scheme.unknown-input", { id: String(o[key]) });
    }
    if (Array.isArray(o.inputs) && o.inputs.every((v) => typeof v === "string"))
      o.inputs.forEach((v, i) => {
        if (!allowed.has(v as string)) issue(ctx, [...path, "inputs", i], "scheme.unknown-input", { id: String(v) });
      });
    for (const [k, v] of Object.entries(o)) if (k !== "inputs" || !Array.isArray(v) || v.some((e) => typeof e !== "string")) walkRefs(v, [...path, k], allowed);
  };
  s.derived.forEach((d, i) => {
    walkRefs(d.expr, ["derived", i, "expr"], known);
    known.add(d.id);
  });
  // Indicators and adjustments: the rule's references, its own input, its numbers, its levels.
  const checkScored = (list: "indicators" | "adjustments") =>
    s[list].forEach((item, i) => {
      const own = item.input ?? item.id;
      walkRefs(item.rule, [list, i, "rule"], known);
      if (ruleReadsOwnInput(item.rule) && !known.has(own)) issue(ctx, [list, i, item.input ? "input" : "id"], "scheme.unknown-input", { id: own });
      checkRuleNumbers(item.rule, [list, i, "rule"]);
      if (item.rule.kind === "levels") checkLevels(item.rule.points, own, [list, i, "rule", "points"]);
    });
  checkScored("indicators");
  checkScored("adjustments");
  s.indicators.forEach((ind, i) => {
    if (ind.appliesWhen) walkRefs(ind.appliesWhen, ["indicators", i, "appliesWhen"], known);
    if (ind.rated && s.raters.length === 0) issue(ctx, ["indicators", i, "rated"], "scheme.rated-no-raters", {});
  });
  s.pay.forEach((line, i) => walkRefs(line, ["pay", i], known));
  walkRefs(s.grades, ["grades"], known);
  walkRefs(s.total, ["total"], known);
  walkRefs(s.periods, ["periods"], known);
  walkRefs(s.awards, ["awards"], known);
  if (s.awardsOn === "rollup" && s.awards.length && !s.periods.rollup) issue(ctx, ["awardsOn"], "scheme.awards-no-rollup", {});
  walkRefs(s.eligibility, ["eligibility"], known);

  // a rate computed from two counts: both declared numeric inputs
  const ratedInputs = new Set(s.indicators.filter((x) => x.rated).map((x) => x.input ?? x.id));
  s.inputs.forEach((input, i) => {
    if (!input.ratioOf) return;
    // each rater types their own value: there are no counts per rater to divide
    if (ratedInputs.has(input.id)) issue(ctx, ["inputs", i, "ratioOf"], "scheme.ratio-rated", { id: input.id });
    for (const part of ["numerator", "denominator"] as const) {
      const other = s.inputs.find((x) => x.id === input.ratioOf![part]);
      if (!other) issue(ctx, ["inputs", i, "ratioOf", part], "scheme.unknown-input", { id: input.ratioOf[part] });
      else if (other.type !== "number" && other.type !== "integer") issue(ctx, ["inputs", i, "ratioOf", part], "scheme.ratio-not-number", { id: other.id });
    }
  });

  // every word a roster may use for an option (id, labels, aliases) names one option only
  s.inputs.forEach((input, i) => {
    const owner = new Map<string, number>();
    (input.options ?? []).forEach((o, j) => {
      const words = new Set([o.id, o.label["zh-CN"], o.label["en-US"], ...(o.aliases ?? [])].map((w) => w.toLowerCase()));
      for (const w of words) {
        const other = owner.get(w);
        if (other !== undefined && other !== j) issue(ctx, ["inputs", i, "options", j], "scheme.option-word-twice", { word: w, other: `inputs[${i}].options[${other}]` });
        else owner.set(w, j);
      }
    });
  });

  function checkLevels(points: Record<string, unknown>, inputId: string, path: Path) {
    const decl = inputs.get(inputId);
    if (!decl) return;
    if (decl.type !== "option") return issue(ctx, path, "scheme.levels-not-option", { id: inputId });
    const options = new Set((decl.options ?? []).map((o) => o.id));
    for (const o of options) if (!(o in points)) issue(ctx, path, "scheme.levels-missing", { option: o });
    for (const k of Object.keys(points)) if (!options.has(k)) issue(ctx, [...path, k], "scheme.levels-extra", { option: k, id: inputId });
  }

  /** The kind's own checks, at paths under the rule. */
  function checkRuleNumbers(rule: Parameters<typeof checkKind>[0], path: Path) {
    checkKind(rule, { resolve, issue: (at, key, vars = {}) => issue(ctx, [...path, ...at], key, vars) });
  }

  // Totals: points or weights add up to full marks.
  if (s.indicators.length > 0) {
    if (s.total.method === "sum") {
      const sum = s.indicators.reduce((a, x) => a + x.points, 0);
      if (!same(sum, s.total.full))
        issue(ctx, ["indicators"], "scheme.points-sum", { sum: fmt(sum), full: fmt(s.total.full) });
    } else {
      s.indicators.forEach((x, i) => {
        if (x.weight === undefined) issue(ctx, ["indicators", i, "weight"], "scheme.weight-missing", {});
        if (x.points <= 0) issue(ctx, ["indicators", i, "points"], "scheme.positive", {});
      });
      const sum = s.indicators.reduce((a, x) => a + (x.weight ?? 0), 0);
      if (!same(sum, s.total.full))
        issue(ctx, ["indicators"], "scheme.weights-sum", { sum: fmt(sum), full: fmt(s.total.full) });
    }
  }
  if (s.total.max !== undefined && s.total.max < s.total.min) issue(ctx, ["total", "max"], "scheme.at-least", { min: s.total.min });

  // Raters: weights add up to 100.
  if (s.raters.length > 0) {
    const sum = s.raters.reduce((a, r) => a + r.weight, 0);
    if (!same(sum, 100)) issue(ctx, ["raters"], "scheme.rater-sum", { sum: fmt(sum) });
  }

  // Grades: distinct lower bounds, and the lowest band reaches down to the lowest possible total.
  if (s.grades.length > 0) {
    const mins = s.grades.map((g, i) => ({ v: resolve(g.min), i }));
    for (const d of repeated(mins.map((m) => m.v))) issue(ctx, ["grades", d.second, "min"], "scheme.grade-twice", { min: d.value, other: `grades[${d.first}]` });
    // grades are listed from the best down: a lower bound above the one before it is a slip
    // (良好 from 95 above 优秀 from 85), never a reading anyone means
    mins.forEach(({ v, i }) => {
      const before = i > 0 ? mins[i - 1].v : undefined;
      if (v !== undefined && before !== undefined && v > before)
        issue(ctx, ["grades", i, "min"], "scheme.grade-order", { min: v, other: before });
    });
    // a coefficient below 0 pays people negative amounts
    s.grades.forEach((g, i) => {
      const c = resolve(g.coefficient);
      if (c !== undefined && c < 0) issue(ctx, ["grades", i, "coefficient"], "scheme.non-negative", {});
    });
    const lowest = Math.min(...mins.map((m) => m.v ?? Infinity));
    if (Number.isFinite(lowest) && lowest > s.total.min)
      issue(ctx, ["grades"], "scheme.grades-gap", { lowest, min: s.total.min });
  }
  const needsGrade = s.pay.some((p) => p.rule.kind === "coefficient" || JSON.stringify(p.rule).includes('"coefficient"'));
  s.pay.forEach((p, i) => {
    if (needsGrade && s.grades.length === 0) issue(ctx, ["pay", i], "scheme.no-grades", {});
    if (p.rule.kind === "coefficient" && s.grades.some((g) => g.coefficient === undefined))
      issue(ctx, ["grades"], "scheme.no-coefficient", { id: p.id });
    checkRuleNumbers(p.rule, ["pay", i, "rule"]);
  });
}
