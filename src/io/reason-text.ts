/**
 * The engine's reasons in words for a person reading them: inputs by their names, options by
 * their labels, comparisons by their signs. Here, above the catalogs, because it needs a scheme
 * (the catalogs themselves know nothing of schemes).
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { Lang, MessageVars } from "../i18n/lang.js";
import { formatNumber, t } from "../i18n/index.js";

/** An input, derived value or rater column ("execution@supervisor") by the name people know it by. */
export function inputLabel(scheme: Scheme, column: string, lang: Lang): string {
  const [id, rater] = column.split("@");
  const name = scheme.inputs.find((i) => i.id === id)?.name[lang] ?? scheme.derived.find((d) => d.id === id)?.name[lang] ?? id;
  const by = rater === undefined ? undefined : (scheme.raters.find((r) => r.id === rater)?.name[lang] ?? rater);
  return by === undefined ? name : t(lang, "wb.col.rater", { name, rater: by });
}

/** The engine's reason for a number, in words, naming inputs by their names, not their ids. */
export function reasonText(reason: { key: string; vars: MessageVars }, scheme: Scheme, lang: Lang): string {
  if (reason.key === "why.rated" && typeof reason.vars.raters === "string") return ratedText(reason.vars, scheme, lang);
  const input = reason.vars.input;
  if (typeof input !== "string") return t(lang, reason.key, reason.vars);
  const vars: MessageVars = { ...reason.vars, input: inputLabel(scheme, input, lang) };
  // an option's value by its label (正式, not regular), a comparison by its sign
  const options = scheme.inputs.find((i) => i.id === input.split("@")[0])?.options;
  for (const k of ["value", "actual"] as const) {
    const o = options?.find((x) => x.id === vars[k]);
    if (o) vars[k] = o.label[lang];
  }
  if (typeof vars.op === "string") vars.op = OP_SIGNS[vars.op] ?? vars.op;
  return t(lang, reason.key, vars);
}

/** A blend of raters' points in words, each rater by name: 本人 5.4 × 30% + 主管 9.3 × 70% = 8.13. */
function ratedText(vars: MessageVars, scheme: Scheme, lang: Lang): string {
  const list = (k: string) => String(vars[k] ?? "").split("|");
  const scores = list("scores");
  const weights = list("weights");
  const parts = list("raters").map((id, i) =>
    t(lang, "why.rated.part", { rater: scheme.raters.find((r) => r.id === id)?.name[lang] ?? id, points: formatNumber(Number(scores[i])), weight: weights[i] }),
  );
  return t(lang, "why.rated", { points: vars.points, parts: parts.join(" + ") });
}

const OP_SIGNS: Record<string, string> = { "=": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥" };
