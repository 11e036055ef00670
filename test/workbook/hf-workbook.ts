/**
 * A whole generated workbook evaluated in-process by HyperFormula: every sheet of a plan, its
 * defined names, its formulas as the .xlsx stores them. Used as a second engine beside
 * LibreOffice, for many random rosters in seconds.
 *
 * Where HyperFormula is not Excel, this harness makes it so: ROUND is decimal and half away from
 * zero (HyperFormula's is binary: ROUND(1.005,2) = 1), RANK exists (HyperFormula has none), and
 * TRUE/FALSE are read as the functions it knows.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula, type SimpleRangeValue } from "hyperformula";
import { roundExcel } from "../../src/core/money.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { printA1 } from "../../src/workbook/plan/print-formula.js";

class ExcelFunctions extends FunctionPlugin {
  static override implementedFunctions = {
    XROUND: { method: "xround", parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER }] },
    XRANK: {
      method: "xrank",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };
  xround(ast: never, state: never) {
    return this.runFunction((ast as { args: never }).args, state, this.metadata("XROUND"), (x: number, digits: number) => roundExcel(x, digits));
  }
  xrank(ast: never, state: never) {
    return this.runFunction((ast as { args: never }).args, state, this.metadata("XRANK"), (x: number, range: SimpleRangeValue, ascending: number) => {
      const numbers = range.valuesFromTopLeftCorner().filter((v): v is number => typeof v === "number");
      return 1 + numbers.filter((v) => (ascending ? v < x : v > x)).length;
    });
  }
}
HyperFormula.registerFunctionPlugin(ExcelFunctions, { enGB: { XROUND: "XROUND", XRANK: "XRANK" } });

/** A formula as HyperFormula must read it, outside strings and quoted sheet names. */
export function hfText(formula: string): string {
  return (
    "=" +
    formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|\b(TRUE|FALSE|ROUND|RANK)\b(?=(\()?)/g, (all, quoted: string | undefined, word: string, call: string | undefined) => {
      if (quoted !== undefined) return quoted;
      if (word === "TRUE" || word === "FALSE") return call ? word : `${word}()`;
      return call ? `X${word}` : word;
    })
  );
}

export interface EvaluatedWorkbook {
  value(sheet: string, row: number, col: number): unknown;
}

export function evaluateWorkbook(plan: WorkbookPlan): EvaluatedWorkbook {
  const { hf, ids } = loadWorkbook(plan);
  return { value: (sheet, row, col) => hf.getCellValue({ sheet: ids.get(sheet)!, row: row - 1, col }) };
}

/** The plan loaded into a HyperFormula instance, to be edited as a person edits it (rows inserted, copied). */
export function loadWorkbook(plan: WorkbookPlan): { hf: HyperFormula; ids: Map<string, number> } {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, precisionEpsilon: 0, useArrayArithmetic: true });
  const ids = new Map(plan.sheets.map((s) => [s.name, hf.getSheetId(hf.addSheet(s.name))!]));
  for (const n of plan.names) hf.addNamedExpression(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`);
  for (const s of plan.sheets) {
    const grid: unknown[][] = [];
    const put = (r: number, c: number, v: unknown) => {
      while (grid.length < r) grid.push([]);
      const row = grid[r - 1];
      while (row.length < c) row.push(null);
      row[c] = v;
    };
    if (s.table) s.table.columns.forEach((h, j) => put(s.table!.row, s.table!.col + j, h));
    for (const b of s.blocks) b.values.forEach((row, i) => row.forEach((v, j) => put(b.row + i, b.col + j, v !== null && typeof v === "object" ? hfText(printA1(v.formula, b.row + i)) : v)));
    hf.setSheetContent(ids.get(s.name)!, grid as never);
  }
  return { hf, ids };
}
