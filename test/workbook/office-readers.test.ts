/**
 * The readers at scale, on a fake that answers like Excel on the web (a sync whose answer or
 * request is over 5 MB fails): reading 100,000 rows for recalculation and putting formulas back
 * into a 100,000-row payout sheet stay under the limit and give what a single read would.
 */
import { describe, expect, it } from "vitest";
import { EXCEL_LIMIT, FakeSheetReader, type FakeSheet } from "./fake-sheet-reader.js";
import { readForRecalc, restoreInOffice } from "../../src/workbook/office/read-office.js";
import { SHEET_PROTECTION } from "../../src/workbook/office/write-office.js";

const N = 100_000;
const payKeys = ["id", "name", "dept", "total", "grade", "coef", "pay:bonus", "pay:attendance", "pay"];
const BONUS = "=ROUND(RC[-3]*RC[-1]*3,2)";
const PAY = "=ROUND(SUM(RC[-2]:RC[-1]),2)";

/** A payout sheet as generated: a line above the table, the header, then one row per person. */
function payoutSheet(people: number) {
  const values: unknown[][] = [["本表全部由公式按考核表计算"], payKeys];
  const formulas: unknown[][] = [["本表全部由公式按考核表计算"], payKeys];
  for (let i = 0; i < people; i++) {
    const id = `E${String(i + 1).padStart(6, "0")}`;
    const row = [id, `员工${i + 1}`, "客服一部", 80 + (i % 20), "B", 1.2, 288 + (i % 20), -50, 238 + (i % 20)];
    values.push(row);
    formulas.push([...row.slice(0, 6), BONUS, -50, PAY]);
  }
  return { values, formulas, protected: true };
}

const under = (sizes: number[]) => Math.max(...sizes);
/** What Excel answers for a range: a rectangle, "" in the empty cells. */
const rect = (rows: unknown[][]) => {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
};

describe("the readers under Excel on the web's 5 MB", () => {
  it("read 100,000 people's evaluation and payout sheets for recalculation in chunks, each answer under 5 MB, rows as a single read gives them", async () => {
    const evaluation: unknown[][] = [["白色:可填写"], Array.from({ length: 30 }, (_, j) => `k${j}`)];
    for (let i = 0; i < N; i++) evaluation.push(Array.from({ length: 30 }, (_, j) => (j === 0 ? `E${i}` : j === 1 ? `员工${i}` : (i * 31 + j) % 997)));
    const payout = payoutSheet(N);
    const fake = new FakeSheetReader(
      new Map<string, FakeSheet>([
        ["考核", { values: evaluation }],
        ["发放", payout],
      ]),
      new Map([["p_gate", 80]]),
    );
    // a single read is refused, as in Excel on the web
    const whole = fake.workbook.worksheets.getItem("考核").getUsedRange();
    whole.load(["values"]);
    await expect(fake.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    fake.responseBytes = [];
    fake.requestBytes = [];

    const read = await readForRecalc(fake, ["考核", "发放"], ["p_gate", "p_gone"]);
    expect(read.sheets.get("考核")).toEqual(rect(evaluation));
    expect(read.sheets.get("发放")).toEqual(rect(payout.values));
    expect(read.settings).toEqual([80, undefined]);
    expect(fake.calculated).toBe(1);
    expect(under(fake.responseBytes)).toBeLessThan(EXCEL_LIMIT);
    expect(under(fake.requestBytes)).toBeLessThan(EXCEL_LIMIT);
    // chunks of a few MB each, not a request per row
    expect(fake.syncs).toBeLessThan(40);
  });

  it("reads rows longer than the first chunk's by halving a chunk Excel refuses, losing no row", async () => {
    const values: unknown[][] = [];
    for (let i = 0; i < 3000; i++) values.push([i, i < 500 ? "短" : "长".repeat(2000 + (i % 7))]);
    const fake = new FakeSheetReader(new Map([["s", { values }]]));
    const read = await readForRecalc(fake, ["s"], []);
    expect(read.sheets.get("s")).toEqual(values);
    // one answer was refused: the chunk after the short rows was sized by them
    expect(fake.responseBytes.some((b) => b > EXCEL_LIMIT)).toBe(true);
    expect(fake.responseBytes.filter((b) => b > EXCEL_LIMIT).length).toBeLessThan(4);
  });

  it("puts back 300 typed-over formulas in a 100,000-row payout sheet without loading every formula, every request and answer under 5 MB", async () => {
    const sheet = payoutSheet(N);
    const typed: { id: string; line: string }[] = [];
    // runs of typed-over cells (someone pasted values over a block) and single ones spread out
    for (let i = 0; i < 300; i++) {
      const row = i < 200 ? 5000 + i : 900 * (i - 199);
      sheet.formulas[2 + row][6] = 500;
      typed.push({ id: sheet.values[2 + row][0] as string, line: "bonus" });
    }
    // a cell that holds its formula and still disagrees is left alone
    typed.push({ id: sheet.values[2 + 77][0] as string, line: "bonus" });
    const fake = new FakeSheetReader(new Map([["发放", sheet]]));
    const n = await restoreInOffice(fake, { sheet: "发放", keys: payKeys, header: 2, cells: typed });
    expect(n).toBe(300);
    for (let i = 0; i < 300; i++) expect(sheet.formulas[2 + (i < 200 ? 5000 + i : 900 * (i - 199))][6]).toBe(BONUS);
    // the block as one range given one formula, the single cells one each
    const writes = fake.calls.filter((c) => c.startsWith("发放 R"));
    expect(writes).toContain(`发放 R${2 + 5000 + 1}C7:200x1 ${BONUS}`);
    expect(writes).toHaveLength(1 + 100);
    expect(fake.calls[0]).toBe("unprotect 发放");
    expect(fake.calls.at(-1)).toBe(`protect 发放 ${JSON.stringify(SHEET_PROTECTION)}`);
    expect(under(fake.responseBytes)).toBeLessThan(EXCEL_LIMIT);
    expect(under(fake.requestBytes)).toBeLessThan(EXCEL_LIMIT);
    // the formulas read: the suspects' and a sample, not 900,000 cells
    expect(fake.responseBytes.reduce((a, b) => a + b, 0)).toBeLessThan(2 * 1024 * 1024);
  });

  it("protects the sheet again when the writing fails", async () => {
    const sheet = payoutSheet(50);
    sheet.formulas[2 + 3][6] = 1;
    const fake = new FakeSheetReader(new Map([["发放", sheet]]));
    fake.failWrites = true;
    await expect(restoreInOffice(fake, { sheet: "发放", keys: payKeys, header: 2, cells: [{ id: sheet.values[5][0] as string, line: "bonus" }] })).rejects.toThrow("simulated failure");
    expect(sheet.protected).toBe(true);
  });
});
