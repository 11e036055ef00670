/**
 * A real spreadsheet engine checks our native formulas: for every built-in template, generated
 * data → plan → .xlsx → LibreOffice recalculates it → every computed cell equals src/core's
 * result, points exactly and money to the cent.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { recalculate, soffice } from "./libreoffice.js";
import { readWorkbook, tableRows } from "./read-xlsx.js";
import { t } from "../../src/i18n/index.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-lo-test-"));

describe.skipIf(!soffice).each(builtInSchemes().map((s) => [s.id, s] as const))("LibreOffice recalculates %s", (id, scheme) => {
  it("to the same points, totals, grades, ranks and pay as the engine", async () => {
    const sample = sampleData(scheme, { rows: 40, seed: 17 });
    const { people, problems } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    expect(problems).toEqual([]);
    const { results } = evaluatePeriods(compileScheme(scheme), structuredClone(people));
    const lang = "zh-CN";
    const plan = buildWorkbookPlan(scheme, people, { lang, mode: "native" });
    const file = join(dir, `${id}.xlsx`);
    writeFileSync(file, await writeXlsx(plan));
    const wb = await readWorkbook(recalculate(file));
    const [, evPlan, payPlan] = plan.sheets;
    const ev = tableRows(wb.getWorksheet(evPlan.name)!, evPlan.table!.keys, 2, people.length);
    const pay = tableRows(wb.getWorksheet(payPlan.name)!, payPlan.table!.keys, 2, people.length);
    const gradeLabel = new Map(scheme.grades.map((g) => [g.id, g.label[lang]]));
    const awardLabel = new Map(scheme.awards.map((a) => [a.id, a.label[lang]]));
    results.forEach((r, i) => {
      const e = ev[i];
      const where = `${id} row ${i + 2} (${r.id})`;
      if (r.excluded) {
        expect(e.total, where).toBe("");
        expect(pay[i].pay, where).toBe(0);
        return;
      }
      for (const ind of scheme.indicators) expect(e[`pts:${ind.id}`], `${where} ${ind.id}`).toBe(r.points[ind.id]);
      for (const adj of scheme.adjustments) expect(e[`adj:${adj.id}`], `${where} ${adj.id}`).toBe(r.adjustments[adj.id]);
      expect(e.total, `${where} total`).toBe(r.total);
      if (scheme.grades.length) expect(e.grade, `${where} grade`).toBe(gradeLabel.get(r.grade!));
      expect(e.rank, `${where} rank`).toBe(r.rank);
      if (scheme.awards.length) expect(e.award, `${where} award`).toBe(r.award ? awardLabel.get(r.award) : "");
      if (scheme.total.passMark !== undefined) expect(e["flag:below-pass"], `${where} pass`).toBe(r.flags.includes("below-pass") ? t(lang, "flag.below-pass") : "");
      if (scheme.ranking?.bottomCount) expect(e["flag:bottom-rank"], `${where} bottom`).toBe(r.flags.includes("bottom-rank") ? t(lang, "flag.bottom-rank") : "");
      for (const line of scheme.pay) expect(pay[i][`pay:${line.id}`], `${where} ${line.id}`).toBe(r.pay[line.id] / 100);
      expect(pay[i].pay, `${where} pay`).toBe(r.payTotal / 100);
    });
  }, 120_000);
});
