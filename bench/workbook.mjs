// Workbook builder: plan + .xlsx for a roster size, and the Office writer's syncs and request
// sizes for the same roster (against a counting stand-in for Excel's batch API).
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { parseRecords } from "../lib/core/data.js";
import { buildWorkbookPlan } from "../lib/workbook/plan/build-plan.js";
import { writeXlsx } from "../lib/workbook/xlsx/write-xlsx.js";
import { writeToOffice } from "../lib/workbook/office/write-office.js";
import { planResults } from "../lib/workbook/generation-record.js";
import { addCachedValues } from "../lib/workbook/plan/cached-values.js";
import { addPayslips, PAYSLIP_LIMIT } from "../lib/workbook/plan/payslip-sheet.js";

const rows = Number(process.argv[2] ?? 1000);
const scheme = builtInScheme("ecommerce-cs");
const s = sampleData(scheme, { rows, seed: 9 });
const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);

const t0 = performance.now();
const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
const t1 = performance.now();
// as the CLI's file: the engine's results (traced), the payslips, every visible formula's value
const results = planResults(scheme, people, plan, { trace: people.length <= PAYSLIP_LIMIT });
if (results) {
  addPayslips(plan, scheme, results);
  addCachedValues(plan, scheme, people, results);
}
const tc = performance.now();
const bytes = await writeXlsx(plan, process.argv[3] === "fflate" ? {} : { codec: (await import("../lib/cli/zip-codec.js")).nodeZipCodec });
const t2 = performance.now();

// a stand-in that accepts every call and counts syncs and queued bytes
let syncs = 0;
let queued = 0;
const requests = [];
const sink = new Proxy(function () {}, {
  get: (_t, key) => (key === "items" ? [] : key === "sync" ? async () => (syncs++, requests.push(queued), (queued = 0)) : sink),
  set: (_t, _k, v) => ((queued += JSON.stringify(v)?.length ?? 0), true),
  apply: () => sink,
});
await writeToOffice({ workbook: sink, sync: sink.sync }, plan);

console.log(
  JSON.stringify({
    rows,
    planSeconds: (t1 - t0) / 1000,
    cachedValuesSeconds: (tc - t1) / 1000,
    xlsxSeconds: (t2 - tc) / 1000,
    xlsxBytes: bytes.length,
    officeSyncs: syncs,
    largestRequestMiB: Math.max(...requests) / 2 ** 20,
    totalRequestMiB: (requests.reduce((a, b) => a + b, 0) + queued) / 2 ** 20,
  }),
);
