import { describe, expect, it } from "vitest";
import { parseScheme, withParams } from "../../src/core/scheme/load.js";
import { L, minimal, scheme } from "../helpers.js";
import { problemText, t } from "../../src/i18n/index.js";

const problems = (raw: unknown, lang: "en-US" | "zh-CN" = "en-US") => {
  const r = parseScheme(raw, lang);
  return r.ok ? [] : r.problems.map((p) => problemText(p, lang));
};

const ind = (id: string, points: number, rule: unknown = { kind: "direct" }) => ({ id, name: L(id), points, rule });
const num = (id: string) => ({ id, name: L(id), type: "number" });

describe("scheme validation", () => {
  it("accepts the minimal scheme and fills defaults", () => {
    const s = scheme(minimal());
    expect(s.total).toEqual({ method: "sum", full: 100, min: 0 });
    expect(s.money.digits).toBe(2);
    expect(s.scoreDigits).toBe(2);
  });

  it("refuses a rate computed from counts on an input that raters score one by one", () => {
    const raw = minimal({
      inputs: [{ id: "x", name: L("x"), type: "number", ratioOf: { numerator: "a", denominator: "b" } }, num("a"), num("b")],
      raters: [{ id: "self", name: L("self"), weight: 30 }, { id: "boss", name: L("boss"), weight: 70 }],
      indicators: [{ ...ind("x", 100), rated: true }],
    });
    expect(problems(raw)).toContain('inputs[0].ratioOf: input "x" is rated by several raters, so it cannot also be computed from counts');
  });

  it("refuses a word that would name two options of one input", () => {
    const raw = minimal({
      inputs: [{ id: "x", name: L("x"), type: "option", options: [{ id: "poor", label: L("差"), aliases: ["较差"] }, { id: "bad", label: L("较差") }] }],
      indicators: [ind("x", 100, { kind: "levels", points: { poor: 0, bad: 0 } })],
    });
    expect(problems(raw)).toContain('inputs[0].options[1]: "较差" already names the option at inputs[0].options[0]: a roster cell with it would be ambiguous');
  });

  it("names the path of a step that is not positive", () => {
    const raw = minimal({
      inputs: [num("a"), num("b"), num("c")],
      indicators: [ind("a", 30), ind("b", 30), ind("c", 40, { kind: "deduct-per-step", direction: "above", limit: 0.02, step: 0, points: 2 })],
    });
    expect(problems(raw)).toEqual(["indicators[2].rule.step: must be greater than 0"]);
  });

  it("says by how much indicator points miss full marks", () => {
    const raw = minimal({ inputs: [num("a"), num("b")], indicators: [ind("a", 30), ind("b", 65)] });
    expect(problems(raw)).toEqual(["indicators: indicator points add up to 95, expected 100 (total.full)"]);
  });

  it("says by how much weights miss, and which indicator has none", () => {
    const raw = minimal({
      inputs: [num("a"), num("b")],
      indicators: [{ ...ind("a", 100), weight: 60 }, ind("b", 100)],
      total: { method: "weighted", full: 100 },
    });
    expect(problems(raw)).toEqual([
      "indicators[1].weight: a weighted total needs a weight on every indicator",
      "indicators: weights add up to 60, expected 100 (total.full)",
    ]);
  });

  it("collects every problem, not only the first", () => {
    const raw = minimal({
      parameters: [{ id: "p", name: L("p"), value: 5, min: 10 }],
      indicators: [ind("x", 100, { kind: "ratio", target: { param: "nope" } })],
      grades: [{ id: "a", label: L("A"), min: 60 }],
      raters: [{ id: "self", name: L("s"), weight: 30 }],
    });
    expect(problems(raw)).toEqual([
      "parameters[0].value: must be at least 10",
      'indicators[0].rule.target.param: unknown parameter "nope"; declare it under "parameters"',
      "raters: rater weights add up to 30, expected 100",
      "grades: grade bands start at 60, so a total from 0 to 60 has no grade; the lowest band must start at 0 or lower",
    ]);
  });

  it("finds undeclared inputs anywhere, including pay lines and picks", () => {
    const raw = minimal({
      pay: [{ id: "p", name: L("p"), rule: { kind: "amount", amount: { pick: "level", from: { a: { input: "base" } } } } }],
    });
    expect(problems(raw)).toEqual([
      'pay[0].rule.amount.pick: unknown input "level"; declare it under "inputs"',
      'pay[0].rule.amount.from.a.input: unknown input "base"; declare it under "inputs"',
    ]);
  });

  it("refuses duplicate and reserved ids", () => {
    const raw = minimal({
      inputs: [num("x"), num("x"), num("total")],
    });
    expect(problems(raw)).toEqual([
      'inputs[1].id: duplicate id "x" (also inputs[0])',
      'inputs[1].id: "x" is already used by inputs[0]',
      'inputs[2].id: "total" is a reserved column name',
    ]);
  });

  it("checks levels against the input's options", () => {
    const raw = minimal({
      inputs: [num("x"), { id: "lv", name: L("lv"), type: "option", options: [{ id: "good", label: L("good") }, { id: "poor", label: L("poor") }] }],
      adjustments: [{ id: "lv", name: L("lv"), rule: { kind: "levels", points: { good: 2, bad: -2 } } }],
    });
    expect(problems(raw)).toEqual(['adjustments[0].rule.points: no points for option "poor"', 'adjustments[0].rule.points.bad: "bad" is not an option of input "lv"']);
  });

  it("checks tiered brackets", () => {
    const raw = minimal({
      pay: [{ id: "t", name: L("t"), rule: { kind: "tiered", amount: { input: "x" }, mode: "whole", brackets: [{ upTo: 100, rate: 0.1 }, { upTo: 50, rate: 0.2 }] } }],
    });
    expect(problems(raw)).toEqual([
      "pay[0].rule.brackets[1].upTo: must be greater than the bracket before (100)",
      "pay[0].rule.brackets[1].upTo: the last bracket must be open (null)",
    ]);
  });

  it("reports zod's own problems with their paths", () => {
    const raw = { ...minimal(), period: "weekly", indicators: [{ ...ind("x", 100), rule: { kind: "magic" } }] };
    const p = problems(raw);
    expect(p.some((x) => x.startsWith("period:"))).toBe(true);
    expect(p.some((x) => x.startsWith("indicators[0].rule.kind:"))).toBe(true);
  });

  it("speaks Chinese when asked, for our checks and zod's", () => {
    const raw = { ...minimal({ inputs: [num("a"), num("b")], indicators: [ind("a", 30), ind("b", 65)] }) };
    expect(problems(raw, "zh-CN")).toEqual(["indicators: 各指标分值合计为 95,应为 100(total.full)"]);
    const zodOwn = problems({ ...minimal(), period: "weekly" }, "zh-CN");
    expect(zodOwn[0]).toMatch(/^period: .*[\u4e00-\u9fff]/);
    // and the default language is English again afterwards
    expect(problems({ ...minimal(), period: "weekly" })[0]).toMatch(/^period: [\x20-\x7e]+$/);
  });

  it("revalidates parameter overrides", () => {
    const s = scheme(
      minimal({
        parameters: [{ id: "step", name: L("step"), value: 0.01 }],
        indicators: [ind("x", 100, { kind: "deduct-per-step", direction: "above", limit: 0.02, step: { param: "step" }, points: 2 })],
      }),
    );
    const r = withParams(s, { step: 0 });
    expect(r.ok ? [] : r.problems.map((p) => problemText(p, "en-US"))).toEqual(["indicators[0].rule.step: must be greater than 0"]);
    const unknown = withParams(s, { stepp: 1 });
    expect(unknown.ok ? [] : unknown.problems.map((p) => t("en-US", p.key, p.vars))).toEqual(['unknown parameter "stepp"; the scheme has: step']);
  });
});
