/*
 * The KPI.* custom functions. Each is a thin wrapper whose JSDoc is the metadata source:
 * custom-functions-metadata-plugin turns it into functions.json and appends the
 * CustomFunctions.associate calls. The work is done by the spec of the same id (./specs),
 * through one pipeline (./run.ts) over src/core. Chinese descriptions: functions-zh-cn.json.
 */
import { FUNCTION_SPECS } from "./specs/index.js";
import { runFunction } from "./run.js";
import { toExcel, type MakeError } from "./to-excel.js";
import type { Cell, Matrix } from "./coerce.js";
import { pickLang } from "../i18n/index.js";
import type { ExcelErrorCode } from "./errors.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator reads these
   TypeScript types and accepts only any / any[][] for values that may be numbers, text,
   booleans, blanks or errors; the pipeline coerces them. */

// Outside Office (the standalone page) there is no CustomFunctions; the associate calls the
// metadata plugin appends to this file must not break the page.
const host = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof host.CustomFunctions === "undefined") host.CustomFunctions = { associate: () => undefined };

// CustomFunctions.ErrorCode's values are the error texts themselves ("#VALUE!", "#N/A" …).
const makeError: MakeError = (code: ExcelErrorCode, message) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message);

function lang() {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return pickLang(office?.context?.displayLanguage ?? globalThis.navigator?.language);
}

const byId = new Map(FUNCTION_SPECS.map((s) => [s.id, s]));
function call(id: string, args: unknown[]): any[][] {
  return toExcel(runFunction(byId.get(id)!, args as (Cell | Matrix)[]), lang(), makeError);
}

/**
 * Points of one indicator from actual and target: points × min(actual / target, cap), or with "lower" target / actual. Give a column of actuals to spill one result per row.
 * @customfunction SCORE
 * @param {any[][]} actual Actual value, or a column of them (one per person).
 * @param {any[][]} target Target value (100 %), or a column of them.
 * @param {any[][]} points Full points of the indicator, or a column of them.
 * @param {any} [direction] "higher" (default: higher is better) or "lower" (lower is better).
 * @param {any} [cap] Largest ratio that scores (default 1 = 100 %).
 * @returns {any[][]} Points, rounded to 2 decimals.
 */
export function score(actual: any[][], target: any[][], points: any[][], direction?: any, cap?: any): any[][] {
  return call("SCORE", [actual, target, points, direction, cap]);
}

/**
 * Weighted total of a row of scores: Σ score / full × weight. Weights must add up to 100 (or 1). Give one row per person to spill.
 * @customfunction WEIGHTED
 * @param {any[][]} scores The indicator scores of one person (a row), or one row per person.
 * @param {any[][]} weights The weights, in the same order (a row or column adding up to 100).
 * @param {any} [full] What each score is out of (default 100).
 * @returns {any[][]} The weighted total, rounded to 2 decimals.
 */
export function weighted(scores: any[][], weights: any[][], full?: any): any[][] {
  return call("WEIGHTED", [scores, weights, full]);
}

/**
 * The grade label for a score from a band table (inclusive lower bounds).
 * @customfunction GRADE
 * @param {any[][]} score A score, or a column of them.
 * @param {any[][]} bands Rows of (label, lower bound), or a text such as "优秀:90,良好:80,合格:70,不合格:0".
 * @returns {any[][]} The grade label.
 */
export function grade(score: any[][], bands: any[][]): any[][] {
  return call("GRADE", [score, bands]);
}

/**
 * Pay from a base and a score or grade: "coefficient" (base × grade coefficient), "linear" (base × score / full, gate, cap) or "gate" (none below the gate, pro rata above full).
 * @customfunction BONUS
 * @param {any[][]} base The base amount, or a column of them.
 * @param {any[][]} score The score (or, for "coefficient", the grade label), or a column of them.
 * @param {any} method "coefficient", "linear" or "gate".
 * @param {any[][]} [table_or_gate] For "coefficient": rows of (label, lower bound, coefficient); otherwise the gate score.
 * @param {any} [cap] For "linear": the most it pays.
 * @param {any} [full] Full marks (default 100).
 * @returns {any[][]} The amount, rounded to the cent.
 */
export function bonus(base: any[][], score: any[][], method: any, table_or_gate?: any[][], cap?: any, full?: any): any[][] {
  return call("BONUS", [base, score, method, table_or_gate, cap, full]);
}

