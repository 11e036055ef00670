/**
 * At scale, through the whole finance chain: for every template, 1,000 people → workbook with
 * its generation record → LibreOffice calculates and saves it → the file's read-back (what
 * `kpi-scorecard recalc` runs) must find every payout cell equal to the engine's, to the cent.
 * Forty people (libreoffice.test.ts) did not show a LibreOffice quirk that 1,000 did.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { generationRecord, recordXml } from "../../src/workbook/generation-record.js";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { recalcWorkbookFile } from "../../src/workbook/recalc-file.js";
import { recalculate, soffice } from "./libreoffice.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-scale-"));

describe.skipIf(!soffice).each(builtInSchemes().map((s) => [s.id, s] as const))("1,000 people of %s", (id, scheme) => {
  it("LibreOffice's payout sheet equals the engine's, every cell, to the cent", async () => {
    const sample = sampleData(scheme, { rows: 1000, seed: 11 });
    const { people, problems } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    expect(problems).toEqual([]);
    // as the .xlsx writer plans it: from 1,000 people the rank reads the rank helper sheet
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native", arrayFormulas: true });
    expect(plan.sheets.some((s) => s.role === "helper")).toBe(true);
    const file = join(dir, `${id}.xlsx`);
    writeFileSync(file, await writeXlsx(plan, { customXml: [recordXml(generationRecord(scheme, people, plan))] }));
    const r = recalcWorkbookFile(openXlsx(readFileSync(recalculate(file))), `${id}.xlsx`, "en-US");
    if (!r.ok) throw new Error(r.problems.join("\n"));
    expect(r.calculated).toBe(true);
    expect(r.report.people).toBe(1000);
    expect(r.report.mismatches).toEqual([]);
    expect(r.report.changes).toEqual([]);
  }, 120_000);
});
