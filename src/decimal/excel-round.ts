/**
 * Excel's ROUND, on its own: decimal and half away from zero on the number as Excel shows it (the
 * double's 15-significant-digit form). ROUND(1.005, 2) = 1.01 in Excel while
 * Math.round(1.005 * 100) / 100 = 1. It sits under both src/core (money, scores) and src/i18n (the
 * figures in messages), so every number the add-in rounds is rounded by this one piece of code.
 */

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
export function scaledRound(x: number, digits: number): bigint | number {
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
