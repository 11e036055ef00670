import { describe, expect, it } from "vitest";
import { commonFormula, formulasToRestore, restoreTargets } from "../../src/workbook/restore-formulas.js";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { printR1C1 } from "../../src/workbook/plan/print-formula.js";
import type { PlanFormula } from "../../src/workbook/plan/types.js";

const keys = ["id", "name", "pay:bonus", "pay"];
const F = "=ROUND(R[0]C[-1]*2,2)";
const ids = ["W1", "W2", "W3"];

describe("putting back payout formulas typed over", () => {
  it("finds the cells the engine disagrees with by person and pay line, and leaves out an unknown person or line", () => {
    expect(restoreTargets(keys, ids, [{ id: "W2", line: "bonus" }, { id: "W3", line: "pay" }, { id: "W9", line: "bonus" }, { id: "W2", line: "other" }])).toEqual([{ row: 1, col: 2 }, { row: 2, col: 3 }]);
    // ids read from the sheet may be numbers
    expect(restoreTargets(keys, [1001, 1002], [{ id: "1002", line: "bonus" }])).toEqual([{ row: 1, col: 2 }]);
  });
  it("learns a column's formula from a sample: the one more than half its formulas share, none when they differ", () => {
    expect(commonFormula([F, F, 500, F, "=1"])).toBe(F);
    expect(commonFormula([F, "=1", "=2", 7])).toBeUndefined();
    expect(commonFormula([300, 500])).toBeUndefined();
  });
  it("gives a typed-over cell its column's formula, and leaves alone a cell that holds it or a column with no common formula", () => {
    const at = new Map<string, unknown>([["1,2", 500], ["0,2", F], ["1,3", 7]]);
    const formulaAt = (t: { row: number; col: number }) => at.get(`${t.row},${t.col}`);
    const columnFormula = (col: number) => (col === 2 ? F : undefined);
    expect(formulasToRestore([{ row: 1, col: 2 }, { row: 0, col: 2 }, { row: 1, col: 3 }], formulaAt, columnFormula)).toEqual([{ row: 1, col: 2, formula: F }]);
  });
  it("relies on what the plan makes: every pay column holds one formula, the same R1C1 in every row, in every template and mode", () => {
    for (const s of builtInSchemes())
      for (const mode of ["native", "addin"] as const) {
        const sample = sampleData(s, { rows: 12, seed: 3 });
        const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), s);
        const pay = buildWorkbookPlan(s, people, { lang: "en-US", mode }).sheets.find((x) => x.role === "payout")!;
        const rows = pay.blocks[0].values;
        pay.table!.keys.forEach((k, j) => {
          if (k !== "pay" && !k.startsWith("pay:")) return;
          const first = rows[0][j] as PlanFormula;
          expect(typeof first, `${s.id} ${mode} ${k}`).toBe("object");
          rows.forEach((r, i) => expect(printR1C1((r[j] as PlanFormula).formula), `${s.id} ${mode} ${k} row ${i}`).toBe(printR1C1(first.formula)));
        });
      }
  });
});
