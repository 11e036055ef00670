/**
 * Table-driven tests of every KPI.* function: seed examples, blanks, numeric text, booleans,
 * error values passed in, wrong shapes, and messages that name the argument.
 */
import { describe, expect, it } from "vitest";
import { col, fx, one } from "./fn-helpers.js";

const excelError = { code: "#N/A" }; // what an error cell looks like when it reaches us

describe("KPI.SCORE", () => {
  it.each([
    ["ratio to target", [0.25, 0.5, 30], 15],
    ["capped at 100 %", [0.75, 0.5, 30], 30],
    ["numeric text is a number", ["0.25", "50%", "30"], 15],
    ["a boolean is 1 or 0", [true, 2, 10], 5],
    ["lower is better", [80, 40, 5, "lower"], 2.5],
    ["a cap above 100 %", [0.6, 0.5, 10, "higher", 1.2], 12],
    ["rounded to 2 decimals as the sheet shows", [0.801, 1, 30], 24.03],
  ])("%s", (_, args, expected) => {
    expect(one("SCORE", ...(args as (number | string | boolean)[]))).toBe(expected);
  });
  it("a blank actual gives a blank result (a row not filled in yet)", () => {
    expect(one("SCORE", null, 0.5, 30)).toBe("");
    expect(one("SCORE", "", 0.5, 30)).toBe("");
  });
  it("text where a number belongs is #VALUE! naming the argument", () => {
    expect(one("SCORE", "3 apples", 0.5, 30)).toEqual({ error: "#VALUE!", message: 'actual: "3 apples" is not a number' });
    expect(one("SCORE", 0.3, null, 30)).toEqual({ error: "#VALUE!", message: "target is blank; a number is expected" });
    expect(one("SCORE", 0.3, 0, 30)).toEqual({ error: "#VALUE!", message: "target must be greater than 0, got 0" });
    expect(one("SCORE", 0.3, 0.5, 30, "sideways")).toEqual({ error: "#VALUE!", message: 'direction: "sideways" is not one of its choices; choose "higher is better", "lower is better"' });
  });
  it("an error value passed in propagates", () => {
    expect(one("SCORE", excelError, 0.5, 30)).toEqual({ error: "passed", message: '{"code":"#N/A"}' });
  });
  it("spills one result per row of a column, with blanks and errors kept in their rows", () => {
    expect(fx("SCORE", col(0.25, null, "x", 0.5), 0.5, 30)).toEqual([[15], [""], [{ error: "#VALUE!", message: 'actual: "x" is not a number' }], [30]]);
  });
  it("takes per-row targets and refuses columns of different lengths", () => {
    expect(fx("SCORE", col(90, 80), col(100, 80), 40)).toEqual([[36], [40]]);
    expect(fx("SCORE", col(90, 80, 70), col(100, 80), 40)).toEqual([
      [{ error: "#VALUE!", message: "target has 2 rows but actual has 3; give one value or one per row" }],
    ]);
    expect(fx("SCORE", [[1, 2]], 1, 1)).toEqual([[{ error: "#VALUE!", message: "actual must be one column (it has 2)" }]]);
  });
});

describe("KPI.WEIGHTED and KPI.BLEND", () => {
  it("weights a row of scores; weights may be percentages or fractions", () => {
    expect(one("WEIGHTED", [[80, 90, 100]], [[50, 30, 20]])).toBe(87);
    expect(one("WEIGHTED", [[80, 90, 100]], [[0.5], [0.3], [0.2]])).toBe(87);
    expect(one("WEIGHTED", [[8, 9]], [[50, 50]], 10)).toBe(85);
  });
  it("says what the weights add up to when they do not add up", () => {
    expect(one("WEIGHTED", [[80, 90]], [[50, 45]])).toEqual({ error: "#VALUE!", message: "weights add up to 95, expected 100" });
    expect(one("BLEND", [[80, 90]], "30,60")).toEqual({ error: "#VALUE!", message: "weights add up to 90, expected 100" });
  });
  it("checks the row width against the weights", () => {
    expect(one("WEIGHTED", [[80, 90]], [[50, 30, 20]])).toEqual({ error: "#VALUE!", message: "scores has 2 values per row but weights has 3" });
  });
  it("blends raters: self 30, manager 70", () => {
    expect(one("BLEND", [[10, 5]], [[30, 70]])).toBe(6.5);
    expect(fx("BLEND", [[10, 5], [8, 8]], "30,70")).toEqual([[6.5], [8]]);
  });
  it("refuses full marks of 0 instead of dividing by them (found by the adapter's property test)", () => {
    expect(one("WEIGHTED", [[95]], true, false)).toEqual({ error: "#VALUE!", message: "full must be greater than 0" });
  });
  it("a result too large for a number is #NUM!, never Infinity", () => {
    expect(one("BONUS", 1e308, 1e308, "linear", 0, null, 1e-300)).toEqual({ error: "#NUM!", message: "the result is not a finite number" });
  });
  it("counts a blank score in a row as 0", () => {
    expect(one("WEIGHTED", [[80, null]], [[50, 50]])).toBe(40);
  });
});

