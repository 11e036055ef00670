/**
 * A small evaluator of our formula trees over a plan, for the cached values a workbook carries
 * (cached-values.ts). It is not a spreadsheet engine: the people's numbers come from the engine
 * (src/core), and this only works out the cells around and between them — a payout row of
 * someone not evaluated (IF(evaluated, …, 0)), the payout totals, the summary's counts, the
 * scheme sheet's references — with Excel's semantics for the few functions those cells use.
 * A function it does not know gives `undefined`: that cell is written without a value, as before,
 * and shows once a spreadsheet program calculates.
 */
import type { Formula } from "../../core/formula.js";
import { roundExcel } from "../../core/money.js";
import type { CachedValue } from "./types.js";

/** A value as a cell holds it; errors by their Excel text. */
export type CellValue = CachedValue;
type Value = CellValue | CellValue[];

/** Where the evaluator finds a cell's content and its value. */
export interface Grid {
  /** The value of a cell (evaluating its formula if it has one), "" for an empty cell; undefined when not known. */
  value(sheet: string, row: number, col: number): CellValue | undefined;
  /** A defined name's cell. */
  name(name: string): { sheet: string; row: number; col: number } | undefined;
  /**
   * A fixed area's values, kept from one call to the next (a column looked up by every row of a
   * roll-up is read once); undefined: read cell by cell.
   */
  area?(sheet: string, r1: number, c1: number, r2: number, c2: number, read: () => CellValue[]): CellValue[];
}

// per area array: its ids for MATCH, its numbers sorted for RANK and COUNTIF — built once
const matchIndex = new WeakMap<CellValue[], Map<string, number>>();
const sortedNumbers = new WeakMap<CellValue[], number[]>();

function sorted(xs: CellValue[]): number[] {
  let s = sortedNumbers.get(xs);
  if (!s) sortedNumbers.set(xs, (s = xs.filter((x): x is number => typeof x === "number").sort((a, b) => a - b)));
  return s;
}

/** How many of the sorted numbers are below x (or at most x, when `orEqual`). */
function countBelow(s: number[], x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid] < x || (orEqual && s[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class Unknown extends Error {}
const NA = { error: "#N/A" };
const VALUE = { error: "#VALUE!" };
const DIV0 = { error: "#DIV/0!" };
const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;

/** A formula's value in `row` of `sheet`, or undefined when it uses something this evaluator does not do. */
export function evaluateFormula(f: Formula, sheet: string, row: number, grid: Grid): CellValue | undefined {
  try {
    const v = evalNode(f, sheet, row, grid);
    return Array.isArray(v) ? (v[0] ?? "") : v;
  } catch (e) {
    if (e instanceof Unknown) return undefined;
    throw e;
  }
}

function cell(grid: Grid, sheet: string, row: number, col: number): CellValue {
  const v = grid.value(sheet, row, col);
  if (v === undefined) throw new Unknown();
  return v;
}

/** A value as a number, the way Excel's arithmetic reads it: "" is 0, TRUE 1, other text #VALUE!. */
function num(v: CellValue): number | { error: string } {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  if (v === "") return 0;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : VALUE;
}

function scalar(v: Value): CellValue {
  return Array.isArray(v) ? (v[0] ?? "") : v;
}

function compare(a: CellValue, b: CellValue): number {
  // Excel orders numbers < text < booleans; text without regard to case
  const rank = (x: CellValue) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  const blankAs = (x: CellValue, other: CellValue): CellValue => (x === "" && typeof other === "number" ? 0 : x === "" && typeof other === "boolean" ? false : x);
  const x = blankAs(a, b);
  const y = blankAs(b, a);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const l = x.toLowerCase();
    const r = y.toLowerCase();
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const l = Number(x);
  const r = Number(y);
  return l < r ? -1 : l > r ? 1 : 0;
}

function binary(op: string, a: CellValue, b: CellValue): CellValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case "&":
      return text(a) + text(b);
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">":
      return compare(a, b) > 0;
    case ">=":
      return compare(a, b) >= 0;
  }
  const x = num(a);
  const y = num(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0 : x / y;
    case "^":
      return x ** y;
  }
  throw new Unknown();
}

function text(v: CellValue): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return isError(v) ? v.error : v;
}