/**
 * Full points less points_per_step for each step the value is over (or under) the limit, never below 0.
 * @customfunction DEDUCT
 * @param {any[][]} value The measured value (a rate such as 3.5 %), or a column of them.
 * @param {any[][]} limit The limit (e.g. 2 %).
 * @param {any[][]} step The size of one step (e.g. 1 %).
 * @param {any[][]} points_per_step Points lost per step.
 * @param {any[][]} full Full points of the indicator.
 * @param {any} [direction] "above" (default: the value must stay at or under the limit) or "below".
 * @param {any} [partial] How a part step counts: "ignore" (default), "whole" or "prorate".
 * @returns {any[][]} Points, rounded to 2 decimals.
 */
export function deduct(value: any[][], limit: any[][], step: any[][], points_per_step: any[][], full: any[][], direction?: any, partial?: any): any[][] {
  return call("DEDUCT", [value, limit, step, points_per_step, full, direction, partial]);
}

/**
 * Points from a band table of (threshold, points).
 * @customfunction BAND
 * @param {any[][]} value The value, or a column of them.
 * @param {any[][]} table Rows of (threshold, points), or a text such as "30:5,40:4,60:2".
 * @param {any} [direction] "at-least" (default: highest threshold reached) or "at-most" (lowest threshold not exceeded).
 * @param {any} [otherwise] Points when no band applies (default 0).
 * @returns {any[][]} Points.
 */
export function band(value: any[][], table: any[][], direction?: any, otherwise?: any): any[][] {
  return call("BAND", [value, table, direction, otherwise]);
}

/**
 * Points for a level such as excellent / good / average / poor.
 * @customfunction LEVEL
 * @param {any[][]} choice The level, or a column of them.
 * @param {any[][]} table Rows of (level, points), or a text such as "优秀:3,良好:1,一般:0,差:-3".
 * @returns {any[][]} Points.
 */
export function level(choice: any[][], table: any[][]): any[][] {
  return call("LEVEL", [choice, table]);
}

/**
 * The cost of a count under a cumulative schedule: unit n costs the n-th step (sick leave 0,2,3,4,5,7,9: 3 days cost 5).
 * @customfunction CUMULATIVE
 * @param {any[][]} count The count (days, times), or a column of them.
 * @param {any[][]} steps The cost of the 1st, 2nd, 3rd … unit, as a row, column or text "0,2,3,4,5,7,9".
 * @returns {any[][]} The total cost.
 */
export function cumulative(count: any[][], steps: any[][]): any[][] {
  return call("CUMULATIVE", [count, steps]);
}

/**
 * Blend of several raters' scores by rater weight (self 30, manager 70). Weights must add up to 100 (or 1).
 * @customfunction BLEND
 * @param {any[][]} scores The raters' scores of one person (a row), or one row per person.
 * @param {any[][]} weights The rater weights, in the same order.
 * @returns {any[][]} The blended score, rounded to 2 decimals.
 */
export function blend(scores: any[][], weights: any[][]): any[][] {
  return call("BLEND", [scores, weights]);
}

/**
 * Tiered rates: "whole" pays the whole amount at its bracket's rate, "progressive" each slice at its own rate.
 * @customfunction TIERED
 * @param {any[][]} amount The amount, or a column of them.
 * @param {any[][]} brackets Rows of (up to, rate), the last with a blank "up to".
 * @param {any} [mode] "whole" (default) or "progressive".
 * @returns {any[][]} The amount paid, rounded to the cent.
 */
export function tiered(amount: any[][], brackets: any[][], mode?: any): any[][] {
  return call("TIERED", [amount, brackets, mode]);
}

/**
 * Splits a budget over a column of weights and spills one amount per row; the amounts add up to the budget exactly.
 * @customfunction POOL
 * @param {any} budget The budget to split.
 * @param {any[][]} weights One weight per person (e.g. grade coefficient × seniority factor).
 * @param {any} [unit] The money unit: 0.01 (default), 0.1 or 1.
 * @returns {any[][]} One amount per person.
 */
export function pool(budget: any, weights: any[][], unit?: any): any[][] {
  return call("POOL", [budget, weights, unit]);
}

/**
 * Excel's ROUND: decimal, half away from zero, as money is rounded everywhere in KPI Scorecard.
 * @customfunction ROUND
 * @param {any[][]} number The number, or a column of them.
 * @param {any} [digits] Decimals to keep (default 2).
 * @returns {any[][]} The rounded number.
 */
export function round(number: any[][], digits?: any): any[][] {
  return call("ROUND", [number, digits]);
}
