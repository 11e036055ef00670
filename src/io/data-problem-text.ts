/** A data problem in words: "line 5, column "x": …", or "line 5: …" for a problem of the whole row. */
import { t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";
import type { MessageVars } from "../core/errors.js";

export function dataProblemText(lang: Lang, p: { line: number; column: string; key: string; vars?: MessageVars }): string {
  const message = t(lang, p.key, p.vars ?? {});
  return p.column ? t(lang, "cli.data-problem", { line: p.line, column: p.column, message }) : t(lang, "cli.data-problem-row", { line: p.line, message });
}
