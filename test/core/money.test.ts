import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCents, formatMoney, roundExcel, toCents } from "../../src/core/money.js";

describe("roundExcel (Excel's ROUND)", () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.015, 2, 1.02],
    [-1.005, 2, -1.01],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [1234.5678, 2, 1234.57],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [0.285, 2, 0.29],
    // Excel sees 15 significant digits: 1.4999999999999998 is 1.50000000000000 to it, so ROUND gives 2
    [1.4999999999999998, 0, 2],
    [1.49999999999999, 0, 1],
    [0.1 + 0.2, 2, 0.3],
    [123456789.125, 2, 123456789.13],
    [1e-12, 2, 0],
    [-1e-12, 2, 0],
  ])("ROUND(%s, %s) = %s", (x, d, expected) => {
    expect(roundExcel(x, d)).toBe(expected);
  });

  it("differs from the naive Math.round where Excel does", () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the bug we avoid
    expect(roundExcel(1.005, 2)).toBe(1.01);
  });

  it("never gives -0", () => {
    expect(Object.is(roundExcel(-0.001, 2), 0)).toBe(true);
  });

  it("rejects non-finite numbers instead of returning NaN", () => {
    expect(() => roundExcel(NaN, 2)).toThrow(RangeError);
    expect(() => roundExcel(Infinity, 2)).toThrow(RangeError);
  });

  it("is odd, idempotent and within half a unit", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundExcel(x, d);
        expect(roundExcel(-x, d)).toBe(r === 0 ? 0 : -r);
        expect(roundExcel(r, d)).toBe(r);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(x)));
      }),
    );
  });

  it("agrees with decimal rounding of the 15-digit form for two-decimal money", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 9 }), (cents, third) => {
        // x = cents/100 + third/1000: ROUND to 2 decimals goes up exactly when third ≥ 5 (away from zero)
        const sign = cents < 0 ? -1 : 1;
        const x = (Math.abs(cents) * 10 + third) / 1000 * sign;
        const expected = (Math.abs(cents) + (third >= 5 ? 1 : 0)) * sign;
        expect(toCents(x, 2)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

/** The reference: ROUND on the 15-significant-digit decimal form, in BigInt (no shortcut). */
function roundByDecimal(x: number, d: number): number {
  const [coefficient, e = "0"] = Math.abs(x).toExponential(14).split("e");
  const digits = BigInt(coefficient.replace(".", ""));
  const shift = Number(e) - 14 + d;
  let q: bigint;
  if (shift >= 0) q = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    q = digits / div + ((digits % div) * 2n >= div ? 1n : 0n);
  }
  const r = Number(q) / 10 ** d;
  return x < 0 && r !== 0 ? -r : r;
}

describe("roundExcel near a half (the path that reads the decimal text)", () => {
  it("agrees with BigInt decimal rounding just below, at and just above every half", () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 3 }), (k, d, ulps) => {
        // (k + 0.5) / 10^d, moved a few units of the 15th digit either way
        let x = (k + (k < 0 ? -0.5 : 0.5)) / 10 ** d;
        x += ulps * Math.abs(x) * 1e-15;
        expect(roundExcel(x, d)).toBe(roundByDecimal(x, d));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("cents", () => {
  it("rounds to the money unit", () => {
    expect(toCents(2557.2, 2)).toBe(255720);
    expect(toCents(330.5, 0)).toBe(33100);
    expect(toCents(330.45, 1)).toBe(33050);
    expect(toCents(-100, 2)).toBe(-10000);
  });
  it("formats", () => {
    expect(formatCents(255720)).toBe("2557.20");
    expect(formatCents(-5)).toBe("-0.05");
    expect(formatCents(0)).toBe("0.00");
    expect(formatMoney(33000, 0)).toBe("330");
    expect(formatMoney(33050, 1)).toBe("330.5");
  });
});
