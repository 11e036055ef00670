/**
 * The Office host, with Excel's and Office's globals faked: generation goes through the Office
 * writer into the workbook, activates the evaluation sheet, and keeps the scheme in the
 * document's settings, from where the next session reads it back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeExcel, type FakeExcel } from "../workbook/fake-excel.js";
import { builtInScheme } from "../../src/schemes/index.js";

const g = globalThis as Record<string, unknown>;
const settings = new Map<string, unknown>();
let excel: FakeExcel;
let activated: string[] = [];

beforeAll(() => {
  g.Excel = {
    run: async (f: (context: unknown) => Promise<unknown>) => {
      const context = excel;
      const worksheets = excel.workbook.worksheets as unknown as { getItem(name: string): object };
      const getItem = worksheets.getItem.bind(worksheets);
      worksheets.getItem = (name: string) => ({ ...getItem(name), activate: () => activated.push(name) });
      return f(context);
    },
  };
  g.Office = {
    context: {
      document: {
        settings: {
          get: (k: string) => settings.get(k) ?? null,
          set: (k: string, v: unknown) => settings.set(k, v),
          remove: (k: string) => settings.delete(k),
          saveAsync: (cb: () => void) => cb(),
        },
      },
    },
  };
});
afterAll(() => {
  delete g.Excel;
  delete g.Office;
});

describe("Office host", () => {
  it("generates into the open workbook and keeps the scheme for next time", async () => {
    excel = fakeExcel({ sheets: ["花名册"] });
    activated = [];
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const host = officeHost("zh-CN");
    const scheme = builtInScheme("warehouse")!;
    const progress: number[] = [];
    const result = await host.generate(
      { scheme, people: [{ id: "W1", name: "张三", values: { unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 } }], lang: "zh-CN", mode: "native", period: "2026-11", protect: true },
      (p) => progress.push(p),
    );
    expect(result.sheets).toEqual(["方案", "考核 2026-11", "发放 2026-11", "汇总 2026-11"]);
    expect(excel.state().sheets).toEqual(["花名册", "方案", "考核 2026-11", "发放 2026-11", "汇总 2026-11"]);
    expect(activated).toEqual(["考核 2026-11"]);
    expect(progress.at(-1)).toBe(1);
    expect(await host.savedScheme()).toEqual(JSON.parse(JSON.stringify(scheme)));
  });

  it("recalculates: reads the sheets Excel calculated, reports changes since the last time", async () => {
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const host = officeHost("zh-CN");
    const layout = JSON.parse(settings.get("kpi-scorecard.layout") as string);
    // the two sheets' values after Excel calculated them: header, then one person
    let unrecorded = 1;
    const values = (sheet: string) =>
      sheet === layout.evaluation
        ? [layout.evaluationKeys, layout.evaluationKeys.map((k: string) => ({ id: "W1", name: "张三", unrecorded_movements: unrecorded, stock_errors: 0, safety_violations: 0, extra_points: 0 })[k] ?? 0)]
        : [layout.payoutKeys, layout.payoutKeys.map((k: string) => ({ id: "W1", "pay:bonus": 300, pay: 300 })[k] ?? null)];
    let calculated = 0;
    g.Excel = {
      CalculationType: { full: "Full" },
      run: async (f: (context: unknown) => Promise<unknown>) =>
        f({
          workbook: {
            application: { calculate: () => calculated++ },
            worksheets: { getItem: (name: string) => ({ getUsedRange: () => ({ load: () => undefined, get values() { return values(name); } }) }) },
          },
          sync: async () => undefined,
        }),
    };
    const first = await host.recalculate!();
    expect([first?.people, first?.changes, first?.mismatches]).toEqual([1, [], []]);
    unrecorded = 11; // someone fixed the count: the score falls below 80, the bonus to 0
    const second = await host.recalculate!();
    expect(second?.changes).toEqual([
      { id: "W1", name: "张三", line: "bonus", before: 30000, after: 0 },
      { id: "W1", name: "张三", line: "pay", before: 30000, after: 0 },
    ]);
    expect(second?.mismatches.map((m) => m.line)).toEqual(["bonus", "pay"]); // the fake's payout sheet still says 300
    expect(calculated).toBe(2);
  });
});
