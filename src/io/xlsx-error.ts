/**
 * A file that is not the workbook it should be: a catalog key and its values (the English text in
 * `message`). A module of its own, so that the pane can name it without loading the reader.
 */
import { t } from "../i18n/index.js";
import type { MessageVars } from "../core/errors.js";

export class XlsxError extends Error {
  constructor(
    readonly key: string,
    readonly vars: MessageVars = {},
  ) {
    super(t("en-US", key, vars));
    this.name = "XlsxError";
  }
}