function evalNode(f: Formula, sheet: string, row: number, grid: Grid): Value {
  if (typeof f === "number") return f;
  if ("s" in f) return f.s;
  if ("b" in f) return f.b;
  if ("name" in f) {
    const at = grid.name(f.name);
    if (!at) throw new Unknown();
    return cell(grid, at.sheet, at.row, at.col);
  }
  if ("ref" in f) return cell(grid, f.ref.sheet ?? sheet, f.ref.row ?? row, f.ref.col);
  if ("area" in f) {
    const a = f.area;
    const read = () => {
      const out: CellValue[] = [];
      for (let r = a.r1; r <= (a.r2 ?? row); r++) for (let c = a.c1; c <= a.c2; c++) out.push(cell(grid, a.sheet ?? sheet, r, c));
      return out;
    };
    return a.r2 !== undefined && grid.area ? grid.area(a.sheet ?? sheet, a.r1, a.c1, a.r2, a.c2, read) : read();
  }
  if ("neg" in f) {
    const v = evalNode(f.neg, sheet, row, grid);
    if (Array.isArray(v)) return v.map((x) => negate(x));
    return negate(v);
  }
  if ("op" in f) {
    const l = evalNode(f.l, sheet, row, grid);
    const r = evalNode(f.r, sheet, row, grid);
    // arrays element by element (inside SUMPRODUCT), a single value against each
    if (Array.isArray(l) || Array.isArray(r)) {
      const n = Math.max(Array.isArray(l) ? l.length : 1, Array.isArray(r) ? r.length : 1);
      return Array.from({ length: n }, (_, i) => binary(f.op, Array.isArray(l) ? (l[i] ?? NA) : l, Array.isArray(r) ? (r[i] ?? NA) : r));
    }
    return binary(f.op, l, r);
  }
  return call(f.fn, f.args, sheet, row, grid);
}

function negate(v: CellValue): CellValue {
  const n = num(v);
  return isError(n) ? n : -n;
}

