/**
 * The payout total in Chinese capitals (人民币大写): the reference (src/core/rmb-words.ts) on the
 * rules' own examples; the workbook's formula held to it by HyperFormula, by our evaluator (the
 * cached value) and by LibreOffice, on amounts with every pattern of zeros.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rmbUppercase } from "../../src/core/rmb-words.js";
import { rmbUppercaseFormula } from "../../src/core/rmb-formula.js";
import { ref } from "../../src/core/formula.js";
import { evaluateFormula } from "../../src/workbook/plan/evaluate-formula.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { evaluateWorkbook } from "./hf-workbook.js";
import { recalculate, soffice } from "./libreoffice.js";
import { plain, readWorkbook } from "./read-xlsx.js";

const formula = rmbUppercaseFormula(ref({ col: 0 }));

/** Amounts with runs of zeros in every place: digits drawn mostly from {0, 1, 9}. */
const amounts = fc.array(fc.constantFrom(0, 0, 0, 1, 9, 5), { minLength: 1, maxLength: 14 }).map((ds) => Number(ds.join("")));

function sheetOf(cents: number[]): WorkbookPlan {
  return {
    lang: "zh-CN",
    mode: "native",
    names: [],
    sheets: [{ name: "大写", role: "summary", blocks: [{ row: 1, col: 0, values: cents.map((c) => [c / 100, { formula }]) }], validations: [], conditional: [], widths: [14, 60], protect: false }],
  };
}

describe("人民币大写", () => {
  it("writes the rules' examples as finance does", () => {
    expect(rmbUppercase(5_573_799)).toBe("伍万伍仟柒佰叁拾柒元玖角玖分");
    expect(rmbUppercase(100_000_100)).toBe("壹佰万零壹元整");
    expect(rmbUppercase(1005)).toBe("壹拾元零伍分");
    expect(rmbUppercase(1_010_100)).toBe("壹万零壹佰零壹元整");
    expect(rmbUppercase(100_001_000_000)).toBe("壹拾亿零壹万元整");
    expect(rmbUppercase(50)).toBe("伍角");
    expect(rmbUppercase(0)).toBe("零元整");
    expect(rmbUppercase(-150)).toBe("负壹元伍角");
  });

  it("the formula gives the reference's words, in HyperFormula and in our evaluator, for every pattern of zeros", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(amounts, fc.integer({ min: -1e13, max: 1e13 })), { minLength: 1, maxLength: 40 }), (cents) => {
        const plan = sheetOf(cents);
        const hf = evaluateWorkbook(plan);
        cents.forEach((c, i) => {
          expect(hf.value("大写", i + 1, 1), String(c)).toBe(rmbUppercase(c));
          const grid = { value: (_s: string, r: number, col: number) => (col === 0 ? cents[r - 1] / 100 : undefined), name: () => undefined };
          expect(evaluateFormula(formula, "大写", i + 1, grid), String(c)).toBe(rmbUppercase(c));
        });
      }),
      { numRuns: 60, seed: 1202 },
    );
  });

  it.skipIf(!soffice)("LibreOffice computes the same words", async () => {
    const cents = [5_573_799, 100_000_100, 1005, 5, 50, 100, 0, 1_010_100, 100_001_000_000, 999_999_999_999, 10_000_000_000, -150, 123_456_789_012];
    const dir = mkdtempSync(join(tmpdir(), "kpi-rmb-"));
    const file = join(dir, "rmb.xlsx");
    writeFileSync(file, await writeXlsx(sheetOf(cents)));
    const wb = await readWorkbook(recalculate(file));
    expect(cents.map((_, i) => plain(wb.getWorksheet("大写")!.getRow(i + 1).getCell(2)))).toEqual(cents.map(rmbUppercase));
  }, 120_000);
});
