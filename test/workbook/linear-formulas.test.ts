/**
 * The shape that keeps a workbook's recalculation linear in the roster: no formula in a person's
 * row scans the roster more than once (its rank, a lookup or a reach), and nothing in a row
 * runs down from the first person to itself (a running sum is a triangle: N²/2 cells read).
 * Roster-wide figures live in the helper area (aggregates.ts), computed once. Walks the formula
 * trees of every template, with one period and with three.
 */
import { describe, expect, it } from "vitest";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import type { Formula } from "../../src/core/formula.js";
import { printA1 } from "../../src/workbook/plan/print-formula.js";

/** Areas a formula reads cell by cell: every area except INDEX's first argument (INDEX reads one cell). */
function scans(f: Formula, out: { rows: number; open: boolean }[] = []): { rows: number; open: boolean }[] {
  if (typeof f !== "object" || f === null) return out;
  if ("area" in f) out.push({ rows: f.area.r2 === undefined ? Infinity : f.area.r2 - f.area.r1 + 1, open: f.area.r2 === undefined });
  else if ("op" in f) {
    scans(f.l, out);
    scans(f.r, out);
  } else if ("neg" in f) scans(f.neg, out);
  else if ("fn" in f) f.args.forEach((a, i) => {
    if (f.fn !== "INDEX" || i > 0) scans(a, out);
  });
  return out;
}

const ROWS = 40;

describe.each(builtInSchemes().map((s) => [s.id, s] as const))("%s", (_id, scheme) => {
  for (const periods of [0, 3]) {
    it(`${periods ? "three periods" : "one period"}: every formula in a person's row scans the roster at most once, and none runs down to its own row`, () => {
      const sample = sampleData(scheme, { rows: ROWS, seed: 3, periods: periods || undefined, firstPeriod: "2026-01" });
      const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
      const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
      const offenders: string[] = [];
      let rowFormulas = 0;
      for (const sheet of plan.sheets) {
        const table = sheet.table;
        if (!table || table.rows < ROWS) continue;
        const block = sheet.blocks.find((b) => b.row === table.row + 1 && b.col === table.col)!;
        const seen = new Set<unknown>();
        block.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (typeof v !== "object" || v === null || seen.has(v)) return;
            seen.add(v);
            rowFormulas++;
            const s = scans(v.formula).filter((a) => a.rows > 1);
            if (s.length > 1 || s.some((a) => a.open)) offenders.push(`${sheet.name} ${table.keys[j]}: ${printA1(v.formula, block.row + i).slice(0, 200)}`);
          }),
        );
      }
      expect(rowFormulas).toBeGreaterThan(5);
      expect(offenders).toEqual([]);
    });
  }
});

describe("the helper area", () => {
  it("holds each roster-wide figure under a name in hidden columns, and the rows refer to it", () => {
    const scheme = builtInSchemes().find((s) => s.id === "cs-bonus-pool")!;
    const sample = sampleData(scheme, { rows: ROWS, seed: 3 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
    const payout = plan.sheets.find((s) => s.role === "payout")!;
    const names = plan.names.filter((n) => n.sheet === payout.name && n.name.startsWith("k_pay_"));
    expect(names.map((n) => n.name.replace(/^k_pay_[a-z0-9_]*?_(?=[a-z0-9]+$)/, ""))).toEqual(["weight", "left", "t", "k", "t2", "k2", "r"]);
    // in two hidden columns (label, value), from row 1
    const helper = payout.blocks.find((b) => b.row === 1 && b.values.length === names.length)!;
    expect(helper).toBeDefined();
    expect(payout.hidden).toEqual(expect.arrayContaining([helper.col, helper.col + 1]));
    expect(helper.values.map((r) => typeof r[0])).toEqual(names.map(() => "string"));
    expect(helper.values[0][0]).toMatch(/权重合计/);
    // the rows read the names (one figure may be read by another figure only), not the columns
    const block = payout.blocks.find((b) => b.row === payout.table!.row + 1)!;
    const print = (v: unknown, row: number) => (typeof v === "object" && v !== null && "formula" in v ? printA1((v as { formula: Formula }).formula, row) : "");
    const rowText = block.values[0].map((v) => print(v, block.row)).join("\n");
    const helperText = helper.values.map((r) => print(r[1], 1)).join("\n");
    for (const n of names) expect(rowText + helperText).toContain(n.name);
    expect(names.filter((n) => rowText.includes(n.name)).length).toBeGreaterThanOrEqual(5);
    // and no row sums the column itself
    expect(rowText).not.toMatch(/SUMPRODUCT|SUM\(\$/);
  });
});
