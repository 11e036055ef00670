// One benchmark run in its own process, so that peak memory belongs to this size alone:
// node bench/evaluate-csv.mjs <scheme> <rows>  → one JSON line of figures.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { formatCsv } from "../lib/io/csv.js";
import { evaluateCsv } from "../lib/cli/commands/evaluate.js";

const [schemeId = "ecommerce-cs", rowsText = "100000"] = process.argv.slice(2);
const rows = Number(rowsText);
const scheme = builtInScheme(schemeId);
const dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
const input = join(dir, "data.csv");
const output = join(dir, "results.csv");
{
  // in a block of its own, so the sample is garbage before the clock starts
  const sample = sampleData(scheme, { rows, seed: 42 });
  writeFileSync(input, formatCsv(sample.header, sample.rows));
}
globalThis.gc?.();

const io = { out: () => {}, err: () => {}, lang: "en-US", cwd: dir };
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const text = readFileSync(input, "utf8");
// (each person's own cells are written to the file's bytes as they are scored: the second figure
// is the roster's rules' cells and the file written)
const { csv } = evaluateCsv(scheme, text, input, io, { trace: false });
const t1 = performance.now();
writeFileSync(output, csv);
const t2 = performance.now();
const peak = process.resourceUsage().maxRSS * 1024;
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    scheme: schemeId,
    rows,
    seconds: (t2 - t0) / 1000,
    evaluateSeconds: (t1 - t0) / 1000,
    writeSeconds: (t2 - t1) / 1000,
    peoplePerSecond: Math.round(rows / ((t2 - t0) / 1000)),
    peakRssMiB: Math.round(peak / 2 ** 20),
    baseRssMiB: Math.round(rssBefore / 2 ** 20),
  }),
);
