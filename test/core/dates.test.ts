/** Dates as people write them, kept as Excel's date serials (转正日期 compared with the evaluated month). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dateSerial, formatDate, parseDate, periodDay } from "../../src/core/dates.js";

describe("dates", () => {
  it("reads the forms a Chinese office writes, all as the same day", () => {
    const forms = ["2026-11-08", "2026/11/8", "2026.11.08", "2026年11月8日", "20261108", "2026/11/8 0:00", "2026-11-08T00:00:00", "2026-11-08T00:00:00.000Z", "46334", "46334.75", "２０２６-１１-０８"];
    expect(forms.map(parseDate)).toEqual(forms.map(() => 46334));
    expect(formatDate(46334)).toBe("2026-11-08");
  });
  it("refuses what is not a day: 2026-02-30, a month alone, words, a 3-digit number", () => {
    expect(["2026-02-30", "2026-13-01", "2026-11", "下个月", "", "123", "2026年11月"].map(parseDate)).toEqual([null, null, null, null, null, null, null]);
    expect(parseDate("2028-02-29")).toBe(dateSerial(2028, 2, 29));
  });
  it("every day from 1900-03-01 to 9999-12-31 goes to text and back to the same serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => parseDate(formatDate(serial).replace(/-/g, "/")) === serial),
      { seed: 11, numRuns: 2000 },
    );
  });
  it("the 10th of a month, of a quarter's first month; the last day when the month is shorter", () => {
    expect(formatDate(periodDay("2026-11", 10))).toBe("2026-11-10");
    expect(formatDate(periodDay("2026-Q2", 10))).toBe("2026-04-10");
    expect(formatDate(periodDay("2026-02", 31))).toBe("2026-02-28");
    expect(formatDate(periodDay("2026", 1))).toBe("2026-01-01");
  });
});

describe("the period the pane suggests", () => {
  it("is the month just ended — one evaluates November on 1 December, and December on 5 January", async () => {
    const { monthJustEnded } = await import("../../src/core/periods/period.js");
    expect(monthJustEnded(new Date(2026, 11, 1))).toBe("2026-11");
    expect(monthJustEnded(new Date(2027, 0, 5))).toBe("2026-12");
    expect(monthJustEnded(new Date(2026, 10, 30))).toBe("2026-10");
  });
});
