// The I/O floor for `kpi-scorecard evaluate`: a bare Node read of the same CSV, split into
// lines and cells, a sum of each row's numbers, and a CSV of id and sum written back — what no
// evaluation can go under. node bench/io-floor.mjs <in.csv> <out.csv> → one JSON line.
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
const t0 = performance.now();
const lines = readFileSync(input, "utf8").split(/\r?\n/);
const out = [];
for (let i = 1; i < lines.length; i++) {
  if (!lines[i]) continue;
  const cells = lines[i].split(",");
  let sum = 0;
  for (let j = 2; j < cells.length; j++) {
    const x = Number(cells[j]);
    if (cells[j] !== "" && Number.isFinite(x)) sum += x;
  }
  out.push(`${cells[0]},${Math.round(sum * 100) / 100}`);
}
writeFileSync(output, `id,sum\n${out.join("\n")}\n`);
console.log(JSON.stringify({ rows: out.length, seconds: (performance.now() - t0) / 1000, peakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20) }));
