/** The review's list of changes from the template: each kind of edit said in words, nothing left out. */
import { describe, expect, it } from "vitest";
import { builtInScheme } from "../../src/schemes/index.js";
import { schemeChanges } from "../../src/taskpane/state/scheme-changes.js";

describe("changes from the template", () => {
  const template = builtInScheme("ecommerce-cs")!;
  it("says each edit: points, a removed and an added indicator, order, a grade bound and coefficient, the unit, a confirmed default is no change", () => {
    const d = structuredClone(template);
    const [first, second, third] = d.indicators;
    d.indicators = [second, { ...first, points: first.points + 5 }, ...d.indicators.slice(3), { ...third, id: "new_one", name: { "zh-CN": "新指标", "en-US": "New one" } }];
    d.grades[0] = { ...d.grades[0], min: 88, coefficient: 1.5 };
    d.money = { ...d.money, digits: 0 };
    d.parameters = d.parameters.map((p) => ({ ...p, review: false }));
    const said = schemeChanges(template, d, "zh-CN");
    expect(said).toContain(`删除指标「${third.name["zh-CN"]}」`);
    expect(said).toContain("新增指标「新指标」");
    expect(said).toContain(`${first.name["zh-CN"]}:${first.points} → ${first.points + 5} 分`);
    expect(said).toContain("指标顺序已调整");
    expect(said).toContain(`${d.grades[0].label["zh-CN"]}·下限:${template.grades[0].min} → 88`);
    expect(said).toContain(`${d.grades[0].label["zh-CN"]}·系数:${template.grades[0].coefficient} → 1.5`);
    expect(said).toContain("金额单位:0.01 元 → 1 元");
    expect(said.some((x) => x.startsWith("方案的其他部分"))).toBe(false);
    expect(schemeChanges(template, structuredClone(template), "en-US")).toEqual([]);
  });
  it("names any other part that changed rather than saying nothing", () => {
    const d = { ...structuredClone(template), scoreDigits: template.scoreDigits + 1 };
    expect(schemeChanges(template, d, "en-US")).toEqual(["Other parts of the scheme changed too: scoreDigits"]);
  });
});
