/**
 * Reading generated sheets back from the open workbook, in requests Excel on the web answers.
 * It refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded; "resource limits" in the
 * Office add-ins docs), which one sheet's whole used range passes at ~20,000 people and its
 * formulas at ~6,000. So rows are read in chunks sized by the bytes the rows read so far took —
 * the first chunk small — and a chunk Excel still refuses is read again in halves. Putting
 * formulas back reads the id column, the suspect cells and a sample of their columns: never
 * every formula of the sheet.
 */
import type { ReadContextApi, ReadRangeApi, ReadSheetApi } from "./read-api.js";
import { REQUEST_BUDGET, SHEET_PROTECTION } from "./write-office.js";
import { commonFormula, formulasToRestore, restoreTargets, type RestoreTarget } from "../restore-formulas.js";

/** What a chunk aims at: 2.5 times under the limit, for rows longer than any read before them. */
export const RESPONSE_BUDGET = 2 * 1024 * 1024;
const FIRST_CHUNK = 500;
/** Rows of a column sampled to learn its formula. */
const SAMPLE = 15;

const utf8 = new TextEncoder();
const bytesOf = (x: unknown) => utf8.encode(JSON.stringify(x)).length;
const tooLarge = (e: unknown) => (e as { code?: unknown } | null)?.code === "ResponsePayloadSizeLimitExceeded";

/** A sync that Excel refused for the size of its answer says so (false); other failures are thrown. */
async function syncFits(context: ReadContextApi): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (e) {
    if (tooLarge(e)) return false;
    throw e;
  }
}

/** Rows [from, to) (0-based) of `columns` columns from `firstColumn`, as values or R1C1 formulas. */
async function readRows(context: ReadContextApi, ws: ReadSheetApi, what: "values" | "formulasR1C1", from: number, to: number, firstColumn: number, columns: number): Promise<unknown[][]> {
  const out: unknown[][] = [];
  if (columns <= 0) return Array.from({ length: Math.max(0, to - from) }, () => []);
  let chunk = FIRST_CHUNK;
  let perRow = 0;
  for (let row = from; row < to; ) {
    const n = Math.min(chunk, to - row);
    const range = ws.getRangeByIndexes(row, firstColumn, n, columns);
    range.load([what]);
    if (!(await syncFits(context))) {
      if (n === 1) throw new Error(`row ${row + 1} alone is larger than Excel answers`);
      chunk = Math.ceil(n / 2);
      continue;
    }
    const rows = range[what] as unknown[][];
    for (const r of rows) out.push(r);
    perRow = Math.max(perRow, bytesOf(rows) / n);
    chunk = Math.max(1, Math.floor(RESPONSE_BUDGET / perRow));
    row += n;
  }
  return out;
}

export interface RecalcRead {
  /** each sheet's rows from row 1, from column A */
  sheets: Map<string, unknown[][]>;
  /** the defined names' values, undefined where a name is gone */
  settings: unknown[];
}

/** Excel calculates everything, then the sheets (used ranges, in chunks) and the named settings are read. */
export async function readForRecalc(context: ReadContextApi, sheetNames: readonly string[], settingNames: readonly string[]): Promise<RecalcRead> {
  context.workbook.application.calculate("Full");
  const used = sheetNames.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRange();
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return range;
  });
  // by name, not address: the name follows its cell when rows are inserted above it
  const named = settingNames.map((n) => {
    const range = context.workbook.names.getItemOrNullObject(n).getRangeOrNullObject();
    range.load("values");
    return range;
  });
  await context.sync();
  const sheets = new Map<string, unknown[][]>();
  for (const [i, name] of sheetNames.entries()) {
    const u = used[i];
    // Excel's used range starts at the first used row and column (row 1 as generated; lower when
    // someone cleared the line above the table): what lies before it is read as empty
    const rows = await readRows(context, context.workbook.worksheets.getItem(name), "values", u.rowIndex, u.rowIndex + u.rowCount, 0, u.columnIndex + u.columnCount);
    sheets.set(name, [...Array.from({ length: u.rowIndex }, () => []), ...rows]);
  }
  return { sheets, settings: named.map((r) => (r.isNullObject ? undefined : r.values[0]?.[0])) };
}

