/**
 * Issue 12, item 7: payslips (工资条) — one block per person with the payout sheet's header, the
 * person's amounts as formulas on the payout row (they follow an edit), and one line per number
 * saying why, from the engine's trace, in the workbook's language. (Printing: print-libreoffice.)
 */
import { describe, expect, it } from "vitest";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { workbookFile } from "../../src/workbook/xlsx/workbook-file.js";
import { planResults } from "../../src/workbook/generation-record.js";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { printA1 } from "../../src/workbook/plan/print-formula.js";
import { formatMoney } from "../../src/core/money.js";
import { evaluateWorkbook } from "./hf-workbook.js";
import { template } from "../helpers.js";
import { addPayslips, PAYSLIP_LIMIT } from "../../src/workbook/plan/payslip-sheet.js";
import { t } from "../../src/i18n/index.js";

async function made(id: string, rows: number, lang: "zh-CN" | "en-US" = "zh-CN") {
  const scheme = template(id);
  const sample = sampleData(scheme, { rows, seed: 8 });
  const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
  const { plan, bytes } = await workbookFile(scheme, people, { lang, mode: "native" });
  return { scheme, people, plan, bytes, slips: plan.sheets.find((s) => s.role === "payslips")! };
}

describe("payslips (工资条)", () => {
  it("one slip per person, after the other sheets: the payout header, the amounts from the payout row, why each number is", async () => {
    const { scheme, people, plan, slips } = await made("cs-pay", 6);
    expect(plan.sheets.map((s) => s.name)).toEqual(["方案", "考核", "发放", "汇总", "工资条"]);
    const pay = plan.sheets.find((s) => s.role === "payout")!;
    const headers = slips.blocks.filter((b) => b.bold);
    expect(headers).toHaveLength(6);
    expect(headers[0].values[0]).toEqual(pay.table!.columns);
    // the second person's amounts: formulas on the payout sheet's fourth row (under its note and header), column by column
    const values = slips.blocks[slips.blocks.indexOf(headers[1]) + 1];
    expect(values.values[0].map((v) => (typeof v === "object" && v !== null ? printA1(v.formula, values.row) : v))).toEqual(
      pay.table!.columns.map((_, j) => `'发放'!$${String.fromCharCode(65 + j)}$4`),
    );
    // why, in Chinese, naming the pay line and its amount
    const results = planResults(scheme, people, plan)!;
    const why = slips.blocks[slips.blocks.indexOf(headers[1]) + 2].values.map((r) => r[0] as string);
    expect(why[0]).toBe("各项说明(按生成工作簿时的数据计算):");
    expect(why).toContain(`基本工资 ${formatMoney(results[1].pay.basic, 2)}:按方案公式计算的金额`);
    expect(why.some((l) => l.startsWith("客户满意度 ") && l.includes("目标 0.95"))).toBe(true);
  });

  it("a rated indicator's reason names each rater's points and weight: 本人 5.4 × 30% + 主管 9.3 × 70% = 8.13", async () => {
    for (const lang of ["zh-CN", "en-US"] as const) {
      const { scheme, people, plan, slips } = await made("ecommerce-cs", 3, lang);
      const results = planResults(scheme, people, plan)!;
      const lines = slips.blocks.flatMap((b) => b.values.map((r) => r[0])).filter((x): x is string => typeof x === "string");
      const r = results[0];
      const [self, boss] = scheme.raters;
      const v = (rater: string) => people[0].values[`execution@${rater}`] as number;
      const name = scheme.indicators.find((i) => i.id === "execution")!.name[lang];
      const expected = `${self.name[lang]} ${v(self.id)} × ${self.weight}% + ${boss.name[lang]} ${v(boss.id)} × ${boss.weight}% = ${r.points.execution}`;
      expect(lines.find((l) => l.startsWith(`${name} `)), lang).toContain(expected);
    }
  });

  it("the slip's amounts are what the payout sheet computes, and the file carries them for previewers", async () => {
    const { plan, bytes, slips } = await made("cs-bonus-pool", 12, "en-US");
    const hf = evaluateWorkbook(plan);
    const file = openXlsx(bytes);
    const rows = file.rows(slips.name);
    for (const b of slips.blocks.filter((x) => typeof x.values[0][0] === "object")) {
      b.values[0].forEach((v, j) => {
        const shown = rows[b.row - 1][j].value;
        expect(shown, `${slips.name}!R${b.row}C${j + 1}`).toEqual(hf.value(slips.name, b.row, j) === null ? "" : hf.value(slips.name, b.row, j));
      });
    }
  });

  it("a person not evaluated gets a slip saying why", async () => {
    const scheme = template("call-center");
    const sample = sampleData(scheme, { rows: 30, seed: 4 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const { plan } = await workbookFile(scheme, people, { lang: "zh-CN", mode: "native" });
    const results = planResults(scheme, people, plan)!;
    const i = results.findIndex((r) => r.excluded);
    expect(i).toBeGreaterThanOrEqual(0);
    const slips = plan.sheets.find((s) => s.role === "payslips")!;
    const why = slips.blocks.filter((b) => b.bold).map((h) => slips.blocks[slips.blocks.indexOf(h) + 2].values.map((r) => r[0] as string));
    expect(why[i].some((l) => l.startsWith("不参加考核:"))).toBe(true);
  });

  it("a roster still to be filled in has no payslips (nothing to pay yet)", async () => {
    const { plan } = await workbookFile(template("warehouse"), [{ id: "W1", name: "甲", period: null, values: {} }], { lang: "zh-CN", mode: "native" });
    expect(plan.sheets.some((s) => s.role === "payslips")).toBe(false);
  });
  it(`more people than ${PAYSLIP_LIMIT}: no payslip sheet, and it says so (the file and Office.js would grow too heavy)`, async () => {
    const { scheme, people, plan } = await made("warehouse", 3);
    const before = plan.sheets.length;
    const many = Array.from({ length: PAYSLIP_LIMIT + 1 }, () => planResults(scheme, people, plan)![0]);
    expect(addPayslips(plan, scheme, many)).toBe("too-many");
    expect(plan.sheets).toHaveLength(before);
    expect(t("zh-CN", "wb.payslips.too-many", { count: PAYSLIP_LIMIT + 1, max: PAYSLIP_LIMIT })).toBe("未生成工资条:5001 人超过了工作簿可附工资条的 5000 人(文件和 Excel 会过于沉重);发放数据见发放表。");
  });
});
