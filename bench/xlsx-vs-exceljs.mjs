// Our .xlsx writer against ExcelJS's streaming WorkbookWriter writing the same cells (values,
// formulas with their cached results, one style per column's number format), in one process:
// node bench/xlsx-vs-exceljs.mjs <rows> → one JSON line. ExcelJS gets every formula as its A1
// text per cell (it has no shared formulas in its streaming writer) — the same file content.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { parseRecords } from "../lib/core/data.js";
import { buildWorkbookPlan } from "../lib/workbook/plan/build-plan.js";
import { planResults } from "../lib/workbook/generation-record.js";
import { addCachedValues } from "../lib/workbook/plan/cached-values.js";
import { printA1 } from "../lib/workbook/plan/print-formula.js";
import { writeXlsx } from "../lib/workbook/xlsx/write-xlsx.js";
import { nodeZipCodec } from "../lib/cli/zip-codec.js";

const rows = Number(process.argv[2] ?? 10_000);
const scheme = builtInScheme("ecommerce-cs");
const s = sampleData(scheme, { rows, seed: 9 });
const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
addCachedValues(plan, scheme, people, planResults(scheme, people, plan, { trace: false }));

const time = async (f) => {
  const t0 = performance.now();
  const out = await f();
  return [(performance.now() - t0) / 1000, out];
};
const [ours, bytes] = await time(() => writeXlsx(plan, { codec: nodeZipCodec }));
const [oursFflate] = await time(() => writeXlsx(plan));

const dir = mkdtempSync(join(tmpdir(), "kpi-exceljs-"));
const [exceljs] = await time(async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, "exceljs.xlsx"), useStyles: true, useSharedStrings: false });
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    // the streaming writer commits rows in order and refuses a row once committed, while our
    // plan's blocks revisit rows (a header block, then each column's block): gather first
    const byRow = new Map();
    for (const b of sheet.blocks)
      b.values.forEach((values, i) => {
        const r = b.row + i;
        let cells = byRow.get(r);
        if (!cells) byRow.set(r, (cells = []));
        values.forEach((v, j) => {
          if (v === null) return;
          const value = typeof v === "object" ? { formula: printA1(v.formula, r).slice(1), result: b.cached?.[i]?.[j] ?? undefined } : v;
          cells.push([b.col + j + 1, value, b.formats?.[j]]);
        });
      });
    for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
      const row = ws.getRow(r);
      for (const [c, value, fmt] of byRow.get(r)) {
        const cell = row.getCell(c);
        cell.value = value;
        if (fmt) cell.numFmt = fmt;
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
});
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows, oursSeconds: ours, oursFflateSeconds: oursFflate, exceljsSeconds: exceljs, ratio: ours / exceljs, bytes: bytes.length, peakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20) }));
