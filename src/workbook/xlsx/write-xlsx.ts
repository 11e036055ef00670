/**
 * Writes a WorkbookPlan into an .xlsx file with ExcelJS. No business logic: every value,
 * formula, format, validation and name comes from the plan. Text is written as text (a name
 * "=1+1" stays a name). Charts are not written (ExcelJS cannot draw them); the summary sheet's
 * in-cell bars carry the distribution in the file.
 */
import ExcelJS from "exceljs";
import type { PlanBlock, PlanValue, SheetPlan, WorkbookPlan } from "../plan/types.js";
import { columnLetter } from "../plan/a1.js";

type Cell = ExcelJS.CellValue;

function cellValue(v: PlanValue): Cell {
  if (v === null) return null;
  if (typeof v === "object") return { formula: v.formula } as ExcelJS.CellFormulaValue;
  return v;
}

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

function writeBlock(ws: ExcelJS.Worksheet, b: PlanBlock, skipValues: boolean): void {
  b.values.forEach((rowValues, i) => {
    const row = ws.getRow(b.row + i);
    rowValues.forEach((v, j) => {
      const cell = row.getCell(b.col + j + 1);
      if (!skipValues) cell.value = cellValue(v);
      const fmt = b.formats?.[j];
      if (fmt && fmt !== "General") cell.numFmt = fmt;
      if (b.bold) cell.font = { bold: true };
      if (b.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(b.fill) } };
      if (b.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      if (b.unlocked) cell.protection = { locked: false };
    });
  });
}

async function writeSheet(wb: ExcelJS.Workbook, s: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(s.name, { views: s.freeze ? [{ state: "frozen", xSplit: s.freeze.cols, ySplit: s.freeze.rows }] : [] });
  s.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let tableBlock: PlanBlock | undefined;
  if (s.table) {
    const tb = s.table;
    tableBlock = s.blocks.find((b) => b.row === tb.row + 1 && b.col === tb.col);
    ws.addTable({
      name: tb.name,
      ref: `${columnLetter(tb.col)}${tb.row}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: tb.columns.map((name) => ({ name, filterButton: true })),
      rows: (tableBlock?.values ?? []).map((r) => r.map(cellValue)),
    });
  }
  for (const b of s.blocks) writeBlock(ws, b, b === tableBlock || (s.table !== undefined && isInside(b, s.table)));
  for (const ref of s.unlockedRanges ?? []) {
    const [from, to] = ref.split(":");
    const a = ws.getCell(from);
    const z = ws.getCell(to ?? from);
    for (let r = Number(a.row); r <= Number(z.row); r++) for (let c = Number(a.col); c <= Number(z.col); c++) ws.getRow(r).getCell(c).protection = { locked: false };
  }
  // ExcelJS has range validations but its types do not declare them
  const validations = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of s.validations) {
    validations.add(v.ref, {
      type: v.type,
      allowBlank: true,
      operator: v.type === "list" ? undefined : "between",
      formulae: v.type === "list" ? [`"${(v.list ?? []).join(",")}"`] : [v.min ?? -1e15, v.max ?? 1e15],
      showInputMessage: true,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.errorTitle,
      error: v.error,
    } as ExcelJS.DataValidation);
  }
  for (const c of s.conditional) {
    ws.addConditionalFormatting({
      ref: c.ref,
      rules: [{ type: "expression", priority: 1, formulae: [c.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(c.fill) } } } }],
    });
  }
  if (s.protect) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
  }
}

/** Whether a block lies within the table's data rows (its values were written by the table). */
function isInside(b: PlanBlock, t: NonNullable<SheetPlan["table"]>): boolean {
  return b.row >= t.row + 1 && b.row + b.values.length - 1 <= t.row + t.rows && b.col >= t.col && b.col + (b.values[0]?.length ?? 0) <= t.col + t.columns.length;
}

export async function writeXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI Scorecard";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of plan.sheets) await writeSheet(wb, s);
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!${n.ref}`, n.name);
  // fast deflate: level 1 is several times quicker than the default and barely larger
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
