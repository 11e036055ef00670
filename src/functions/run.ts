/**
 * The one pipeline every function runs through (after HyperFormula's runFunction): parameters
 * are declared as data; values fixed for the call (tables, options) are prepared once; per-row
 * inputs may be single cells or whole columns, and a column spills one result per row, so a
 * roster of 10,000 costs one call, not 10,000. An error in one row shows in that row only.
 */
import { EvaluationError } from "../core/errors.js";
import { asMatrix, isBlank, isErrorValue, type Cell, type Matrix } from "./coerce.js";
import { FunctionError, PassedError } from "./errors.js";

export type ParamKind =
  /** per-row value: one cell, or a column with one cell per row */
  | "cell"
  /** per-row list of numbers: one row of cells, or a block with one row per person */
  | "row"
  /** fixed for the call: a value, an option word, a table or a list */
  | "fixed";

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  /** a fixed parameter that is one value (a number, an option word), never a range */
  single?: boolean;
}

export type Result = number | string;
export type ResultCell = Result | FunctionError | PassedError;

export interface RowFunctionSpec<P> {
  id: string;
  params: readonly ParamSpec[];
  /** the per-row input whose blank gives a blank result */
  primary: string;
  prepare(fixed: Record<string, Cell | Matrix>): P;
  row(prepared: P, cells: Record<string, Cell | Cell[]>): Result;
}

export interface ColumnFunctionSpec {
  id: string;
  params: readonly ParamSpec[];
  column(args: Record<string, Cell | Matrix>): Result[];
}

export type FunctionSpec = RowFunctionSpec<unknown> | ColumnFunctionSpec;

export function isRowSpec(spec: FunctionSpec): spec is RowFunctionSpec<unknown> {
  return "row" in spec;
}

function named(spec: { params: readonly ParamSpec[] }, args: readonly (Cell | Matrix)[]): Record<string, Cell | Matrix> {
  const out: Record<string, Cell | Matrix> = {};
  spec.params.forEach((p, i) => (out[p.name] = args[i] ?? null));
  return out;
}

/** Any thrown error as a result cell; a bug (not one of ours) is rethrown. */
export function asErrorCell(e: unknown): FunctionError | PassedError {
  if (e instanceof FunctionError || e instanceof PassedError) return e;
  // a result beyond any number is #NUM!, as in Excel; the engine's other refusals are #VALUE! with their reason
  if (e instanceof EvaluationError)
    return e.key === "value.not-finite" ? new FunctionError("#NUM!", "fn.not-finite", { arg: "result" }) : new FunctionError("#VALUE!", e.key, e.vars);
  // roundExcel refuses Infinity and NaN: a result too large to be a number is #NUM!, as in Excel
  if (e instanceof RangeError) return new FunctionError("#NUM!", "fn.not-finite", { arg: "result" });
  throw e;
}

/** Never hand Excel NaN or Infinity. */
function finite(v: Result): Result {
  if (typeof v === "number" && !Number.isFinite(v)) throw new FunctionError("#NUM!", "fn.not-finite", { arg: "result" });
  return v;
}

/** The first error value among a row's cells (a cell, or a row of cells), without allocating. */
function passedError(params: readonly ParamSpec[], cells: Record<string, Cell | Cell[]>): Cell | undefined {
  for (const p of params) {
    const v = cells[p.name];
    if (Array.isArray(v)) {
      for (const c of v) if (typeof c === "object" && c !== null && isErrorValue(c)) return c;
    } else if (typeof v === "object" && v !== null && isErrorValue(v)) return v;
  }
  return undefined;
}

export function runFunction(spec: FunctionSpec, args: readonly (Cell | Matrix)[]): ResultCell[][] {
  const byName = named(spec, args);
  if (!isRowSpec(spec)) {
    try {
      return spec.column(byName).map((v) => [finite(v)]);
    } catch (e) {
      return [[asErrorCell(e)]];
    }
  }
  let prepared: unknown;
  const perRow = spec.params.filter((p) => p.kind !== "fixed");
  const matrices = new Map<string, Matrix>();
  let n = 1;
  let longest = "";
  try {
    const fixed: Record<string, Cell | Matrix> = {};
    for (const p of spec.params) if (p.kind === "fixed") fixed[p.name] = byName[p.name];
    // an error value in a table or setting (a #N/A in the bands) propagates unchanged, as in Excel
    for (const v of Object.values(fixed)) {
      if (!Array.isArray(v)) {
        if (typeof v === "object" && v !== null && isErrorValue(v)) throw new PassedError(v);
      } else for (const row of v) for (const cell of row as Cell[]) if (typeof cell === "object" && cell !== null && isErrorValue(cell)) throw new PassedError(cell);
    }
    prepared = spec.prepare(fixed);
    for (const p of perRow) {
      const m = asMatrix(byName[p.name]);
      if (p.kind === "cell" && m[0].length !== 1) throw new FunctionError("#VALUE!", "fn.not-column", { arg: p.name, cols: m[0].length });
      matrices.set(p.name, m);
      if (m.length > 1) {
        if (n > 1 && m.length !== n) throw new FunctionError("#VALUE!", "fn.rows", { arg: p.name, rows: m.length, other: longest, expected: n });
        n = m.length;
        longest = p.name;
      }
    }
  } catch (e) {
    return [[asErrorCell(e)]];
  }
  const out: ResultCell[][] = new Array(n);
  const cells: Record<string, Cell | Cell[]> = {};
  for (let i = 0; i < n; i++) {
    for (const p of perRow) {
      const m = matrices.get(p.name)!;
      const r = m.length === 1 ? m[0] : m[i];
      cells[p.name] = p.kind === "cell" ? r[0] : r;
    }
    // an error value in this row's cells propagates unchanged, never read as text ("[object Object]")
    const passed = passedError(perRow, cells);
    if (passed !== undefined) {
      out[i] = [new PassedError(passed)];
      continue;
    }
    const primary = cells[spec.primary];
    if (!Array.isArray(primary) && isBlank(primary as Cell)) {
      out[i] = [""];
      continue;
    }
    try {
      out[i] = [finite(spec.row(prepared, cells))];
    } catch (e) {
      out[i] = [asErrorCell(e)];
    }
  }
  return out;
}
