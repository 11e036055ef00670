/**
 * A block's cached values (what its formula cells show before any program recalculates) are kept
 * by column: a column of numbers — points, totals, pay, most of a big sheet — is one Float64Array
 * (NaN where no value is known), and only a column that holds text, a truth value or an error
 * is an array of values. At 100,000 people that is 3 million numbers without an object each: a
 * number in an ordinary array is boxed, and every box survived to be copied by the garbage
 * collector.
 */
import type { CachedColumn, CachedValue, PlanBlock } from "./types.js";

/** The value cached in row `i` of a column, or undefined when none is known. */
export function cachedIn(column: CachedColumn | undefined, i: number): CachedValue | undefined {
  if (column === undefined) return undefined;
  const v = column[i];
  // NaN marks "no value" only in a column of numbers; an array of values keeps a NaN it was given
  return column instanceof Float64Array && v !== v ? undefined : v;
}

/** The value cached in row `i`, column `j` of a block. */
export const cachedAt = (b: PlanBlock, i: number, j: number): CachedValue | undefined => cachedIn(b.cached?.[j], i);

/** Cache `value` in row `i`, column `j` of a block: the column turns into values at its first non-number. */
export function setCachedAt(b: PlanBlock, i: number, j: number, value: CachedValue): void {
  const columns = (b.cached ??= []);
  const column = columns[j];
  const aNumber = typeof value === "number" && value === value;
  if (column === undefined) {
    if (aNumber) (columns[j] = new Float64Array(b.values.length).fill(NaN))[i] = value;
    else (columns[j] = new Array<CachedValue | undefined>(b.values.length))[i] = value;
    return;
  }
  if (column instanceof Float64Array) {
    if (aNumber) {
      column[i] = value;
      return;
    }
    const values = (columns[j] = Array.from(column, (x): CachedValue | undefined => (x !== x ? undefined : x)));
    values[i] = value;
    return;
  }
  column[i] = value;
}

/** A block's cached values from rows of them (a small block written by hand: a report's line). */
export function cachedColumns(rows: readonly (readonly (CachedValue | undefined)[])[]): CachedColumn[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, j) => rows.map((r) => r[j]));
}
