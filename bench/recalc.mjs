// Finance's read-back for a roster size: reading a generated .xlsx (its record, settings and
// sheets), and the engine's side of "Recalculate payouts" — inputs parsed, every person
// evaluated with reasons, compared with the payout sheet and with the last run.
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { parseRecords } from "../lib/core/data.js";
import { compileScheme } from "../lib/core/evaluate.js";
import { buildWorkbookPlan } from "../lib/workbook/plan/build-plan.js";
import { writeXlsx } from "../lib/workbook/xlsx/write-xlsx.js";
import { generationRecord, recordXml } from "../lib/workbook/generation-record.js";
import { openXlsx } from "../lib/io/xlsx-read.js";
import { recalcWorkbookFile } from "../lib/workbook/recalc-file.js";
import { recalcPayouts } from "../lib/workbook/read-back.js";

const rows = Number(process.argv[2] ?? 10000);
const scheme = builtInScheme("ecommerce-cs");
const s = sampleData(scheme, { rows, seed: 9 });
const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" });
const record = generationRecord(scheme, people, plan);
const bytes = await writeXlsx(plan, { customXml: [recordXml(record)] });

// the file path (kpi-scorecard recalc, the browser pane): unzip, read, evaluate
const t0 = performance.now();
const r = recalcWorkbookFile(openXlsx(bytes), "book.xlsx", "en-US");
const t1 = performance.now();
if (!r.ok) throw new Error(r.problems.join("\n"));

// the engine's side inside Excel: the sheets' values as Excel returns them
const [, ev, pay] = plan.sheets;
const results = compileScheme(scheme).evaluateRoster(structuredClone(people));
const evaluation = { keys: ev.table.keys, rows: people.map((p) => ev.table.keys.map((k) => (k === "id" ? p.id : k === "name" ? p.name : (p.values[k] ?? null)))) };
const payout = { keys: pay.table.keys, rows: results.map((x) => pay.table.keys.map((k) => (k === "id" ? x.id : k === "pay" ? x.payTotal / 100 : k.startsWith("pay:") ? x.pay[k.slice(4)] / 100 : null))) };
const t2 = performance.now();
const report = recalcPayouts(scheme, evaluation, payout, record.snapshot, record.layout.settings, record.snapshot.settings);
const t3 = performance.now();
if (report.mismatches.length) throw new Error("the simulated sheet should agree");

console.log(JSON.stringify({ rows, fileSeconds: (t1 - t0) / 1000, engineSeconds: (t3 - t2) / 1000, recordKiB: Math.round(recordXml(record).length / 1024) }));
