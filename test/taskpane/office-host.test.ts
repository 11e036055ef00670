/**
 * The Office host, with Excel's and Office's globals faked: generation goes through the Office
 * writer into the workbook, activates the evaluation sheet, and keeps the generation record
 * (scheme, layout, pay) as a custom XML part, from where the next session and finance read it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeCustomXmlParts, fakeExcel, type FakeExcel } from "../workbook/fake-excel.js";
import { FakeSheetReader } from "../workbook/fake-sheet-reader.js";
import { recordFromXml, recordXml } from "../../src/workbook/generation-record.js";
import { builtInScheme } from "../../src/schemes/index.js";

const g = globalThis as Record<string, unknown>;
const settings = new Map<string, unknown>();
let excel: FakeExcel;
let activated: string[] = [];

/** Excel.run over the writer's fake workbook, with sheets that can be activated. */
const fakeRun = {
  run: async (f: (context: unknown) => Promise<unknown>) => {
    const context = excel;
    const worksheets = excel.workbook.worksheets as unknown as { getItem(name: string): object };
    const getItem = worksheets.getItem.bind(worksheets);
    worksheets.getItem = (name: string) => ({ ...getItem(name), activate: () => activated.push(name) });
    return f(context);
  },
};

beforeAll(() => {
  g.Excel = fakeRun;
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
    expect(result.sheets).toEqual(["方案", "考核 2026-11", "发放 2026-11", "汇总 2026-11", "工资条 2026-11"]);
    expect(excel.state().sheets).toEqual(["花名册", "方案", "考核 2026-11", "发放 2026-11", "汇总 2026-11", "工资条 2026-11"]);
    expect(activated).toEqual(["考核 2026-11"]);
    expect(progress.at(-1)).toBe(1);
    expect(await host.savedScheme()).toEqual(JSON.parse(JSON.stringify(scheme)));
    // the record is one custom XML part, not the document's settings
    expect(excel.customXml).toHaveLength(1);
    expect(recordFromXml(excel.customXml[0])?.snapshot?.people.W1.lines.pay).toBe(30000);
    expect(settings.size).toBe(0);
  });

  it("reads a record an earlier version kept in the document's settings, and moves it into the workbook", async () => {
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const record = recordFromXml(excel.customXml[0])!;
    const parts: string[] = [];
    g.Excel = { run: async (f: (context: unknown) => Promise<unknown>) => f({ workbook: { customXmlParts: fakeCustomXmlParts(parts) }, sync: async () => undefined }) };
    settings.set("kpi-scorecard.scheme", JSON.stringify(record.scheme));
    settings.set("kpi-scorecard.layout", JSON.stringify(record.layout));
    settings.set("kpi-scorecard.snapshot", JSON.stringify(record.snapshot));
    const host = officeHost("zh-CN");
    expect((await host.savedScheme()) as { id: string }).toMatchObject({ id: "warehouse" });
    const { writeRecord } = await import("../../src/taskpane/host/office-record.js");
    await writeRecord(record);
    expect([parts.length, settings.size]).toEqual([1, 0]);
  });

  it("recalculates: reads the sheets and the scheme settings Excel holds, reports what changed since generation and why", async () => {
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const host = officeHost("zh-CN");
    const parts = [...excel.customXml];
    const layout = recordFromXml(parts[0])!.layout!;
    expect(layout.settings.map((c: { name: string }) => c.name)).toContain("p_gate");
    // the two sheets' values after Excel calculated them: the line above the table, the header, then one person
    let unrecorded = 1;
    let sheetPay = 300;
    const values = (sheet: string) =>
      sheet === layout.evaluation
        ? [["白色:可填写"], layout.evaluationKeys, layout.evaluationKeys.map((k: string) => ({ id: "W1", name: "张三", unrecorded_movements: unrecorded, stock_errors: 0, safety_violations: 0, extra_points: 0 })[k] ?? 0)]
        : [["本表全部由公式按考核表计算"], layout.payoutKeys, layout.payoutKeys.map((k: string) => ({ id: "W1", "pay:bonus": sheetPay, pay: sheetPay })[k] ?? null)];
    // the scheme sheet's settings, by defined name, as generated
    const named = new Map<string, unknown>([["p_bonus_base", 300], ["p_gate", 80], ["p_unrecorded_points", 2], ["p_stock_error_points", 5], ["p_safety_points", 10], ["p_extra_points_cap", 100], ["p_between_rule", 0], ["p_r_extra_points_min", 0]]);
    let cleared = false;
    const reader = new FakeSheetReader(new Map(), named, { customXmlParts: fakeCustomXmlParts(parts) });
    // Excel's used range starts at the first used row: row 2 once the line above the table is cleared
    const excelNow = () => {
      for (const name of [layout.evaluation, layout.payout]) reader.sheets.set(name, { top: cleared ? 1 : 0, values: values(name).slice(cleared ? 1 : 0) });
      return reader;
    };
    g.Excel = { run: async (f: (context: unknown) => Promise<unknown>) => f(excelNow()) };
    const report = async () => {
      const r = await host.recalculate!();
      if (!r || !("snapshot" in r)) throw new Error(JSON.stringify(r));
      return r;
    };
    const first = await report();
    expect([first.people, first.changes, first.settingChanges, first.mismatches, first.calculated, first.baseline]).toEqual([1, [], [], [], true, true]);
    expect(parts).toHaveLength(1); // the record replaced, not added to

    unrecorded = 11; // someone fixed the count: the score falls below 80, the bonus to 0
    const second = await report();
    expect(second.changes.map((c) => [c.line, c.before, c.after])).toEqual([["bonus", 30000, 0], ["pay", 30000, 0]]);
    expect(second.changes[0].causes.map((c) => c.field)).toEqual(["unrecorded_movements", "total"]);
    expect(second.changes[0].reason).not.toBeNull();
    expect(second.mismatches.map((m) => m.line)).toEqual(["bonus", "pay"]); // the fake's payout sheet still says 300

    unrecorded = 1; // and back, while finance raised the bonus base on the scheme sheet
    named.set("p_bonus_base", 400);
    sheetPay = 400;
    const third = await report();
    expect(third.settingChanges).toEqual([{ name: "p_bonus_base", before: 300, after: 400 }]);
    expect(third.changes.map((c) => [c.line, c.before, c.after])).toEqual([["bonus", 0, 40000], ["pay", 0, 40000]]);
    expect(third.mismatches).toEqual([]);
    expect(reader.calculated).toBe(3);

    // someone cleared the legend line above both tables: the used range starts lower, nobody is lost
    cleared = true;
    const fourth = await report();
    expect([fourth.people, fourth.changes, fourth.mismatches, fourth.rowProblems]).toEqual([1, [], [], []]);
    cleared = false;

    // the report filed as a sheet of its own, named apart from a sheet already there, and shown
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    const saved = excel;
    excel = fakeExcel({ sheets: ["花名册", `核对 ${today}`] });
    activated = [];
    const officeRun = g.Excel;
    g.Excel = fakeRun;
    expect(await host.exportReport!(second, "zh-CN")).toBe(`已在工作簿中添加核对表「核对 ${today} (2)」。`);
    expect(excel.state().sheets).toEqual(["花名册", `核对 ${today}`, `核对 ${today} (2)`]);
    expect(activated).toEqual([`核对 ${today} (2)`]);
    g.Excel = officeRun;
    excel = saved;

    named.set("p_gate", "八十");
    expect(await host.recalculate!()).toEqual({ failed: "settings", problems: ["方案!B10(p_gate):应为数字,实际为“八十”"] });
    named.delete("p_gate");
    const missing = await host.recalculate!("en-US");
    expect(missing && "failed" in missing && missing.problems[0]).toMatch(/^The defined name p_gate \(made for 方案!B10\) is no longer in the workbook/);
  });

  it("a workbook made in the browser or by the CLI: the pane finds its scheme and baseline in the file's custom XML part", async () => {
    settings.clear();
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const { buildWorkbookPlan } = await import("../../src/workbook/plan/build-plan.js");
    const { generationRecord, recordXml, RECORD_NAMESPACE } = await import("../../src/workbook/generation-record.js");
    const scheme = builtInScheme("warehouse")!;
    const roster = [{ id: "W1", name: "张三", values: { unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 } }];
    const plan = buildWorkbookPlan(scheme, roster, { lang: "zh-CN", mode: "native", period: "2026-11" });
    const record = generationRecord(scheme, roster, plan);
    const layout = record.layout!;
    let unrecorded = 11;
    // the file's parts: another program's, and ours
    const parts = ['<other xmlns="urn:someone-else"/>', recordXml(record)];
    const named = new Map(Object.entries(record.snapshot!.settings));
    const reader = new FakeSheetReader(new Map(), named, { customXmlParts: fakeCustomXmlParts(parts) });
    const excelNow = () => {
      reader.sheets.set(layout.evaluation, { values: [["白色:可填写"], layout.evaluationKeys, layout.evaluationKeys.map((k) => ({ id: "W1", name: "张三", unrecorded_movements: unrecorded, stock_errors: 0, safety_violations: 0, extra_points: 0 })[k] ?? 0)] });
      reader.sheets.set(layout.payout, { values: [["本表全部由公式按考核表计算"], layout.payoutKeys, layout.payoutKeys.map((k) => ({ id: "W1", "pay:bonus": 0, pay: 0 })[k] ?? null)] });
      return reader;
    };
    g.Excel = { run: async (f: (context: unknown) => Promise<unknown>) => f(excelNow()) };
    const host = officeHost("en-US");
    expect(await host.savedScheme()).toEqual(JSON.parse(JSON.stringify(scheme)));
    const r = await host.recalculate!();
    if (!r || !("snapshot" in r)) throw new Error(JSON.stringify(r));
    // changes since the browser generated the file: the corrected count took the bonus away
    expect(r.changes.map((c) => [c.line, c.before, c.after])).toEqual([["bonus", 30000, 0], ["pay", 30000, 0]]);
    expect(r.mismatches).toEqual([]);
    // the record now holds this run's pay; the other program's part is untouched
    expect(parts[0]).toBe('<other xmlns="urn:someone-else"/>');
    expect(parts.filter((x) => x.includes(RECORD_NAMESPACE))).toHaveLength(1);
    expect(recordFromXml(parts[1])?.snapshot?.people.W1.lines.pay).toBe(0);
    unrecorded = 1;
    const again = await host.recalculate!();
    expect(again && "changes" in again && again.changes.map((c) => [c.line, c.before, c.after])).toEqual([["bonus", 0, 30000], ["pay", 0, 30000]]);
  });

  it("a roster still to be filled in generates, with no baseline until its inputs are there", async () => {
    settings.clear();
    excel = fakeExcel({ sheets: [] });
    g.Excel = {
      run: async (f: (context: unknown) => Promise<unknown>) => {
        const worksheets = excel.workbook.worksheets as unknown as { getItem(name: string): object };
        const getItem = worksheets.getItem.bind(worksheets);
        worksheets.getItem = (name: string) => ({ ...getItem(name), activate: () => undefined });
        return f(excel);
      },
    };
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const host = officeHost("zh-CN");
    const blank = { unrecorded_movements: null, stock_errors: null, safety_violations: null, extra_points: null };
    await host.generate({ scheme: builtInScheme("warehouse")!, people: [{ id: "W1", name: "张三", values: blank }], lang: "zh-CN", mode: "native", period: "2026-11", protect: false }, () => undefined);
    const record = recordFromXml(excel.customXml[0])!;
    expect(record.layout?.payout).toBe("发放 2026-11");
    expect(record.snapshot).toBeNull();
  });

  it("puts the pay formula back into a payout cell typed over, on a protected sheet, and protects it again", async () => {
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const parts = [...excel.customXml]; // the workbook generated in the test before
    const layout = recordFromXml(parts[0])!.layout!;
    const bonusAt = layout.payoutKeys.indexOf("pay:bonus");
    const row = (id: string, bonus: unknown) => layout.payoutKeys.map((k: string, j: number) => (k === "id" ? id : j === bonusAt ? bonus : "=RC[-1]"));
    const reader = new FakeSheetReader(
      new Map([
        [
          layout.payout,
          {
            protected: true,
            values: [["本表全部由公式按考核表计算"], layout.payoutKeys, row("W1", 300), row("W2", 500), row("W3", 0)],
            formulas: [["本表全部由公式按考核表计算"], layout.payoutKeys, row("W1", "=ROUND(R[0]C[-2]*2,2)"), row("W2", 500), row("W3", "=ROUND(R[0]C[-2]*2,2)")],
          },
        ],
      ]),
      new Map(),
      { customXmlParts: fakeCustomXmlParts(parts) },
    );
    g.Excel = { run: async (f: (context: unknown) => Promise<unknown>) => f(reader) };
    const restored = await officeHost("en-US").restorePayoutFormulas!([{ id: "W2", line: "bonus" }, { id: "W1", line: "bonus" }]);
    expect(restored).toBe(1);
    // W2: the second person, under the line above the table and the header (row 4)
    expect(reader.calls).toEqual([`unprotect ${layout.payout}`, `${layout.payout} R4C${bonusAt + 1}:1x1 =ROUND(R[0]C[-2]*2,2)`, `protect ${layout.payout} {"allowFormatColumns":true,"allowSort":true,"allowAutoFilter":true}`]);
    expect(reader.sheets.get(layout.payout)!.protected).toBe(true);
  });

  it("says why it cannot recalculate a workbook of several periods, or one whose recorded scheme is broken", async () => {
    const { officeHost } = await import("../../src/taskpane/host/office.js");
    const record = recordFromXml(excel.customXml[0])!;
    const parts = [recordXml({ ...record, layout: null })];
    g.Excel = { run: async (f: (context: unknown) => Promise<unknown>) => f({ workbook: { customXmlParts: fakeCustomXmlParts(parts) }, sync: async () => undefined }) };
    const host = officeHost("en-US");
    expect(await host.recalculate!()).toEqual({ failed: "periods", problems: [expect.stringContaining("This workbook holds several periods")] });
    parts[0] = recordXml({ ...record, scheme: { ...record.scheme, money: { digits: 7 } } as unknown as typeof record.scheme });
    const broken = await host.recalculate!();
    expect(broken && "failed" in broken && broken.failed).toBe("scheme");
  });
});
