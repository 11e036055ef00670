/*
 * The KPI.* custom functions — WRITTEN BY `npm run docs:functions` from ./reference.ts (what each
 * function and argument says), ./specs (the parameters) and src/core/option-words.ts (the
 * pick-lists); edit those, not this file. Each function is a thin wrapper whose JSDoc is the
 * metadata source: custom-functions-metadata-plugin turns it into functions.json and appends the
 * CustomFunctions.associate calls. The work is done by the spec of the same id, through one
 * pipeline (./run.ts) over src/core. Chinese metadata: functions-zh-cn.json, written alike.
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
  return toExcel(runFunction(byId.get(id)!, args as (Cell | Matrix)[]), lang(), makeError, id);
}

/**
 * Pick-list: higher is better / lower is better.
 * @customenum {string}
 */
export enum Direction {
  /** higher is better: A higher actual scores more (default): points × actual / target */
  higher = "higher",
  /** lower is better: A lower actual scores more: points × target / actual */
  lower = "lower",
}

/**
 * Pick-list: at least / at most.
 * @customenum {string}
 */
export enum Threshold {
  /** at least: The highest threshold reached (higher is better, e.g. sales ≥ threshold) */
  at_least = "at-least",
  /** at most: The lowest threshold not exceeded (lower is better, e.g. response time ≤ threshold) */
  at_most = "at-most",
}

/**
 * Pick-list: above the limit / below the limit.
 * @customenum {string}
 */
export enum Side {
  /** above the limit: Points are lost for each step above the limit (e.g. an error rate) */
  above = "above",
  /** below the limit: Points are lost for each step below the limit (e.g. an answer rate) */
  below = "below",
}

/**
 * Pick-list: part step ignored / part step counts whole / prorated.
 * @customenum {string}
 */
export enum Partial {
  /** part step ignored: A part step costs nothing (default) */
  ignore = "ignore",
  /** part step counts whole: A part step costs a whole step */
  whole = "whole",
  /** prorated: A part step costs its share of a step */
  prorate = "prorate",
}

/**
 * Pick-list: grade coefficient / linear in the score / gate.
 * @customenum {string}
 */
export enum BonusMethod {
  /** grade coefficient: Base × the coefficient of the score's grade (needs a grade table) */
  coefficient = "coefficient",
  /** linear in the score: Base × score / full marks; nothing below the gate; an optional cap */
  linear = "linear",
  /** gate: Nothing below the gate, the whole base up to full marks, pro rata above */
  gate = "gate",
}

/**
 * Pick-list: whole amount / progressive.
 * @customenum {string}
 */
export enum TieredMode {
  /** whole amount: The whole amount at the rate of the bracket it falls in (default) */
  whole = "whole",
  /** progressive: Each slice at its own bracket's rate (like income tax) */
  progressive = "progressive",
}

/**
 * Points of one indicator from actual and target: points × min(actual / target, cap), or target / actual when lower is better. Give a column of actuals to spill one result per row.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help/score.html?lang=en-US
 * @param {any[][]} actual Actual value, or a column of them (one per person).
 * @param {any[][]} target Target value (100 %), or a column of them.
 * @param {any[][]} points Full points of the indicator, or a column of them.
 * @param [direction] Higher is better (default) or lower is better.
 * @param {any} [cap] Largest ratio that scores (default 1 = 100 %).
 * @returns {any[][]} Points, rounded to 2 decimals.
 */
export function score(actual: any[][], target: any[][], points: any[][], direction?: Direction, cap?: any): any[][] {
  return call("SCORE", [actual, target, points, direction, cap]);
}

/**
 * Weighted total of a row of scores: Σ score / full × weight. Weights must add up to 100 (or 1). Give one row per person to spill.
 * @customfunction WEIGHTED
 * @helpurl https://localhost:3000/help/weighted.html?lang=en-US
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
 * @helpurl https://localhost:3000/help/grade.html?lang=en-US
 * @param {any[][]} score A score, or a column of them.
 * @param {any[][]} bands Rows of (label, lower bound), or a text such as "优秀:90,良好:80,合格:70,不合格:0".
 * @returns {any[][]} The grade label.
 */
export function grade(score: any[][], bands: any[][]): any[][] {
  return call("GRADE", [score, bands]);
}

