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
console.log("\ntarget: 100,000 people under 2 s on the 2-core CI machine; memory per person flat as the roster grows");

console.log("\ncustom functions: 10,000 rows, one call per cell versus one spilled call (the add-in's own work)");
console.log("function          calls      ms   µs per row");
const fns = run("functions.mjs", ["10000"]);
for (const r of fns.results) console.log(`${r.label.padEnd(16)} ${String(r.calls).padStart(6)}  ${r.ms.toFixed(1).padStart(6)}   ${((r.ms * 1000) / fns.rows).toFixed(2).padStart(8)}`);

console.log("\nworkbook builder: plan, engine + payslips + cached values, .xlsx, and the Office writer's syncs for the same plan");
console.log("people   plan s   cached s   xlsx s   xlsx MiB   Office syncs   largest request MiB");
for (const rows of [1_000, 5_000, 10_000, 50_000]) {
  const w = run("workbook.mjs", [String(rows)]);
  console.log(
    `${String(rows).padStart(6)}   ${w.planSeconds.toFixed(2).padStart(6)}   ${w.cachedValuesSeconds.toFixed(2).padStart(8)}   ${w.xlsxSeconds.toFixed(2).padStart(6)}   ${(w.xlsxBytes / 2 ** 20).toFixed(1).padStart(8)}   ${String(w.officeSyncs).padStart(12)}   ${w.largestRequestMiB.toFixed(2).padStart(8)}`,
  );
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
