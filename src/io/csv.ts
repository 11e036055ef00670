/**
 * CSV as Excel reads and writes it: UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting.
 * Written text that Excel would run as a formula (=, +, -, @ at the start, not a number) is
 * prefixed with an apostrophe — the usual guard against CSV formula injection — and the
 * apostrophe is taken off again when we read such a cell back.
 */

export interface CsvTable {
  header: string[];
  /** Each record with the 1-based line it starts on (the header is line 1). */
  records: { line: number; cells: string[] }[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly key: string,
  ) {
    super(`line ${line}: ${key}`);
    this.name = "CsvError";
  }
}

/**
 * Split CSV text into rows of cells. Quoted cells may hold commas, quotes ("") and newlines.
 * Unquoted cells are sliced out whole rather than built a character at a time: a 100,000-row
 * file is millions of cells.
 */
export function parseCsvRows(text: string): { line: number; cells: string[] }[] {
  return [...csvRows(text)];
}

/**
 * The same, one row at a time: a caller that turns each row into something smaller right away
 * keeps the raw cells from ever reaching the old generation of the heap (a large roster's
 * garbage-collection time is mostly copying what survives).
 */
export function* csvRows(text: string, separator: "," | "\t" = ","): Generator<{ line: number; cells: string[] }> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let parts = "";
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvError(rowLine, "csv.unclosed-quote");
          const piece = text.slice(j, q);
          for (let k = piece.indexOf("\n"); k >= 0; k = piece.indexOf("\n", k + 1)) line++;
          parts += piece;
          if (text.charCodeAt(q + 1) === 34) {
            parts += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // anything between the closing quote and the separator is kept, as Excel does
        let end = i;
        while (end < n && text.charCodeAt(end) !== sep && text[end] !== "\n" && text[end] !== "\r") end++;
        cell = parts + text.slice(i, end);
        i = end;
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === sep || c === 10 || c === 13) break;
          end++;
        }
        cell = text.slice(i, end);
        i = end;
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === sep /* , or tab */) {
        i++;
        if (i >= n) {
          cells.push("");
          break;
        }
        continue;
      }
      if (c === 13 /* \r */) i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      else if (c === 10) i++;
      line++;
      break;
    }
    yield { line: rowLine, cells };
  }
}

/** What the guard is put before: a formula start (= + - @ tab CR), or apostrophes before one (so that "'-1x" survives the round trip). */
const GUARDED = /^'*[=+\-@\t\r]/;
const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Undo our own formula guard: "'=1+1" → "=1+1", "''=1" → "'=1". */
export function unguard(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function parseCsv(text: string): CsvTable {
  const rows = csvRows(text);
  const first = rows.next();
  if (first.done) return { header: [], records: [] };
  const header = first.value.cells.map((h) => h.trim());
  const records: CsvTable["records"] = [];
  for (const r of rows) records.push(unguardRow(r));
  return { header, records };
}

/** A row with our formula guard taken off its cells (in place). */
export function unguardRow<T extends { cells: string[] }>(row: T): T {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) if (cells[i].charCodeAt(0) === 39 /* ' */) cells[i] = unguard(cells[i]);
  return row;
}

/** A cell written so that Excel shows it as the text it is. */
export function guardCell(value: string): string {
  const c = value.charCodeAt(0);
  // cheap test first: most cells start with a digit or a letter
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13 && c !== 39) return value;
  return GUARDED.test(value) && !NUMERIC.test(value) ? `'${value}` : value;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A cell in quotes when it holds a quote, a comma or a line break, or starts or ends with a space or a control character (which a reader would trim). */
export function quoteCell(cell: string): string {
  if (cell === "") return cell;
  const edge = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32;
  return edge || NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * One CSV line of cells, guarded and quoted, joined from one reused array: a flat string per
 * row (concatenation would leave a tree of dozens of string pieces per row alive until the end).
 */
function csvLine(cells: readonly string[], scratch: string[]): string {
  scratch.length = cells.length;
  for (let i = 0; i < cells.length; i++) scratch[i] = quoteCell(guardCell(cells[i]));
  return scratch.join(",");
}

const LINES_PER_CHUNK = 1024;

/**
 * CSV text with CRLF line ends and a BOM, which is what Excel needs to read UTF-8 Chinese.
 * Rows may come one at a time (a generator): each is made into its line and let go. (The
 * results of a roster are written as bytes instead, by csv-bytes.ts, to the same text.)
 */
export function formatCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const scratch: string[] = [];
  // lines joined a thousand at a time: each line then dies young, and what lives on is a few
  // hundred strings of ~100 KB rather than 100,000 small ones copied on their way to the old generation
  const chunks: string[] = [];
  const lines = [csvLine(header, scratch)];
  for (const r of rows) {
    lines.push(csvLine(r, scratch));
    if (lines.length === LINES_PER_CHUNK) {
      chunks.push(lines.join("\r\n"));
      lines.length = 0;
    }
  }
  if (lines.length) chunks.push(lines.join("\r\n"));
  return "\ufeff" + chunks.join("\r\n") + "\r\n";
}
