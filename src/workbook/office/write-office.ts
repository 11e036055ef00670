/**
 * Carries out a WorkbookPlan in the open workbook through Office.js. No business logic: the plan
 * says what goes where. What this adds is how to write it well:
 * - a computed column as one R1C1 formula for its whole range; the other cells as whole 2-D
 *   arrays per run of columns (text guarded as text); number formats one value per column;
 * - calculation suspended while writing; a sync per ~4 MB of requests (Excel on the web refuses
 *   a request over 5 MB), so the number of syncs grows only with the size of the data;
 * - never over an existing sheet or name (the caller gets free names from `existingNames`);
 * - on any failure, the sheets and names it made are deleted again, and the error rethrown.
 */
import type { PlanBlock, PlanValue, SheetPlan, WorkbookPlan } from "../plan/types.js";
import { cellRef, columnLetter, refPosition } from "../plan/a1.js";
import { printR1C1 } from "../plan/print-formula.js";
import { headerText } from "../plan/print-setup.js";
import type { ContextApi, RangeApi, SheetApi } from "./api.js";

/** What a protected generated sheet still allows: widening columns, sorting and filtering. No password. */
export const SHEET_PROTECTION = { allowFormatColumns: true, allowSort: true, allowAutoFilter: true };

/** Requests are cut well under Excel on the web's 5 MB limit. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

export interface WriteReport {
  syncs: number;
  /** Estimated bytes of each sync's request. */
  requestBytes: number[];
  sheets: string[];
}

/** A column's formula is printed once: every row of the column holds the same object. */
const printed = new WeakMap<object, string>();

/**
 * A cell as written through `formulasR1C1`: formulas in R1C1 (the same text in every row of a
 * column); text Excel would read as a formula gets an apostrophe, which makes it text and is not shown.
 */
