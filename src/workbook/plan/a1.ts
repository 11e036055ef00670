/** A1 addresses of cells, for ranges and names (formulas are printed by print-formula.ts). */

import { columnLetter, refPosition } from "../../io/column-letter.js";

export { columnLetter, refPosition };

/** "B7" for (row 7, column index 1); rows are 1-based as in Excel. */
export const cellRef = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export const absRef = (row: number, col: number): string => `$${columnLetter(col)}$${row}`;
