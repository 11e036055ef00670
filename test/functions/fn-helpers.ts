import { runFunction, type ResultCell } from "../../src/functions/run.js";
import { FUNCTION_SPECS } from "../../src/functions/specs/index.js";
import { FunctionError, PassedError } from "../../src/functions/errors.js";
import { functionMessage } from "../../src/functions/messages.js";
import type { Lang } from "../../src/core/text.js";
import type { Cell, Matrix } from "../../src/functions/coerce.js";

export type Shown = number | string | { error: string; message?: string };

function show(c: ResultCell, id: string, lang: Lang): Shown {
  if (c instanceof FunctionError) return { error: c.code, message: functionMessage(id, c, lang) };
  if (c instanceof PassedError) return { error: "passed", message: JSON.stringify(c.original) };
  return c;
}

/** Call a function as Excel would (arguments as cells or 2-D ranges); results as plain values. */
export function fx(id: string, ...args: (Cell | Matrix)[]): Shown[][] {
  return fxIn("en-US", id, ...args);
}

/** The same, with messages in a language. */
export function fxIn(lang: Lang, id: string, ...args: (Cell | Matrix)[]): Shown[][] {
  const spec = FUNCTION_SPECS.find((s) => s.id === id);
  if (!spec) throw new Error(`no function ${id}`);
  return runFunction(spec, args).map((row) => row.map((c) => show(c, id, lang)));
}

/** The single result of a call with single cells. */
export const one = (id: string, ...args: (Cell | Matrix)[]): Shown => fx(id, ...args)[0][0];

export const col = (...values: Cell[]): Matrix => values.map((v) => [v]);
