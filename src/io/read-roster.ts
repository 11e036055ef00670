/**
 * The one roster reader, for the command line, the pane and every file a person gives us: an
 * .xlsx (first visible sheet, or the one named), a text file in any encoding a Chinese office
 * makes (decode-text.ts), comma- or tab-separated (Excel's "Unicode text", cells pasted from
 * Excel), or the cells of an Excel selection. It reads exactly or says exactly why not: every
 * problem with its line (or cell) and column, all at once; columns by the user's words
 * (roster-header.ts); nothing dropped without a word.
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { Lang } from "../core/text.js";
import { checkHeader, parseRecords, type DataProblem, type ParseOptions, type PersonData, type RawRecord } from "../core/data.js";
import { csvRows, CsvError, unguardRow } from "./csv.js";
import { decodeText, TextDecodeError, type TextEncodingName } from "./decode-text.js";
import { mapHeader, type HeaderColumn } from "./roster-header.js";
import { isZip } from "./zip-read.js";
import { columnLetter } from "./column-letter.js";
import { brokenChar, mayHoldBroken } from "../core/scheme/text-check.js";

export type RosterSource =
  /** a file's bytes: .xlsx by its content, else text */
  | { kind: "file"; bytes: Uint8Array; name: string; sheet?: string }
  /** text as typed or pasted (comma- or tab-separated) */
  | { kind: "text"; text: string }
  /** the values of an Excel selection, row by row */
  | { kind: "cells"; rows: readonly (readonly unknown[])[] };

export interface RosterOptions {
  lang: Lang;
  /** carry columns the scheme does not know through to the outputs, instead of refusing them */
  keepExtra?: boolean;
  /** a roster for a workbook to fill in: only id and name are required, blank inputs stay blank */
  forWorkbook?: boolean;
  /** each person as soon as read (ParseOptions.each): what it gives back is kept */
  each?: ParseOptions["each"];
  /** the header's columns, once they are known to be right and before the first person */
  begin?: (shape: RosterShape) => void;
}

/** What a roster has besides the scheme's inputs: a period, 部门, 岗位, carried columns. */
export interface RosterShape {
  /** the headers of the carried columns, in order */
  carried: string[];
  has: { period: boolean; department: boolean; position: boolean };
}

export interface RosterRead extends RosterShape {
  people: PersonData[];
  /** every problem, in line order; none means the roster can be used */
  problems: DataProblem[];
  /** each column of the file and what it was read as */
  columns: HeaderColumn[];
  /** the first rows as written, for a preview */
  preview: string[][];
  /** how the text was decoded, or where the cells came from */
  source: TextEncodingName | "xlsx" | "cells" | "text";
  separator: "," | "\t" | null;
}

const PREVIEW_ROWS = 8;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Tab-separated when the header row has tabs and no more commas than tabs. */
function separatorOf(text: string): "," | "\t" {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  const tabs = first.split("\t").length - 1;
  const commas = first.split(",").length - 1;
  return tabs > 0 && tabs >= commas ? "\t" : ",";
}

type Row = { line: number; cells: string[] };

/** Each cell of a row holding a broken character, as a problem of its cell: true when there is one. */
function brokenRow(r: Row, keys: readonly string[], header: readonly string[], problems: DataProblem[]): boolean {
  let found = false;
  for (let i = 0; i < r.cells.length; i++) {
    const bad = brokenChar(r.cells[i]);
    if (!bad) continue;
    problems.push({ line: r.line, column: keys[i] || (header[i] ?? "").trim() || columnLetter(i), key: "data.broken-char", vars: bad });
    found = true;
  }
  return found;
}

/** A row with nothing but blanks (asked of every row: a loop that stops at the first cell written). */
function blankRow(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== "" && cells[i].trim() !== "") return false;
  return true;
}
type Rows = Iterable<Row>;

/** A roster's cells before they are read as people, with the problems of getting them (encoding, quoting). */
export interface RosterTable {
  rows: Rows;
  /**
   * Known to hold no broken character (half of a character pair, U+FFFD): a file decoded
   * strictly (decode-text.ts refuses U+FFFD, and no strict decoder makes half a pair), or a
   * pasted text cleared by one scan; its cells need no look one by one. Cells of a workbook or
   * a selection are looked at each.
   */
  whole?: boolean;
  source: RosterRead["source"];
  separator: "," | "\t" | null;
  problems: DataProblem[];
}

/** Text as typed, pasted or decoded: comma- or tab-separated, as its header row shows. */
export function tableOfText(text: string, source: RosterRead["source"] = "text"): RosterTable {
  const problems: DataProblem[] = [];
  const separator = separatorOf(text);
  // one row at a time, as the reader asks for them: a 100,000-row file is never held twice
  function* rows(): Generator<Row> {
    try {
      for (const r of csvRows(text, separator)) yield unguardRow(r);
    } catch (e) {
      if (e instanceof CsvError) problems.push({ line: e.line, column: "", key: e.key, vars: {} });
      else throw e;
    }
  }
  return { rows: rows(), source, separator, problems, whole: source !== "text" || !mayHoldBroken(text) };
}

/** The values of an Excel selection. */
export function tableOfCells(cells: readonly (readonly unknown[])[]): RosterTable {
  return { rows: cells.map((r, i) => ({ line: i + 1, cells: r.map(cellText) })), source: "cells", separator: null, problems: [] };
}

/** A spreadsheet by its first bytes: a zip (.xlsx, Numbers) or an OLE2 file (.xls, WPS .et). */
export const isWorkbookFile = (bytes: Uint8Array): boolean => isZip(bytes) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);

