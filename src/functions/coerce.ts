/**
 * One coercion step for every function, with Excel as the reference:
 * - a number is itself; TRUE/FALSE are 1/0 (as in =TRUE+1);
 * - numeric text is a number ("95", "95%", "1,234.5"), as in ="95"*1; other text is #VALUE!;
 * - a blank cell is blank: a per-row input that is blank gives a blank result (a roster row not
 *   yet filled in), a parameter that is blank is #VALUE!;
 * - an error value in a cell propagates.
 * Arguments arrive as a single value or a 2-D array (ranges), depending on the parameter.
 */
import { parseNumber } from "../core/data.js";
import { parseOption, type OptionSet, type OptionValue } from "../core/option-words.js";
import { FunctionError, PassedError } from "./errors.js";

export type Cell = number | string | boolean | null | undefined | object;
export type Matrix = Cell[][];

export const BLANK = Symbol("blank");
export type Blank = typeof BLANK;

export function isBlank(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Excel error values reach us as objects with an error code (CustomFunctions.Error or similar). */
export function isErrorValue(v: Cell): boolean {
  return typeof v === "object" && v !== null && ("code" in v || "errorCode" in v || "type" in v) && !Array.isArray(v);
}

export function asMatrix(v: Cell | Matrix): Matrix {
  if (Array.isArray(v)) return v.length === 0 ? [[null]] : (v as Matrix);
  return [[v as Cell]];
}

export function toNumber(v: Cell, arg: string): number | Blank {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FunctionError("#NUM!", "fn.not-finite", { arg });
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isBlank(v)) return BLANK;
  if (isErrorValue(v)) throw new PassedError(v);
  if (typeof v === "string") {
    const n = parseNumber(v);
    if (n === null) throw new FunctionError("#VALUE!", "fn.not-number", { arg, value: v });
    return n;
  }
  throw new FunctionError("#VALUE!", "fn.not-number", { arg, value: String(v) });
}

/** A number that must be there. */
export function requireNumber(v: Cell, arg: string): number {
  const n = toNumber(v, arg);
  if (n === BLANK) throw new FunctionError("#VALUE!", "fn.blank", { arg });
  return n;
}

export function optionalNumber(v: Cell, arg: string, fallback: number): number {
  const n = toNumber(v, arg);
  return n === BLANK ? fallback : n;
}

/**
 * One of an option set's words (src/core/option-words.ts: the value, either label, an alias),
 * without case; blank gives the default. The message lists the labels in the user's language.
 */
export function toOption<S extends OptionSet>(v: Cell, arg: string, set: S, fallback: OptionValue<S>): OptionValue<S> {
  if (isBlank(v)) return fallback;
  if (isErrorValue(v)) throw new PassedError(v);
  const hit = parseOption(set, String(v));
  if (hit === null) throw new FunctionError("#VALUE!", "fn.option", { arg, value: String(v), set });
  return hit;
}

/** A single value where a parameter takes one (a 1×1 range is fine). */
export function single(v: Cell | Matrix, arg: string): Cell {
  if (!Array.isArray(v)) return v as Cell;
  const m = v as Matrix;
  if (m.length === 1 && m[0].length === 1) return m[0][0];
  throw new FunctionError("#VALUE!", "fn.not-single", { arg, rows: m.length, cols: m[0]?.length ?? 0 });
}

/** Rows of a range, or of a text "a:1,b:2;…", with blank rows left out. */
export function tableRows(v: Cell | Matrix, arg: string): Cell[][] {
  if (typeof v === "string") {
    const rows = v
      .split(/[,，;；\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => part.split(/[:：]/).map((x) => x.trim()));
    if (rows.length === 0) throw new FunctionError("#VALUE!", "fn.table-empty", { arg });
    return rows;
  }
  const rows = asMatrix(v).filter((r) => !r.every(isBlank));
  if (rows.length === 0) throw new FunctionError("#VALUE!", "fn.table-empty", { arg });
  for (const r of rows) for (const c of r) if (isErrorValue(c)) throw new PassedError(c);
  return rows;
}

/** A list of numbers from a row or column of cells, or from a text "0,2,3". */
export function numberList(v: Cell | Matrix, arg: string): number[] {
  const cells = typeof v === "string" ? v.split(/[,，;；\s]+/).filter((x) => x !== "") : asMatrix(v).flat().filter((c) => !isBlank(c));
  if (cells.length === 0) throw new FunctionError("#VALUE!", "fn.table-empty", { arg });
  return cells.map((c) => requireNumber(c as Cell, arg));
}
