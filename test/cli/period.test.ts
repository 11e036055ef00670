/**
 * A scheme that compares a date with the evaluated month (call-center: 月度10日(含)前转正的员工,
 * 从当月起开始参与考核) needs a period: from the roster's period column, `--period`, or the
 * workbook's; without one the command refuses and says what to give, and writes nothing.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "./cli-helpers.js";
import { parseCsv } from "../../src/io/csv.js";
import { openXlsx } from "../../src/io/xlsx-read.js";

const HEADER = "id,name,attitude,ability,diligence,calls,complaints,perf_base,status,regular_date,leave_days,maternity_leave";
const ROWS = ["C1,甲,20,20,20,5000,0,1000,正式员工,2026-11-10,0,否", "C2,乙,20,20,20,5000,0,1000,正式员工,2026/11/11,0,否"];

describe("a period for dates", () => {
  it("evaluate: --period is the month rows without a period column are compared with", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), [HEADER, ...ROWS].join("\n") + "\n");
    const without = await cli(["evaluate", "--scheme", "call-center", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(without.code).toBe(2);
    expect(without.err).toContain("--period 2026-11");
    expect(existsSync(join(dir, "r.csv"))).toBe(false);
    const bad = await cli(["evaluate", "--scheme", "call-center", "--data", "d.csv", "--period", "下个月"], dir);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining("--period:")]);
    const r = await cli(["evaluate", "--scheme", "call-center", "--data", "d.csv", "--period", "2026年11月", "--out", "r.csv"], dir);
    expect(r.code).toBe(0);
    const table = parseCsv(readFileSync(join(dir, "r.csv"), "utf8"));
    const flags = table.header.indexOf("flags");
    expect(table.records.map((x) => [x.cells[0], x.cells[flags]])).toEqual([["C1", ""], ["C2", "not evaluated"]]);
  });
  it("workbook: the sheet compares with DATE of the 10th of --period; without a period, exit 2 and no file", async () => {
    const dir = tempDir();
    const without = await cli(["workbook", "--scheme", "call-center", "--out", "w.xlsx"], dir);
    expect(without.code).toBe(2);
    expect(without.err).toContain("--period");
    expect(existsSync(join(dir, "w.xlsx"))).toBe(false);
    expect((await cli(["workbook", "--scheme", "call-center", "--period", "2026-11", "--out", "w.xlsx"], dir)).code).toBe(0);
    // the record keeps the month, for finance's recalculation to compare the same dates
    const file = openXlsx(readFileSync(join(dir, "w.xlsx")));
    expect(file.customXml.join("")).toContain('"period":"2026-11"');
  });
  it("workbook --period with a roster that has no period column builds that month for everyone (bug: it kept nobody)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), [HEADER, ...ROWS].join("\n") + "\n");
    const r = await cli(["workbook", "--scheme", "call-center", "--data", "d.csv", "--period", "2026-11", "--out", "w.xlsx"], dir);
    expect(r.code).toBe(0);
    const file = openXlsx(readFileSync(join(dir, "w.xlsx")));
    const ev = file.rows(file.sheets[1]);
    expect(ev.slice(2).map((row) => row[0].value)).toEqual(["C1", "C2"]);
    // a roster with periods, none of them the one asked for: said, not an empty workbook
    writeFileSync(join(dir, "p.csv"), ["period," + HEADER, ...ROWS.map((x) => "2026-10," + x)].join("\n") + "\n");
    const none = await cli(["workbook", "--scheme", "call-center", "--data", "p.csv", "--period", "2026-11", "--out", "p.xlsx"], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain("2026-10");
    expect(existsSync(join(dir, "p.xlsx"))).toBe(false);
  });
  it("--explain names the input by its name, and the date as a date: 不参加考核:转正日期 为“2026-11-11” (was the id and the serial)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), [HEADER, ...ROWS].join("\n") + "\n");
    const r = await cli(["evaluate", "--scheme", "call-center", "--data", "d.csv", "--period", "2026-11", "--explain", "--out", "r.csv"], dir, "zh-CN");
    expect(r.code).toBe(0);
    expect(r.out).toContain("不参加考核:转正日期 为“2026-11-11”");
    expect(r.out).not.toContain("regular_date");
  });
});
