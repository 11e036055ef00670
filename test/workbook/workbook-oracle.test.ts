/**
 * Issue 16: whole generated workbooks judged by a second spreadsheet engine. For every template,
 * seeded random rosters (1–40 people, some rows copied so that totals, remainders and ranks tie)
 * are written as a plan, evaluated by HyperFormula (test/workbook/hf-workbook.ts), and every
 * person's total, rank, grade and pay lines must be the engine's, to the cent. Between them the
 * templates use every roster-wide pay kind, which the first test holds.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { ROSTER_PAY_KINDS } from "../../src/core/kinds/registry.js";
import { evaluateWorkbook } from "./hf-workbook.js";

const RUNS = { numRuns: 40, seed: 20261202 };

describe("whole workbooks, evaluated by HyperFormula, pay what the engine pays", () => {
  it("the templates use every roster-wide pay kind", () => {
    const used = new Set(builtInSchemes().flatMap((s) => s.pay.map((l) => l.rule.kind)));
    for (const k of ROSTER_PAY_KINDS) expect(used, k.kind).toContain(k.kind);
  });

  // the capped awards each evaluation: no template gives them monthly any more, so a variant does
  const monthlyAwards = { ...builtInSchemes().find((s) => s.id === "ecommerce-cs")!, awardsOn: "period" as const };
  it.each([...builtInSchemes().map((s) => [s.id, s] as const), ["ecommerce-cs, awards each month", monthlyAwards] as const])("%s", (_id, scheme) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.array(fc.nat(), { maxLength: 6 }), (rows, seed, copies) => {
        const sample = sampleData(scheme, { rows, seed });
        // copied rows (new ids) tie with their originals: ranks, awards and pool remainders
        const extra = copies.map((k, j) => sample.rows[k % sample.rows.length].map((c, col) => (sample.header[col] === "id" ? `T${j}` : c)));
        const cells = [...sample.rows, ...extra];
        const { people } = parseRecords(sample.header, cells.map((c, i) => ({ line: i + 2, cells: c })), scheme);
        const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
        const wb = evaluateWorkbook(plan);
        const { results } = evaluatePeriods(compileScheme(scheme), people);
        const ev = plan.sheets.find((s) => s.role === "evaluation")!;
        const pay = plan.sheets.find((s) => s.role === "payout")!;
        const at = (sheet: typeof ev, row: number, key: string) => wb.value(sheet.name, row, sheet.table!.keys.indexOf(key));
        const grade = new Map(scheme.grades.map((g) => [g.id, g.label["zh-CN"]]));
        results.forEach((r, i) => {
          const row = ev.table!.row + 1 + i;
          const where = `${r.id} (row ${row}, ${rows} people, seed ${seed})`;
          if (r.excluded) {
            expect(at(ev, row, "total"), where).toBe("");
            return;
          }
          expect(at(ev, row, "total"), `${where} total`).toBe(r.total);
          expect(at(ev, row, "rank"), `${where} rank`).toBe(r.rank);
          if (scheme.grades.length) expect(at(ev, row, "grade"), `${where} grade`).toBe(grade.get(r.grade!));
          if (scheme.awards.length && scheme.awardsOn === "period")
            expect(at(ev, row, "award"), `${where} award`).toBe(r.award ? scheme.awards.find((a) => a.id === r.award)!.label["zh-CN"] : "");
          for (const line of scheme.pay) expect(at(pay, row, `pay:${line.id}`), `${where} ${line.id}`).toBe(r.pay[line.id] / 100);
          expect(at(pay, row, "pay"), `${where} pay`).toBe(r.payTotal / 100);
        });
      }),
      RUNS,
    );
  });
});
