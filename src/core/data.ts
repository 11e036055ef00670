/**
 * Reading a person's input values from text cells (CSV, pasted cells, .xlsx as text): one
 * coercion for every front door. A problem names the line, the column and what was expected;
 * nothing is guessed (a text in a number column is an error, not 0).
 */
import { parseDate } from "./dates.js";
import { conditionsOf } from "./condition.js";
import type { Scheme, InputDecl } from "./scheme/schema.js";
import type { RowValues } from "./expr.js";
import type { MessageVars } from "./errors.js";
import { normalizePeriod } from "./periods/period.js";
import { IdIndex } from "./id-index.js";

export interface DataColumn {
  /** Header text in the data file. */
  column: string;
  input: InputDecl;
}

export interface DataProblem {
  /** 1-based line of the file (the header is line 1); 0 for the header itself. */
  line: number;
  column: string;
  key: string;
  vars: MessageVars;
}

/** The columns a data file for this scheme must have, besides `id` and `name`. */
export function dataColumns(scheme: Scheme): DataColumn[] {
  const rated = new Set(scheme.indicators.filter((i) => i.rated).map((i) => i.input ?? i.id));
  const out: DataColumn[] = [];
  for (const input of scheme.inputs) {
    if (rated.has(input.id)) for (const r of scheme.raters) out.push({ column: `${input.id}@${r.id}`, input });
    else out.push({ column: input.id, input });
  }
  return out;
}

/** Inputs that only stand in for a rate (its optional counts): the sample leaves them blank, a sheet shows them only when given. */
export function rateCountsOnly(scheme: Scheme): Set<string> {
  const parts = scheme.inputs.flatMap((x) => (x.ratioOf ? [x.ratioOf.numerator, x.ratioOf.denominator] : []));
  return new Set(parts.filter((id) => !scheme.inputs.find((x) => x.id === id)?.required));
}

