/**
 * Any error in the user's words, for the doors that must never show a raw exception (the pane,
 * and the command line for what a command did not handle itself): the engine's own problems with
 * their message (and the row they belong to), a file that is not what it claims; anything else
 * is a bug — one sentence asking for a report, never a stack or "[object Object]".
 */
import { EvaluationError } from "../core/errors.js";
import { RowEvaluationError } from "../core/evaluate.js";
import type { Lang } from "../core/text.js";
import { t } from "../i18n/index.js";
import { XlsxError } from "./xlsx-error.js";
import { RosterFileError } from "./read-roster.js";

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof RowEvaluationError) return t(lang, "error.row", { line: e.line, id: e.personId, message: t(lang, e.error.key, e.error.vars) });
  if (e instanceof EvaluationError) return t(lang, e.key, e.vars);
  if (e instanceof XlsxError || e instanceof RosterFileError) return t(lang, e.key, e.vars);
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : (JSON.stringify(e) ?? String(e));
  return t(lang, "cli.internal", { message });
}
