/**
 * Issue 9: the functions accepted what the scheme validator refuses. Each case gave a number (or
 * a bare #NUM!, or "[object Object]") before; now it is #VALUE! naming the argument, the same
 * check as the scheme's (src/core/rule-checks.ts), or the error passed in, unchanged.
 */
import { problemText } from "../../src/i18n/index.js";
import { describe, expect, it } from "vitest";
import { one } from "./fn-helpers.js";
import { parseScheme } from "../../src/core/scheme/load.js";
import { template } from "../helpers.js";

const excelError = { code: "#N/A" };
const passed = { error: "passed", message: JSON.stringify(excelError) };

describe("KPI.* refuse what a scheme refuses", () => {
  it.each([
    ["WEIGHTED weights {150, −50}", ["WEIGHTED", [[80, 90]], [[150, -50]]], "weights: weight 2 is -50; weights are 0 or more and add up to 100"],
    ["BLEND with a negative rater weight", ["BLEND", [[8, 9]], [[130, -30]]], "weights: weight 2 is -30; weights are 0 or more and add up to 100"],
    ["GRADE with two bands at one bound", ["GRADE", 85, "优秀:80,良好:80,合格:0"], "bands: rows 1 and 2 both start at 80; each band needs a bound of its own"],
    ["DEDUCT with negative points per step", ["DEDUCT", 0.05, 0.02, 0.01, -3, 15], "points_per_step must not be negative"],
    ["DEDUCT with negative full marks", ["DEDUCT", 0.05, 0.02, 0.01, 3, -15], "full must not be negative"],
    ["SCORE with a negative cap", ["SCORE", 0.5, 0.5, 30, "higher", -1], "cap must be greater than 0"],
    ["TIERED with a closed last bracket", ["TIERED", 9000, [[4500, 0.01], [6500, 0.02]]], 'brackets, row 2: the last bracket must be open (leave its "up to" blank), so that an amount above every bound is still paid'],
    ["BONUS linear with full marks 0", ["BONUS", 1000, 80, "linear", 60, null, 0], "full must be greater than 0"],
    ["LEVEL with a level twice", ["LEVEL", "优秀", "优秀:3,优秀:5"], "table: a level is listed twice"],
  ] as [string, unknown[], string][])("%s", (_, [fn, ...args], message) => {
    expect(one(fn as string, ...(args as never[]))).toEqual({ error: "#VALUE!", message });
  });
  it("an error value passed in comes back unchanged, in a per-row argument or in a table", () => {
    expect(one("LEVEL", excelError, "优秀:3,良好:1")).toEqual(passed);
    expect(one("SCORE", 0.5, excelError, 30)).toEqual(passed);
    expect(one("GRADE", 85, [["优秀", 90], ["合格", excelError]])).toEqual(passed);
  });
  it("a level named like an Object property is a level like any other", () => {
    expect(one("LEVEL", "constructor", "constructor:3,toString:1")).toBe(3);
    expect(one("LEVEL", "__proto__", "__proto__:2,x:1")).toBe(2);
    expect(one("LEVEL", "toString", "a:1")).toMatchObject({ error: "#N/A" });
  });
  it("the scheme validator refuses the same: negative points per step", () => {
    const s = template("logistics-cs");
    const raw = JSON.parse(JSON.stringify(s));
    const i = raw.indicators.findIndex((x: { rule: { kind: string } }) => x.rule.kind === "deduct-per-step");
    raw.indicators[i].rule.points = -3;
    const r = parseScheme(raw);
    expect(r.ok ? [] : r.problems.map((p) => problemText(p, "en-US"))).toContain(`indicators[${i}].rule.points: must not be negative`);
  });
});
