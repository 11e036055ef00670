/**
 * A workbook described as data: what to write where, with formats, validation, names and
 * protection. Built by a pure function (build-plan.ts) and carried out by one of two writers —
 * Office.js (src/workbook/office) or ExcelJS (src/workbook/xlsx) — that hold no business logic.
 */
import type { Lang } from "../../core/text.js";
import type { Formula } from "../../core/formula.js";

/**
 * A formula cell holds a tree (src/core/formula.ts) whose references are relative to its row; a
 * computed column puts the same object in every row, so the writers print it once per column.
 */
export type PlanFormula = {
  formula: Formula;
  /**
   * A legacy array formula (Ctrl+Shift+Enter) held by this cell for the A1 range given, its
   * top-left cell: one formula, many results (FREQUENCY). Only the .xlsx writer writes one.
   */
  array?: string;
};
export type PlanValue = string | number | boolean | null | PlanFormula;

/** A rectangle of values whose top-left cell is (row, col); rows 1-based, columns 0-based. */
export interface PlanBlock {
  row: number;
  col: number;
  values: PlanValue[][];
  /** Number format per column of the block (undefined: General). */
  formats?: (string | undefined)[];
  bold?: boolean;
  /** Editable by the user under sheet protection. */
  unlocked?: boolean;
  /** Fill colour (hex RGB) for a heading or a note. */
  fill?: string;
  /** Fill per column of the block (computed columns grey, so that the cells to type in stand out). */
  columnFills?: (string | undefined)[];
  wrap?: boolean;
  /**
   * What formula cells show before any program recalculates, by row and column of the block
   * (cached-values.ts); absent or undefined: written without a value.
   */
  cached?: (CachedValue | undefined)[][];
}

/** A cell's value as stored beside its formula; errors by their Excel text. */
export type CachedValue = number | string | boolean | { error: string };

export interface PlanTable {
  name: string;
  row: number;
  col: number;
  columns: string[];
  /** What each column holds, language-independent: "id", "total", "pts:<indicator>", "pay:<line>" … */
  keys: string[];
  /** Data rows (after the header). */
  rows: number;
}

export interface PlanValidation {
  /** A1 range on the sheet, e.g. "C2:C101". */
  ref: string;
  type: "decimal" | "whole" | "list";
  min?: number;
  max?: number;
  /** Our own words (yes/no), inline: none holds a comma or a quote. */
  list?: string[];
  /** A defined name whose cells hold the list (option labels are people's words). */
  source?: string;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface PlanConditional {
  ref: string;
  /** A formula written for the top-left cell of ref (relative to it). */
  formula: string;
  fill: string;
}

export interface PlanChart {
  title: string;
  /** Category labels and values, as A1 ranges on this sheet. */
  categories: string;
  values: string;
  /** Where the chart goes (top-left cell), and how many columns and rows it covers from there. */
  anchor: string;
  size: { cols: number; rows: number };
}

/** "helper": figures the formulas need and people do not read (rank-table.ts), on a hidden sheet. */
export type SheetRole = "scheme" | "evaluation" | "payout" | "summary" | "payslips" | "report" | "helper";

/**
 * How a sheet prints: A4, one page wide (rows flow onto further pages), the header row and the
 * id/name columns repeated on every page, a header naming the scheme and period, page numbers.
 */
export interface PlanPrint {
  landscape: boolean;
  /** Rows repeated at the top of every page (1-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Columns repeated at the left of every page (0-based, inclusive). */
  titleColumns?: { first: number; last: number };
  /** Centre header and footer as plain text; "{page}" and "{pages}" are the page number and count. */
  header: string;
  footer: string;
  /** Manual page breaks: a new page starts after each of these rows (between payslips, never inside one). */
  breaks?: number[];
}

export interface SheetPlan {
  name: string;
  role: SheetRole;
  /** A sheet kept out of sight (its tab hidden; unhide it to look). */
  state?: "hidden";
  blocks: PlanBlock[];
  table?: PlanTable;
  validations: PlanValidation[];
  conditional: PlanConditional[];
  freeze?: { rows: number; cols: number };
  /** Column widths in characters, by column index. */
  widths: number[];
  /** Helper columns kept out of sight (and off the printed page): the formulas need them, people do not. */
  hidden?: number[];
  protect: boolean;
  /** Ranges (A1) inside blocks that stay editable under protection: the input columns. */
  unlockedRanges?: string[];
  chart?: PlanChart;
  print?: PlanPrint;
  /** Data bars (a bar in the cell for its value, from min to max): they print, unlike text bars. */
  dataBars?: { ref: string; min: number; max: number; color: string }[];
  /** The period this sheet evaluates or pays, in a workbook of several periods. */
  period?: string;
  /** Row heights in points, by row: rows of wrapped text made tall enough to show it. */
  rowHeights?: Record<number, number>;
}

export interface PlanName {
  name: string;
  sheet: string;
  /** Absolute A1 reference on that sheet. */
  ref: string;
  /**
   * The scheme setting the cell holds, when a person may edit it there: recalculation reads it
   * back so that the engine uses what the sheet says (a parameter, a grade's lower bound or
   * coefficient).
   */
  setting?: { kind: "param" | "grade-min" | "grade-coefficient"; id: string };
}

export interface WorkbookPlan {
  lang: Lang;
  mode: "native" | "addin";
  sheets: SheetPlan[];
  names: PlanName[];
  /** The one period the sheets evaluate, when known (null for several periods or none given). */
  period?: string | null;
}
