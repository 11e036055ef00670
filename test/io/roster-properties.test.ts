/**
 * Issue 10, property: any roster `kpi-scorecard sample` writes, saved again the ways Chinese offices
 * save it — GB18030 (Excel's CSV on Chinese Windows), UTF-16LE with tabs (Excel's Unicode text),
 * an .xlsx by our writer and by ExcelJS — reads back to exactly the same people.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { formatCsv } from "../../src/io/csv.js";
import { readRoster } from "../../src/io/read-roster.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import type { Scheme } from "../../src/core/scheme/schema.js";
import { encodeGb18030, encodeUtf16le } from "./gb18030.js";

const schemes = builtInSchemes();
const args = fc.record({ scheme: fc.constantFrom(...schemes), rows: fc.integer({ min: 1, max: 12 }), seed: fc.nat(), periods: fc.constantFrom(0, 2) });

function sample(scheme: Scheme, rows: number, seed: number, periods: number) {
  return sampleData(scheme, { rows, seed, periods, firstPeriod: "2026-01" });
}

const people = async (bytes: Uint8Array, scheme: Scheme) => {
  const r = await readRoster({ kind: "file", bytes, name: "r" }, scheme, { lang: "zh-CN" });
  expect(r.problems).toEqual([]);
  return r.people;
};

describe("a sample roster saved again reads back the same", () => {
  it("as GB18030 CSV and as UTF-16LE tab-separated text", async () => {
    await fc.assert(
      fc.asyncProperty(args, async ({ scheme, rows, seed, periods }) => {
        const s = sample(scheme, rows, seed, periods);
        const csv = formatCsv(s.header, s.rows).replace(/^\ufeff/, "");
        const expected = await people(new TextEncoder().encode(csv), scheme);
        expect(expected.length).toBe(rows * Math.max(1, periods));
        expect(await people(encodeGb18030(csv), scheme)).toEqual(expected);
        const tsv = [s.header, ...s.rows].map((r) => r.join("\t")).join("\r\n");
        expect(await people(encodeUtf16le(tsv), scheme)).toEqual(expected);
      }),
      { numRuns: 200, seed: 42 },
    );
  }, 120_000);
  it("as an .xlsx by our writer and by ExcelJS", async () => {
    await fc.assert(
      fc.asyncProperty(args, async ({ scheme, rows, seed, periods }) => {
        const s = sample(scheme, rows, seed, periods);
        const expected = await people(new TextEncoder().encode(formatCsv(s.header, s.rows)), scheme);
        const ours = await writeXlsx({
          lang: "zh-CN",
          mode: "native",
          names: [],
          sheets: [{ name: "花名册", role: "evaluation", blocks: [{ row: 1, col: 0, values: [s.header, ...s.rows] }], validations: [], conditional: [], widths: [], protect: false }],
        });
        expect(await people(ours, scheme)).toEqual(expected);
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("名单");
        ws.addRow(s.header);
        // as a person types them: numbers as numbers
        for (const r of s.rows) ws.addRow(r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) && !/^0\d/.test(c) ? Number(c) : c)));
        expect(await people(new Uint8Array(await wb.xlsx.writeBuffer()), scheme)).toEqual(expected);
      }),
      { numRuns: 40, seed: 43 },
    );
  }, 120_000);
});
