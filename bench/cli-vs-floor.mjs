// `kpi-scorecard evaluate` against the I/O floor (io-floor.mjs) on the same CSV, each in a process
// of its own, timed from outside (both pay Node's start): node bench/cli-vs-floor.mjs <rows>.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rmSync } from "node:fs";
import { sampleCsv } from "./sample-csv.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] ?? 100_000);
const { dir, input } = sampleCsv(rows, "kpi-floor-");

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}
// the better of three runs each: the machine is shared
const best = (args) => Math.min(timed(args), timed(args), timed(args));
const floor = best([join(here, "io-floor.mjs"), input, join(dir, "floor.csv")]);
const cli = best([join(here, "..", "bin", "kpi-scorecard.js"), "evaluate", "--scheme", "ecommerce-cs", "--data", input, "--out", join(dir, "results.csv"), "--force"]);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows, floorSeconds: floor, cliSeconds: cli, ratio: cli / floor }));
