/**
 * A data file (roster and KPI inputs) as CSV: header, records, and the problems that belong to
 * the file rather than to a column — blank rows between people. Blank rows at the end are what
 * Excel leaves behind and are dropped silently.
 *
 * Records are produced one at a time as the caller iterates, so that a 100,000-row file is never
 * held twice in memory; `problems` is complete once `records` has been iterated.
 */
import { csvRows, unguardRow } from "./csv.js";
import type { DataProblem, RawRecord } from "../core/data.js";

export interface DataCsv {
  header: string[];
  records: Iterable<RawRecord>;
  problems: DataProblem[];
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** Throws CsvError (while iterating) for text that is not CSV, such as an unclosed quote. */
export function readDataCsv(text: string): DataCsv {
  const rows = csvRows(text);
  const first = rows.next();
  const header = first.done ? [] : first.value.cells.map((h) => h.trim());
  const problems: DataProblem[] = [];
  function* records(): Generator<RawRecord> {
    // blank rows are held back until a filled row shows they were not at the end
    let pending: number[] = [];
    for (const row of rows) {
      if (isBlank(row.cells)) {
        pending.push(row.line);
        continue;
      }
      for (const line of pending) problems.push({ line, column: "", key: "data.blank-row", vars: {} });
      pending = [];
      yield unguardRow(row);
    }
  }
  return { header, records: records(), problems };
}
