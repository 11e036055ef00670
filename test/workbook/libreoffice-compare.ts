/**
 * What LibreOffice computed against what the engine computed, cell by cell: points exactly,
 * money to the cent. Shared by the template checks and the hostile-id checks.
 */
import { expect } from "vitest";
import type ExcelJS from "exceljs";
import type { Scheme } from "../../src/core/scheme/schema.js";
import type { Lang } from "../../src/core/text.js";
import type { PersonData } from "../../src/core/data.js";
import type { PersonResult } from "../../src/core/evaluate.js";
import type { RollupResult } from "../../src/core/periods/evaluate-periods.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { t } from "../../src/i18n/index.js";
import { tableRows } from "./read-xlsx.js";

/** One period: the evaluation and payout sheets (the plan's second and third). */
export function expectSinglePeriod(id: string, scheme: Scheme, plan: WorkbookPlan, wb: ExcelJS.Workbook, results: readonly PersonResult[], lang: Lang): void {
  const [, evPlan, payPlan] = plan.sheets;
  const ev = tableRows(wb.getWorksheet(evPlan.name)!, evPlan.table!.keys, evPlan.table!.row + 1, results.length);
  const pay = tableRows(wb.getWorksheet(payPlan.name)!, payPlan.table!.keys, payPlan.table!.row + 1, results.length);
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
    if (scheme.awards.length && scheme.awardsOn === "period") expect(e.award, `${where} award`).toBe(r.award ? awardLabel.get(r.award) : "");
    if (scheme.total.passMark !== undefined) expect(e["flag:below-pass"], `${where} pass`).toBe(r.flags.includes("below-pass") ? t(lang, "flag.below-pass") : "");
    if (scheme.ranking?.bottomCount) expect(e["flag:bottom-rank"], `${where} bottom`).toBe(r.flags.includes("bottom-rank") ? t(lang, "flag.bottom-rank") : "");
    for (const line of scheme.pay) expect(pay[i][`pay:${line.id}`], `${where} ${line.id}`).toBe(r.pay[line.id] / 100);
    expect(pay[i].pay, `${where} pay`).toBe(r.payTotal / 100);
  });
}

/** Several periods: each period's sheets, and the roll-up with its streaks and tiers. */
export function expectPeriods(
  id: string,
  scheme: Scheme,
  plan: WorkbookPlan,
  wb: ExcelJS.Workbook,
  people: readonly PersonData[],
  results: readonly PersonResult[],
  rollups: readonly RollupResult[],
  lang: Lang,
  periods: readonly string[] = ["2026-01", "2026-02", "2026-03"],
): void {
  for (const period of periods) {
    const evPlan = plan.sheets.find((s) => s.name === `${t(lang, "wb.sheet.evaluation")} ${period}`)!;
    const payPlan = plan.sheets.find((s) => s.name === `${t(lang, "wb.sheet.payout")} ${period}`)!;
    const inPeriod = results.filter((r) => r.period === period);
    const ev = tableRows(wb.getWorksheet(evPlan.name)!, evPlan.table!.keys, evPlan.table!.row + 1, inPeriod.length);
    const pay = tableRows(wb.getWorksheet(payPlan.name)!, payPlan.table!.keys, payPlan.table!.row + 1, inPeriod.length);
    inPeriod.forEach((r, i) => {
      const where = `${id} ${period} ${r.id}`;
      expect(ev[i].total, where).toBe(r.excluded ? "" : r.total);
      for (const line of scheme.pay) expect(pay[i][`pay:${line.id}`], `${where} ${line.id}`).toBe(r.pay[line.id] / 100);
      expect(pay[i].pay, `${where} pay`).toBe(r.payTotal / 100);
    });
  }
  const rollPlan = plan.sheets[plan.sheets.length - 1];
  const ids = [...new Set(people.map((p) => p.id))];
  const roll = tableRows(wb.getWorksheet(rollPlan.name)!, rollPlan.table!.keys, rollPlan.table!.row + 1, ids.length);
  const last = results.filter((r) => r.period === periods[periods.length - 1]);
  ids.forEach((pid, i) => {
    const where = `${id} roll-up ${pid}`;
    for (const u of rollups.filter((x) => x.id === pid)) {
      expect(roll[i][`r:${u.period}`], `${where} ${u.period}`).toBe(u.total);
      if (scheme.periods.rollup?.method === "mean" && scheme.grades.length)
        expect(roll[i][`g:${u.period}`], where).toBe(scheme.grades.find((g) => g.id === u.grade)?.label[lang]);
      if (scheme.awards.length && scheme.awardsOn === "rollup")
        expect(roll[i][`award@${u.period}`], `${where} award ${u.period}`).toBe(u.award ? scheme.awards.find((a) => a.id === u.award)!.label[lang] : "");
    }
    const r = last.find((x) => x.id === pid)!;
    for (const s of scheme.periods.streaks) expect(roll[i][`s:${s.id}`], `${where} ${s.id}`).toBe(r.flags.includes(s.id) ? s.label[lang] : "");
    if (scheme.periods.tiers) expect(roll[i].tier, `${where} tier`).toBe(r.tier ? scheme.periods.tiers.tiers.find((x) => x.id === r.tier)!.label[lang] : "");
  });
}
