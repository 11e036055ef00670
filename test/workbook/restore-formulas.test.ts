import { describe, expect, it } from "vitest";
import { formulasToRestore } from "../../src/workbook/restore-formulas.js";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { printR1C1 } from "../../src/workbook/plan/print-formula.js";
import type { PlanFormula } from "../../src/workbook/plan/types.js";

const keys = ["id", "name", "pay:bonus", "pay"];
const F = "=ROUND(R[0]C[-1]*2,2)";
const T = "=SUM(RC[-1])";
const values = [["W1", "张三", 300, 300], ["W2", "李四", 500, 500], ["W3", "王五", 0, 0]];

describe("putting back payout formulas typed over", () => {
  it("gives a typed-over cell its column's formula, and only the cells that disagree with the engine", () => {
    const r1c1 = [["W1", "张三", F, T], ["W2", "李四", 500, T], ["W3", "王五", F, T]];
    expect(formulasToRestore(keys, values, r1c1, [{ id: "W2", line: "bonus" }, { id: "W2", line: "pay" }])).toEqual([{ row: 1, col: 2, formula: F }]);
  });
  it("leaves alone a cell that holds the formula, an unknown person or line, and a column with no common formula", () => {
    const r1c1 = [["W1", "张三", F, T], ["W2", "李四", "=1", "=2"], ["W3", "王五", "=3", "=4"]];
    expect(formulasToRestore(keys, values, r1c1, [{ id: "W1", line: "bonus" }, { id: "W9", line: "bonus" }, { id: "W2", line: "other" }, { id: "W2", line: "bonus" }])).toEqual([]);
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
