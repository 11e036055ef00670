/** Data validation for an input column, with an input message and an error in the user's language. */
import type { InputDecl } from "../../core/scheme/schema.js";
import { t } from "../../i18n/index.js";
import type { PlanContext } from "./context.js";
import type { PlanValidation } from "./types.js";

export function inputValidation(ctx: PlanContext, input: InputDecl, ref: string): PlanValidation {
  const lang = ctx.lang;
  const name = input.name[lang];
  const base = { ref, promptTitle: t(lang, "wb.prompt.title", { name }).slice(0, 32), errorTitle: t(lang, "wb.error.title") };
  if (input.type === "option" || input.type === "boolean") {
    const list = input.type === "boolean" ? [t(lang, "wb.yes"), t(lang, "wb.no")] : (input.options ?? []).map((o) => o.label[lang]);
    const options = list.join(", ");
    return { ...base, type: "list", list, prompt: t(lang, "wb.prompt.list", { options }), error: t(lang, "wb.error.list", { name, options }) };
  }
  const min = input.min;
  const max = input.max;
  const range =
    min !== undefined && max !== undefined
      ? t(lang, "wb.prompt.range.both", { min, max })
      : min !== undefined
        ? t(lang, "wb.prompt.range.min", { min })
        : max !== undefined
          ? t(lang, "wb.prompt.range.max", { max })
          : "";
  const whole = input.type === "integer";
  return {
    ...base,
    type: whole ? "whole" : "decimal",
    min: min ?? -1e15,
    max: max ?? 1e15,
    prompt: t(lang, whole ? "wb.prompt.whole" : "wb.prompt.number", { range }),
    error: t(lang, whole ? "wb.error.whole" : "wb.error.number", { name, range }),
  };
}
