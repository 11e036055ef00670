/**
 * The one printer of formulas (src/core/formula.ts): A1 text for a given row — what the .xlsx
 * stores and what LibreOffice and HyperFormula read — and R1C1 text, which is the same for every
 * row of a column and so is assigned once to a whole column range through Office.js.
 *
 * Parentheses come from precedence alone (Excel's: comparison < & < + - < * / < ^ < negation,
 * left-associative), so the printed formula evaluates in exactly the order of the tree; negative
 * numbers are written in parentheses, as LibreOffice and Excel both read them the same way then.
 */
import type { BinaryOp, CellRef, Formula } from "../../core/formula.js";
import { columnLetter } from "../../io/column-letter.js";

const PRECEDENCE: Record<BinaryOp, number> = { "=": 1, "<>": 1, "<": 1, "<=": 1, ">": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };
const NEGATION = 6;
const ATOM = 7;

/**
 * A number as formula text: the shortest form that reads back as the same double, small numbers
 * written out (1e-9 → 0.000000001, which every spreadsheet parses), huge ones with Excel's E,
 * negatives in parentheses.
 */
export function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`no formula literal for ${x}`);
  let text = String(Math.abs(x));
  const small = /^(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
  if (small) text = `0.${"0".repeat(Number(small[3]) - 1)}${small[1]}${small[2] ?? ""}`;
  text = text.replace("e", "E");
  return x < 0 ? `(-${text})` : text;
}

export const textLiteral = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** 'Sheet name'! — always quoted, which is valid for any name (Chinese, spaces, quotes doubled). */
export const sheetPrefix = (sheet: string | undefined): string => (sheet === undefined ? "" : `'${sheet.replace(/'/g, "''")}'!`);

interface Style {
  cell(r: CellRef): string;
  area(sheet: string | undefined, c1: number, r1: number, c2: number, r2: number | undefined): string;
}

function printer(style: Style): (f: Formula) => string {
  const precedence = (f: Formula): number => (typeof f === "object" && "op" in f ? PRECEDENCE[f.op] : typeof f === "object" && "neg" in f ? NEGATION : ATOM);
  const wrap = (f: Formula, parens: boolean) => (parens ? `(${print(f)})` : print(f));
  function print(f: Formula): string {
    if (typeof f === "number") return numberLiteral(f);
    if ("s" in f) return textLiteral(f.s);
    if ("b" in f) return f.b ? "TRUE" : "FALSE";
    if ("name" in f) return f.name;
    if ("ref" in f) return style.cell(f.ref);
    if ("area" in f) return style.area(f.area.sheet, f.area.c1, f.area.r1, f.area.c2, f.area.r2);
    if ("neg" in f) return `-${wrap(f.neg, precedence(f.neg) < NEGATION)}`;
    if ("op" in f) {
      const p = PRECEDENCE[f.op];
      // (-2)^2: Excel reads -2^2 as 4 too, but not every reader of a workbook does
      const negatedBase = f.op === "^" && typeof f.l === "object" && "neg" in f.l;
      return `${wrap(f.l, precedence(f.l) < p || negatedBase)}${f.op}${wrap(f.r, precedence(f.r) <= p)}`;
    }
    return `${f.fn}(${f.args.map(print).join(",")})`;
  }
  return print;
}

/** A1 text of a formula in `row` (1-based): $E7 for this row's E, $E$2 for an absolute one. */
export function printA1(f: Formula, row: number): string {
  return printer({
    cell: (r) => `${sheetPrefix(r.sheet)}$${columnLetter(r.col)}${r.row === undefined ? row : `$${r.row}`}`,
    area: (sheet, c1, r1, c2, r2) => `${sheetPrefix(sheet)}$${columnLetter(c1)}$${r1}:$${columnLetter(c2)}${r2 === undefined ? row : `$${r2}`}`,
  })(f);
}

/** R1C1 text of a formula: RC5 for this row's E, R2C5 for an absolute one — the same in every row. */
export function printR1C1(f: Formula): string {
  return printer({
    cell: (r) => `${sheetPrefix(r.sheet)}R${r.row ?? ""}C${r.col + 1}`,
    area: (sheet, c1, r1, c2, r2) => `${sheetPrefix(sheet)}R${r1}C${c1 + 1}:R${r2 ?? ""}C${c2 + 1}`,
  })(f);
}
