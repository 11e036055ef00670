/**
 * Money and Excel-compatible rounding.
 *
 * Excel computes in binary doubles but its ROUND works on the number as Excel shows it: the
 * double's 15-significant-digit decimal form, rounded half away from zero. So
 * ROUND(1.005, 2) = 1.01 in Excel while Math.round(1.005 * 100) / 100 = 1. We reproduce that:
 * take the 15-digit decimal form, then round that decimal exactly with BigInt.
 *
 * Amounts are kept as integer cents (fen, 分) once rounded, so sums, pools and payout totals
 * are exact and reconcile to the cent; a plain JS number holds integer cents exactly up to
 * ±9e15 (90 trillion yuan). An amount above MAX_YUAN is refused (a problem the user reads, never
 * a crash or a cent lost): beyond it a roster's sums of cents would no longer be exact.
 */
import { EvaluationError } from "./errors.js";

/** The largest amount, in yuan, that a pay line, budget or total may reach: 10 trillion. */
export const MAX_YUAN = 1e13;

/** Digits after the decimal point that a money unit keeps: 0.01 → 2, 0.1 → 1, 1 → 0. */
export type MoneyDigits = 0 | 1 | 2;

/** The money unit a scheme rounds pay lines to, as written in messages: "1", "0.1" or "0.01" (yuan). */
export function moneyUnit(digits: number): string {
  return ["1", "0.1", "0.01"][digits] ?? "0.01";
}

interface DecimalParts {
  negative: boolean;
  /** All significant digits as an integer. */
  mantissa: bigint;
  /** value = mantissa × 10^exponent */
  exponent: number;
}

function decimalParts(x: number): DecimalParts {
  const negative = x < 0;
  const text = Math.abs(x).toPrecision(15);
  const [coefficient, expText] = text.split("e");
  const [whole, fraction = ""] = coefficient.split(".");
  const exponent = (expText === undefined ? 0 : Number(expText)) - fraction.length;
  return { negative, mantissa: BigInt(whole + fraction), exponent };
}

/**
 * round(x × 10^digits) as an integer, half away from zero on the 15-digit decimal form.
 * Fast path: when x × 10^digits is far from a half (more than 1e-6 away) and not huge, the
 * binary product and the 15-digit decimal lie on the same side of the half — they differ by
 * about 1e-15 relative — so plain arithmetic gives the same integer. Otherwise the exact way.
 */
function scaledRound(x: number, digits: number): bigint | number {
  const scaled = Math.abs(x) * 10 ** digits;
  if (scaled < 1e9 && digits >= 0 && digits <= 10) {
    const floor = Math.floor(scaled);
    const frac = scaled - floor;
    if (Math.abs(frac - 0.5) > 1e-6) {
      const q = frac < 0.5 ? floor : floor + 1;
      return x < 0 ? -q : q;
    }
    const q = nearHalfRound(x, digits);
    if (q !== null) return q;
  }
  return scaledRoundExact(x, digits);
}

/**
 * A product near a half, read off the 15-digit decimal text without BigInt (scores such as 7.125
 * are near a half all the time): a decimal rounds half away from zero up exactly when its first
 * dropped digit is 5 or more. Null when the text is in exponent form (the exact way takes it).
 */
function nearHalfRound(x: number, digits: number): number | null {
  const text = Math.abs(x).toPrecision(15);
  const dot = text.indexOf(".");
  if (dot < 0 || text.indexOf("e") >= 0) return null;
  const kept = text.slice(0, dot) + text.slice(dot + 1, dot + 1 + digits).padEnd(digits, "0");
  const dropped = text.charCodeAt(dot + 1 + digits); // NaN when nothing is dropped
  const q = Number(kept) + (dropped >= 53 /* 5 */ ? 1 : 0);
  return x < 0 ? -q : q;
}

function scaledRoundExact(x: number, digits: number): bigint {
  const { negative, mantissa, exponent } = decimalParts(x);
  const shift = exponent + digits;
  let q: bigint;
  if (shift >= 0) {
    q = mantissa * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    q = mantissa / divisor;
    if ((mantissa % divisor) * 2n >= divisor) q += 1n;
  }
  return negative ? -q : q;
}

/** Excel's ROUND(x, digits): decimal, half away from zero. digits may be negative. */
export function roundExcel(x: number, digits: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  if (x === 0) return 0;
  const q = scaledRound(x, digits);
  const result = digits >= 0 ? Number(q) / 10 ** digits : Number(q) * 10 ** -digits;
  return result === 0 ? 0 : result; // no -0
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
