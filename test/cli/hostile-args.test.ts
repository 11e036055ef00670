/**
 * Issue 9, the command line under hostile arguments and files: each case reproduced a failure
 * (an argument read wrongly or ignored, a raw OS error, a stack trace, a file replaced) before
 * it was fixed.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "./cli-helpers.js";
import { run } from "../../src/cli/main.js";
import { writeAtomic } from "../../src/cli/files.js";
import { UserError } from "../../src/cli/io.js";

const noTemp = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

describe("arguments are read strictly (exit 2, the argument named, nothing written)", () => {
  const cases: [string, string[], RegExp][] = [
    ["hexadecimal rows", ["sample", "--scheme", "warehouse", "--rows=0x10"], /--rows: "0x10" is not a whole number/],
    ["exponent rows", ["sample", "--scheme", "warehouse", "--rows", "1e21"], /--rows: "1e21" is not a whole number/],
    ["a billion rows", ["sample", "--scheme", "warehouse", "--rows", "1000000000"], /--rows: 1000000000 is more than 1,048,575/],
    ["rows × periods over a sheet", ["sample", "--scheme", "warehouse", "--rows", "100000", "--periods", "12"], /more than 87,381 \(rows × periods/],
    ["a flag given a value", ["sample", "--scheme", "warehouse", "--rows", "2", "--force=no"], /--force takes no value \(found "no"\)/],
    ["an unknown flag", ["sample", "--scheme", "warehouse", "--rows", "2", "--frobnicate"], /unknown option --frobnicate; sample takes: --scheme, --rows, --seed, --periods, --out, --force/],
    ["a stray word", ["evaluate", "--scheme", "warehouse", "data.csv"], /unexpected argument "data.csv"/],
    ["an unknown language", ["schemes", "--lang", "xx"], /--lang "xx": the languages are zh-CN, en-US/],
    ["an empty --out", ["sample", "--scheme", "warehouse", "--rows", "2", "--out", ""], /--out: the value is empty/],
    ["a missing value", ["sample", "--scheme", "warehouse", "--rows", "2", "--out"], /--out needs a value/],
    ["an option that eats the next flag", ["sample", "--scheme", "warehouse", "--out", "--force", "--rows", "2"], /--out needs a value/],
    ["an option given twice", ["sample", "--scheme", "warehouse", "--rows", "2", "--rows", "3"], /--rows is given more than once/],
    ["a parameter in hexadecimal", ["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--param", "gate=0x50"], /"gate=0x50" is not name=number/],
    ["a parameter of Infinity", ["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--param", "gate=Infinity"], /"gate=Infinity" is not name=number/],
    ["formulas neither native nor addin", ["workbook", "--scheme", "warehouse", "--out", "b.xlsx", "--formulas", "kpi"], /--formulas: "kpi" is not one of native, addin/],
    ["a schemes subcommand with extra words", ["schemes", "show", "warehouse", "extra"], /unexpected argument "extra"/],
  ];
  it.each(cases)("%s", async (_, argv, message) => {
    const dir = tempDir();
    const r = await cli(argv, dir);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });
  it("says the same in Chinese", async () => {
    const r = await cli(["sample", "--scheme", "warehouse", "--rows=0x10"], tempDir(), "zh-CN");
    expect(r.err).toContain("选项 --rows:“0x10”不是整数");
  });
});

describe("one error boundary", () => {
  it("an unexpected failure is one line asking for a report, exit 1; the stack only with --debug", async () => {
    const failing = (argv: string[]) => {
      let err = "";
      const io = { out: () => { throw new TypeError("boom"); }, err: (s: string) => (err += s), lang: "en-US" as const, cwd: tempDir() };
      return run(argv, io).then((code) => ({ code, err }));
    };
    const plain = await failing(["schemes"]);
    expect(plain.code).toBe(1);
    expect(plain.err).toBe("kpi-scorecard: internal error: boom — please report it (run again with --debug for the details)\n");
    const debug = await failing(["schemes", "--debug"]);
    expect(debug.err).toMatch(/internal error: boom[^\n]*\nTypeError: boom\n\s+at /);
  });
  it("OS errors in words, naming the user's path", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "folder"));
    const missing = await cli(["evaluate", "--scheme", "warehouse", "--data", "nope.csv"], dir);
    expect(missing.err).toBe("cannot read nope.csv: the file does not exist\n");
    expect(missing.code).toBe(1);
    const folder = await cli(["evaluate", "--scheme", "warehouse", "--data", "folder"], dir);
    expect(folder.err).toBe("cannot read folder: it is a folder, not a file\n");
    const noFolder = await cli(["sample", "--scheme", "warehouse", "--rows", "2", "--out", "no/such/d.csv"], dir);
    expect(noFolder.err).toBe("cannot write no/such/d.csv: its folder does not exist; nothing was written\n");
    expect(noFolder.code).toBe(1);
    for (const r of [missing, folder, noFolder]) expect(r.err).not.toMatch(/ENOENT|EISDIR|\.tmp|at .*\.ts/);
  });
});

describe("output files", () => {
  it("a folder, a device, a pipe or a link as --out is refused, even with --force, and left as it was", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "folder"));
    writeFileSync(join(dir, "real.csv"), "mine");
    symlinkSync(join(dir, "real.csv"), join(dir, "link.csv"));
    execFileSync("mkfifo", [join(dir, "fifo")]);
    for (const out of ["folder", "link.csv", "fifo", "/dev/null"]) {
      const r = await cli(["sample", "--scheme", "warehouse", "--rows", "2", "--out", out, "--force"], dir);
      expect(r.err, out).toContain(`${out} is not a regular file`);
      expect(r.code).toBe(2);
    }
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toBe("mine");
    noTemp(dir);
  });
  it("without --force a second write to the same name is refused and the first file kept", () => {
    const dir = tempDir();
    const io = { out: () => {}, err: () => {}, lang: "en-US" as const, cwd: dir };
    writeAtomic("out.csv", "first", io, false);
    expect(() => writeAtomic("out.csv", "second", io, false)).toThrow(UserError);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("first");
    noTemp(dir);
  });
  it("two runs for one --out: exactly one wins, the other says the file exists (the processes race in bin.test.ts)", async () => {
    const dir = tempDir();
    const argv = ["sample", "--scheme", "ecommerce-cs", "--rows", "3000", "--out", "d.csv"];
    const results = await Promise.all([cli(argv, dir), cli([...argv.slice(0, 5), "--seed", "9", "--out", "d.csv"], dir)]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(results.find((r) => r.code === 2)!.err).toContain("d.csv exists");
    expect(existsSync(join(dir, "d.csv"))).toBe(true);
    noTemp(dir);
  });
});
