/**
 * A scheme problem as the pane says it: the place named by what the manager sees — the
 * indicator's, parameter's or grade's name and the field's label ("指标完成率 · 分值") — instead of
 * the path inside the scheme ("indicators[0].points"); a path that names nothing shown stays.
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { Lang } from "../core/text.js";
import type { MessageVars } from "../core/errors.js";
import { problemText, t } from "../i18n/index.js";

const FIELDS: Record<string, string> = { points: "ui.indicators.points", weight: "ui.indicators.weight", min: "ui.grades.min", coefficient: "ui.grades.coefficient" };

export function schemePlace(path: string, scheme: Scheme | null, lang: Lang): string {
  if (!scheme) return path;
  const m = /^(indicators|parameters|grades)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return path === "indicators" ? t(lang, "ui.step.indicators") : path;
  const [, part, index, field] = m;
  const i = Number(index);
  const name = part === "indicators" ? scheme.indicators[i]?.name[lang] : part === "parameters" ? scheme.parameters[i]?.name[lang] : scheme.grades[i]?.label[lang];
  if (name === undefined) return path;
  const label = field && FIELDS[field] ? t(lang, FIELDS[field]) : undefined;
  return label ? `${name} · ${label}` : name;
}

export function schemeProblemText(p: { path: string; key: string; vars: MessageVars }, scheme: Scheme | null, lang: Lang): string {
  return problemText(p, lang, schemePlace(p.path, scheme, lang));
}