/** Single cells' R1C1 formulas, loaded in batches under the budget. */
async function readFormulas(context: ReadContextApi, ws: ReadSheetApi, header: number, cells: readonly RestoreTarget[]): Promise<unknown[]> {
  const out: unknown[] = [];
  let perCell = 400;
  for (let i = 0; i < cells.length; ) {
    const n = Math.min(cells.length - i, Math.max(1, Math.floor(RESPONSE_BUDGET / perCell)));
    const ranges: ReadRangeApi[] = cells.slice(i, i + n).map((c) => {
      const r = ws.getRangeByIndexes(header + c.row, c.col, 1, 1);
      r.load(["formulasR1C1"]);
      return r;
    });
    if (!(await syncFits(context))) {
      perCell *= 2;
      continue;
    }
    const got = ranges.map((r) => (r.formulasR1C1 as unknown[][])[0][0]);
    perCell = Math.max(perCell, bytesOf(got) / n);
    out.push(...got);
    i += n;
  }
  return out;
}

/** Evenly spread data rows of a column, other than the suspects', to learn the column's formula from. */
function sampleRows(rows: number, suspects: ReadonlySet<number>): number[] {
  const out = new Set<number>();
  for (let k = 0; k < SAMPLE && rows > 0; k++) {
    let r = Math.round((k * (rows - 1)) / Math.max(1, SAMPLE - 1));
    while (suspects.has(r) && r < rows - 1) r++;
    if (!suspects.has(r)) out.add(r);
  }
  return [...out];
}

export interface RestoreRequest {
  sheet: string;
  /** the payout sheet's column keys, in order */
  keys: readonly string[];
  /** rows above the data: the header's row number */
  header: number;
  cells: ReadonlyArray<{ id: string; line: string }>;
}

/**
 * Puts each suspect payout cell's column formula back where the cell holds something else.
 * The sheet as generated is protected without a password: it is unprotected for the writing and
 * protected again, also when the writing fails; one protected with a password refuses, and says so.
 */
export async function restoreInOffice(context: ReadContextApi, req: RestoreRequest): Promise<number> {
  const ws = context.workbook.worksheets.getItem(req.sheet);
  const used = ws.getUsedRange();
  used.load(["rowIndex", "rowCount"]);
  ws.protection.load("protected");
  await context.sync();
  const idCol = req.keys.indexOf("id");
  const ids = (await readRows(context, ws, "values", req.header, used.rowIndex + used.rowCount, idCol, 1)).map((r) => r[0]);
  const targets = restoreTargets(req.keys, ids, req.cells);
  if (targets.length === 0) return 0;
  const columns = [...new Set(targets.map((t) => t.col))];
  const samples = columns.map((col) => sampleRows(ids.length, new Set(targets.filter((t) => t.col === col).map((t) => t.row))).map((row) => ({ row, col })));
  const read = await readFormulas(context, ws, req.header, [...targets, ...samples.flat()]);
  const at = new Map(targets.map((t, i) => [t, read[i]]));
  let k = targets.length;
  const formulaOf = new Map(columns.map((col, i) => [col, commonFormula(samples[i].map(() => read[k++]))]));
  const restore = formulasToRestore(targets, (t) => at.get(t), (col) => formulaOf.get(col));
  if (restore.length === 0) return 0;

  // consecutive rows of a column as one range given one formula (Excel fills it down)
  restore.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { row: number; col: number; n: number; formula: string }[] = [];
  for (const c of restore) {
    const last = runs.at(-1);
    if (last && last.col === c.col && last.row + last.n === c.row && last.formula === c.formula) last.n++;
    else runs.push({ row: c.row, col: c.col, n: 1, formula: c.formula });
  }
  const wasProtected = ws.protection.protected;
  if (wasProtected) ws.protection.unprotect();
  let failure: { error: unknown } | null = null;
  try {
    let pending = 0;
    for (const run of runs) {
      const bytes = run.formula.length + 64;
      if (pending > 0 && pending + bytes > REQUEST_BUDGET) {
        await context.sync();
        pending = 0;
      }
      ws.getRangeByIndexes(req.header + run.row, run.col, run.n, 1).formulasR1C1 = run.formula;
      pending += bytes;
    }
    await context.sync();
  } catch (error) {
    failure = { error };
  }
  // in a sync of its own: Excel runs nothing of a batch after the command that failed
  if (wasProtected) {
    ws.protection.protect(SHEET_PROTECTION);
    await context.sync();
  }
  if (failure) throw failure.error;
  return restore.length;
}
