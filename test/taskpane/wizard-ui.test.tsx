// @vitest-environment jsdom
/**
 * The wizard as a person uses it (Testing Library): each step, every validation message, and
 * generation through a fake host.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App.js";
import type { Host, GenerateRequest, RecalcOutcome } from "../../src/taskpane/host/types.js";
import { builtInScheme } from "../../src/schemes/index.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { liftRuleNumbers } from "../../src/workbook/plan/lift.js";
import { recalcPayouts, schemeAsEdited, schemeSettings, settingCells } from "../../src/workbook/read-back.js";
import "./jsdom-fluent.js";

afterEach(cleanup);


const files: { fileName: string; text: string }[] = [];
let saved: unknown = null;

function fakeHost(lang: "zh-CN" | "en-US" = "en-US") {
  const calls: GenerateRequest[] = [];
  const host: Host = {
    kind: "standalone",
    lang,
    generate: vi.fn(async (req: GenerateRequest, progress: (p: number) => void) => {
      calls.push(req);
      progress(0.5);
      return { sheets: ["Scheme", "Evaluation 2026-11"], renamed: [], fileName: "warehouse-2026-11.xlsx" };
    }),
    savedScheme: async () => saved,
    offerFile: (bytes: Uint8Array, fileName: string) => files.push({ fileName, text: new TextDecoder().decode(bytes) }),
  };
  return { host, calls };
}

async function chooseWarehouse(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByText("Warehouse staff bonus"));
  await user.click(screen.getByTestId("next"));
}

describe("wizard", () => {
  it("step 1 shows the thirteen templates; Next waits for a choice", async () => {
    render(<App host={fakeHost().host} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(13);
    expect((screen.getByTestId("next") as HTMLButtonElement).disabled).toBe(true);
    await userEvent.setup().click(screen.getByText("Warehouse staff bonus"));
    expect((screen.getByTestId("next") as HTMLButtonElement).disabled).toBe(false);
  });

  it("says why an imported scheme is refused, with paths", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    const file = new File([JSON.stringify({ id: "x" })], "bad.json", { type: "application/json" });
    await user.upload(screen.getByTestId("scheme-file"), file);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("name:");
    expect(alert.textContent).toContain("period:");
  });

  it("step 2: a live total, a message while it is off, and Next held back until fixed", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    expect(screen.getByTestId("indicator-total").textContent).toBe("Full marks add up to 100, as they should.");
    const points = screen.getByTestId("points-conduct");
    await user.clear(points);
    await user.type(points, "95");
    expect(screen.getByTestId("indicator-total").textContent).toBe("Indicator points add up to 95; they must add up to 100.");
    // said once, by the total bar (it was said again below in developer form: "indicators: … ")
    expect(screen.queryByTestId("scheme-problems")).toBeNull();
    expect(document.body.textContent).not.toContain("indicators:");
    expect((screen.getByTestId("next") as HTMLButtonElement).disabled).toBe(true);
    await user.clear(points);
    await user.type(points, "abc");
    expect(screen.getByText('"abc" is not a number')).toBeTruthy();
  });

  it("a scheme problem names its place by what the manager sees, not by its path in the scheme", async () => {
    const { schemePlace } = await import("../../src/io/scheme-problem-text.js");
    const { builtInScheme } = await import("../../src/schemes/index.js");
    const s = builtInScheme("ecommerce-cs")!;
    expect(schemePlace("indicators[0].points", s, "zh-CN")).toBe(`${s.indicators[0].name["zh-CN"]} · 分值`);
    expect(schemePlace("grades[1].min", s, "en-US")).toBe(`${s.grades[1].label["en-US"]} · From`);
    expect(schemePlace("parameters[0].value", s, "zh-CN")).toBe(s.parameters[0].name["zh-CN"]);
    expect(schemePlace("indicators", s, "zh-CN")).toBe("指标");
    expect(schemePlace("money.digits", s, "zh-CN")).toBe("money.digits");
  });

  it("step 4 lists the required columns by label, the id a file may use beside it", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    await user.click(screen.getByTestId("confirm-all"));
    await user.click(screen.getByRole("button", { name: "4. Roster" }));
    const items = Array.from(screen.getByTestId("roster-columns").querySelectorAll("li"));
    const first = items.find((li) => li.textContent!.includes("unrecorded_movements"))!;
    expect(first.firstElementChild!.textContent).toBe("Unrecorded stock movements");
    expect(first.lastElementChild!.textContent).toBe("unrecorded_movements");
  });

  it("step 2 explains each rule in words and marks the seed's defaults to review", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    expect(screen.getByText("100 points less 3 kinds of deductions, never below 0")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Confirm the value of/ })).toHaveLength(4);
    await user.click(screen.getByRole("button", { name: "Confirm the value of Stock discrepancy: points each" }));
    expect(screen.getAllByRole("button", { name: /^Confirm the value of/ })).toHaveLength(3);
  });

  it("step 4 lists row problems before anything is generated, and generation waits for them", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    await user.click(screen.getByRole("button", { name: "4. Roster" }));
    const text = screen.getByTestId("roster-text");
    await user.click(text);
    await user.paste("id,name,unrecorded_movements\nW1,Zhang,x\nW1,Li,1\n");
    const problems = screen.getByTestId("roster-problems");
    expect(within(problems).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      'line 2, column "Unrecorded stock movements (unrecorded_movements)": "x" is not a number',
      'line 3, column "ID (id)": id "W1" appears again (first on line 2)',
    ]);
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    expect(screen.getByTestId("blockers").textContent).toContain("The roster has 2 problem(s): fix them on step 4, Roster, before generating");
    // no blocker ends in a colon with nothing after it (it read "…before generating:")
    for (const li of Array.from(screen.getByTestId("blockers").querySelectorAll("li"))) expect(li.textContent).not.toMatch(/[::]$/);
    expect((screen.getByTestId("generate") as HTMLButtonElement).disabled).toBe(true);
  });

  it("step 4 reads a roster saved by Excel as .xlsx, and names a blank row by its row in the sheet", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("花名册");
    ws.addRow(["id", "name", "unrecorded_movements", "stock_errors", "safety_violations", "extra_points"]);
    ws.addRow(["W1", "张三", 0, 0, 0, 10]);
    ws.getRow(4).values = ["W2", "李四", 1, 0, 0, 0]; // row 3 left blank
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    await user.click(screen.getByRole("button", { name: "4. Roster" }));
    await user.upload(screen.getByTestId("roster-file"), new File([bytes], "花名册.xlsx"));
    const problems = await screen.findByTestId("roster-problems");
    expect(within(problems).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["line 3: the row is blank; delete it or fill it in"]);
  });

  it("generates with the roster, options and language, and shows the result", async () => {
    const user = userEvent.setup();
    const { host, calls } = fakeHost();
    render(<App host={host} />);
    await chooseWarehouse(user);
    for (const b of screen.getAllByRole("button", { name: /^Confirm the value of/ })) await user.click(b);
    await user.click(screen.getByRole("button", { name: "4. Roster" }));
    await user.click(screen.getByTestId("roster-text"));
    await user.paste("id,name,unrecorded_movements,stock_errors,safety_violations\nW1,=1+1,1,0,0\n");
    await user.click(screen.getByRole("button", { name: "5. Options" }));
    await user.click(screen.getByLabelText(/Add-in formulas/));
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    await user.click(screen.getByTestId("generate"));
    expect((await screen.findByTestId("result")).textContent).toContain("warehouse-2026-11.xlsx is ready");
    expect(calls).toHaveLength(1);
    expect(calls[0].people).toEqual([{ id: "W1", name: "=1+1", period: null, values: expect.objectContaining({ unrecorded_movements: 1 }) }]);
    expect([calls[0].mode, calls[0].lang, calls[0].protect]).toEqual(["addin", "en-US", true]);
  });

  it("confirm all: the template's open defaults confirmed in one click, and remembered with the scheme for next month", async () => {
    const user = userEvent.setup();
    const { host, calls } = fakeHost();
    render(<App host={host} />);
    await chooseWarehouse(user);
    const open = screen.getAllByRole("button", { name: /^Confirm the value of/ }).length;
    expect(open).toBeGreaterThan(1);
    await user.click(screen.getByRole("button", { name: `Confirm all (${open})` }));
    expect(screen.queryAllByRole("button", { name: /^Confirm the value of/ })).toHaveLength(0);
    expect(screen.queryByTestId("confirm-all")).toBeNull();
    await user.click(screen.getByRole("button", { name: "4. Roster" }));
    await user.click(screen.getByTestId("roster-text"));
    await user.paste("id,name,unrecorded_movements,stock_errors,safety_violations\nW1,张三,1,0,0\n");
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    await user.click(screen.getByTestId("generate"));
    await screen.findByTestId("result");
    // the scheme generated (and kept in the workbook) has nothing left to review
    expect(calls[0].scheme.parameters.filter((p) => p.review)).toEqual([]);
    expect(calls[0].scheme.parameters.filter((p) => p.confirmed)).toHaveLength(open);
    // and the workbook's scheme sheet says so, beside each value
    const { buildWorkbookPlan } = await import("../../src/workbook/plan/build-plan.js");
    const sheet = buildWorkbookPlan(calls[0].scheme, calls[0].people, { lang: "en-US", mode: "native" }).sheets[0];
    expect(sheet.blocks.flatMap((b) => b.values.flat()).filter((v) => v === "confirmed")).toHaveLength(open);
    cleanup();
    saved = calls[0].scheme;
    render(<App host={fakeHost().host} />);
    await user.click(await screen.findByTestId("saved-scheme"));
    await user.click(screen.getByTestId("next"));
    expect(screen.queryAllByRole("button", { name: /^Confirm the value of/ })).toHaveLength(0);
    expect(screen.queryByTestId("confirm-all")).toBeNull();
    expect(screen.getAllByText("confirmed")).toHaveLength(open);
    saved = null;
  });

  it("review: lists every change from the template, in words, or says there is none", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    await user.click(screen.getByTestId("confirm-all"));
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    expect(screen.getByTestId("review-changes").textContent).toBe("The same as the template “Warehouse staff bonus”: nothing changed.");
    await user.click(screen.getByRole("button", { name: "2. Indicators" }));
    const base = screen.getByTestId("param-bonus_base");
    await user.clear(base);
    await user.type(base, "350");
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    expect(screen.getByTestId("review-changes").textContent).toBe("Changed from the template “Warehouse staff bonus”:Bonus base (yuan): 300 → 350");
  });

  it("grades: a small table — labels in both languages, lower bound, coefficient — each field named by its grade", async () => {
    const { builtInScheme } = await import("../../src/schemes/index.js");
    const scheme = builtInScheme("ecommerce-cs")!;
    const top = scheme.grades[0];
    const user = userEvent.setup();
    const { container } = render(<App host={fakeHost().host} />);
    await user.click(container.querySelector('[data-template="ecommerce-cs"]')!);
    await user.click(screen.getByTestId("next"));
    await user.click(screen.getByTestId("confirm-all"));
    await user.click(screen.getByRole("button", { name: "3. Grades & pay" }));
    const table = screen.getByTestId("grades-table");
    expect(Array.from(table.querySelectorAll("th")).map((th) => th.textContent)).toEqual(["Label (中文)", "Label (English)", "From", "Coefficient"]);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(scheme.grades.length);
    const min = screen.getByLabelText(`${top.label["en-US"]} · From`);
    await user.clear(min);
    await user.type(min, "88");
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    expect(screen.getByTestId("review-changes").textContent).toContain(`${top.label["en-US"]} · lower bound: ${top.min} → 88`);
  });

  it("grades: a pool's grade coefficients (parameters) are edited beside their grades", async () => {
    const user = userEvent.setup();
    const { container } = render(<App host={fakeHost().host} />);
    await user.click(container.querySelector('[data-template="cs-bonus-pool"]')!);
    await user.click(screen.getByTestId("next"));
    await user.click(screen.getByRole("button", { name: "3. Grades & pay" }));
    const coef = screen.getByTestId("grade-coefficient-excellent") as HTMLInputElement;
    expect(coef.getAttribute("aria-label")).toMatch(/^Excellent · Coefficient \(.+\)$/);
    const before = coef.value;
    await user.clear(coef);
    await user.type(coef, "1.6");
    await user.click(screen.getByRole("button", { name: "2. Indicators" }));
    expect((screen.getByTestId("param-coef_excellent") as HTMLInputElement).value).toBe("1.6");
    expect(before).not.toBe("1.6");
  });

  it("offers the scheme saved last time, and exports the edited scheme as JSON that validates", async () => {
    const { builtInScheme } = await import("../../src/schemes/index.js");
    const { parseScheme } = await import("../../src/core/scheme/load.js");
    saved = { ...builtInScheme("warehouse")!, name: { "zh-CN": "上月方案", "en-US": "Last month's scheme" } };
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await user.click(await screen.findByText("Saved scheme: Last month's scheme"));
    await user.click(screen.getByTestId("next"));
    const points = screen.getByTestId("param-bonus_base");
    await user.clear(points);
    await user.type(points, "350");
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    await user.click(screen.getByTestId("export"));
    expect(files.at(-1)!.fileName).toBe("warehouse.json");
    const r = parseScheme(JSON.parse(files.at(-1)!.text));
    expect(r.ok && r.scheme.parameters.find((p) => p.id === "bonus_base")!.value).toBe(350);
    saved = null;
  });

  it("finance: its own entry; the conclusion first, the cell typed over next with the button that restores it, then each person once with their lines and causes", async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    const scheme = builtInScheme("warehouse")!;
    const counts = { W1: 0, W2: 11 };
    const roster = () => Object.entries(counts).map(([id, n]) => ({ id, name: id === "W1" ? "张三" : "李四", values: { unrecorded_movements: n, stock_errors: 0, safety_violations: 0, extra_points: 0 } }));
    const plan = buildWorkbookPlan(scheme, roster(), { lang: "en-US", mode: "native" });
    const [, ev, pay] = plan.sheets;
    const cells = settingCells(plan.names);
    const planned = schemeSettings(liftRuleNumbers(scheme).scheme, cells);
    const evaluation = () => ({ keys: ev.table!.keys, rows: roster().map((p) => ev.table!.keys.map((k) => (k === "id" ? p.id : k === "name" ? p.name : ((p.values as Record<string, number>)[k] ?? 0)))) });
    const payout = (payW1: number) => ({ keys: pay.table!.keys, rows: [["W1", payW1, payW1]].map((r) => pay.table!.keys.map((k) => (k === "id" ? r[0] : k === "pay:bonus" ? r[1] : k === "pay" ? r[2] : null))) });
    const first = recalcPayouts(scheme, evaluation(), payout(300), null, cells, planned);
    // finance raises the bonus base on the scheme sheet; W2's count is corrected; W1's bonus cell is typed over
    const edited = schemeAsEdited(scheme, cells.map((c) => ({ ...c, value: c.name === "p_bonus_base" ? 400 : planned[c.name] })), "en-US");
    if (!edited.ok) throw new Error(edited.problems.join());
    counts.W2 = 5;
    const second = recalcPayouts(edited.scheme, evaluation(), payout(500), first.snapshot, cells, edited.settings);
    let outcome: RecalcOutcome = { ...second, calculated: true, baseline: true };
    host.recalculate = async () => outcome;
    render(<App host={host} />);
    // the wizard first; finance is the other tab
    expect(screen.queryByTestId("recalculate")).toBeNull();
    await user.click(screen.getByTestId("view-finance"));
    await user.click(screen.getByTestId("recalculate"));
    const report = await screen.findByTestId("recalc-report");
    const text = report.textContent!;
    const order = (s: string) => text.indexOf(s);
    expect(screen.getByTestId("recalc-verdict").textContent).toBe("Result: does not agree — 2 payout cell(s) differ from the engine; 1 payout row(s) do not match the evaluation sheet one to one.");
    expect(screen.getByTestId("recalc-act").textContent).toContain("D2 (W1 张三, Performance bonus): the payout sheet shows 500.00, the engine computes 400.00 — was the formula typed over?");
    expect(order("To act on")).toBeLessThan(order("Pay changes (one row per person)"));
    expect(text).toContain("2 people recalculated; 4 pay line(s) changed since the last recalculation (or since the workbook was generated).");
    expect(text).toContain("Settings changed on the scheme sheet:Bonus base (yuan): 300 → 400");
    const rows = screen.getAllByTestId("recalc-person").map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("W1 张三Performance bonus: 300.00 → 400.00Because: the setting “Bonus base (yuan)” changedNow:");
    expect(rows[0]).toContain("+100.00300.00 → 400.00");
    expect(rows[1]).toContain("W2 李四Performance bonus: 0.00 → 400.00Because: Unrecorded stock movements 11 → 5; Total 78 → 90Now:");
    // sorted by the change, largest first; filtered by name
    await user.click(screen.getByTestId("sort-delta"));
    expect(screen.getAllByTestId("recalc-person")[0].textContent).toMatch(/^W2 李四/);
    await user.type(screen.getByTestId("recalc-filter"), "张三");
    expect(screen.getAllByTestId("recalc-person").map((r) => r.textContent!.slice(0, 5))).toEqual(["W1 张三"]);
    expect(screen.getByText("Showing 1 of 2 people")).toBeTruthy();
    expect(text).toContain("Amounts are rounded to 0.01 yuan per pay line with Excel's ROUND (half away from zero)");
    expect(screen.getByTestId("recalc-totals").textContent).toBe("Everyone's pay: 300.00 → 800.00 (+500.00)");

    // finance puts the formula back: the host restores, the pane recalculates and says so
    const restoredCells: string[] = [];
    host.restorePayoutFormulas = async (typedOver) => {
      typedOver.forEach((c) => restoredCells.push(`${c.id}:${c.line}`));
      outcome = { ...recalcPayouts(edited.scheme, evaluation(), payout(400), second.snapshot, cells, edited.settings), calculated: true, baseline: true };
      return 1;
    };
    cleanup();
    render(<App host={host} />);
    await user.click(screen.getByTestId("view-finance"));
    await user.click(screen.getByTestId("recalculate"));
    await user.click(await screen.findByRole("button", { name: "Put the pay formulas back (2 cell(s))" }));
    expect(restoredCells).toEqual(["W1:bonus", "W1:pay"]);
    const after = (await screen.findByText("1 payout cell(s) got their formula back; recalculated again.")).closest("[data-testid=recalc-report]")!;
    expect(after.textContent).not.toContain("the payout sheet shows");
    expect(screen.queryByTestId("restore-formulas")).toBeNull();

    outcome = { failed: "settings", problems: ["Scheme!C8 (p_gate): expected a number, found \"eighty\""] };
    await user.click(screen.getByTestId("recalculate"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("The scheme sheet's settings cannot be used, so nothing was recalculated:Scheme!C8 (p_gate): expected a number, found \"eighty\"");
  });

  it("finance: a long list of people is cut at 200 in the pane, the rest counted", async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    const scheme = builtInScheme("warehouse")!;
    const values = { unrecorded_movements: 11, stock_errors: 0, safety_violations: 0, extra_points: 0 };
    const roster = Array.from({ length: 250 }, (_, i) => ({ id: `W${i + 1}`, name: `P${i + 1}`, values: { ...values } }));
    const plan = buildWorkbookPlan(scheme, roster, { lang: "en-US", mode: "native" });
    const [, ev, pay] = plan.sheets;
    const evaluation = (n: number) => ({ keys: ev.table!.keys, rows: roster.map((p) => ev.table!.keys.map((k) => (k === "id" ? p.id : k === "name" ? p.name : k === "unrecorded_movements" ? n : ((p.values as Record<string, number>)[k] ?? 0)))) });
    const payout = { keys: pay.table!.keys, rows: [] };
    const first = recalcPayouts(scheme, evaluation(11), payout, null);
    const second = recalcPayouts(scheme, evaluation(0), payout, first.snapshot);
    expect(second.changes).toHaveLength(500); // bonus and total pay for each of 250 people
    host.recalculate = async () => ({ ...second, calculated: false, baseline: true });
    render(<App host={host} />);
    await user.click(screen.getByTestId("view-finance"));
    await user.click(screen.getByTestId("recalculate"));
    const report = await screen.findByTestId("recalc-report");
    expect(screen.getAllByTestId("recalc-person")).toHaveLength(200);
    expect(report.textContent).toContain("… and 50 more people, not listed here (the exported report lists all).");
    // a file saved without values: the conclusion says nothing could be compared
    expect(screen.getByTestId("recalc-verdict").textContent).toContain("saved without calculated values");
  });

  it("options: sheet names Excel would refuse are named and block generation; good ones go to the host", async () => {
    const user = userEvent.setup();
    const { host, calls } = fakeHost();
    render(<App host={host} />);
    await chooseWarehouse(user);
    for (const b of screen.getAllByRole("button", { name: /^Confirm the value of/ })) await user.click(b);
    await user.click(screen.getByRole("button", { name: "5. Options" }));
    await user.click(screen.getByTestId("evaluationName"));
    await user.paste("考核[11月]");
    expect(screen.getByText("a sheet name cannot hold : \\ / ? * [ ]")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    expect(screen.getByTestId("blockers").textContent).toContain("考核[11月]: a sheet name cannot hold");
    await user.click(screen.getByRole("button", { name: "5. Options" }));
    await user.clear(screen.getByTestId("evaluationName"));
    await user.type(screen.getByTestId("evaluationName"), "十一月考核");
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    await user.click(screen.getByTestId("generate"));
    await screen.findByTestId("result");
    expect(calls[0].sheetNames).toEqual({ evaluation: "十一月考核" });
  });

  it("options: an evaluation and a payout sheet of one name (or the scheme sheet's) block generation", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await chooseWarehouse(user);
    for (const b of screen.getAllByRole("button", { name: /^Confirm the value of/ })) await user.click(b);
    await user.click(screen.getByRole("button", { name: "5. Options" }));
    await user.click(screen.getByTestId("evaluationName"));
    await user.paste("scheme");
    expect(screen.getByText('two sheets would be named "scheme" (Excel compares names without case): choose another name')).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    expect(screen.getByTestId("blockers").textContent).toContain('two sheets would be named "scheme" (Excel compares names without case)');
    expect((screen.getByTestId("generate") as HTMLButtonElement).disabled).toBe(true);
  });

  it("inside Excel: the roster from the selected cells, and links that bring each created sheet to the front", async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    const shown: string[] = [];
    host.readSelection = async () => [["id", "name", "unrecorded_movements", "stock_errors", "safety_violations"], ["W9", "赵六", "0", "0", "0"]];
    host.showSheet = async (name) => void shown.push(name);
    host.kind = "office";
    render(<App host={host} />);
    await chooseWarehouse(user);
    for (const b of screen.getAllByRole("button", { name: /^Confirm the value of/ })) await user.click(b);
    await user.click(screen.getByRole("button", { name: "4. Roster" }));
    await user.click(screen.getByTestId("roster-selection"));
    expect(await screen.findByText("1 people, no problems.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "6. Generate" }));
    await user.click(screen.getByTestId("generate"));
    await screen.findByTestId("result");
    await user.click(screen.getByRole("button", { name: "Evaluation 2026-11" }));
    expect(shown).toEqual(["Evaluation 2026-11"]);
  });

  it("switches language", async () => {
    const user = userEvent.setup();
    render(<App host={fakeHost().host} />);
    await user.selectOptions(screen.getByTestId("lang"), "zh-CN");
    expect(screen.getByText("选择方案")).toBeTruthy();
    expect(screen.getByText("仓库人员绩效奖金")).toBeTruthy();
  });
});
