/**
 * Message catalogs (zh-CN and en-US) and the one formatter every front door uses.
 * Placeholders: {name} prints a value (numbers with up to 4 decimals, no trailing zeros),
 * {name:%} prints a fraction as a percentage (0.955 → 95.5%).
 */
import en from "./en-US.json" with { type: "json" };
import zh from "./zh-CN.json" with { type: "json" };
import type { Lang, MessageVars } from "./lang.js";
import type { Scheme } from "../core/scheme/schema.js";

export const catalogs: Record<Lang, Record<string, string>> = { "en-US": en, "zh-CN": zh };

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : x < 0 ? "-∞" : "NaN";
  return String(Math.round(x * 1e4) / 1e4);
}

export function t(lang: Lang, key: string, vars: MessageVars = {}): string {
  const text = catalogs[lang][key] ?? catalogs["en-US"][key] ?? key;
  return text.replace(/\{(\w+)(:%)?\}/g, (_, name: string, pct?: string) => {
    const v = vars[name];
    if (v === undefined) return `{${name}}`;
    if (typeof v === "number") return pct ? `${formatNumber(v * 100)}%` : formatNumber(v);
    return v;
  });
}

/** zh-CN for a Chinese locale name (zh, zh_CN.UTF-8, zh-Hans …), en-US otherwise. */
export function pickLang(locale: string | undefined | null): Lang {
  return locale && /^zh/i.test(locale) ? "zh-CN" : "en-US";
}

/** A scheme problem as one line: where (its path, or the cell it came from) and what is expected. */
export function problemText(p: { path: string; key: string; vars: MessageVars }, lang: Lang, where: string = p.path): string {
  return `${where}: ${t(lang, p.key, p.vars)}`;
}

/** An input, derived value or rater column ("execution@supervisor") by the name people know it by. */
export function inputLabel(scheme: Scheme, column: string, lang: Lang): string {
  const [id, rater] = column.split("@");
  const name = scheme.inputs.find((i) => i.id === id)?.name[lang] ?? scheme.derived.find((d) => d.id === id)?.name[lang] ?? id;
  const by = rater === undefined ? undefined : (scheme.raters.find((r) => r.id === rater)?.name[lang] ?? rater);
  return by === undefined ? name : t(lang, "wb.col.rater", { name, rater: by });
}

/** The engine's reason for a number, in words, naming inputs by their names, not their ids. */
export function reasonText(reason: { key: string; vars: MessageVars }, scheme: Scheme, lang: Lang): string {
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

const OP_SIGNS: Record<string, string> = { "=": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥" };
