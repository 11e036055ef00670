#!/usr/bin/env node
// `npm run bench`: figures, not pass/fail. Each size runs in a fresh process so that its peak
// memory is its own. Prints the machine it ran on, to quote alongside the numbers.
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
console.log(`machine: ${machine}\n`);

function run(script, args) {
  const out = execFileSync(process.execPath, ["--expose-gc", join(here, script), ...args], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop());
}

console.log("evaluate: CSV in → results CSV out (kpi-scorecard evaluate without --explain)");
console.log("scheme          people   seconds   people/s   peak RSS MiB   MiB per 10k over base");
const sizes = [10_000, 50_000, 100_000];
for (const rows of sizes) {
  const r = run("evaluate-csv.mjs", ["ecommerce-cs", String(rows)]);
  const perTenK = ((r.peakRssMiB - r.baseRssMiB) / (rows / 10_000)).toFixed(1);
  console.log(
    `${r.scheme.padEnd(15)} ${String(rows).padStart(7)}   ${r.seconds.toFixed(2).padStart(7)}   ${String(r.peoplePerSecond).padStart(8)}   ${String(r.peakRssMiB).padStart(12)}   ${perTenK.padStart(8)}`,
  );
}
console.log("\ntarget: memory per person flat as the roster grows");
const floor = run("cli-vs-floor.mjs", ["100000"]);
console.log(
  `100,000 people, each timed from outside, best of three: kpi-scorecard evaluate ${floor.cliSeconds.toFixed(2)} s, bare Node read + split + sum + write (bench/io-floor.mjs) ${floor.floorSeconds.toFixed(2)} s → ${floor.ratio.toFixed(1)}× the I/O floor (target ≤ 3×)`,
);

for (const [rows, target] of [[10_000, "≤ 0.8 s"], [100_000, "≤ 5 s, ≤ 600 MB"]]) {
  const book = run("cli-workbook.mjs", [String(rows)]);
  console.log(
    `kpi-scorecard workbook, ${rows.toLocaleString("en-US")} people (read, plan, engine, generation record, cached values, .xlsx), best of three: ${book.seconds.toFixed(2)} s, peak ${book.peakMiB === null ? "— (no GNU time)" : `${Math.round(book.peakMiB)} MiB`} (target ${target})`,
  );
}

console.log("\ncustom functions: 10,000 rows, one call per cell versus one spilled call (the add-in's own work)");
console.log("function          calls      ms   µs per row");
const fns = run("functions.mjs", ["10000"]);
for (const r of fns.results) console.log(`${r.label.padEnd(16)} ${String(r.calls).padStart(6)}  ${r.ms.toFixed(1).padStart(6)}   ${((r.ms * 1000) / fns.rows).toFixed(2).padStart(8)}`);

console.log("\nworkbook builder: plan, engine + payslips + cached values, .xlsx, and the Office writer's requests for the same plan (a stand-in counting what would be sent)");
console.log("people   plan s   cached s   xlsx s   xlsx MiB   Office syncs   total request MiB   largest request MiB");
for (const rows of [1_000, 10_000, 100_000]) {
  const w = run("workbook.mjs", [String(rows)]);
  console.log(
    `${String(rows).padStart(6)}   ${w.planSeconds.toFixed(2).padStart(6)}   ${w.cachedValuesSeconds.toFixed(2).padStart(8)}   ${w.xlsxSeconds.toFixed(2).padStart(6)}   ${(w.xlsxBytes / 2 ** 20).toFixed(1).padStart(8)}   ${String(w.officeSyncs).padStart(12)}   ${w.totalRequestMiB.toFixed(2).padStart(17)}   ${w.largestRequestMiB.toFixed(2).padStart(19)}`,
  );
}
console.log("Excel on the web refuses a request or a response over 5 MB");

console.log("\n.xlsx writer against ExcelJS's streaming WorkbookWriter writing the same cells, same process");
for (const rows of [10_000, 50_000]) {
  const x = run("xlsx-vs-exceljs.mjs", [String(rows)]);
  console.log(
    `${String(rows).padStart(6)} people: ours ${x.oursSeconds.toFixed(2)} s (zlib; ${x.oursFflateSeconds.toFixed(2)} s with fflate as in the browser), ExcelJS ${x.exceljsSeconds.toFixed(2)} s → ${x.ratio.toFixed(2)}× ExcelJS's time`,
  );
}

console.log("\nLibreOffice recalculating the native workbook on load (what WPS and Excel also pay when the file opens)");
const lo = [4_000, 16_000].map((rows) => run("libreoffice.mjs", ["ecommerce-cs", String(rows)]));
if (lo.some((r) => r.seconds === null)) console.log("soffice not found: LibreOffice figures not measured");
else {
  for (const r of lo)
    console.log(
      `${String(r.rows).padStart(6)} people: loaded, recalculated, every sheet's values out ${r.recalcSeconds.toFixed(1)} s; saved as .xlsx instead ${r.savedXlsxSeconds.toFixed(1)} s (after ${r.startSeconds.toFixed(1)} s of LibreOffice's own start)`,
    );
  console.log(`growth for ×4 people: ×${(lo[1].recalcSeconds / lo[0].recalcSeconds).toFixed(1)} (linear passes would be ×4–5); with the .xlsx save ×${(lo[1].savedXlsxSeconds / lo[0].savedXlsxSeconds).toFixed(1)}`);
  // the size the issue's target is given at (60 s): about two minutes of the bench's run
  const big = run("libreoffice.mjs", ["ecommerce-cs", "100000"]);
  console.log(`100000 people: loaded, recalculated, every sheet's values out ${big.recalcSeconds.toFixed(1)} s (target 60 s); saved as .xlsx instead ${big.savedXlsxSeconds.toFixed(1)} s`);
  // the two exact forms of a rank side by side (the workbook writes the FREQUENCY one from 1,000 people on)
  const rank = run("rank-forms.mjs", ["16000"]);
  console.log(`a rank over 16,000 totals: COUNTIF per row ${rank.countif.seconds.toFixed(1)} s, one FREQUENCY with a running count ${rank.frequency.seconds.toFixed(1)} s (ranks equal: ${rank.countif.exact && rank.frequency.exact})`);
}

console.log("\nfinance read-back: a generated .xlsx read and recalculated (kpi-scorecard recalc), and the engine's side of the pane's recalculation");
console.log("people   file s   engine s   record KiB");
for (const rows of [1000, 10_000]) {
  const f = run("recalc.mjs", [String(rows)]);
  console.log(`${String(rows).padStart(6)}   ${f.fileSeconds.toFixed(2).padStart(6)}   ${f.engineSeconds.toFixed(2).padStart(8)}   ${String(f.recordKiB).padStart(10)}`);
}

console.log("\ntask pane: first load and time to the first step (standalone, headless Chromium)");
const tti = run("tti.mjs", []);
console.log(`first load ${tti.firstLoadGzipKiB} KiB gzip (${Object.entries(tti.files).map(([f, k]) => `${f} ${k}`).join(", ")}); loaded on demand ${tti.lazyChunksGzipKiB} KiB; first step on screen after ${tti.firstInteractiveMs ?? "—"} ms`);
// the pane's own .xlsx in a browser (fflate's deflate, everything in the page)
const download = run("pane-download.mjs", ["10000"]);
console.log(download.seconds === null ? "chromium not found: the pane's download not measured" : `the pane's download of 10,000 people (click on generate → the browser's download): ${download.seconds.toFixed(2)} s, best of three (target ≤ 2 s), ${download.fileMiB} MiB`);