/** How a roster's text was read, in words, for the encodings a person should hear about (not plain UTF-8). */
export function encodingName(source: RosterRead["source"]): string | null {
  return ({ gb18030: "GB18030 (GBK)", "utf-16le": "UTF-16", "utf-16be": "UTF-16 (big-endian)" } as Partial<Record<RosterRead["source"], string>>)[source] ?? null;
}

/** A file's bytes: an .xlsx (or a spreadsheet we cannot read) by its content, else text in any encoding we know. */
export async function tableOfFile(bytes: Uint8Array, sheet?: string): Promise<RosterTable> {
  if (isWorkbookFile(bytes)) {
    // the reader is loaded only when a workbook is given (the pane's first load stays small)
    const { openXlsx, rosterSheet } = await import("./xlsx-read.js");
    const file = openXlsx(bytes);
    const cells = file.rows(rosterSheet(file, sheet));
    return { rows: cells.map((r, i) => ({ line: i + 1, cells: r.map((c) => c.raw) })), source: "xlsx", separator: null, problems: [] };
  }
  const decoded = textOfFile(bytes);
  if ("problem" in decoded) return { rows: [], source: "text", separator: null, problems: [decoded.problem] };
  return tableOfText(decoded.text, decoded.encoding);
}

/** A text file's characters in whatever encoding it is in, or the one problem that stops it. */
export function textOfFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | { problem: DataProblem } {
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (e) {
    if (e instanceof TextDecodeError) return { problem: { line: e.vars.line, column: "", key: e.key, vars: e.vars } };
    throw e;
  }
  // a web page saved as ".xls" (some HR systems export so)
  if (/^\s*<(!doctype\s+html|html|table)\b/i.test(decoded.text)) return { problem: { line: 1, column: "", key: "roster.html", vars: {} } };
  return decoded;
}

/** Any source, read: the command line's door. */
export async function readRoster(input: RosterSource, scheme: Scheme, options: RosterOptions): Promise<RosterRead> {
  const table = input.kind === "file" ? await tableOfFile(input.bytes, input.sheet) : input.kind === "text" ? tableOfText(input.text) : tableOfCells(input.rows);
  return readRosterTable(table, scheme, options);
}

/** A table read as people for the scheme. */
export function readRosterTable(table: RosterTable, scheme: Scheme, options: RosterOptions): RosterRead {
  const problems: DataProblem[] = [];
  const { source, separator } = table;
  const done = () => {
    // the table's own problems (a quote never closed) are known once its rows have been read
    problems.push(...table.problems);
    return problems.sort((a, b) => a.line - b.line);
  };
  const iterator = table.rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) {
    if (!table.problems.length) problems.push({ line: 1, column: "", key: "roster.empty", vars: {} });
    return { people: [], problems: done(), columns: [], preview: [], source, separator, carried: [], has: { period: false, department: false, position: false } };
  }
  const header = first.value.cells;
  let body: Iterable<Row> = { [Symbol.iterator]: () => iterator };
  let hasData: ((i: number) => boolean) | undefined;
  // only a blank header needs the whole column looked at (rare): then the rows are held
  if (header.some((h) => h.trim() === "")) {
    const all = [...body];
    body = all;
    hasData = (i) => all.some((r) => (r.cells[i] ?? "").trim() !== "");
  }
  const map = mapHeader(header, scheme, options.lang, { keepExtra: options.keepExtra, hasData });
  problems.push(...map.problems);
  const base = options.forWorkbook ? ({ ...scheme, inputs: [] } as Scheme) : scheme;
  problems.push(...checkHeader(map.keys, base));
  const preview: string[][] = [header];
  // a column the header does not have: a row longer than its header
  const width = header.length;
  function* records(): Generator<RawRecord> {
    let pending: number[] = [];
    for (const r of body) {
      if (preview.length <= PREVIEW_ROWS) preview.push(r.cells);
      if (blankRow(r.cells)) {
        pending.push(r.line);
        continue;
      }
      // blank rows between people are named; those at the end are what Excel leaves behind
      for (const line of pending) problems.push({ line, column: "", key: "data.blank-row", vars: {} });
      pending = [];
      // half of a character pair or U+FFFD (a control character is kept: the .xlsx stores it as
      // Excel does, _x0007_): named with its cell, never turned into U+FFFD in a workbook
      if (!table.whole && brokenRow(r, map.keys, header, problems)) continue;
      for (let i = width; i < r.cells.length; i++)
        if (r.cells[i].trim() !== "") {
          problems.push({ line: r.line, column: "", key: "roster.beyond-header", vars: { letter: columnLetter(i), value: r.cells[i] } });
          break;
        }
      yield r;
    }
  }
  let people: PersonData[] = [];
  const shape: RosterShape = {
    carried: map.carried.map((i) => header[i].trim()),
    has: { period: map.keys.includes("period"), department: map.keys.includes("department"), position: map.keys.includes("position") },
  };
  if (problems.some((p) => p.line === 1)) {
    // the header is wrong: nothing is read as people, but the preview still shows the rows
    for (const r of body) {
      preview.push(r.cells);
      if (preview.length > PREVIEW_ROWS) break;
    }
  } else {
    options.begin?.(shape);
    const parsed = parseRecords(map.keys, records(), scheme, { blanksAllowed: options.forWorkbook, carried: map.carried, each: options.each });
    people = parsed.people;
    problems.push(...parsed.problems);
  }
  return {
    people,
    problems: done(),
    columns: map.columns,
    preview,
    source,
    separator,
    ...shape,
  };
}

/** A file the roster reader refuses as a whole (no encoding fits, a web page): a catalog key and its line. */
export class RosterFileError extends Error {
  constructor(
    readonly key: string,
    readonly vars: { line: number },
  ) {
    super(key);
    this.name = "RosterFileError";
  }
}