/**
 * Pay from a base and a score or grade: "grade coefficient" (base × grade coefficient), "linear in the score" (base × score / full, gate, cap) or "gate" (none below the gate, pro rata above full).
 * @customfunction BONUS
 * @helpurl https://localhost:3000/help/bonus.html?lang=en-US
 * @param {any[][]} base The base amount, or a column of them.
 * @param {any[][]} score The score (or, for "grade coefficient", the grade label), or a column of them.
 * @param method How pay follows the score: "grade coefficient", "linear in the score" or "gate".
 * @param {any[][]} [table_or_gate] For "grade coefficient": the grade table, rows of (label, lower bound, coefficient); for "linear in the score" and "gate": the gate score (one number, or blank).
 * @param {any} [cap] For "linear in the score": the most it pays.
 * @param {any} [full] Full marks (default 100).
 * @returns {any[][]} The amount, rounded to the cent with Excel's ROUND.
 */
export function bonus(base: any[][], score: any[][], method: BonusMethod, table_or_gate?: any[][], cap?: any, full?: any): any[][] {
  return call("BONUS", [base, score, method, table_or_gate, cap, full]);
}

/**
 * The points LEFT after deductions: full points less points_per_step for each step over (or under) the limit, never below 0. For the points deducted, use KPI.DEDUCTED.
 * @customfunction DEDUCT
 * @helpurl https://localhost:3000/help/deduct.html?lang=en-US
 * @param {any[][]} value The measured value (a rate such as 3.5 %), or a column of them.
 * @param {any[][]} limit The limit (e.g. 2 %).
 * @param {any[][]} step The size of one step (e.g. 1 %).
 * @param {any[][]} points_per_step Points lost per step.
 * @param {any[][]} full Full points of the indicator.
 * @param [direction] Points lost "above the limit" (default) or "below the limit".
 * @param [partial] How a part step counts: "part step ignored" (default), "part step counts whole" or "prorated".
 * @returns {any[][]} The points left, rounded to 2 decimals.
 */
export function deduct(value: any[][], limit: any[][], step: any[][], points_per_step: any[][], full: any[][], direction?: Side, partial?: Partial): any[][] {
  return call("DEDUCT", [value, limit, step, points_per_step, full, direction, partial]);
}

/**
 * The points DEDUCTED: points_per_step for each step over (or under) the limit, at most the full points. The same arguments as KPI.DEDUCT, which gives the points left.
 * @customfunction DEDUCTED
 * @helpurl https://localhost:3000/help/deducted.html?lang=en-US
 * @param {any[][]} value The measured value (a rate such as 3.5 %), or a column of them.
 * @param {any[][]} limit The limit (e.g. 2 %).
 * @param {any[][]} step The size of one step (e.g. 1 %).
 * @param {any[][]} points_per_step Points lost per step.
 * @param {any[][]} full Full points of the indicator.
 * @param [direction] Points lost "above the limit" (default) or "below the limit".
 * @param [partial] How a part step counts: "part step ignored" (default), "part step counts whole" or "prorated".
 * @returns {any[][]} The points deducted, rounded to 2 decimals.
 */
export function deducted(value: any[][], limit: any[][], step: any[][], points_per_step: any[][], full: any[][], direction?: Side, partial?: Partial): any[][] {
  return call("DEDUCTED", [value, limit, step, points_per_step, full, direction, partial]);
}

/**
 * Points from a table of (threshold, points). Left blank, the direction is "at least" when the points rise with the thresholds; when they fall, say which.
 * @customfunction BAND
 * @helpurl https://localhost:3000/help/band.html?lang=en-US
 * @param {any[][]} value The value, or a column of them.
 * @param {any[][]} table Rows of (threshold, points), or a text such as "30:5,40:4,60:2".
 * @param [direction] "at least" (the highest threshold reached) or "at most" (the lowest threshold not exceeded: lower is better).
 * @param {any} [otherwise] Points when no band applies (default 0).
 * @returns {any[][]} Points.
 */
export function band(value: any[][], table: any[][], direction?: Threshold, otherwise?: any): any[][] {
  return call("BAND", [value, table, direction, otherwise]);
}

/**
 * Points for a level such as excellent / good / average / poor.
 * @customfunction LEVEL
 * @helpurl https://localhost:3000/help/level.html?lang=en-US
 * @param {any[][]} choice The level, or a column of them.
 * @param {any[][]} table Rows of (level, points), or a text such as "优秀:3,良好:1,一般:0,差:-3".
 * @returns {any[][]} Points.
 */