/** True when a condition compares a date with a day of the evaluated month: rows need a period then. */
export function needsPeriod(scheme: Scheme): boolean {
  const conditions = [...scheme.eligibility, ...scheme.indicators.flatMap((i) => (i.appliesWhen ? [i.appliesWhen] : [])), ...scheme.pay.flatMap((l) => conditionsOf(l.when))];
  return conditions.some((c) => typeof c.value === "object" && "dayOfPeriod" in c.value);
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const TRUE = new Set(["true", "yes", "y", "1", "是", "有", "√", "✓"]);
const FALSE = new Set(["false", "no", "n", "0", "否", "无", "×"]);

const isDigit = (c: number) => c >= 48 && c <= 57;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A plain decimal ("12.5", "-3", ".5", "1e3") — the common case, read by a scan of its characters
 * (what NUMBER matches, without the regex: a roster of 100,000 people has a million of these).
 */
function plainNumber(t: string): number | null {
  const n = t.length;
  if (n === 0 || n > 24) return null;
  let i = 0;
  let c = t.charCodeAt(0);
  const negative = c === 45;
  if (c === 43 || c === 45) c = t.charCodeAt(++i); // + -
  let digits = 0;
  // the digits as one integer, and how many of them follow the point
  let mantissa = 0;
  let decimals = 0;
  for (; i < n && isDigit(c); c = t.charCodeAt(++i)) {
    digits++;
    mantissa = mantissa * 10 + (c - 48);
  }
  if (i < n && c === 46) {
    c = t.charCodeAt(++i);
    for (; i < n && isDigit(c); c = t.charCodeAt(++i)) {
      digits++;
      decimals++;
      mantissa = mantissa * 10 + (c - 48);
    }
  }
  if (digits === 0) return null;
  if (i === n && digits <= 15) {
    // up to 15 digits the integer is exact and so is 10^decimals: one division, correctly rounded,
    // is the double nearest the decimal — what Number(t) gives, without parsing the text again
    const v = decimals ? mantissa / POW10[decimals] : mantissa;
    return negative ? -v : v;
  }
  if (i < n && (c === 101 || c === 69)) {
    // e E, then an optional sign and at least one digit
    c = t.charCodeAt(++i);
    if (c === 43 || c === 45) c = t.charCodeAt(++i);
    let exponent = 0;
    for (; i < n && isDigit(c); c = t.charCodeAt(++i)) exponent++;
    if (exponent === 0) return null;
  }
  if (i !== n) return null;
  // "1e309" is Infinity in JavaScript: no one's score, refused like any text
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** "12.5", "1,234.50", "95%", "¥300" → number; anything else → null. */
export function parseNumber(text: string): number | null {
  const plain = plainNumber(text);
  if (plain !== null) return plain;
  // full-width digits and signs (９５％, １，２３４) as typed with a Chinese input method
  let t = text.normalize("NFKC").trim().replace(/^[¥￥]/, "");
  // "1 234" (a space, a no-break or a thin space between groups of three)
  if (/^[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/[ \u00a0\u202f]/g, "");
  let scale = 1;
  if (t.endsWith("%")) {
    t = t.slice(0, -1).trim();
    scale = 100;
  }
  if (GROUPED.test(t)) t = t.replace(/,/g, "");
  if (!NUMBER.test(t)) return null;
  const v = Number(t) / scale;
  return Number.isFinite(v) ? v : null;
}

/** Longer ids are not ids (and Excel's MATCH refuses text over 255 characters). */
export const MAX_ID_LENGTH = 100;

export type CellResult = { ok: true; value: number | string | boolean | null } | { ok: false; key: string; vars: MessageVars };

export function parseCell(text: string, input: InputDecl): CellResult {
  const t = text.trim();
  if (t === "") {
    if (input.required && input.default === undefined) return { ok: false, key: "data.blank", vars: {} };
    return { ok: true, value: input.default ?? null };
  }
  switch (input.type) {
    case "number":
    case "integer": {
      const v = parseNumber(t);
      if (v === null) return { ok: false, key: "data.not-number", vars: { value: t } };
      if (input.type === "integer" && !Number.isInteger(v)) return { ok: false, key: "data.not-integer", vars: { value: t } };
      if (input.min !== undefined && v < input.min) return { ok: false, key: "data.below-min", vars: { value: t, min: input.min } };
      // a rate (0 to 1) written as a percentage number: 95 meant 95 %, not 9,500 %
      if (input.min === 0 && input.max === 1 && v > 1 && v <= 100) return { ok: false, key: "data.looks-percent", vars: { value: t, fraction: v / 100 } };
      if (input.max !== undefined && v > input.max) return { ok: false, key: "data.above-max", vars: { value: t, max: input.max } };
      return { ok: true, value: v };
    }
    case "boolean": {
      const l = t.toLowerCase();
      if (TRUE.has(l)) return { ok: true, value: true };
      if (FALSE.has(l)) return { ok: true, value: false };
      return { ok: false, key: "data.not-boolean", vars: { value: t } };
    }
    case "option": {
      const l = t.toLowerCase();
      const o = (input.options ?? []).find(
        (x) => x.id.toLowerCase() === l || x.label["zh-CN"] === t || x.label["en-US"].toLowerCase() === l || (x.aliases ?? []).some((a) => a.toLowerCase() === l),
      );
      if (!o) return { ok: false, key: "data.not-option", vars: { value: t, options: (input.options ?? []).map((x) => x.id).join(", ") } };
      return { ok: true, value: o.id };
    }
    case "text":
      return { ok: true, value: t };
    case "date": {
      const v = parseDate(t);
      return v === null ? { ok: false, key: "data.not-date", vars: { value: t } } : { ok: true, value: v };
    }
  }
}

/** One data row as text cells, in the order of the file's header. */
export interface RawRecord {
  line: number;
  cells: readonly string[];
}

export interface PersonData {
  line: number;
  id: string;
  name: string;
  period: string | null;
  values: RowValues;
  /** 部门 and 岗位, when the roster has them: carried to every output. */
  department?: string;
  position?: string;
  /** The roster's extra columns the user chose to carry through, in their order (see read-roster). */
  carried?: string[];
  /** Rates the roster left blank and gave as their two counts: computed here, a formula in the workbook. */
  computed?: string[];
}

/** Header problems: missing columns (unknown extra columns are allowed and ignored). */
export function checkHeader(header: readonly string[], scheme: Scheme): DataProblem[] {
  const have = new Set(header.map((h) => h.trim()));
  const problems: DataProblem[] = [];
  for (const c of ["id", "name"]) if (!have.has(c)) problems.push({ line: 1, column: c, key: "data.missing-column", vars: { column: c } });
  for (const c of dataColumns(scheme)) {
    const ratio = c.input.ratioOf;
    // a rate the roster may give as its two counts instead
    if (ratio && !have.has(c.column)) {
      if ((!have.has(ratio.numerator) || !have.has(ratio.denominator)) && c.input.required)
        problems.push({ line: 1, column: c.column, key: "data.missing-rate-column", vars: { column: c.column, numerator: ratio.numerator, denominator: ratio.denominator } });
      continue;
    }
    if (!have.has(c.column) && (c.input.required && c.input.default === undefined))
      problems.push({ line: 1, column: c.column, key: "data.missing-column", vars: { column: c.column } });
  }
  return problems;
}

/** Parse every record; collect every problem (each with line and column) instead of stopping. */
export interface ParseOptions {
  /**
   * A roster for a workbook to fill in: blank inputs stay blank (null) instead of being errors.
   * Values that are there must still be valid.
   */
  blanksAllowed?: boolean;
  /** Positions of the columns to carry through unchanged (`--keep-extra`). */
  carried?: readonly number[];
  /**
   * Each person as soon as their row is read, before the next: what it gives back is what the
   * people list keeps, null for nothing (the command line scores and writes each person here and
   * keeps only their result: the row then dies young instead of living to the end of a
   * 100,000-row run).
   */
  each?: (person: PersonData) => PersonData | null;
}

export function parseRecords(
  header: readonly string[],
  records: Iterable<RawRecord>,
  scheme: Scheme,
  options: ParseOptions = {},
): { people: PersonData[]; problems: DataProblem[] } {
  const position = new Map(header.map((h, i) => [h.trim(), i]));
  const at = (r: RawRecord, column: string): string | undefined => {
    const i = position.get(column);
    return i === undefined ? undefined : (r.cells[i] ?? "");
  };
  const columns = dataColumns(scheme).map((c) => ({
    ...c,
    index: position.get(c.column),
    numeric: c.input.type === "number" || c.input.type === "integer",
    low: c.input.min ?? -Infinity,
    high: c.input.max ?? Infinity,
    // a rate (0 to 1): a value above 1 goes to parseCell, which tells a percentage from a mistake
    rate: c.input.min === 0 && c.input.max === 1,
    // what parseCell gives an empty cell of this input (null: optional with no default), or a rate
    // its counts will give below
    blankIsNull: c.input.ratioOf !== undefined || (!c.input.required && c.input.default === undefined),
  }));
  const idAt = position.get("id");
  const periodAt = position.get("period");
  // the rates that their two counts may give (the second pass below looks at these only)
  const rates = columns.filter((c) => c.input.ratioOf !== undefined);
  const nameAt = position.get("name");
  const people: PersonData[] = [];
  const problems: DataProblem[] = [];
  // the first line of each id (Excel's lookups ignore case: "h1" and "H1" would be one person there)
  const seen = new IdIndex();
  const firstLines: number[] = [];
  // every person's values start as a copy of one object holding each column (blank): one shape
  // for everyone, and the stores below write properties that are there instead of adding them
  const blank: RowValues = {};
  for (const c of columns) blank[c.column] = null;
  for (const r of records) {
    const id = (idAt === undefined ? "" : (r.cells[idAt] ?? "")).trim();
    const name = (nameAt === undefined ? "" : (r.cells[nameAt] ?? "")).trim();
    const periodText = periodAt === undefined ? null : (r.cells[periodAt] ?? "").trim() || null;
    let bad = false;
    // any form people write a period in, made ours ("2026年1月" → "2026-01"); else a problem of the line
    const period = periodText === null ? null : normalizePeriod(periodText);
    if (periodText !== null && period === null) {
      problems.push({ line: r.line, column: "period", key: "data.bad-period", vars: { value: periodText } });
      bad = true;
    }
    if (id === "") {
      problems.push({ line: r.line, column: "id", key: "data.blank-id", vars: {} });
      bad = true;
    } else if (id.length > MAX_ID_LENGTH) {
      problems.push({ line: r.line, column: "id", key: "data.id-long", vars: { length: id.length, max: MAX_ID_LENGTH } });
      bad = true;
    } else {
      const first = seen.addOrFind(id, period);
      if (first >= 0) {
        const other = seen.ids[first];
        problems.push({ line: r.line, column: "id", key: other === id ? "data.duplicate-id" : "data.duplicate-id-case", vars: { id, other, first: firstLines[first] } });
        bad = true;
      } else firstLines.push(r.line);
    }
    // a plain object (fast in the engine's loop): every key it is read by is a scheme id, set
    // here for every column, and no scheme id names an Object property ("constructor" is reserved)
    const values: RowValues = { ...blank };
    for (const c of columns) {
      const text = c.index === undefined ? "" : (r.cells[c.index] ?? "");
      // the common cell, a plain number within its input's bounds: no result object (parseCell
      // gives the same value, and every message when it is not one)
      if (c.numeric) {
        const v = plainNumber(text);
        if (v !== null && (c.input.type === "number" || Number.isInteger(v)) && !(v < c.low) && !(v > c.high) && !(c.rate && v > 1)) {
          values[c.column] = v;
          continue;
        }
      }
      // a blank that stays blank (an optional input without a default, a rate its counts give, a
      // workbook to fill in): no result object per cell; a default is parseCell's to give
      if (text === "" && (c.blankIsNull || options.blanksAllowed)) {
        values[c.column] = null;
        continue;
      }
      // a blank rate that its counts can give is computed below, once the counts are read
      const fromCounts = c.input.ratioOf !== undefined && text.trim() === "";
      const res = (options.blanksAllowed || fromCounts) && text.trim() === "" ? ({ ok: true, value: null } as const) : parseCell(text, c.input);
      if (res.ok) values[c.column] = res.value;
      else {
        problems.push({ line: r.line, column: c.column, key: res.key, vars: res.vars });
        // not blank: a rate refused here is not also said to be missing by the counts' pass (the row is dropped)
        delete values[c.column];
        bad = true;
      }
    }
    let computed: string[] | undefined;
    for (const c of rates) {
      const ratio = c.input.ratioOf!;
      if (values[c.column] !== null || options.blanksAllowed) continue;
      const num = values[ratio.numerator];
      const den = values[ratio.denominator];
      // a rate kept for the record (optional): no counts, or 0 of 0, is no rate — not a problem
      if (!c.input.required && ((num === null && den === null) || (num === 0 && den === 0))) continue;
      if (typeof num !== "number" || typeof den !== "number") {
        problems.push({ line: r.line, column: c.column, key: "data.rate-or-counts", vars: { numerator: ratio.numerator, denominator: ratio.denominator } });
        bad = true;
      } else if (den === 0) {
        problems.push({ line: r.line, column: ratio.denominator, key: "data.zero-denominator", vars: { rate: c.column } });
        bad = true;
      } else {
        values[c.column] = num / den;
        (computed ??= []).push(c.column);
      }
    }
    if (bad) continue;
    const person: PersonData = { line: r.line, id, name, period, values };
    if (computed) person.computed = computed;
    const department = at(r, "department")?.trim();
    const position = at(r, "position")?.trim();
    if (department !== undefined) person.department = department;
    if (position !== undefined) person.position = position;
    if (options.carried?.length) person.carried = options.carried.map((i) => (r.cells[i] ?? "").trim());
    const kept = options.each ? options.each(person) : person;
    if (kept) people.push(kept);
  }
  return { people, problems };
}
