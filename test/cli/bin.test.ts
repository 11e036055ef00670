/** The installed command itself: a real process, real exit codes, real files. */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "./cli-helpers.js";

const root = resolve(__dirname, "../..");
const bin = join(root, "bin", "kpi-scorecard.js");

beforeAll(() => {
  // lib/ is what the bin runs; build it from the current sources
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.cli.json")], { stdio: "pipe" });
}, 120_000);

const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, LANG: "C", LC_ALL: "", ...env } });

describe("bin/kpi-scorecard", () => {
  it("runs sample then evaluate end to end", () => {
    const dir = tempDir();
    expect(run(["sample", "--scheme", "call-center", "--rows", "50", "--seed", "2", "--out", "d.csv"], dir).status).toBe(0);
    const r = run(["evaluate", "--scheme", "call-center", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(r.stderr).toBe("wrote r.csv: 50 row(s)\n");
    expect(r.status).toBe(0);
  });
  it("exits 2 with a message on bad data, and speaks Chinese under a Chinese locale", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), "id,name\nA,甲\n");
    const r = run(["evaluate", "--scheme", "warehouse", "--data", "d.csv"], dir, { LANG: "zh_CN.UTF-8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("表头缺少列“unrecorded_movements”");
    expect(r.stdout).toBe("");
  });
  it("prints usage with --help", () => {
    const r = run(["--help"], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("evaluate --scheme <id|file.json> --data <file.csv|.xlsx>");
  });
});
