/** A1 references and formula literals. */

import { columnLetter } from "../../io/column-letter.js";

export { columnLetter };

/** "B7" for (row 7, column index 1); rows are 1-based as in Excel. */
export const cellRef = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export const absRef = (row: number, col: number): string => `$${columnLetter(col)}$${row}`;

export const rangeRef = (r1: number, c1: number, r2: number, c2: number): string => `${cellRef(r1, c1)}:${cellRef(r2, c2)}`;

/** 'Sheet name'!ref — always quoted, which is valid for any name (Chinese, spaces). */
export const sheetRef = (sheet: string, ref: string): string => `'${sheet.replace(/'/g, "''")}'!${ref}`;

/** A number as formula text: exact shortest form, exponent as Excel writes it, negatives in parentheses. */
export function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`no formula literal for ${x}`);
  const text = String(x).replace("e", "E");
  return x < 0 ? `(${text})` : text;
}

export const textLiteral = (s: string): string => `"${s.replace(/"/g, '""')}"`;
