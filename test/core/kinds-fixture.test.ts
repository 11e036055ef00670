/**
 * Issue 16: a kind is one module. A throw-away kind added to the list (and nothing else changed)
 * is validated by the scheme schema, run by the engine, written as a formula a spreadsheet engine
 * agrees with, described in words, and its number lifted into a named, editable setting.
 */
import { describe, expect, it, vi } from "vitest";
import { magnitude } from "./fixtures/magnitude-kind.js";
import { minimal } from "../helpers.js";
import { ref } from "../../src/core/formula.js";
import { sheetFor } from "./kinds-oracle.js";

describe("a kind added to the list and nowhere else", () => {
  it("reaches the schema, the engine, the formula, the words, the scheme sheet and the settings", async () => {
    vi.resetModules();
    vi.doMock("../../src/core/kinds/list.js", async (original) => {
      const list = await original<typeof import("../../src/core/kinds/list.js")>();
      return { ...list, RULE_KINDS: [...list.RULE_KINDS, magnitude] };
    });
    const { parseScheme } = await import("../../src/core/scheme/load.js");
    const { compileScheme } = await import("../../src/core/evaluate.js");
    const { describeRule } = await import("../../src/core/describe.js");
    const { buildWorkbookPlan } = await import("../../src/workbook/plan/build-plan.js");
    const { t } = await import("../../src/i18n/index.js");
    const { printA1 } = await import("../../src/workbook/plan/print-formula.js");

    const raw = minimal({ indicators: [{ id: "x", name: { "zh-CN": "幅度", "en-US": "Magnitude" }, points: 100, rule: { kind: "magnitude", factor: 0.5 } }] });
    const r = parseScheme(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const scheme = r.scheme;

    // the engine
    const [person] = compileScheme(scheme).evaluateRoster([{ line: 2, period: null, id: "a1", name: "甲", values: { x: -120 } }]);
    expect(person.points.x).toBe(60);

    // the words
    const words = describeRule(scheme.indicators[0].rule, 100, scheme);
    expect(t("en-US", words.key, words.vars)).toContain("0.5");

    // the formula, in the evaluation sheet, over the lifted setting
    const plan = buildWorkbookPlan(scheme, [{ id: "a1", name: "甲", values: { x: -120 } }], { lang: "en-US", mode: "native" });
    const ev = plan.sheets.find((s) => s.role === "evaluation")!;
    const col = ev.table!.keys.indexOf("pts:x");
    const cell = ev.blocks[0].values[0][col];
    if (typeof cell !== "object" || cell === null) throw new Error("no formula");
    const text = printA1(cell.formula, 2);
    expect(text).toContain("ABS(");
    const setting = plan.names.find((n) => n.setting?.kind === "param" && text.includes(n.name));
    expect(setting, text).toBeDefined();
    const schemeSheet = plan.sheets.find((s) => s.role === "scheme")!;
    // the scheme sheet says the rule in its own words, with the number it has now
    expect(schemeSheet.blocks.flatMap((b) => b.values.flat())).toContain(t("en-US", words.key, words.vars));

    // and a second spreadsheet engine agrees with the engine on its formula
    for (const v of [-120, -3, 0, 7.5, 250]) {
      const c = { rule: { kind: "magnitude", factor: 0.5 }, full: 100, row: { v } };
      const sheet = sheetFor(c);
      const rule = magnitude.schema.parse(c.rule);
      const expected = magnitude.compile(rule, { env: { params: sheet.params }, full: 100 })(v, { values: {} }, null);
      expect(sheet.evaluate(magnitude.formula(rule, ref({ col: 0 }), "v", 100, sheet.context))).toBe(expected);
    }
    vi.doUnmock("../../src/core/kinds/list.js");
    vi.resetModules();
  });
});
