/**
 * The checks a rule's numbers must pass, in one place for both doors that take rule numbers from
 * people: the scheme validator (scheme/checks.ts, which adds the path) and the KPI.* functions'
 * coercion step (which adds the argument). A rule the scheme refuses is refused in a cell too.
 */

/** Lower bounds or thresholds that repeat one before them (positions in the list), each once. */
export function repeated(values: readonly (number | undefined)[]): { first: number; second: number; value: number }[] {
  const seen = new Map<number, number>();
  const out: { first: number; second: number; value: number }[] = [];
  values.forEach((v, i) => {
    if (v === undefined) return;
    const first = seen.get(v);
    if (first !== undefined) out.push({ first, second: i, value: v });
    else seen.set(v, i);
  });
  return out;
}

export type BracketProblem = { index: number; problem: "open" | "order" | "last"; prev?: number };

/**
 * Tiered brackets by their upper bounds (null: open): every bound but the last, rising; the last
 * open, so that an amount above every bound is still paid. Each problem, in order.
 */
export function bracketProblems(upTos: readonly (number | null | undefined)[]): BracketProblem[] {
  const out: BracketProblem[] = [];
  upTos.forEach((u, i) => {
    const last = i === upTos.length - 1;
    if (!last && u === null) out.push({ index: i, problem: "open" });
    const prev = i > 0 ? upTos[i - 1] : undefined;
    if (typeof prev === "number" && typeof u === "number" && u <= prev) out.push({ index: i, problem: "order", prev });
  });
  if (upTos.length && upTos[upTos.length - 1] !== null) out.push({ index: upTos.length - 1, problem: "last" });
  return out;
}

export type WeightProblem = { problem: "negative"; index: number; weight: number } | { problem: "sum"; sum: number };

/** Weights: none below zero, adding up to `expected` (to 9 decimals, so 33.3 + 33.3 + 33.4 is 100). */
export function weightProblem(weights: readonly number[], expected: number): WeightProblem | null {
  const negative = weights.findIndex((w) => w < 0);
  if (negative >= 0) return { problem: "negative", index: negative, weight: weights[negative] };
  const sum = weights.reduce((s, w) => s + w, 0);
  return Math.abs(sum - expected) < 1e-9 ? null : { problem: "sum", sum: Math.round(sum * 1e9) / 1e9 };
}

/** A step, a cap, full marks: must be greater than zero. */
export const isPositive = (x: number | undefined): boolean => x === undefined || x > 0;
/** Points per step, a rate: must not be negative. */
export const isNonNegative = (x: number | undefined): boolean => x === undefined || x >= 0;
