/**
 * The one error catalog of the custom functions. A FunctionError carries an Excel error code and
 * a message key; the adapter turns it into CustomFunctions.Error with the message in the user's
 * language. Only #VALUE! and #N/A show a custom message in Excel, so those are what we use for
 * anything a person must read.
 */
import type { MessageVars } from "../core/errors.js";

export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

export class FunctionError {
  constructor(
    readonly code: ExcelErrorCode,
    readonly key: string,
    readonly vars: MessageVars = {},
  ) {}
}

/** An error value that Excel passed in (a cell holding #N/A, say): it propagates unchanged. */
export class PassedError {
  constructor(readonly original: unknown) {}
}
