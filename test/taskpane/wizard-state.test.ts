/** The wizard's reducer and selectors: every step's behaviour without a browser. */
import { describe, expect, it } from "vitest";
import { initialState, wizardReducer, type WizardEvent, type WizardState } from "../../src/taskpane/state/wizard.js";
import { confirmedDraft, indicatorTotal, parseRoster, previewPeople, sampleRosterText, schemeProblems, unreviewed } from "../../src/taskpane/state/select.js";
import { t } from "../../src/i18n/index.js";

const run = (events: WizardEvent[], s: WizardState = initialState("zh-CN", "2026-11")) => events.reduce(wizardReducer, s);

describe("wizard state", () => {
  it("starts on the scheme step with nothing chosen, native formulas, protection on", () => {
    const s = initialState("en-US", "2026-11");
    expect([s.step, s.draft, s.options]).toEqual(["scheme", null, { period: "2026-11", formulas: "native", protect: true, evaluationName: "", payoutName: "" }]);
  });

  it("a template becomes an editable copy; the built-in one is untouched", () => {
    const s = run([{ type: "template", id: "warehouse" }, { type: "indicator-points", index: 0, points: 90 }]);
    expect(s.draft?.indicators[0].points).toBe(90);
    expect(run([{ type: "template", id: "warehouse" }]).draft?.indicators[0].points).toBe(100);
  });

  it("keeps a live total and names the problem while points do not add up", () => {
    const s = run([{ type: "template", id: "ecommerce-cs" }, { type: "indicator-points", index: 0, points: 25 }]);
    expect(indicatorTotal(s.draft!)).toEqual({ sum: 95, expected: 100, of: "points" });
    expect(schemeProblems(s.draft, "en-US").map((p) => t("en-US", p.key, p.vars))).toEqual(["indicator points add up to 95, expected 100 (total.full)"]);
    expect(schemeProblems(s.draft, "zh-CN").map((p) => t("zh-CN", p.key, p.vars))).toEqual(["各指标分值合计为 95,应为 100(total.full)"]);
  });

  it("weighted schemes edit weights", () => {
    const s = run([{ type: "template", id: "outsourcing" }, { type: "indicator-weight", index: 0, weight: 35 }]);
    expect(indicatorTotal(s.draft!)).toEqual({ sum: 95, expected: 100, of: "weights" });
  });

  it("moves, removes (with the input nobody else reads) and adds indicators", () => {
    let s = run([{ type: "template", id: "warehouse" }]);
    s = run([{ type: "indicator-add", id: "custom_2", name: { "zh-CN": "服务", "en-US": "Service" } }], s);
    expect(s.draft!.indicators.map((i) => i.id)).toEqual(["conduct", "custom_2"]);
    expect(s.draft!.inputs.some((i) => i.id === "custom_2")).toBe(true);
    s = run([{ type: "indicator-move", index: 1, by: -1 }], s);
    expect(s.draft!.indicators.map((i) => i.id)).toEqual(["custom_2", "conduct"]);
    s = run([{ type: "indicator-remove", index: 0 }], s);
    expect(s.draft!.inputs.some((i) => i.id === "custom_2")).toBe(false);
    const ft = run([{ type: "template", id: "foreign-trade-sales" }, { type: "indicator-remove", index: 2 }]);
    // removing "results" removes the "sales" column it read; "sales_target" is still named by nothing else but stays declared
    expect(ft.draft!.inputs.some((i) => i.id === "sales")).toBe(false);
  });

  it("lists the seed's [X] parameters until each is confirmed", () => {
    let s = run([{ type: "template", id: "warehouse" }]);
    expect(unreviewed(s)).toEqual(["stock_error_points", "safety_points", "extra_points_cap", "between_rule"]);
    s = run([{ type: "review", id: "stock_error_points" }, { type: "param", id: "safety_points", value: 8 }], s);
    expect(unreviewed(s)).toEqual(["safety_points", "extra_points_cap", "between_rule"]);
    expect(s.draft!.parameters.find((p) => p.id === "safety_points")!.value).toBe(8);
  });

  it("edits grades and the money unit, and previews three sample people: low, middle, high", () => {
    const s = run([{ type: "template", id: "call-center" }, { type: "grade", index: 0, min: 95, coefficient: 1.5 }, { type: "money-digits", digits: 0 }]);
    expect(s.draft!.grades[0]).toMatchObject({ min: 95, coefficient: 1.5 });
    const p = previewPeople(s.draft!);
    expect(p).not.toBeNull();
    for (const x of [p!.low, p!.middle, p!.high]) expect(x.payTotal % 100).toBe(0);
    expect(p!.low.total).toBeLessThanOrEqual(p!.middle.total);
    expect(p!.middle.total).toBeLessThanOrEqual(p!.high.total);
  });

  it("a bonus pool's preview splits the budget among the sample team (it gave one person the whole budget)", () => {
    const s = run([{ type: "template", id: "cs-bonus-pool" }]);
    const p = previewPeople(s.draft!)!;
    const budget = s.draft!.pay.find((l) => l.rule.kind === "pool")!;
    expect(p.of).toBeGreaterThan(10);
    // nobody gets the whole pool: the highest share is well under the budget
    const pool = (budget.rule as { budget: number | { param: string } }).budget;
    const yuan = typeof pool === "number" ? pool : s.draft!.parameters.find((x) => x.id === pool.param)!.value;
    expect(yuan).toBeGreaterThan(0);
    const total = yuan * 100;
    expect(p.high.payTotal).toBeLessThan(total);
    expect(p.high.payTotal).toBeGreaterThan(p.low.payTotal);
  });

  it("parses a pasted roster (tab-separated, as copied from Excel) and lists row problems", () => {
    const s = run([{ type: "template", id: "warehouse" }]);
    const ok = parseRoster(s.draft!, "id\tname\tunrecorded_movements\nW1\t张三\t2\nW2\t李四\t\n");
    expect(ok.problems).toEqual([]);
    expect(ok.people.map((p) => [p.id, p.values.unrecorded_movements])).toEqual([["W1", 2], ["W2", null]]);
    const bad = parseRoster(s.draft!, "id,name,unrecorded_movements\nW1,张三,x\nW1,李四,1\n,王五,0\n");
    expect(bad.problems.map((p) => [p.line, p.column, p.key])).toEqual([
      [2, "unrecorded_movements", "data.not-number"],
      [3, "id", "data.duplicate-id"],
      [4, "id", "data.blank-id"],
    ]);
    expect(parseRoster(s.draft!, "name\nx").problems.map((p) => p.key)).toEqual(["data.missing-column"]);
  });

  it("sample data for the roster step parses without problems for every template", async () => {
    const { builtInSchemeIds } = await import("../../src/schemes/index.js");
    for (const id of builtInSchemeIds()) {
      const s = run([{ type: "template", id }]);
      expect(parseRoster(s.draft!, sampleRosterText(s.draft!, 5)).problems, id).toEqual([]);
    }
  });

  it("tracks generation: running, progress, done or failed", () => {
    let s = run([{ type: "template", id: "warehouse" }, { type: "generate-start" }, { type: "generate-progress", progress: 0.5 }]);
    expect(s.generation).toEqual({ status: "running", progress: 0.5 });
    s = run([{ type: "generate-done", result: { sheets: ["方案"], renamed: [] } }], s);
    expect(s.generation.status).toBe("done");
    s = run([{ type: "indicator-points", index: 0, points: 100 }], s);
    expect(s.generation.status).toBe("idle"); // an edit after generating asks to generate again
  });

  it("what the manager confirmed is generated as confirmed: no 待确认 on the scheme sheet, no asking again next month", () => {
    const s = run([{ type: "template", id: "warehouse" }]);
    const [first, ...rest] = unreviewed(s);
    expect(first).toBeDefined();
    const confirmed = confirmedDraft(run([{ type: "review", id: first }], s))!;
    expect(confirmed.parameters.find((p) => p.id === first)!.review).toBe(false);
    for (const id of rest) expect(confirmed.parameters.find((p) => p.id === id)!.review).toBe(true);
    expect(s.draft!.parameters.find((p) => p.id === first)!.review).toBe(true); // the draft itself unchanged
  });
});
