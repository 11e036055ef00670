/** Reading computed values back from an .xlsx (after LibreOffice recalculated it). */
import ExcelJS from "exceljs";

export type Read = number | string | boolean | null;

function plainValue(v: unknown): Read {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v === 0 ? 0 : v; // -0 shows as 0 in every spreadsheet
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("error" in v) return `#ERR ${String((v as ExcelJS.CellErrorValue).error)}`;
  }
  return JSON.stringify(v);
}

/**
 * A cell's value, or for a formula its computed result. ExcelJS's `value` drops a result of 0,
 * so the result is read from the cell's model; a formula with no result computed to "".
 */
export function plain(cell: ExcelJS.Cell): Read {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = (cell.model as { result?: unknown }).result;
    return result === undefined ? "" : plainValue(result);
  }
  return plainValue(cell.value);
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Rows of a sheet's table region as objects keyed by column key. */
export function tableRows(ws: ExcelJS.Worksheet, keys: readonly string[], first: number, count: number): Record<string, Read>[] {
  const out: Record<string, Read>[] = [];
  for (let r = first; r < first + count; r++) {
    const row = ws.getRow(r);
    const o: Record<string, Read> = {};
    keys.forEach((k, i) => (o[k] = plain(row.getCell(i + 1))));
    out.push(o);
  }
  return out;
}