describe("KPI.GRADE", () => {
  const table = [["优秀", 90], ["良好", 80], ["合格", 70], ["不合格", 0]];
  it.each([
    [95, "优秀"],
    [90, "优秀"],
    [89.99, "良好"],
    [70, "合格"],
    [0, "不合格"],
  ])("%s → %s", (score, grade) => {
    expect(one("GRADE", score, table)).toBe(grade);
    expect(one("GRADE", score, "优秀:90,良好:80,合格:70,不合格:0")).toBe(grade);
  });
  it("accepts full-width separators and bands in any order", () => {
    expect(one("GRADE", 85, "不合格：0，合格：70，良好：80，优秀：90")).toBe("良好");
  });
  it("is #N/A with a message when no band covers the score", () => {
    expect(one("GRADE", 65, "A:90,B:80,C:70")).toEqual({ error: "#N/A", message: "no band of bands covers 65; the lowest starts at 70" });
  });
  it("names a malformed row", () => {
    expect(one("GRADE", 65, [["A", 90], ["B"]])).toEqual({ error: "#VALUE!", message: "bands, row 2: expected grade, lower bound" });
    expect(one("GRADE", 65, "")).toEqual({ error: "#VALUE!", message: 'bands is empty; give a range or a text such as "A:90,B:80,C:0"' });
  });
});

describe("KPI.BONUS", () => {
  const table = [["优秀", 90, 1.2], ["良好", 80, 1.0], ["合格", 70, 0.8], ["不合格", 0, 0.5]];
  it("coefficient × base, from a score or a grade label", () => {
    expect(one("BONUS", 2131, 90.7, "coefficient", table)).toBe(2557.2);
    expect(one("BONUS", 2000, "良好", "coefficient", table)).toBe(2000);
  });
  it("1000 × score, at most 1000, nothing below 60 (foreign trade)", () => {
    expect(one("BONUS", 1000, 85, "linear", 60, 1000)).toBe(850);
    expect(one("BONUS", 1000, 59.9, "linear", 60, 1000)).toBe(0);
    expect(one("BONUS", 1000, 120, "linear", 60, 1000)).toBe(1000);
  });
  it("gate and proportional (warehouse: 110 → 330, below 80 → 0)", () => {
    expect(fx("BONUS", 300, col(110, 79, 90), "gate", 80)).toEqual([[330], [0], [300]]);
  });
  it("rounds money with Excel's ROUND", () => {
    expect(one("BONUS", 1000.05, 0.5, "linear", 0, 10000, 1)).toBe(500.03);
  });
  it("needs the table for the coefficient method", () => {
    expect(one("BONUS", 1000, 85, "coefficient")).toEqual({ error: "#VALUE!", message: 'with the method "grade coefficient", table_or_gate is the grade table: rows of grade, lower bound, coefficient (a range, or a text such as "A:90:1.2,B:80:1,C:0:0.6")' });
  });
});

describe("KPI.DEDUCT", () => {
  it.each([
    ["within the limit", [0.02, 0.02, 0.01, 3, 15], 15],
    ["two whole steps over", [0.045, 0.02, 0.01, 3, 15], 9],
    ["three steps, despite floating point", [0.05, 0.02, 0.01, 3, 15], 6],
    ["never below zero", [0.5, 0.02, 0.01, 3, 15], 0],
    ["below a target", [0.87, 0.9, 0.01, 2, 20, "below"], 14],
    ["part steps counted whole", [0.025, 0.02, 0.01, 3, 15, "above", "whole"], 12],
    ["percent text", ["4.5%", "2%", "1%", 3, 15], 9],
  ])("%s", (_, args, expected) => {
    expect(one("DEDUCT", ...(args as (number | string)[]))).toBe(expected);
  });
  it("refuses a step of 0", () => {
    expect(one("DEDUCT", 0.05, 0.02, 0, 3, 15)).toEqual({ error: "#VALUE!", message: "step must be greater than 0" });
  });
});

