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

/** Split CSV text into rows of cells. Quoted cells may hold commas, quotes ("") and newlines. */
export function parseCsvRows(text: string): { line: number; cells: string[] }[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === "\n") line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new CsvError(rowLine, "csv.unclosed-quote");
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Undo our own formula guard: "'=1+1" → "=1+1". */
export function unguard(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function parseCsv(text: string): CsvTable {
  const rows = parseCsvRows(text);
  if (rows.length === 0) return { header: [], records: [] };
  const header = rows[0].cells.map((h) => h.trim());
  return { header, records: rows.slice(1).map((r) => ({ line: r.line, cells: r.cells.map(unguard) })) };
}

/** A cell written so that Excel shows it as the text it is. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) && !NUMERIC.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV text with CRLF line ends and a BOM, which is what Excel needs to read UTF-8 Chinese. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map((h) => quote(guardCell(h))).join(",")];
  for (const r of rows) lines.push(r.map((c) => quote(guardCell(c))).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
