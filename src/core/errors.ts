/**
 * Errors the engine raises carry a message key of the i18n catalogs and the values to fill in,
 * so every front door (CLI, custom functions, wizard) can show them in the user's language.
 */
import type { MessageVars } from "../i18n/lang.js";

export type { MessageVars };

export class EvaluationError extends Error {
  constructor(
    readonly key: string,
    readonly vars: MessageVars,
  ) {
    super(`${key} ${JSON.stringify(vars)}`);
    this.name = "EvaluationError";
  }
}
