/**
 * A scheme file with several problems: every one listed, each in one language — zod's own locale
 * mixed English type names into Chinese ("期望 object,实际接收 undefined"); what was found is shown.
 */
import { describe, expect, it } from "vitest";
import { parseScheme } from "../../src/core/scheme/load.js";
import { problemText } from "../../src/i18n/index.js";
import { builtInScheme } from "../../src/schemes/index.js";

const broken = () => {
  const s = structuredClone(builtInScheme("warehouse")!) as unknown as { indicators: { points: unknown }[]; period: unknown; name: unknown };
  s.indicators[0].points = "abc";
  s.period = "weekly";
  delete (s as { name?: unknown }).name;
  return s;
};

describe("scheme problems in words", () => {
  it("lists all three, in Chinese without English type names", () => {
    const r = parseScheme(broken(), "zh-CN");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const said = r.problems.map((p) => problemText(p, "zh-CN"));
    expect(said).toEqual(expect.arrayContaining(["indicators[0].points: 应为数字,实际为 “abc”", "name: 缺少此项(应为一组设置)"]));
    expect(said.find((x) => x.startsWith("period:"))).toMatch(/^period: 应为以下之一:"month" \| "quarter"/);
    for (const x of said) expect(x.replace(/^[\w.[\]]+: /, "").replace(/"[^"]*"|“[^”]*”/g, ""), x).not.toMatch(/object|undefined|string|number|expected|received/i);
  });
  it("and in English", () => {
    const r = parseScheme(broken(), "en-US");
    if (r.ok) throw new Error("accepted");
    expect(r.problems.map((p) => problemText(p, "en-US"))).toEqual(expect.arrayContaining(["indicators[0].points: expected a number, found “abc”", "name: missing (expected a group of settings)"]));
  });
});
