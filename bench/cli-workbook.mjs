// `kpi-scorecard workbook` end to end (read the CSV, plan, engine, generation record, cached
// values, .xlsx written), in a process of its own, timed from outside, with the process's peak
// memory from GNU time where it is installed, best of three: node bench/cli-workbook.mjs <rows>.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rmSync } from "node:fs";
import { sampleCsv } from "./sample-csv.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] ?? 100_000);
const { dir, input } = sampleCsv(rows, "kpi-cli-workbook-");
const args = [join(here, "..", "bin", "kpi-scorecard.js"), "workbook", "--scheme", "ecommerce-cs", "--data", input, "--out", join(dir, "book.xlsx"), "--force"];
const gnuTime = spawnSync("sh", ["-c", "test -x /usr/bin/time && /usr/bin/time -f %M true"], { encoding: "utf8" }).status === 0;
function once() {
  const t0 = performance.now();
  const r = gnuTime ? spawnSync("/usr/bin/time", ["-f", "maxrss %M", process.execPath, ...args], { encoding: "utf8" }) : spawnSync(process.execPath, args, { encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(r.stderr);
  const rss = /maxrss (\d+)/.exec(r.stderr ?? "");
  return { seconds, peakMiB: rss ? Number(rss[1]) / 1024 : null };
}
// the better of three runs (the machine is shared); the peak memory is the highest of the three
const runs = [once(), once(), once()];
const seconds = Math.min(...runs.map((x) => x.seconds));
const peaks = runs.map((x) => x.peakMiB).filter((x) => x !== null);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows, seconds, peakMiB: peaks.length ? Math.max(...peaks) : null }));
