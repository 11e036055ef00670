/** The option table is the scheme format's too: a hand-written scheme may use any word the functions take. */
import { describe, expect, it } from "vitest";
import { parseScheme } from "../../src/core/scheme/load.js";
import { builtInScheme } from "../../src/schemes/index.js";
import { OPTION_SETS, optionValues } from "../../src/core/option-words.js";

describe("option words in a scheme", () => {
  it("reads 越低越好, 不超过 and 按比例 as the values they name, and keeps the values", () => {
    const raw = structuredClone(builtInScheme("logistics-cs")) as unknown as { indicators: { rule: Record<string, unknown> }[] };
    const deduct = raw.indicators.find((i) => i.rule.kind === "deduct-per-step")!;
    const side = deduct.rule.direction;
    deduct.rule.direction = side === "above" ? "超过上限" : "低于下限";
    deduct.rule.partial = "按比例";
    const r = parseScheme(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rule = r.scheme.indicators.find((i) => i.rule.kind === "deduct-per-step")!.rule as { direction: string; partial: unknown };
    expect([rule.direction, rule.partial]).toEqual([side, "prorate"]);
  });

  it("refuses a word of no set, naming the place and the values", () => {
    const raw = structuredClone(builtInScheme("ecommerce-cs")) as unknown as { indicators: { rule: Record<string, unknown> }[] };
    const at = raw.indicators.findIndex((i) => i.rule.kind === "ratio");
    raw.indicators[at].rule.direction = "sideways";
    const r = parseScheme(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ path: `indicators[${at}].rule.direction`, vars: { options: '"higher" | "lower"' } });
  });

  it("every set has distinct values, each with both labels", () => {
    for (const set of Object.keys(OPTION_SETS) as (keyof typeof OPTION_SETS)[]) {
      expect(new Set(optionValues(set)).size).toBe(optionValues(set).length);
      for (const w of OPTION_SETS[set]) expect(w.label["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
