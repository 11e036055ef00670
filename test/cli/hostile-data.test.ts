/**
 * Issue 9, schemes and data that used to crash the engine with a JavaScript error, or pay a number
 * that is no longer exact: each is now a problem that names its place.
 */
import { problemText } from "../../src/i18n/index.js";
import { describe, expect, it } from "vitest";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "./cli-helpers.js";
import { parseScheme } from "../../src/core/scheme/load.js";
import { allocatePool } from "../../src/core/kinds/pool.js";
import { toCents, sumCents } from "../../src/core/money.js";
import { EvaluationError } from "../../src/core/errors.js";

const L = (zh: string, en = zh) => ({ "zh-CN": zh, "en-US": en });
function base() {
  return {
    id: "hostile",
    name: L("测试"),
    description: L("测试"),
    period: "month",
    inputs: [
      { id: "unrecorded", name: L("未登记"), type: "integer", min: 0 },
      { id: "extra", name: L("加分"), type: "number", min: 0, max: 20, required: false, default: 0 },
      { id: "sales", name: L("销售额"), type: "number", required: false, default: 0 },
    ],
    indicators: [{ id: "discipline", name: L("规范"), points: 100, rule: { kind: "deductions", items: [{ input: "unrecorded", schedule: { kind: "per-unit", rate: 2 } }] } }],
    adjustments: [{ id: "extra", name: L("加分"), rule: { kind: "direct", min: 0, max: 20 } }],
    total: { method: "sum", full: 100, min: 0 },
    pay: [{ id: "commission", name: L("提成"), rule: { kind: "amount", amount: { op: "*", args: [{ input: "sales" }, 0.01] } } }],
  } as Record<string, unknown>;
}

async function evaluate(scheme: unknown, csv: string) {
  const dir = tempDir();
  writeFileSync(join(dir, "s.json"), JSON.stringify(scheme));
  writeFileSync(join(dir, "d.csv"), csv);
  const r = await cli(["evaluate", "--scheme", "s.json", "--data", "d.csv", "--out", "r.csv"], dir);
  expect(r.err).not.toMatch(/TypeError|RangeError|\n\s+at /);
  return { ...r, files: readdirSync(dir) };
}

describe("no stack trace, no wrong number", () => {
  it("a blank optional input without a default, read by its rule, names the line and the input", async () => {
    const s = base();
    (s.inputs as { id: string; default?: number }[])[1] = { id: "extra", name: L("加分"), type: "number", min: 0, max: 20, required: false } as never;
    const r = await evaluate(s, "id,name,unrecorded,extra,sales\nW1,甲,0,5,0\nW2,乙,1,,0\n");
    expect(r.err).toBe('d.csv: line 3 (id W2): "extra" is blank, and its rule needs a number: fill it in (or give the input a default in the scheme); nothing was written\n');
    expect(r.code).toBe(2);
    expect(r.files).not.toContain("r.csv");
  });
  it("pay beyond 1e13 yuan is refused with the line, not paid inexactly", async () => {
    const r = await evaluate(base(), "id,name,unrecorded,extra,sales\nW1,甲,0,0,100\nW2,乙,0,0,1e16\n");
    expect(r.err).toContain("line 3 (id W2): an amount of 100000000000000 yuan is beyond what is paid exactly to the cent");
    expect(r.code).toBe(2);
  });
  it("points past 1.8e308 are a problem of the row, not a crash", async () => {
    const s = base();
    s.adjustments = [{ id: "extra", name: L("加分"), rule: { kind: "items", schedule: { kind: "per-unit", rate: 2 } } }];
    (s.inputs as unknown[])[1] = { id: "extra", name: L("加分"), type: "number", min: 0, required: false, default: 0 };
    const r = await evaluate(s, "id,name,unrecorded,extra,sales\nW1,甲,0,1e308,0\n");
    expect(r.err).toContain("line 2 (id W1): a result comes out beyond any number");
    expect(r.code).toBe(2);
  });
  it("an expression nested 1,000 deep is refused with its path, before the validator recurses", async () => {
    let e: unknown = { input: "sales" };
    for (let i = 0; i < 1000; i++) e = { op: "+", args: [e, 1] };
    const s = base();
    s.pay = [{ id: "commission", name: L("提成"), rule: { kind: "amount", amount: e } }];
    const r = await evaluate(s, "id,name,unrecorded,extra,sales\nW1,甲,0,0,1\n");
    expect(r.err).toMatch(/pay\[0\]\.rule\.amount(\.args\[0\])+: nested more than 64 levels deep/);
    expect(r.code).toBe(2);
  });
  it("a pool budget of 1e15 yuan is refused in the scheme, and the engine never splits it inexactly", () => {
    const s = base();
    s.inputs = [...(s.inputs as unknown[]), { id: "w", name: L("权重"), type: "number", min: 0, required: false, default: 1 }];
    s.pay = [{ id: "pool", name: L("奖金池"), rule: { kind: "pool", budget: 1e15, weight: { input: "w" } } }];
    const r = parseScheme(s);
    expect(r.ok ? [] : r.problems.map((p) => problemText(p, "en-US"))).toEqual(["pay[0].rule.budget: must be at most 10000000000000 yuan: beyond that cents are no longer exact"]);
    expect(() => toCents(1e15, 2)).toThrow(EvaluationError);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 2])).toThrow(EvaluationError);
    // at the limit it still adds up to the cent
    const shares = allocatePool(toCents(1e13, 2), [{ id: "a", weight: 1 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1e15);
  });
});

describe("the pane's and the command line's words for an error", () => {
  it("the engine's problems in the user's language; anything else one sentence asking for a report", async () => {
    const { errorText } = await import("../../src/io/error-text.js");
    expect(errorText(new EvaluationError("money.too-large", { amount: 1e14, max: 1e13 }), "zh-CN")).toBe("金额 100000000000000 元超出可精确到分的范围(最多 10000000000000 元);请检查输入与设置");
    expect(errorText(new TypeError("x is undefined"), "zh-CN")).toBe("内部错误:x is undefined —— 请报告此问题(加 --debug 重新运行可看到详细信息)");
    expect(errorText({ weird: true }, "en-US")).not.toContain("[object Object]");
  });
  it("a label too long for a formula's text is refused in the scheme", () => {
    const s = base();
    s.grades = [{ id: "a", label: L("优".repeat(101), "A"), min: 0 }];
    const r = parseScheme(s);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(["grades[0].label.zh-CN"]);
  });
});
