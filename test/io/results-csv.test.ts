/**
 * The results CSV is written straight into bytes (csv-bytes.ts): numbers from their digits, text
 * encoded where it lands. Held here to the text the string writers give — formatNumber,
 * formatMoney, formatCsv's guard and quoting, TextEncoder's UTF-8 — for any number and any text,
 * and for the whole results of every template read back cell by cell.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCsv, guardCell, parseCsv, quoteCell } from "../../src/io/csv.js";
import { CsvBytes } from "../../src/io/csv-bytes.js";
import { formatNumber } from "../../src/i18n/index.js";
import { formatMoney, roundExcel, type MoneyDigits } from "../../src/core/money.js";
import { labeler, resultColumns } from "../../src/io/results-table.js";
import { resultsCsv, ResultsCsvWriter } from "../../src/io/results-csv.js";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";

const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
/** One cell's text as the byte writer makes it (after the BOM). */
const cellOf = (write: (w: CsvBytes) => unknown) => {
  const w = new CsvBytes();
  write(w);
  return utf8(w.bytes()).slice(1);
};

describe("the results CSV's byte writer", () => {
  it("writes any figure as formatNumber does: exact decimals from their digits, anything else by formatNumber", () => {
    const figure = fc.oneof(
      fc.double({ noNaN: true, min: -1e16, max: 1e16 }),
      // what the engine writes most: points and totals rounded to the scheme's digits
      fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 6 })).map(([x, d]) => roundExcel(x, d)),
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.constantFrom(0, -0, 1e-4, -1e-4, 5e-5, 99999999999.9999, 1e15 / 1e4, -1e15 / 1e4, 0.1 + 0.2, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(figure, (x) => {
        expect(cellOf((w) => w.number(x))).toBe(formatNumber(x));
      }),
      { numRuns: 20000, seed: 20261207 },
    );
  });

  it("writes integer cents as formatMoney does in every unit, and needs no guard or quotes for either", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.constantFrom(0, 1, 2) as fc.Arbitrary<MoneyDigits>, fc.boolean(), (raw, digits, whole) => {
        // cents of the unit (what toCents gives) most of the time, any integer otherwise
        const step = 10 ** (2 - digits);
        const cents = whole ? Math.trunc(raw / step) * step : raw;
        const text = cellOf((w) => w.money(cents, digits));
        expect(text).toBe(formatMoney(cents, digits));
        expect(quoteCell(guardCell(text))).toBe(text);
        const figure = cellOf((w) => w.number(cents / 100));
        expect(quoteCell(guardCell(figure))).toBe(figure);
      }),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it("writes any text cell as formatCsv guards and quotes it, in TextEncoder's UTF-8 (half a pair included)", () => {
    const unit = fc.oneof(fc.constantFrom("=", "+", "-", "@", "'", '"', ",", "\r", "\n", "\t", " ", "\ud83d", "\ude00", "中", "é", "\u0007"), fc.string({ unit: "binary", maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
        const w = new CsvBytes();
        w.text(s);
        expect(Array.from(w.bytes().subarray(3))).toEqual(Array.from(new TextEncoder().encode(quoteCell(guardCell(s)))));
      }),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it("grows past its first buffer without losing a byte: the same file as formatCsv", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`E${i}`, i % 7 ? "张三" : "=1+1", "😀 x", 'a"b']);
    const w = new CsvBytes();
    for (const r of rows) {
      r.forEach((cell, i) => (i ? w.comma() : w).text(cell));
      w.endLine();
    }
    const bytes = w.bytes();
    expect(bytes.length).toBeGreaterThan(1 << 17);
    expect(utf8(bytes)).toBe(formatCsv(rows[0], rows.slice(1)));
  });
});

