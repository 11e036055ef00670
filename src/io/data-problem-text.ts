/** A data problem in words: "line 5, column "x": …", or "line 5: …" for a problem of the whole row. */
import { t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";
import type { MessageVars } from "../core/errors.js";
import type { Scheme } from "../core/scheme/schema.js";
import { columnLabel } from "./roster-header.js";

/** With the scheme, a column is named by its label and id ("指标完成率 (target_completion)"). */
export function dataProblemText(lang: Lang, p: { line: number; column: string; key: string; vars?: MessageVars }, scheme?: Scheme): string {
  const message = t(lang, p.key, p.vars ?? {});
  // a header problem names its column itself
  if (p.line === 1 && p.key.startsWith("roster.")) return t(lang, "cli.data-problem-row", { line: p.line, message });
  const column = scheme && p.column ? columnLabel(scheme, p.column, lang) : p.column;
  return p.column ? t(lang, "cli.data-problem", { line: p.line, column, message }) : t(lang, "cli.data-problem-row", { line: p.line, message });
}