/** The numbers of SUM/COUNT/MIN/MAX arguments: cells in areas count only when they hold numbers. */
function numbers(args: Formula[], sheet: string, row: number, grid: Grid): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args) {
    const v = evalNode(a, sheet, row, grid);
    if (Array.isArray(v)) {
      for (const x of v) {
        if (isError(x)) return x;
        if (typeof x === "number") out.push(x);
      }
    } else {
      const n = num(v);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function call(fn: string, args: Formula[], sheet: string, row: number, grid: Grid): Value {
  const arg = (i: number): CellValue => scalar(evalNode(args[i], sheet, row, grid));
  const numArg = (i: number): number | { error: string } => num(arg(i));
  switch (fn) {
    case "IF": {
      const test = arg(0);
      if (isError(test)) return test;
      const yes = typeof test === "boolean" ? test : typeof test === "number" ? test !== 0 : null;
      if (yes === null) return VALUE;
      return yes ? evalNode(args[1], sheet, row, grid) : args.length > 2 ? evalNode(args[2], sheet, row, grid) : false;
    }
    case "AND":
    case "OR": {
      const all = args.flatMap((a) => {
        const v = evalNode(a, sheet, row, grid);
        return Array.isArray(v) ? v : [v];
      });
      const err = all.find(isError);
      if (err) return err;
      const bools = all.map((v) => (typeof v === "string" ? null : Boolean(num(v))));
      if (bools.some((b) => b === null)) return VALUE;
      return fn === "AND" ? bools.every(Boolean) : bools.some(Boolean);
    }
    case "NOT": {
      const v = numArg(0);
      return isError(v) ? v : v === 0;
    }
    case "NA":
      return NA;
    case "N": {
      const v = arg(0);
      return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : isError(v) ? v : 0;
    }
    case "ISNUMBER":
      return typeof arg(0) === "number";
    case "ROUND":
    case "ROUNDUP":
    case "INT": {
      const x = numArg(0);
      if (isError(x)) return x;
      if (fn === "INT") return Math.floor(x);
      const d = numArg(1);
      if (isError(d)) return d;
      if (!Number.isFinite(x)) return { error: "#NUM!" };
      if (fn === "ROUND") return roundExcel(x, d);
      const m = 10 ** d;
      const up = Math.sign(x) * Math.ceil(Math.abs(roundExcel(x * m, 9)));
      return up / m;
    }
    case "SUM":
    case "COUNT":
    case "MIN":
    case "MAX": {
      if (fn === "COUNT") {
        let n = 0;
        for (const a of args) {
          const v = evalNode(a, sheet, row, grid);
          for (const x of Array.isArray(v) ? v : [v]) if (typeof x === "number") n++;
        }
        return n;
      }
      const xs = numbers(args, sheet, row, grid);
      if (isError(xs)) return xs;
      if (fn === "SUM") return xs.reduce((s, x) => s + x, 0);
      if (xs.length === 0) return 0;
      return fn === "MIN" ? Math.min(...xs) : Math.max(...xs);
    }
    case "SUMPRODUCT": {
      const arrays = args.map((a) => {
        const v = evalNode(a, sheet, row, grid);
        return Array.isArray(v) ? v : [v];
      });
      let total = 0;
      for (let i = 0; i < arrays[0].length; i++) {
        let p = 1;
        for (const xs of arrays) {
          const x = xs[i];
          if (isError(x)) return x;
          // text, blanks and TRUE/FALSE count as 0 in SUMPRODUCT
          p *= typeof x === "number" ? x : 0;
        }
        total += p;
      }
      return total;
    }
    case "EXACT": {
      const l = evalNode(args[0], sheet, row, grid);
      const r = arg(1);
      const one = (x: CellValue): CellValue => (isError(x) ? x : isError(r) ? r : text(x) === text(r));
      return Array.isArray(l) ? l.map(one) : one(l);
    }
    case "REPT": {
      const s = arg(0);
      const n = numArg(1);
      if (isError(s)) return s;
      if (isError(n)) return n;
      return n < 0 ? VALUE : text(s).repeat(Math.floor(n));
    }
    case "ABS": {
      const x = numArg(0);
      return isError(x) ? x : Math.abs(x);
    }
    case "MOD": {
      const [x, d] = [numArg(0), numArg(1)];
      if (isError(x)) return x;
      if (isError(d)) return d;
      // Excel's MOD takes the divisor's sign
      return d === 0 ? DIV0 : x - d * Math.floor(x / d);
    }
    case "CHOOSE": {
      const i = numArg(0);
      if (isError(i)) return i;
      const k = Math.floor(i);
      return k < 1 || k >= args.length ? VALUE : evalNode(args[k], sheet, row, grid);
    }
    case "SUBSTITUTE": {
      const [s, from, to] = [arg(0), arg(1), arg(2)];
      for (const v of [s, from, to]) if (isError(v)) return v;
      const f = text(from);
      return f === "" ? text(s) : text(s).split(f).join(text(to));
    }
    case "IFERROR": {
      const v = evalNode(args[0], sheet, row, grid);
      return isError(scalar(v)) ? evalNode(args[1], sheet, row, grid) : v;
    }
    case "INDEX": {
      const xs = evalNode(args[0], sheet, row, grid);
      const i = numArg(1);
      if (isError(i)) return i;
      // one column (or one row) of an area: the i-th value
      if (!Array.isArray(xs) || args.length > 2) throw new Unknown();
      const k = Math.floor(i);
      return k >= 1 && k <= xs.length ? xs[k - 1] : { error: "#REF!" };
    }
    case "MATCH": {
      // exact matching only (match type 0), Excel's way: no case, * ? as wildcards unless ~-escaped
      if (args.length < 3 || args[2] !== 0) throw new Unknown();
      const key = arg(0);
      const xs = evalNode(args[1], sheet, row, grid);
      if (isError(key)) return key;
      if (!Array.isArray(xs)) throw new Unknown();
      const pattern = text(key);
      if (/(^|[^~])[*?]/.test(pattern)) throw new Unknown(); // a real wildcard: not needed by the plan
      const wanted = pattern.replace(/~([~*?])/g, "$1").toLowerCase();
      let index = matchIndex.get(xs);
      if (!index) {
        index = new Map();
        xs.forEach((x, k) => {
          const s = isError(x) ? null : text(x).toLowerCase();
          if (s !== null && !index!.has(s)) index!.set(s, k + 1);
        });
        matchIndex.set(xs, index);
      }
      return index.get(wanted) ?? NA;
    }
    case "RANK": {
      const x = numArg(0);
      if (isError(x)) return x;
      const xs = evalNode(args[1], sheet, row, grid);
      if (!Array.isArray(xs)) throw new Unknown();
      const ascending = args.length > 2 ? numArg(2) : 0;
      if (isError(ascending)) return ascending;
      const s = sorted(xs);
      if (!s.includes(x)) return NA;
      // descending: 1 + how many are larger; ascending: 1 + how many are smaller
      return ascending ? 1 + countBelow(s, x, false) : 1 + (s.length - countBelow(s, x, true));
    }
    case "COUNTIF": {
      const xs = evalNode(args[0], sheet, row, grid);
      const criterion = arg(1);
      if (!Array.isArray(xs) || typeof criterion !== "string") throw new Unknown();
      const m = /^(>=|<=|<>|>|<|=)?(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/.exec(criterion);
      if (!m) throw new Unknown();
      const x = Number(m[2]);
      const s = sorted(xs);
      switch (m[1] ?? "=") {
        case ">=":
          return s.length - countBelow(s, x, false);
        case ">":
          return s.length - countBelow(s, x, true);
        case "<=":
          return countBelow(s, x, true);
        case "<":
          return countBelow(s, x, false);
        case "=":
          return countBelow(s, x, true) - countBelow(s, x, false);
        default:
          return s.length - (countBelow(s, x, true) - countBelow(s, x, false));
      }
    }
    case "ROW":
      if (args.length) throw new Unknown();
      return row;
    case "LARGE":
    case "SMALL": {
      const xs = evalNode(args[0], sheet, row, grid);
      const k = numArg(1);
      if (isError(k)) return k;
      const err = (Array.isArray(xs) ? xs : [xs]).find(isError);
      if (err) return err;
      const s = Array.isArray(xs) ? sorted(xs) : typeof xs === "number" ? [xs] : [];
      // a k that is not whole: not one this plan writes, and Excel's reading of it is not ours to guess
      if (!Number.isInteger(k)) throw new Unknown();
      const n = k;
      if (n < 1 || n > s.length) return { error: "#NUM!" };
      return fn === "SMALL" ? s[n - 1] : s[s.length - n];
    }
    case "DATE": {
      const [y, m, d] = [numArg(0), numArg(1), numArg(2)];
      if (isError(y) || isError(m) || isError(d)) return VALUE;
      return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
    }
  }
  throw new Unknown();
}
