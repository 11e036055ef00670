/**
 * How points combine. The evaluator, the custom functions and (later) the native formulas all
 * use these, in this order of operations, so that they agree to the last bit.
 */

/** Rater blend: Σ scoreᵢ × weightᵢ / scale (weights in percent: scale 100). */
export function blend(scores: ArrayLike<number>, weights: ArrayLike<number>, scale = 100): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += (scores[i] * weights[i]) / scale;
  return sum;
}

/** Weighted total of indicators with their own full marks: Σ pointsᵢ / fullᵢ × weightᵢ. */
export function weightedTotal(points: ArrayLike<number>, fulls: ArrayLike<number> | number, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) sum += (points[i] / (typeof fulls === "number" ? fulls : fulls[i])) * weights[i];
  return sum;
}

/** The weights' sum when it is not the expected one (to 9 decimals), else null. */
export function weightSumMismatch(weights: readonly number[], expected: number): number | null {
  const sum = weights.reduce((s, w) => s + w, 0);
  return Math.abs(sum - expected) < 1e-9 ? null : Math.round(sum * 1e9) / 1e9;
}

/** The band whose inclusive lower bound the value reaches, from bands sorted by `min` descending. */
export function findBand<T extends { min: number }>(value: number, sortedDesc: readonly T[]): T | undefined {
  for (const b of sortedDesc) if (value >= b.min) return b;
  return undefined;
}

export function sortBandsDesc<T extends { min: number }>(bands: readonly T[]): T[] {
  return [...bands].sort((a, b) => b.min - a.min);
}
