/**
 * Message catalogs (zh-CN and en-US) and the one formatter every front door uses.
 * Placeholders: {name} prints a value (numbers with up to 4 decimals, no trailing zeros),
 * {name:%} prints a fraction as a percentage (0.955 → 95.5%).
 */
import en from "./en-US.json" with { type: "json" };
import zh from "./zh-CN.json" with { type: "json" };
import type { Lang, MessageVars } from "./lang.js";
import { roundExcel } from "../decimal/excel-round.js";

export const catalogs: Record<Lang, Record<string, string>> = { "en-US": en, "zh-CN": zh };

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : x < 0 ? "-∞" : "NaN";
  // Excel's ROUND, as every figure the add-in shows: decimal and half away from zero (Math.round
  // made 1.00005 "1" and -0.00005 "0", where a sheet shows 1.0001 and -0.0001)
  return String(roundExcel(x, 4));
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
