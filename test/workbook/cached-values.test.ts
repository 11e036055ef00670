/**
 * Issue 12, item 1: a workbook opened where nothing recalculates (a chat or mail preview, Protected
 * View, pandas) shows the numbers. Every formula cell carries a cached value, and that value is
 * what the formula computes: judged by HyperFormula recalculating the same workbook, for every
 * template, on random rosters with ties. Only hidden helper columns may go without one.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords, type PersonData } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { addCachedValues } from "../../src/workbook/plan/cached-values.js";
import { planResults } from "../../src/workbook/generation-record.js";
import { workbookFile } from "../../src/workbook/xlsx/workbook-file.js";
import { openXlsx } from "../../src/io/xlsx-read.js";
import type { Scheme } from "../../src/core/scheme/schema.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { evaluateWorkbook } from "./hf-workbook.js";
import { template } from "../helpers.js";

function roster(scheme: Scheme, rows: number, seed: number, copies: number[] = [], periods?: number): PersonData[] {
  const sample = sampleData(scheme, { rows, seed, periods });
  const extra = copies.map((k, j) => sample.rows[k % sample.rows.length].map((c, col) => (sample.header[col] === "id" ? `T${j}` : c)));
  const { people, problems } = parseRecords(sample.header, [...sample.rows, ...extra].map((cells, i) => ({ line: i + 2, cells })), scheme);
  expect(problems).toEqual([]);
  return people;
}

/** HyperFormula's value in the form of a cached value: errors by their text. */
function hfValue(v: unknown): unknown {
  if (v === null) return "";
  if (typeof v === "object" && v !== null && "value" in v) return { error: (v as { value: string }).value };
  return v;
}

function planWithCache(scheme: Scheme, people: PersonData[]): WorkbookPlan {
  const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
  const results = planResults(scheme, people, plan);
  expect(results, "a complete roster is evaluated").not.toBeNull();
  addCachedValues(plan, scheme, people, results!);
  return plan;
}

/**
 * Every formula cell's cached value is what HyperFormula computes for it; only hidden helper
 * columns may lack one, and some cell has one.
 */
function expectCachedAsRecalculated(plan: WorkbookPlan, about: string): void {
  const hf = evaluateWorkbook(plan);
  let cached = 0;
  for (const s of plan.sheets) {
    const hidden = new Set(s.hidden ?? []);
    for (const b of s.blocks)
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v !== "object" || v === null) return;
          const where = `${s.name}!R${b.row + i}C${b.col + j + 1} (${about})`;
          const c = b.cached?.[i]?.[j];
          if (c === undefined) {
            expect(hidden.has(b.col + j), `${where} has no cached value`).toBe(true);
            return;
          }
          cached++;
          expect(c, where).toEqual(hfValue(hf.value(s.name, b.row + i, b.col + j)));
        }),
      );
  }
  expect(cached).toBeGreaterThan(0);
}

describe("cached values: what a previewer shows is what the formulas compute", () => {
  it.each(builtInSchemes().map((s) => [s.id, s] as const))("%s", (_id, scheme) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 1e6 }), fc.array(fc.nat(), { maxLength: 4 }), (rows, seed, copies) => {
        const plan = planWithCache(scheme, roster(scheme, rows, seed, copies));
        expectCachedAsRecalculated(plan, `${rows} people, seed ${seed}`);
      }),
      { numRuns: 12, seed: 20261203 },
    );
  });

  // several periods: a sheet pair per month and the roll-up (INDEX/MATCH into each month, RANK of the year)
  it.each(builtInSchemes().filter((s) => s.periods.rollup).map((s) => [s.id, s] as const))("%s, three months and the roll-up", (_id, scheme) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1e6 }), (rows, seed) => {
        const plan = planWithCache(scheme, roster(scheme, rows, seed, [], 3));
        expect(plan.sheets.filter((s) => s.role === "evaluation")).toHaveLength(3);
        expectCachedAsRecalculated(plan, `${rows} people, seed ${seed}`);
      }),
      { numRuns: 6, seed: 20261204 },
    );
  });

  it("the .xlsx read without recalculating shows each person's pay, the total and the summary's head count", async () => {
    const scheme = template("cs-bonus-pool");
    const people = roster(scheme, 20, 7);
    const { plan, bytes } = await workbookFile(scheme, people, { lang: "zh-CN", mode: "native" });
    const results = planResults(scheme, people, plan)!;
    const file = openXlsx(bytes);
    const pay = plan.sheets.find((s) => s.role === "payout")!;
    const rows = file.rows(pay.name);
    const at = pay.table!.keys.indexOf("pay");
    const data = rows.slice(pay.table!.row, pay.table!.row + 20);
    expect(data.map((r) => r[at].value)).toEqual(results.map((r) => r.payTotal / 100));
    // the pool adds up to its budget, and the reconciliation block says so before any recalculation
    const budget = scheme.parameters.find((p) => p.id === "pool_budget")!.value;
    expect(data.reduce((s, r) => s + Math.round((r[at].value as number) * 100), 0)).toBe(budget * 100);
    const summary = plan.sheets.find((s) => s.role === "summary")!;
    const counted = file.rows(summary.name).flat().map((c) => c.value);
    expect(counted).toContain(20);
  });

  it("a roster still to be filled in carries no values: its formulas show blanks until it is", async () => {
    const scheme = template("warehouse");
    const blank = [{ line: 2, id: "W1", name: "甲", period: null, values: {} }];
    const { plan, bytes } = await workbookFile(scheme, blank, { lang: "zh-CN", mode: "native" });
    expect(plan.sheets.every((s) => s.blocks.every((b) => b.cached === undefined))).toBe(true);
    const file = openXlsx(bytes);
    const ev = plan.sheets.find((s) => s.role === "evaluation")!;
    expect(file.rows(ev.name)[ev.table!.row][ev.table!.keys.indexOf("total")].value).toBe(null);
  });
});