export function level(choice: any[][], table: any[][]): any[][] {
  return call("LEVEL", [choice, table]);
}

/**
 * Step by step: unit n costs the n-th step, and the first count steps are added up (sick leave 0,2,3,4,5,7,9: 3 days cost 0+2+3 = 5).
 * @customfunction STEPSUM
 * @helpurl https://localhost:3000/help/stepsum.html?lang=en-US
 * @param {any[][]} count The count (days, times), or a column of them.
 * @param {any[][]} steps The cost of the 1st, 2nd, 3rd … unit, as a row, column or text "0,2,3,4,5,7,9"; units past the list cost the last step.
 * @returns {any[][]} The total cost.
 */
export function stepsum(count: any[][], steps: any[][]): any[][] {
  return call("STEPSUM", [count, steps]);
}

/**
 * Several raters' scores blended by rater weight (self 30, manager 70). Weights must add up to 100 (or 1).
 * @customfunction RATERSCORE
 * @helpurl https://localhost:3000/help/raterscore.html?lang=en-US
 * @param {any[][]} scores The raters' scores of one person (a row), or one row per person.
 * @param {any[][]} weights The rater weights, in the same order, adding up to 100.
 * @returns {any[][]} The blended score, rounded to 2 decimals.
 */
export function raterscore(scores: any[][], weights: any[][]): any[][] {
  return call("RATERSCORE", [scores, weights]);
}

/**
 * Tiered rates: "whole amount" pays the whole amount at its bracket's rate, "progressive" each slice at its own. The result is in the amount's unit, rounded to 2 decimals of it.
 * @customfunction TIERED
 * @helpurl https://localhost:3000/help/tiered.html?lang=en-US
 * @param {any[][]} amount The amount (in the brackets' unit: yuan or 10,000 yuan), or a column of them.
 * @param {any[][]} brackets Rows of (up to, rate); the last row's "up to" left blank (a blank cell, or "" in an array constant) for everything above.
 * @param [mode] "whole amount" (default) or "progressive".
 * @returns {any[][]} The amount paid, in the amount's unit, rounded to 2 decimals.
 */
export function tiered(amount: any[][], brackets: any[][], mode?: TieredMode): any[][] {
  return call("TIERED", [amount, brackets, mode]);
}

/**
 * Splits a budget over a column of weights and spills one amount per row; the amounts add up to the budget exactly.
 * @customfunction POOL
 * @helpurl https://localhost:3000/help/pool.html?lang=en-US
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
 * @helpurl https://localhost:3000/help/round.html?lang=en-US
 * @param {any[][]} number The number, or a column of them.
 * @param {any} [digits] Decimals to keep (default 2).
 * @returns {any[][]} The rounded number.
 */
export function round(number: any[][], digits?: any): any[][] {
  return call("ROUND", [number, digits]);
}

/**
 * Step by step: unit n costs the n-th step, and the first count steps are added up (sick leave 0,2,3,4,5,7,9: 3 days cost 0+2+3 = 5). (Former name of KPI.STEPSUM.)
 * @customfunction CUMULATIVE
 * @helpurl https://localhost:3000/help/cumulative.html?lang=en-US
 * @excludeFromAutoComplete
 * @param {any[][]} count The count (days, times), or a column of them.
 * @param {any[][]} steps The cost of the 1st, 2nd, 3rd … unit, as a row, column or text "0,2,3,4,5,7,9"; units past the list cost the last step.
 * @returns {any[][]} The total cost.
 */
export function cumulative(count: any[][], steps: any[][]): any[][] {
  return call("CUMULATIVE", [count, steps]);
}

/**
 * Several raters' scores blended by rater weight (self 30, manager 70). Weights must add up to 100 (or 1). (Former name of KPI.RATERSCORE.)
 * @customfunction BLEND
 * @helpurl https://localhost:3000/help/blend.html?lang=en-US
 * @excludeFromAutoComplete
 * @param {any[][]} scores The raters' scores of one person (a row), or one row per person.
 * @param {any[][]} weights The rater weights, in the same order, adding up to 100.
 * @returns {any[][]} The blended score, rounded to 2 decimals.
 */
export function blend(scores: any[][], weights: any[][]): any[][] {
  return call("BLEND", [scores, weights]);
}
