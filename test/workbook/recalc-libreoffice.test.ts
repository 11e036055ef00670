/**
 * Finance's recalculation against a real spreadsheet engine: a workbook is generated, someone
 * edits settings on its scheme sheet (a grade bound, a coefficient, a parameter), LibreOffice
 * recalculates it, and the engine — reading those cells back — must agree with every payout
 * cell to the cent, and list exactly the pay lines that moved since generation.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { payoutSnapshot } from "../../src/core/payout-changes.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { liftRuleNumbers } from "../../src/workbook/plan/lift.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { recalcPayouts, schemeAsEdited, schemeSettings, settingCells } from "../../src/workbook/read-back.js";
import { template } from "../helpers.js";
import { recalculate, soffice } from "./libreoffice.js";
import { plain, readWorkbook } from "./read-xlsx.js";

/** Types a value into a cell of the plan, as a person would in Excel. */
function typeInto(plan: WorkbookPlan, sheet: string, ref: string, value: number) {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]); // block rows count from 1, columns from 0
  const block = plan.sheets.find((s) => s.name === sheet)!.blocks.find((b) => b.row <= row && row < b.row + b.values.length && b.col <= col && col < b.col + b.values[0].length);
  if (!block?.unlocked) throw new Error(`${sheet}!${ref} is not an editable cell`);
  block.values[row - block.row][col - block.col] = value;
}

describe.skipIf(!soffice)("recalculating after settings were edited on the scheme sheet", () => {
  // call-center: its 转正日期 is compared with the 10th of the workbook's month, in the sheet and read back
  it.each(["ecommerce-cs", "logistics-cs", "warehouse", "call-center"])("%s: the engine reads the edits back and agrees with LibreOffice to the cent", async (id) => {
    const scheme = template(id);
    const sample = sampleData(scheme, { rows: 30, seed: 5 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const plan = buildWorkbookPlan(scheme, people, { lang: "en-US", mode: "native" });
    const cells = settingCells(plan.names);
    const lifted = liftRuleNumbers(scheme).scheme;
    const planned = schemeSettings(lifted, cells);
    const atGeneration = payoutSnapshot(evaluatePeriods(compileScheme(lifted), structuredClone(people)).results, planned);

    // the edits: every grade bound and coefficient moved a little, and the first money parameter raised
    const edits: Record<string, number> = {};
    for (const c of cells) {
      if (c.setting.kind === "grade-min" && planned[c.name] > 0) edits[c.name] = planned[c.name] + 3;
      if (c.setting.kind === "grade-coefficient") edits[c.name] = Math.round((planned[c.name] + 0.05) * 100) / 100;
    }
    const money = cells.find((c) => c.setting.kind === "param" && /base|amount|bonus/.test(c.setting.id));
    if (money) edits[money.name] = planned[money.name] + 100;
    expect(Object.keys(edits).length).toBeGreaterThan(0);
    for (const c of cells) if (c.name in edits) typeInto(plan, c.sheet, c.ref, edits[c.name]);

    const dir = mkdtempSync(join(tmpdir(), "kpi-recalc-"));
    const file = join(dir, `${id}.xlsx`);
    writeFileSync(file, await writeXlsx(plan));
    const wb = await readWorkbook(recalculate(file));
    const [schemeSheet, ev, pay] = plan.sheets;
    // the people's rows under the table's header (the legend line above it)
    const first = ev.table!.row + 1;
    const rows = (name: string, width: number) =>
      Array.from({ length: people.length }, (_, i) => Array.from({ length: width }, (_, j) => plain(wb.getWorksheet(name)!.getRow(i + first).getCell(j + 1))));
    const read = cells.map((c) => ({ ...c, value: plain(wb.getWorksheet(schemeSheet.name)!.getCell(c.ref.replace(/\$/g, ""))) }));

    const edited = schemeAsEdited(scheme, read, "en-US");
    if (!edited.ok) throw new Error(edited.problems.join("\n"));
    const report = recalcPayouts(
      edited.scheme,
      { keys: ev.table!.keys, rows: rows(ev.name, ev.table!.keys.length) },
      { keys: pay.table!.keys, rows: rows(pay.name, pay.table!.keys.length) },
      atGeneration,
      cells,
      edited.settings,
      plan.period ?? null,
    );
    expect(report.problems).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.settingChanges.map((s) => [s.name, s.after])).toEqual(Object.entries(edits).sort(([a], [b]) => cells.findIndex((c) => c.name === a) - cells.findIndex((c) => c.name === b)));
    // what moved is what the engine computes with the edits, person by person
    const after = evaluatePeriods(compileScheme(edited.scheme), structuredClone(people)).results;
    const moved = after.filter((r) => r.payTotal !== atGeneration.people[r.id].lines.pay).map((r) => r.id);
    expect(moved.length).toBeGreaterThan(0);
    expect([...new Set(report.changes.filter((c) => c.line === "pay").map((c) => c.id))]).toEqual(moved);
    // no input changed: every change is explained by the settings alone
    expect(report.changes.every((c) => c.causes.every((x) => x.kind !== "input"))).toBe(true);
  }, 120_000);
});