describe("the results CSV", () => {
  it("every template: read back, each cell is the result's own, as formatNumber and formatMoney write it", () => {
    for (const scheme of builtInSchemes()) {
      const s = sampleData(scheme, { rows: 60, seed: 8, periods: scheme.periods.rollup || scheme.periods.streaks.length || scheme.periods.tiers ? 3 : undefined });
      const { people, problems } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
      expect(problems, scheme.id).toEqual([]);
      const { results, rollups } = evaluatePeriods(compileScheme(scheme, { trace: false, period: "2026-11" }), people);
      const withPeriod = people.some((p) => p.period !== null);
      const digits = scheme.money.digits as MoneyDigits;
      const label = labeler(scheme, "zh-CN");
      const table = parseCsv(utf8(resultsCsv(scheme, results, rollups, withPeriod, "zh-CN")).replace(/^\ufeff/, ""));
      const header = resultColumns(scheme, withPeriod);
      expect(table.header, scheme.id).toEqual(header);
      expect(table.records.length, scheme.id).toBe(results.length + rollups.length);
      const at = (cells: string[], column: string) => cells[header.indexOf(column)];
      results.forEach((r, k) => {
        const cells = table.records[k].cells;
        expect(cells.length, scheme.id).toBe(header.length);
        expect([at(cells, "id"), at(cells, "name"), at(cells, "grade")]).toEqual([r.id, r.name, label.grade(r.grade)]);
        if (withPeriod) expect(at(cells, "period")).toBe(r.period ?? "");
        for (const i of scheme.indicators) expect(at(cells, i.id), `${scheme.id} ${r.id} ${i.id}`).toBe(r.excluded ? "" : formatNumber(r.points[i.id]));
        for (const a of scheme.adjustments) expect(at(cells, a.id)).toBe(r.excluded ? "" : formatNumber(r.adjustments[a.id]));
        expect(at(cells, "total")).toBe(r.excluded ? "" : formatNumber(r.total));
        for (const p of scheme.pay) expect(at(cells, p.id)).toBe(formatMoney(r.pay[p.id] ?? 0, digits));
        expect([at(cells, "pay"), at(cells, "rank"), at(cells, "flags")]).toEqual([formatMoney(r.payTotal, digits), r.excluded ? "" : String(r.rank), r.flags.map(label.flag).join("; ")]);
        if (scheme.awards.length) expect(at(cells, "award")).toBe(label.award(r.award));
        if (scheme.periods.tiers) expect(at(cells, "tier")).toBe(label.tier(r.tier));
      });
      rollups.forEach((u, k) => {
        const cells = table.records[results.length + k].cells;
        expect(cells.length).toBe(header.length);
        expect([at(cells, "id"), at(cells, "total"), at(cells, "grade"), at(cells, "pay"), at(cells, "rank")]).toEqual([u.id, formatNumber(u.total), label.grade(u.grade), formatMoney(u.payTotal, digits), ""]);
        if (withPeriod) expect(at(cells, "period")).toBe(u.period);
      });
    }
  });

  it("guards and quotes every text cell — ids, names, the roster's own columns, even one named like ours — and takes none as a number", () => {
    const scheme = builtInSchemes().find((x) => x.id === "ecommerce-cs")!;
    const s = sampleData(scheme, { rows: 3, seed: 1 });
    const header = [...s.header, "department", "position", "total"];
    const rows = s.rows.map((cells, i) => [...cells, "客服,一部", i ? "组长" : "-组长", "=SUM(A1)"]);
    rows[0][s.header.indexOf("name")] = "=HYPERLINK(1)";
    const { people, problems } = parseRecords(header, rows.map((cells, i) => ({ line: i + 2, cells })), scheme, { carried: [header.length - 1] });
    expect(problems).toEqual([]);
    people.forEach((p, i) => (p.carried = [rows[i][header.length - 1]]));
    const { results } = evaluatePeriods(compileScheme(scheme, { trace: false }), people);
    const columns = { department: true, position: true, carried: ["total"] };
    const text = utf8(resultsCsv(scheme, results, [], false, "en-US", { columns, people }));
    const first = text.split("\r\n")[1];
    expect(first).toContain(`${people[0].id},'=HYPERLINK(1),"客服,一部",'-组长,'=SUM(A1),`);
    // read back, every cell as it was given (the guard comes off again)
    const back = parseCsv(text.replace(/^\ufeff/, ""));
    expect(back.header.filter((h) => h === "total").length).toBe(2);
    expect(back.records[0].cells.slice(1, 5)).toEqual(["=HYPERLINK(1)", "客服,一部", "-组长", "=SUM(A1)"]);
  });
});

describe("the results CSV written as people are scored (ResultsCsvWriter)", () => {
  const scheme = builtInSchemes().find((x) => x.id === "call-center")!;
  const s = sampleData(scheme, { rows: 6, seed: 5, periods: 3 });
  const header = [...s.header, "department"];
  // each person's department changes with the month: a roll-up shows their latest line's
  const rows = s.rows.map((r, i) => [...r, `D${i}`]);
  const { people } = parseRecords(header, rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
  const { results, rollups } = evaluatePeriods(compileScheme(scheme, { trace: false }), people);
  const columns = { department: true, position: false, carried: [] };

  it("gives the same file whatever order the people were written in, each line with its own person's cells", () => {
    expect(rollups.length).toBeGreaterThan(0);
    const inOrder = resultsCsv(scheme, results, rollups, true, "zh-CN", { columns, people });
    const backwards = new ResultsCsvWriter(scheme, "zh-CN", true, columns);
    const byLine = new Map(people.map((p) => [p.line, p]));
    for (const r of [...results].reverse()) backwards.person(r, byLine.get(r.line));
    expect(utf8(backwards.finish(results, rollups))).toBe(utf8(inOrder));
    const table = parseCsv(utf8(inOrder).slice(1));
    const at = (name: string) => table.header.indexOf(name);
    for (const r of results) {
      const line = table.records.find((row) => row.cells[at("id")] === r.id && row.cells[at("period")] === r.period)!.cells;
      expect(line[at("department")]).toBe(byLine.get(r.line)!.department);
    }
    for (const u of rollups) {
      const latest = people.filter((p) => p.id === u.id).reduce((a, b) => (b.line > a.line ? b : a));
      const line = table.records.find((row) => row.cells[at("id")] === u.id && row.cells[at("period")] === u.period)!.cells;
      expect(line[at("department")]).toBe(latest.department);
    }
  });

  it("refuses to finish a result it was not given, instead of writing a line of someone else's cells", () => {
    const writer = new ResultsCsvWriter(scheme, "en-US", true, columns);
    for (const r of results.slice(1)) writer.person(r, undefined);
    expect(() => writer.finish(results, [])).toThrow(/line \d+ was not written/);
  });
});
