/**
 * A function's error as the user reads it, all in one language: the argument named by its name in
 * that language's metadata (实际值 / actual), the words expected from the option table, the columns
 * a table needs — never an English parameter name inside a Chinese sentence.
 */
import { catalogs, t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";
import { optionList, optionLabel, type OptionSet } from "../core/option-words.js";
import type { FunctionError } from "./errors.js";

/** The argument's name in a language: the name Excel shows in the function's tooltip. */
export function argName(fnId: string, param: string, lang: Lang): string {
  return catalogs[lang][`fn.arg.${fnId}.${param}`] ?? catalogs[lang][`fn.arg.${param}`] ?? param;
}

export function functionMessage(fnId: string, e: FunctionError, lang: Lang): string {
  const vars = { ...e.vars };
  for (const k of ["arg", "other"] as const) if (typeof vars[k] === "string") vars[k] = argName(fnId, vars[k], lang);
  if (typeof vars.set === "string") vars.options = optionList(vars.set as OptionSet, lang);
  if (typeof vars.method === "string") vars.method = optionLabel("bonusMethod", vars.method, lang);
  if (typeof vars.columns === "string") vars.columns = t(lang, `fn.columns.${vars.columns}`);
  return t(lang, e.key, vars);
}
