/**
 * Issue 9: ids and labels made of every character Excel reads specially — the wildcards `* ? ~`
 * of MATCH and COUNTIF, the operators `< > =`, quotes, commas, brackets, `__proto__` — cannot
 * fool the native workbook. For every template (and three months of the templates with rules
 * across months), a roster with such ids, grade, award, streak and option labels is recalculated
 * by LibreOffice and must agree with the engine to the cent. Ids are drawn by fast-check from a
 * hostile alphabet (seeded, so a failure repeats); all workbooks go through one LibreOffice start.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords, type PersonData } from "../../src/core/data.js";
import type { Scheme } from "../../src/core/scheme/schema.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { recalculateAll, soffice } from "./libreoffice.js";
import { plain, readWorkbook } from "./read-xlsx.js";
import { expectPeriods, expectSinglePeriod } from "./libreoffice-compare.js";
import { hostileIds, hostileLabels } from "./hostile.js";

function roster(scheme: Scheme, rows: number, periods: number | undefined, seed: number): PersonData[] {
  const sample = sampleData(scheme, { rows, seed, periods, firstPeriod: "2026-01" });
  const ids = hostileIds(rows, seed);
  const byOriginal = new Map<string, string>();
  for (const r of sample.rows) if (!byOriginal.has(r[0])) byOriginal.set(r[0], ids[byOriginal.size]);
  sample.rows.forEach((r) => (r[0] = byOriginal.get(r[0])!));
  const { people, problems } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
  expect(problems).toEqual([]);
  // departments are people's words too
  const order = [...byOriginal.values()];
  for (const p of people) p.department = DEPARTMENTS[order.indexOf(p.id) % DEPARTMENTS.length];
  return people;
}

const DEPARTMENTS = ["研发*部", "<客服>", "A?组", "=财务"];

const MULTI = ["ecommerce-cs", "ecommerce-ranking", "hospital-cs", "foreign-trade-sales", "call-center"];
const lang = "zh-CN";

interface Case {
  id: string;
  scheme: Scheme;
  people: PersonData[];
  plan: WorkbookPlan;
  periods: boolean;
  file: string;
  wb?: ExcelJS.Workbook;
}

describe.skipIf(!soffice)("LibreOffice agrees with the engine for hostile ids and labels", () => {
  const cases: Case[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-lo-hostile-"));
    for (const [k, base] of builtInSchemes().entries()) {
      const scheme = hostileLabels(base);
      for (const periods of MULTI.includes(base.id) ? [false, true] : [false]) {
        const people = roster(scheme, periods ? 14 : 24, periods ? 3 : undefined, 101 + k);
        const plan = buildWorkbookPlan(scheme, people, { lang, mode: "native" });
        const file = join(dir, `${base.id}${periods ? "-periods" : ""}.xlsx`);
        writeFileSync(file, await writeXlsx(plan));
        cases.push({ id: base.id, scheme, people, plan, periods, file });
      }
    }
    const out = recalculateAll(cases.map((c) => c.file));
    for (const [i, c] of cases.entries()) c.wb = await readWorkbook(out[i]);
  }, 600_000);

  it("ids pass through as text, and every computed cell is the engine's", () => {
    expect(cases.length).toBe(builtInSchemes().length + MULTI.length);
    for (const c of cases) {
      const { results, rollups } = evaluatePeriods(compileScheme(c.scheme), structuredClone(c.people));
      // the ids are the hostile ones, and the roster kept them all
      expect(results.some((r) => r.id === "__proto__") && results.some((r) => r.id === "H*"), c.id).toBe(true);
      if (c.periods) expectPeriods(c.id, c.scheme, c.plan, c.wb!, c.people, results, rollups, lang);
      else expectSinglePeriod(c.id, c.scheme, c.plan, c.wb!, results, lang);
    }
  });
  it("the summary's departments: headcount, each grade and pay, exactly", () => {
    for (const c of cases.filter((x) => !x.periods)) {
      const { results } = evaluatePeriods(compileScheme(c.scheme), structuredClone(c.people));
      const summary = c.wb!.getWorksheet(c.plan.sheets[3].name)!;
      const value = (row: number, col: number) => (summary.getRow(row).getCell(col).model as { result?: number }).result;
      for (const d of DEPARTMENTS) {
        // LibreOffice saves mixed-script text as rich text runs: compared as plain text
        let row = -1;
        summary.eachRow((r, n) => {
          if (row < 0 && plain(r.getCell(1)) === d) row = n;
        });
        expect(row, `${c.id} ${d}`).toBeGreaterThan(0);
        const mine = results.filter((r) => c.people.find((p) => p.line === r.line)!.department === d);
        expect(value(row, 2), `${c.id} ${d} headcount`).toBe(mine.filter((r) => !r.excluded).length);
        c.scheme.grades.forEach((g, k) => expect(value(row, 3 + k), `${c.id} ${d} ${g.id}`).toBe(mine.filter((r) => !r.excluded && r.grade === g.id).length));
        expect(Math.round(value(row, 3 + c.scheme.grades.length)! * 100), `${c.id} ${d} pay`).toBe(mine.reduce((s, r) => s + r.payTotal, 0));
      }
    }
  });
  it("the summary counts each hostile grade label exactly", () => {
    for (const c of cases.filter((x) => !x.periods && x.scheme.grades.length)) {
      const { results } = evaluatePeriods(compileScheme(c.scheme), structuredClone(c.people));
      const summary = c.wb!.getWorksheet(c.plan.sheets[3].name)!;
      for (const g of c.scheme.grades) {
        const row = summary.getColumn(1).values.findIndex((v) => v === g.label[lang]);
        expect(row, `${c.id} ${g.label[lang]}`).toBeGreaterThan(0);
        const counted = (summary.getRow(row).getCell(2).model as { result?: number }).result;
        expect(counted, `${c.id} ${g.label[lang]}`).toBe(results.filter((r) => !r.excluded && r.grade === g.id).length);
      }
    }
  });
});
