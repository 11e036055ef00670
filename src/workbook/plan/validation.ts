/** Data validation for an input column, with an input message and an error in the user's language. */
import type { InputDecl } from "../../core/scheme/schema.js";
import { formatNumber, t } from "../../i18n/index.js";
import type { PlanContext } from "./context.js";
import type { PlanValidation } from "./types.js";

/** Excel refuses a workbook whose validation texts are longer: titles 32, prompts 255, errors 225 characters. */
const TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;
const clip = (s: string, max: number) => ([...s].length <= max ? s : [...s].slice(0, max - 1).join("") + "…");

export function inputValidation(ctx: PlanContext, input: InputDecl, ref: string): PlanValidation {
  const lang = ctx.lang;
  // what the number means, before what the cell takes
  const help = (prompt: string) => (input.help ? `${input.help[lang]} ${prompt}` : prompt);
  const name = input.name[lang];
  const base = { ref, promptTitle: clip(t(lang, "wb.prompt.title", { name }), TITLE_MAX), errorTitle: clip(t(lang, "wb.error.title"), TITLE_MAX) };
  if (input.type === "option" || input.type === "boolean") {
    const list = input.type === "boolean" ? [t(lang, "wb.yes"), t(lang, "wb.no")] : (input.options ?? []).map((o) => o.label[lang]);
    const options = list.join(", ");
    const texts = { prompt: clip(help(t(lang, "wb.prompt.list", { options })), PROMPT_MAX), error: clip(t(lang, "wb.error.list", { name, options }), ERROR_MAX) };
    // options: the list on the scheme sheet, by name; yes/no: our own two words, inline
    if (input.type === "option") return { ...base, type: "list", source: ctx.names.list(input.id), ...texts };
    return { ...base, type: "list", list, ...texts };
  }
  if (input.type === "date")
    // a date cell holds its serial: any day Excel has
    return { ...base, type: "decimal", min: 1, max: 2958465, prompt: clip(help(t(lang, "wb.prompt.date")), PROMPT_MAX), error: clip(t(lang, "wb.error.date", { name }), ERROR_MAX) };
  const min = input.min;
  const max = input.max;
  // a rate cell shows 45.0 %: its prompt speaks in percent too (0 % to 100 %, not 0 to 1)
  const shown = (x: number): string | number => (input.unit === "%" ? `${formatNumber(x * 100)}%` : x);
  const range =
    min !== undefined && max !== undefined
      ? t(lang, "wb.prompt.range.both", { min: shown(min), max: shown(max) })
      : min !== undefined
        ? t(lang, "wb.prompt.range.min", { min: shown(min) })
        : max !== undefined
          ? t(lang, "wb.prompt.range.max", { max: shown(max) })
          : "";
  const whole = input.type === "integer";
  return {
    ...base,
    type: whole ? "whole" : "decimal",
    min: min ?? -1e15,
    max: max ?? 1e15,
    prompt: clip(help(t(lang, whole ? "wb.prompt.whole" : "wb.prompt.number", { range })), PROMPT_MAX),
    error: clip(t(lang, whole ? "wb.error.whole" : "wb.error.number", { name, range }), ERROR_MAX),
  };
}
