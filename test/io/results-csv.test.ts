/**
 * The results CSV takes the cells of its number columns (points, totals, money, ranks) as they
 * are, without the formula guard and the quoting every other cell gets: that is safe only if our
 * number text never needs either. Held here for any number the engine can write, and for the whole
 * results of every template (with and without the shortcut: the same text).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCsv, guardCell } from "../../src/io/csv.js";
import { formatNumber } from "../../src/i18n/index.js";
import { formatMoney } from "../../src/core/money.js";
import { eachResultRow, resultColumns, resultNumberColumns } from "../../src/io/results-table.js";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";

/** What the CSV writer makes of a cell that is not taken as it is (its guard and its quoting). */
const written = (cell: string) => formatCsv([], [[cell]]).replace(/^\ufeff\r\n/, "").replace(/\r\n$/, "");

describe("the results CSV's number columns", () => {
  it("our number text needs no guard and no quotes: points and totals, money in every unit, ranks", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>, (x, cents, digits) => {
        for (const text of [formatNumber(x), formatMoney(cents, digits), String(Math.abs(cents))]) {
          expect(guardCell(text)).toBe(text);
          expect(written(text)).toBe(text);
        }
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it("every template's results: the same CSV with the number columns taken as they are", () => {
    for (const scheme of builtInSchemes()) {
      const s = sampleData(scheme, { rows: 60, seed: 8 });
      const { people, problems } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
      expect(problems, scheme.id).toEqual([]);
      const { results, rollups } = evaluatePeriods(compileScheme(scheme, { trace: false, period: "2026-11" }), people);
      const withPeriod = people.some((p) => p.period !== null);
      const rows = () => eachResultRow(scheme, results, rollups, withPeriod, "zh-CN");
      const numbers = resultNumberColumns(scheme, withPeriod);
      expect(numbers.length, scheme.id).toBe(resultColumns(scheme, withPeriod).length);
      expect(formatCsv(resultColumns(scheme, withPeriod), rows(), numbers), scheme.id).toBe(formatCsv(resultColumns(scheme, withPeriod), rows()));
    }
  });

  it("takes no text column as numbers: ids, names, the roster's own columns, grades, flags", () => {
    const scheme = builtInSchemes().find((x) => x.id === "ecommerce-cs")!;
    const header = resultColumns(scheme, true, { department: true, position: true, carried: ["total"] });
    const numbers = resultNumberColumns(scheme, true, { department: true, position: true, carried: ["total"] });
    const taken = header.filter((_, i) => numbers[i]);
    for (const text of ["id", "name", "department", "position", "period", "grade", "flags", "award", "tier"]) expect(taken).not.toContain(text);
    // a carried column named like one of ours is still text (by its place, not its name)
    expect(numbers[header.indexOf("total")]).toBe(false);
    expect(numbers[header.lastIndexOf("total")]).toBe(true);
  });
});
