/**
 * Excel formulas as data. The rule kinds and the sheet builders build these trees; the writers
 * print them (src/workbook/plan/print-formula.ts): A1 text into the .xlsx, R1C1 into Office.js.
 * Precedence, quoting of sheet names and escaping of strings are decided there, once, so nothing
 * that builds a formula ever adds a parenthesis by hand.
 *
 * A reference names a column by its index and either "this row" (row omitted) or an absolute
 * row, so one tree serves every row of a column: the plan keeps one formula per computed column,
 * not one string per cell.
 */

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=";

export interface CellRef {
  /** Another sheet of the workbook; omitted: the formula's own sheet. */
  sheet?: string;
  /** Column index, 0-based (always written absolute: $E). */
  col: number;
  /** Absolute row (1-based); omitted: the row the formula is in. */
  row?: number;
}

export interface AreaRef {
  sheet?: string;
  c1: number;
  r1: number;
  c2: number;
  /** Absolute last row; omitted: down to the formula's own row (a running sum). */
  r2?: number;
}

export type Formula =
  | number
  | { s: string }
  | { b: boolean }
  | { name: string }
  | { ref: CellRef }
  | { area: AreaRef }
  | { op: BinaryOp; l: Formula; r: Formula }
  | { neg: Formula }
  | { fn: string; args: Formula[] };

export const str = (s: string): Formula => ({ s });
export const bool = (b: boolean): Formula => ({ b });
export const name = (n: string): Formula => ({ name: n });
export const ref = (r: CellRef): Formula => ({ ref: r });
export const area = (a: AreaRef): Formula => ({ area: a });
export const op = (o: BinaryOp, l: Formula, r: Formula): Formula => ({ op: o, l, r });
export const neg = (x: Formula): Formula => ({ neg: x });
export const call = (fn: string, ...args: Formula[]): Formula => ({ fn, args });

/** a + b + c … folded left, as JavaScript adds. */
export const sum = (xs: readonly Formula[]): Formula => (xs.length === 0 ? 0 : xs.slice(1).reduce((a, x) => op("+", a, x), xs[0]));
export const add = (...xs: Formula[]): Formula => sum(xs);
export const sub = (a: Formula, b: Formula): Formula => op("-", a, b);
export const mul = (a: Formula, b: Formula): Formula => op("*", a, b);
export const div = (a: Formula, b: Formula): Formula => op("/", a, b);
export const IF = (test: Formula, then: Formula, otherwise: Formula): Formula => call("IF", test, then, otherwise);
export const MIN = (...xs: Formula[]): Formula => call("MIN", ...xs);
export const MAX = (...xs: Formula[]): Formula => call("MAX", ...xs);
export const AND = (...xs: Formula[]): Formula => call("AND", ...xs);
export const OR = (...xs: Formula[]): Formula => call("OR", ...xs);
export const NOT = (x: Formula): Formula => call("NOT", x);
export const ROUND = (x: Formula, digits: number): Formula => call("ROUND", x, digits);
export const NA = (): Formula => call("NA");
/** "" — the blank a formula leaves where nothing applies. */
export const EMPTY: Formula = { s: "" };

/** A blank-is-zero read of a count cell (N() of text is 0, which the data check has refused). */
export const N = (x: Formula): Formula => call("N", x);