export function officeCell(v: PlanValue): unknown {
  if (v === null) return "";
  if (typeof v === "object") {
    let text = printed.get(v);
    if (text === undefined) printed.set(v, (text = `=${printR1C1(v.formula)}`));
    return text;
  }
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

const size = (x: unknown) => JSON.stringify(x).length;

/** The sheet and defined names already in the workbook, to choose free ones before planning. */
export async function existingNames(context: ContextApi): Promise<{ sheets: string[]; names: string[] }> {
  context.workbook.worksheets.load("items/name");
  context.workbook.names.load("items/name");
  context.workbook.tables.load("items/name");
  await context.sync();
  // defined names and table names share one namespace in Excel
  const names = [...context.workbook.names.items, ...context.workbook.tables.items].map((n) => n.name);
  return { sheets: context.workbook.worksheets.items.map((s) => s.name), names };
}

export async function writeToOffice(context: ContextApi, plan: WorkbookPlan): Promise<WriteReport> {
  const report: WriteReport = { syncs: 0, requestBytes: [], sheets: [] };
  let pending = 0;
  const flush = async () => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    report.syncs++;
    report.requestBytes.push(pending);
    pending = 0;
  };
  const queue = async (bytes: number) => {
    if (pending > 0 && pending + bytes > REQUEST_BUDGET) await flush();
    pending += bytes;
  };

  // Office.js writes no legacy array formula (rank-table.ts): such a plan is for the .xlsx writer
  if (plan.sheets.some((s) => s.blocks.some((b) => b.values.some((row) => row.some((v) => v !== null && typeof v === "object" && v.array !== undefined)))))
    throw new Error("a plan with array formulas is for the .xlsx writer (plan without arrayFormulas)");
  const existing = await existingNames(context);
  report.syncs++;
  report.requestBytes.push(0);
  const taken = new Set(existing.sheets.map((s) => s.toLowerCase()));
  for (const s of plan.sheets) if (taken.has(s.name.toLowerCase())) throw new Error(`sheet "${s.name}" exists; plan with free names`);
  const takenNames = new Set(existing.names.map((n) => n.toLowerCase()));
  const planned = [...plan.names.map((n) => n.name), ...plan.sheets.flatMap((s) => (s.table ? [s.table.name] : []))];
  for (const n of planned) if (takenNames.has(n.toLowerCase())) throw new Error(`name "${n}" exists; plan with a name suffix`);

  const created: string[] = [];
  const createdNames: string[] = [];
  try {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = new Map<string, SheetApi>();
    for (const s of plan.sheets) {
      sheets.set(s.name, context.workbook.worksheets.add(s.name));
      created.push(s.name);
    }
    for (const s of plan.sheets) await writeSheet(sheets.get(s.name)!, s, queue);
    for (const n of plan.names) {
      context.workbook.names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`);
      createdNames.push(n.name);
    }
    // protection last: a protected sheet refuses the writes above
    for (const s of plan.sheets) if (s.protect) sheets.get(s.name)!.protection.protect(SHEET_PROTECTION);
    await flush();
    report.sheets = created;
    return report;
  } catch (e) {
    await rollback(context, created, createdNames);
    throw e;
  }
}

async function rollback(context: ContextApi, sheets: string[], names: string[]): Promise<void> {
  try {
    for (const n of names) context.workbook.names.getItem(n).delete();
    for (const s of sheets) context.workbook.worksheets.getItem(s).delete();
    await context.sync();
  } catch {
    // the original error is what the user must see; a failed clean-up leaves sheets the user can delete
  }
}

async function writeSheet(ws: SheetApi, s: SheetPlan, queue: (bytes: number) => Promise<void>): Promise<void> {
  if (s.table) {
    const t = s.table;
    await queue(size(t.columns));
    const header = ws.getRange(`${cellRef(t.row, t.col)}:${cellRef(t.row, t.col + t.columns.length - 1)}`);
    header.formulas = [t.columns.map((c) => officeCell(c))];
    header.format.font.bold = true;
    header.format.wrapText = true;
    header.format.rowHeight = 45;
  }
  for (const b of s.blocks) await writeBlock(ws, b, queue);
  if (s.table) {
    const t = s.table;
    const table = ws.tables.add(`${cellRef(t.row, t.col)}:${cellRef(t.row + t.rows, t.col + t.columns.length - 1)}`, true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
  }
  s.widths.forEach((w, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * 7));
  for (const i of s.hidden ?? []) ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).columnHidden = true;
  for (const v of s.validations) {
    await queue(size(v));
    const range = ws.getRange(v.ref);
    range.dataValidation.rule =
      v.type === "list"
        ? { list: { inCellDropDown: true, source: v.source ? `=${v.source}` : (v.list ?? []).join(",") } }
        : { [v.type === "whole" ? "wholeNumber" : "decimal"]: { formula1: v.min, formula2: v.max, operator: "Between" } };
    range.dataValidation.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
  }
  for (const c of s.conditional) {
    await queue(size(c));
    const cf = ws.getRange(c.ref).conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${c.formula}`;
    cf.custom.format.fill.color = `#${c.fill}`;
  }
  for (const d of s.dataBars ?? []) {
    const cf = ws.getRange(d.ref).conditionalFormats.add("DataBar");
    // ExcelApi 1.6; the bar runs from min to max, in the plan's colour
    if (cf.dataBar) {
      cf.dataBar.lowerBoundRule = { type: "Number", formula: String(d.min) };
      cf.dataBar.upperBoundRule = { type: "Number", formula: String(d.max) };
      cf.dataBar.positiveFormat.fillColor = `#${d.color}`;
    }
  }
  for (const ref of s.unlockedRanges ?? []) ws.getRange(ref).format.protection.locked = false;
  if (s.print && ws.pageLayout) {
    // as the .xlsx prints: A4, one page wide, titles repeated, the scheme in the header
    const p = s.print;
    const layout = ws.pageLayout;
    layout.orientation = p.landscape ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.centerHorizontally = true;
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
    if (p.titleColumns) layout.setPrintTitleColumns(`$${columnLetter(p.titleColumns.first)}:$${columnLetter(p.titleColumns.last)}`);
    layout.headersFooters.defaultForAllPages.centerHeader = headerText(p.header);
    layout.headersFooters.defaultForAllPages.centerFooter = headerText(p.footer);
  }
  for (const [r, h] of Object.entries(s.rowHeights ?? {})) ws.getRange(`A${r}`).format.rowHeight = h;
  // a page break above the first row of the next page, as the .xlsx's <rowBreaks> (after row r)
  if (s.print?.breaks && ws.horizontalPageBreaks) for (const r of s.print.breaks) ws.horizontalPageBreaks.add(`A${r + 1}`);
  if (s.freeze) ws.freezePanes.freezeAt(`A1:${columnLetter(s.freeze.cols - 1)}${s.freeze.rows}`);
  if (s.chart) {
    const chart = ws.charts.add("ColumnClustered", ws.getRange(`${s.chart.categories.split(":")[0]}:${s.chart.values.split(":")[1]}`), "Columns");
    chart.title.text = s.chart.title;
    // where the .xlsx anchors it: beside the tables, not over them
    const { row, col } = refPosition(s.chart.anchor)!;
    chart.setPosition(s.chart.anchor, `${columnLetter(col + s.chart.size.cols)}${row + s.chart.size.rows}`);
  }
}

/**
 * A column of a block whose every row holds the same formula object: a computed column. It is
 * written as one R1C1 formula for the whole column range — a few hundred bytes however many
 * people there are — instead of the same text once per row.
 */
function computedColumns(b: PlanBlock): boolean[] {
  const width = b.values[0]?.length ?? 0;
  if (b.values.length < 2) return new Array(width).fill(false);
  return Array.from({ length: width }, (_, j) => {
    const first = b.values[0][j];
    return typeof first === "object" && first !== null && b.values.every((r) => r[j] === first);
  });
}

async function writeBlock(ws: SheetApi, b: PlanBlock, queue: (bytes: number) => Promise<void>): Promise<void> {
  const width = b.values[0]?.length ?? 0;
  if (width === 0) return;
  const last = b.row + b.values.length - 1;
  const column = (j: number) => ws.getRange(`${cellRef(b.row, b.col + j)}:${cellRef(last, b.col + j)}`);
  const computed = computedColumns(b);
  // computed columns: one formula each, for every row at once
  for (let j = 0; j < width; j++) {
    if (!computed[j]) continue;
    const text = officeCell(b.values[0][j]) as string;
    await queue(text.length + 64);
    column(j).formulasR1C1 = text;
  }
  // the other columns (inputs, ids, names, labels) as 2-D arrays, in runs of adjacent columns,
  // cut into row chunks that keep a request under the budget
  const runs: { from: number; to: number }[] = [];
  for (let j = 0; j < width; j++) {
    if (computed[j]) continue;
    const run = runs[runs.length - 1];
    if (run && run.to === j - 1) run.to = j;
    else runs.push({ from: j, to: j });
  }
  for (const { from, to } of runs) {
    const sample = b.values[0].slice(from, to + 1).map(officeCell);
    const rowBytes = Math.max(1, size(sample) * 1.25);
    const step = Math.max(1, Math.floor(REQUEST_BUDGET / 2 / rowBytes));
    for (let start = 0; start < b.values.length; start += step) {
      const rows = b.values.slice(start, start + step);
      const top = b.row + start;
      const cells = rows.map((r) => r.slice(from, to + 1).map(officeCell));
      // flush first when this write would not fit in the request being built
      await queue(size(cells));
      ws.getRange(`${cellRef(top, b.col + from)}:${cellRef(top + rows.length - 1, b.col + to)}`).formulasR1C1 = cells;
    }
  }
  // formats and fills per column, one value each
  for (let j = 0; j < width; j++) {
    const f = b.formats?.[j];
    if (f && f !== "General") {
      await queue(f.length + 64);
      column(j).numberFormat = f;
    }
    const fill = b.columnFills?.[j];
    if (fill) column(j).format.fill.color = `#${fill}`;
  }
  const range: RangeApi = ws.getRange(`${cellRef(b.row, b.col)}:${cellRef(last, b.col + width - 1)}`);
  if (b.bold) range.format.font.bold = true;
  if (b.fill) range.format.fill.color = `#${b.fill}`;
  if (b.wrap) range.format.wrapText = true;
  if (b.unlocked) range.format.protection.locked = false;
}
