/** The scheme format page's complete example is a valid scheme and gives the numbers it claims. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { evaluate, scheme } from "../helpers.js";

const page = readFileSync("docs/scheme-format.md", "utf8");
const block = (lang: string) => {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(page);
  if (!m) throw new Error(`no ${lang} block`);
  return m[1];
};

describe("docs/scheme-format.md", () => {
  it("has a complete example that validates and evaluates as the page says", () => {
    const s = scheme(JSON.parse(block("json")));
    const [header, ...rows] = block("csv").trim().split("\n").map((l) => l.split(","));
    const r = evaluate(s, rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))));
    expect(r.map((x) => [x.id, x.total, x.pay.bonus])).toEqual([
      ["W001", 110, 33000],
      ["W002", 89, 30000],
      ["W003", 79, 0],
    ]);
    expect(page).toContain("W001 110 points and\n330.00, W002 89 points and 300.00, W003 79 points and 0.00");
  });
  it("documents every rule and pay kind the schema accepts", async () => {
    const { RuleSchema } = await import("../../src/core/kinds/registry.js");
    const { PayRuleSchema } = await import("../../src/core/scheme/parts.js");
    for (const o of [...RuleSchema.options, ...PayRuleSchema.options]) {
      const kind = (o.shape.kind as { value: string }).value;
      expect(page, kind).toContain(`| \`${kind}\` |`);
    }
  });
});
