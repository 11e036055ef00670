// `kpi-scorecard evaluate` against the I/O floor (io-floor.mjs) on the same CSV, each in a process
// of its own, timed from outside (both pay Node's start): node bench/cli-vs-floor.mjs <rows>.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { formatCsv } from "../lib/io/csv.js";

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), "kpi-floor-"));
const input = join(dir, "data.csv");
const sample = sampleData(builtInScheme("ecommerce-cs"), { rows, seed: 42 });
writeFileSync(input, formatCsv(sample.header, sample.rows));

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
