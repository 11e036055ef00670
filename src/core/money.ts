/**
 * Money and Excel-compatible rounding.
 *
 * Excel computes in binary doubles but its ROUND works on the number as Excel shows it: the
 * double's 15-significant-digit decimal form, rounded half away from zero. So
 * ROUND(1.005, 2) = 1.01 in Excel while Math.round(1.005 * 100) / 100 = 1. src/decimal/excel-round.ts
 * reproduces that: it takes the 15-digit decimal form, then rounds that decimal exactly.
 *
 * Amounts are kept as integer cents (fen, 分) once rounded, so sums, pools and payout totals
 * are exact and reconcile to the cent; a plain JS number holds integer cents exactly up to
 * ±9e15 (90 trillion yuan). An amount above MAX_YUAN is refused (a problem the user reads, never
 * a crash or a cent lost): beyond it a roster's sums of cents would no longer be exact.
 */
import { EvaluationError } from "./errors.js";
import { roundExcel, scaledRound } from "../decimal/excel-round.js";

// Excel's ROUND lives below core (src/decimal) so that the catalogs' number formatter can use it too
export { roundExcel };

/** The largest amount, in yuan, that a pay line, budget or total may reach: 10 trillion. */
export const MAX_YUAN = 1e13;

/** Digits after the decimal point that a money unit keeps: 0.01 → 2, 0.1 → 1, 1 → 0. */
export type MoneyDigits = 0 | 1 | 2;

/** The money unit a scheme rounds pay lines to, as written in messages: "1", "0.1" or "0.01" (yuan). */
export function moneyUnit(digits: number): string {
  return ["1", "0.1", "0.01"][digits] ?? "0.01";
}

/** Round an amount in yuan to the money unit and return integer cents (fen). */
export function toCents(yuan: number, digits: MoneyDigits): number {
  if (!Number.isFinite(yuan)) throw new EvaluationError("value.not-finite", {});
  if (Math.abs(yuan) > MAX_YUAN) throw new EvaluationError("money.too-large", { amount: yuan, max: MAX_YUAN });
  if (yuan === 0) return 0;
  const q = Number(scaledRound(yuan, digits)) * 10 ** (2 - digits);
  return q === 0 ? 0 : q;
}

/** "1234.50", "-0.05": always two decimals, no grouping; what CSV and finance files expect. */
export function formatCents(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100);
  const fen = abs % 100;
  return `${negative ? "-" : ""}${yuan}.${fen < 10 ? "0" : ""}${fen}`;
}

/** Format cents with only as many decimals as the unit keeps: 1 yuan → "300", 0.01 → "300.00". */
export function formatMoney(cents: number, digits: MoneyDigits): string {
  const full = formatCents(cents);
  if (digits === 2) return full;
  if (digits === 1) return full.slice(0, -1);
  return full.slice(0, -3);
}

/** The exact sum of integer cents; a sum beyond what a double holds exactly is refused. */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new EvaluationError("money.sum-too-large", { max: MAX_YUAN });
  return total;
}

/** Round a score (points) the way the native formulas do: ROUND(points, digits). */
export function roundPoints(points: number, digits: number): number {
  // 1e308 × 2 points: a problem of the person's data, not a crash inside ROUND
  if (!Number.isFinite(points)) throw new EvaluationError("value.not-finite", {});
  return roundExcel(points, digits);
}
