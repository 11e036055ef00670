import { runFunction, type ResultCell } from "../../src/functions/run.js";
import { FUNCTION_SPECS } from "../../src/functions/specs/index.js";
import { FunctionError, PassedError } from "../../src/functions/errors.js";
import { t } from "../../src/i18n/index.js";
import type { Cell, Matrix } from "../../src/functions/coerce.js";

export type Shown = number | string | { error: string; message?: string };

function show(c: ResultCell): Shown {
  if (c instanceof FunctionError) return { error: c.code, message: t("en-US", c.key, c.vars) };
  if (c instanceof PassedError) return { error: "passed", message: JSON.stringify(c.original) };
  return c;
}

/** Call a function as Excel would (arguments as cells or 2-D ranges); results as plain values. */
export function fx(id: string, ...args: (Cell | Matrix)[]): Shown[][] {
  const spec = FUNCTION_SPECS.find((s) => s.id === id);
  if (!spec) throw new Error(`no function ${id}`);
  return runFunction(spec, args).map((row) => row.map(show));
}

/** The single result of a call with single cells. */
export const one = (id: string, ...args: (Cell | Matrix)[]): Shown => fx(id, ...args)[0][0];

export const col = (...values: Cell[]): Matrix => values.map((v) => [v]);
