/**
 * KPI.WEIGHTED(scores, weights, [full]) — a weighted total of indicator scores;
 * KPI.BLEND(scores, weights) — a blend of raters' scores (self 30 / manager 70).
 * Weights are percentages adding up to 100 (or fractions adding up to 1); anything else is an
 * error that says what they add up to.
 */
import { blend, weightedTotal } from "../../core/totals.js";
import { weightProblem } from "../../core/rule-checks.js";
import { BLANK, numberList, optionalNumber, single, toNumber, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { points } from "./shared.js";

/** Weights as percentages; fractions adding up to 1 are scaled to 100. */
function percentWeights(raw: number[]): number[] {
  const p = weightProblem(raw, 100);
  if (p === null) return raw;
  if (p.problem === "negative") throw new FunctionError("#VALUE!", "fn.weight-negative", { arg: "weights", index: p.index + 1, weight: p.weight });
  if (weightProblem(raw, 1) === null) return raw.map((w) => w * 100);
  throw new FunctionError("#VALUE!", "fn.weights", { sum: p.sum, expected: 100 });
}

function scoresOf(row: Cell[], width: number): number[] {
  if (row.length !== width) throw new FunctionError("#VALUE!", "fn.width", { arg: "scores", cols: row.length, other: "weights", expected: width });
  return row.map((c) => {
    const n = toNumber(c, "scores");
    return n === BLANK ? 0 : n;
  });
}

export const WEIGHTED: RowFunctionSpec<{ weights: number[]; full: number }> = {
  id: "WEIGHTED",
  params: [
    { name: "scores", kind: "row" },
    { name: "weights", kind: "fixed" },
    { name: "full", kind: "fixed", single: true, optional: true },
  ],
  primary: "scores",
  prepare(f) {
    const full = optionalNumber(single(f.full, "full"), "full", 100);
    if (full <= 0) throw new FunctionError("#VALUE!", "fn.positive", { arg: "full" });
    return { weights: percentWeights(numberList(f.weights, "weights")), full };
  },
  row: (p, c) => points(weightedTotal(scoresOf(c.scores as Cell[], p.weights.length), p.full, p.weights)),
};

export const BLEND: RowFunctionSpec<{ weights: number[] }> = {
  id: "BLEND",
  params: [
    { name: "scores", kind: "row" },
    { name: "weights", kind: "fixed" },
  ],
  primary: "scores",
  prepare: (f) => ({ weights: percentWeights(numberList(f.weights, "weights")) }),
  row: (p, c) => points(blend(scoresOf(c.scores as Cell[], p.weights.length), p.weights)),
};