describe("KPI.BAND, KPI.LEVEL, KPI.CUMULATIVE", () => {
  it("band tables in both directions", () => {
    expect(fx("BAND", col(25, 40, 55, 90), "30:5,40:4,60:2", "at-most")).toEqual([[5], [4], [2], [0]]);
    expect(fx("BAND", col(3, 6, 12, 1), [[3, 1], [4, 5], [7, 10], [10, 30]])).toEqual([[1], [5], [30], [0]]);
  });
  it("refuses a threshold used twice", () => {
    expect(one("BAND", 5, "3:1,3:2")).toEqual({ error: "#VALUE!", message: "table: rows 1 and 2 both start at 3; each band needs a bound of its own" });
  });
  it("levels", () => {
    expect(fx("LEVEL", col("优秀", "差"), "优秀:3,良好:1,一般:0,差:-3")).toEqual([[3], [-3]]);
    expect(one("LEVEL", "很好", "优秀:3,良好:1")).toEqual({ error: "#N/A", message: '"很好" is not a level of table (choose from 优秀, 良好)' });
  });
  it("cumulative: 3 sick days cost 0 + 2 + 3 = 5", () => {
    expect(fx("CUMULATIVE", col(0, 1, 3, 7, 8), "0,2,3,4,5,7,9")).toEqual([[0], [0], [5], [30], [39]]);
    expect(one("CUMULATIVE", 1.5, [[0, 2, 3]])).toEqual({ error: "#VALUE!", message: "count must be a whole number ≥ 0, got 1.5" });
  });
});

describe("KPI.TIERED", () => {
  const brackets = [[4500, 0.0005], [6500, 0.00055], [8500, 0.0006], [10000, 0.0007], [null, 0.0008]];
  it("whole-bracket and progressive", () => {
    expect(one("TIERED", 5000, brackets)).toBe(2.75);
    expect(one("TIERED", 5000, brackets, "progressive")).toBe(2.53);
    expect(one("TIERED", 12000, brackets, "全额")).toBe(9.6);
  });
  it("only the last bracket may be open, and bounds must rise", () => {
    expect(one("TIERED", 5000, [[null, 0.1], [100, 0.2]])).toEqual({ error: "#VALUE!", message: 'brackets, row 1: only the last bracket may be open (blank "up to")' });
    expect(one("TIERED", 5000, [[100, 0.1], [50, 0.2], [null, 0.3]])).toEqual({ error: "#VALUE!", message: "brackets, row 2: the upper bound must be above the row before (100)" });
  });
});

describe("KPI.POOL", () => {
  it("spills shares that add up to the budget exactly", () => {
    const r = fx("POOL", 100, col(1, 1, 1));
    expect(r).toEqual([[33.34], [33.33], [33.33]]);
  });
  it("leaves blank rows blank and gives them nothing", () => {
    const r = fx("POOL", 10000, col(1.5, null, 1.44, 1.5));
    expect(r.map((x) => x[0])).toEqual([3378.38, "", 3243.24, 3378.38]);
  });
  it("splits in whole yuan when asked", () => {
    expect(fx("POOL", 100, col(1, 1, 1), 1)).toEqual([[34], [33], [33]]);
  });
  it("refuses a pool nobody can share and a bad unit", () => {
    expect(fx("POOL", 100, col(0, 0))).toEqual([[{ error: "#VALUE!", message: "nobody has a share: all pool weights are 0" }]]);
    expect(fx("POOL", 100, col(1), 0.5)).toEqual([[{ error: "#VALUE!", message: 'unit: "0.5" is not one of its choices; choose 0.01, 0.1, 1' }]]);
  });
});

describe("KPI.ROUND", () => {
  it.each([
    [1.005, undefined, 1.01],
    [2.675, 2, 2.68],
    [-0.5, 0, -1],
    [1250, -2, 1300],
  ])("ROUND(%s, %s) = %s", (x, d, expected) => {
    expect(one("ROUND", x, d ?? null)).toBe(expected);
  });
  it("refuses fractional digits", () => {
    expect(one("ROUND", 1, 1.5)).toEqual({ error: "#VALUE!", message: "digits must be a whole number from -15 to 15" });
  });
});
