/** The installed command itself: a real process, real exit codes, real files. */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "./cli-helpers.js";

const root = resolve(__dirname, "../..");
const bin = join(root, "bin", "kpi-scorecard.js");

beforeAll(() => {
  // lib/cli-bundle/ is what the bin runs: compiled and bundled from the current sources
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.cli.json")], { stdio: "pipe" });
  execFileSync(process.execPath, [join(root, "scripts", "bundle-cli.mjs")], { stdio: "pipe" });
}, 120_000);

const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, LANG: "C", LC_ALL: "", ...env } });

describe("bin/kpi-scorecard", () => {
  it("--version prints package.json's version (the manifest's too), and --help lists it in both languages", () => {
    const dir = tempDir();
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const r = run(["--version"], dir);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `kpi-scorecard ${version}\n`, ""]);
    expect(readFileSync(join(root, "manifest.xml"), "utf8")).toContain(`<Version>${version}.0</Version>`);
    expect(run(["--help"], dir).stdout).toMatch(/^  --version {2,}the version of kpi-scorecard$/m);
    expect(run(["--help"], dir, { LANG: "zh_CN.UTF-8" }).stdout).toMatch(/^  --version {2,}显示 kpi-scorecard 的版本$/m);
    // anything after it is not taken as asked for the version
    expect(run(["--version", "evaluate"], dir).status).toBe(2);
  });
  it("runs sample then evaluate end to end", () => {
    const dir = tempDir();
    expect(run(["sample", "--scheme", "call-center", "--rows", "50", "--seed", "2", "--out", "d.csv"], dir).status).toBe(0);
    // call-center compares 转正日期 with the evaluated month: the sample carries one month
    expect(readFileSync(join(dir, "d.csv"), "utf8").split("\n")[0]).toContain(",period,");
    const r = run(["evaluate", "--scheme", "call-center", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(r.status).toBe(0);
    const lines = readFileSync(join(dir, "r.csv"), "utf8").trim().split(/\r?\n/).slice(1);
    // the month's 50 rows, then the year's roll-up of those evaluated
    expect(lines.filter((l) => l.split(",")[2] === "2026-01")).toHaveLength(50);
    expect(r.stderr).toBe(`wrote r.csv: ${lines.length} row(s)\n`);
  });
  it("exits 2 with a message on bad data, and speaks Chinese under a Chinese locale", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), "id,name\nA,甲\n");
    const r = run(["evaluate", "--scheme", "warehouse", "--data", "d.csv"], dir, { LANG: "zh_CN.UTF-8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("表头缺少列“unrecorded_movements”");
    expect(r.stdout).toBe("");
  });
  it("the bundled command says zod's own words in Chinese and in English (only those two locales are bundled)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.json"), JSON.stringify({ id: "x", name: { "zh-CN": "x", "en-US": "x" }, description: "?" }));
    writeFileSync(join(dir, "d.csv"), "id,name\nA,甲\n");
    const zh = run(["evaluate", "--scheme", "s.json", "--data", "d.csv", "--lang", "zh-CN"], dir);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain("方案无效");
    expect(zh.stderr).toMatch(/description: .*实际为 “\?”/);
    const en = run(["evaluate", "--scheme", "s.json", "--data", "d.csv", "--lang", "en-US"], dir);
    expect(en.stderr).toMatch(/description: .*found “\?”/);
    // a German word of zod's German locale: not in the bundle
    const bundle = readdirSync(join(root, "lib", "cli-bundle")).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(root, "lib", "cli-bundle", f), "utf8")).join("");
    expect(bundle).toContain("main");
    expect(bundle).not.toContain("Ungültige Eingabe");
  });
  it("two processes racing for one --out without --force: exactly one writes it, the other is told it exists", async () => {
    const dir = tempDir();
    const argv = (seed: string) => [bin, "sample", "--scheme", "ecommerce-cs", "--rows", "100000", "--seed", seed, "--out", "d.csv"];
    const start = (seed: string) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const p = spawn(process.execPath, argv(seed), { cwd: dir, env: { ...process.env, LANG: "C", LC_ALL: "" } });
        let err = "";
        p.stderr.on("data", (b) => (err += b));
        p.on("close", (code) => done({ code, err }));
      });
    const both = await Promise.all([start("1"), start("2")]);
    expect(both.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(both.find((r) => r.code === 2)!.err).toBe("d.csv exists; add --force to replace it\n");
    expect(readdirSync(dir)).toEqual(["d.csv"]);
  }, 60_000);
  it("ends quietly when the reader closes the pipe (`kpi-scorecard … | head`)", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${bin}" sample --scheme ecommerce-cs --rows 200000 | head -n 1`], { encoding: "utf8", env: { ...process.env, LANG: "C", LC_ALL: "" } });
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toMatch(/^\ufeff?id,name,/);
    expect(r.status).toBe(0);
  }, 60_000);
  it("prints usage with --help", () => {
    const r = run(["--help"], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("evaluate --scheme <id|file.json> --data <file.csv|.xlsx>");
  });
});
