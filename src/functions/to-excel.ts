/**
 * Results of the pipeline as Excel receives them: numbers and text as they are, our errors as
 * CustomFunctions.Error with the message in the user's language, errors passed in unchanged.
 * Pure: the adapter hands in the Error constructor, so tests need no Office.
 */
import type { Lang } from "../core/text.js";
import { FunctionError, PassedError, type ExcelErrorCode } from "./errors.js";
import type { ResultCell } from "./run.js";
import { functionMessage } from "./messages.js";

export type MakeError = (code: ExcelErrorCode, message: string | undefined) => unknown;

export function toExcel(results: ResultCell[][], lang: Lang, makeError: MakeError, fnId: string): unknown[][] {
  return results.map((row) =>
    row.map((cell) => {
      if (cell instanceof FunctionError) {
        // Excel shows a message only for #VALUE! and #N/A
        const message = cell.code === "#VALUE!" || cell.code === "#N/A" ? functionMessage(fnId, cell, lang) : undefined;
        return makeError(cell.code, message);
      }
      if (cell instanceof PassedError) return cell.original;
      return cell;
    }),
  );
}
