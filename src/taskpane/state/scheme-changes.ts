/**
 * What the manager changed from the template, in words, for the review step: indicators added,
 * removed, renamed, re-pointed or reordered; parameters; grade bounds and coefficients; the money
 * unit; and, named by part, anything else that differs — so that nothing changed goes unsaid.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { formatNumber, t } from "../../i18n/index.js";
import { moneyUnit } from "../../core/money.js";

const shown = (v: unknown) => (typeof v === "number" ? formatNumber(v) : v === undefined || v === null ? "—" : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function schemeChanges(template: Scheme, draft: Scheme, lang: Lang): string[] {
  const out: string[] = [];
  const say = (key: string, vars: Record<string, string | number>) => out.push(t(lang, `ui.changes.${key}`, vars));
  const before = new Map(template.indicators.map((i) => [i.id, i]));
  const after = new Map(draft.indicators.map((i) => [i.id, i]));
  for (const i of template.indicators) if (!after.has(i.id)) say("indicator-removed", { name: i.name[lang] });
  for (const i of draft.indicators) {
    const was = before.get(i.id);
    if (!was) {
      say("indicator-added", { name: i.name[lang] });
      continue;
    }
    if (was.name[lang] !== i.name[lang]) say("indicator-renamed", { before: was.name[lang], after: i.name[lang] });
    if (was.points !== i.points) say("points", { name: i.name[lang], before: shown(was.points), after: shown(i.points) });
    if (was.weight !== i.weight) say("weight", { name: i.name[lang], before: shown(was.weight), after: shown(i.weight) });
    // the rest of the indicator (its rule, input, raters) compared as a whole
    const rest = (x: typeof i) => ({ ...x, name: null, points: null, weight: null });
    if (!same(rest(was), rest(i))) say("indicator-rule", { name: i.name[lang] });
  }
  const kept = draft.indicators.filter((i) => before.has(i.id)).map((i) => i.id);
  const order = template.indicators.filter((i) => after.has(i.id)).map((i) => i.id);
  if (!same(kept, order)) say("order", {});
  const params = new Map(template.parameters.map((p) => [p.id, p]));
  for (const p of draft.parameters) {
    const was = params.get(p.id);
    if (was && !same(was.value, p.value)) say("param", { name: p.name[lang], before: shown(was.value), after: shown(p.value) });
  }
  const grades = new Map(template.grades.map((g) => [g.id, g]));
  for (const g of draft.grades) {
    const was = grades.get(g.id);
    if (!was) {
      say("grade-added", { grade: g.label[lang] });
      continue;
    }
    if (was.label[lang] !== g.label[lang]) say("grade-renamed", { before: was.label[lang], after: g.label[lang] });
    if (!same(was.min, g.min)) say("grade-min", { grade: g.label[lang], before: shown(was.min), after: shown(g.min) });
    if (!same(was.coefficient, g.coefficient)) say("grade-coefficient", { grade: g.label[lang], before: shown(was.coefficient), after: shown(g.coefficient) });
  }
  for (const g of template.grades) if (!draft.grades.some((x) => x.id === g.id)) say("grade-removed", { grade: g.label[lang] });
  if (template.money.digits !== draft.money.digits) say("unit", { before: moneyUnit(template.money.digits), after: moneyUnit(draft.money.digits) });
  // everything else, by part: a reviewed default confirmed is not a change
  const handled = new Set(["indicators", "parameters", "grades", "money"]);
  const strip = (s: Scheme) => ({ ...s, parameters: s.parameters.map((p) => ({ ...p, review: null, confirmed: null, value: null })) });
  const a = strip(template) as unknown as Record<string, unknown>;
  const b = strip(draft) as unknown as Record<string, unknown>;
  const parts = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !handled.has(k) && !same(a[k], b[k]));
  if (!same(a.parameters, b.parameters)) parts.push("parameters");
  if (!same({ ...template.money, digits: 0 }, { ...draft.money, digits: 0 })) parts.push("money");
  if (parts.length) say("other", { parts: parts.join(", ") });
  return out;
}
