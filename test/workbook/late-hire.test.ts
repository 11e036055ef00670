/**
 * Issue 12, item 3: a person added after the workbook was made (a late hire), the way the
 * evaluation sheet's legend line tells HR to: a table row inserted above the last one and the row
 * above copied into it — on the evaluation sheet, then at the same place on the payout sheet. Done
 * here in HyperFormula (which moves references on insertion and on paste as Excel does): the
 * roster-wide ranges take the new row in, the summary counts it, and the recalculation accepts it —
 * every payout cell, the new person's included, agrees with the engine to the cent.
 */
import { describe, expect, it } from "vitest";
import type { HyperFormula } from "hyperformula";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { generationRecord } from "../../src/workbook/generation-record.js";
import { recalcPayouts } from "../../src/workbook/read-back.js";
import { t } from "../../src/i18n/index.js";
import type { SheetPlan } from "../../src/workbook/plan/types.js";
import { loadWorkbook } from "./hf-workbook.js";

/** Insert a row above `row` (1-based) and copy the row above into it, across the sheet's width. */
function insertAndCopyAbove(hf: HyperFormula, sheet: number, row: number, width: number) {
  hf.addRows(sheet, [row - 1, 1]);
  hf.copy({ start: { sheet, row: row - 2, col: 0 }, end: { sheet, row: row - 2, col: width - 1 } });
  hf.paste({ sheet, row: row - 1, col: 0 });
}

/** A sheet's rows under its table's header as Excel hands them over (blank cells as ""). */
function rowsUnder(hf: HyperFormula, sheet: number, plan: SheetPlan): unknown[][] {
  const { height, width } = hf.getSheetDimensions(sheet);
  const out: unknown[][] = [];
  for (let r = plan.table!.row; r < height; r++)
    out.push(Array.from({ length: width }, (_, c) => {
      const v = hf.getCellValue({ sheet, row: r, col: c });
      return v === null ? "" : typeof v === "object" ? String((v as { value: string }).value) : v;
    }));
  return out;
}

describe("adding a late hire as the legend says", () => {
  it("the legend tells how, in both languages", () => {
    for (const lang of ["zh-CN", "en-US"] as const) expect(t(lang, "wb.legend.add-person").length).toBeGreaterThan(40);
  });

  it.each(["warehouse", "cs-bonus-pool", "ecommerce-cs"])("%s: the new row is evaluated, paid, counted and reconciled to the cent", (id) => {
    const scheme = builtInSchemes().find((s) => s.id === id)!;
    const sample = sampleData(scheme, { rows: 9, seed: 31 });
    const { people: all, problems } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    expect(problems).toEqual([]);
    const people = all.slice(0, 8);
    const hire = all[8];
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
    const record = generationRecord(scheme, people, plan);
    // the new person's typed cells as the workbook writes them (options as labels), from a plan that has them
    const withHire = buildWorkbookPlan(scheme, all, { lang: "zh-CN", mode: "native" });
    const typed = withHire.sheets.find((s) => s.role === "evaluation")!.blocks[0].values[8];

    const ev = plan.sheets.find((s) => s.role === "evaluation")!;
    const pay = plan.sheets.find((s) => s.role === "payout")!;
    const summary = plan.sheets.find((s) => s.role === "summary")!;
    const { hf, ids } = loadWorkbook(plan);
    const last = ev.table!.row + people.length; // the last person's sheet row
    insertAndCopyAbove(hf, ids.get(ev.name)!, last, ev.table!.columns.length);
    typed.forEach((v, col) => {
      if (v === null || typeof v !== "object") hf.setCellContents({ sheet: ids.get(ev.name)!, row: last - 1, col }, [[v]]);
    });
    insertAndCopyAbove(hf, ids.get(pay.name)!, last, pay.table!.columns.length);

    // the summary's headcount takes the new row in (its range grew with the insertion)
    const headcount = summary.blocks.find((b) => b.values[0][0] === t("zh-CN", "wb.summary.headcount"))!;
    expect(hf.getCellValue({ sheet: ids.get(summary.name)!, row: headcount.row - 1, col: 1 })).toBe(all.length);

    const first = ev.table!.row + 1;
    const report = recalcPayouts(
      scheme,
      { keys: ev.table!.keys, rows: rowsUnder(hf, ids.get(ev.name)!, ev), firstRow: first },
      { keys: pay.table!.keys, rows: rowsUnder(hf, ids.get(pay.name)!, pay), firstRow: first },
      record.snapshot,
    );
    expect(report.problems).toEqual([]);
    expect(report.people).toBe(all.length);
    expect(report.rowProblems).toEqual([]);
    expect(report.mismatches).toEqual([]);
    // the new person is listed as a change since generation (joined), with pay
    expect(report.changes.some((c) => c.id === hire.id && c.before === null)).toBe(true);
  });
});
