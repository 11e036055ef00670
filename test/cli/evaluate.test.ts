import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "./cli-helpers.js";
import { parseCsv } from "../../src/io/csv.js";
import { builtInSchemeIds } from "../../src/schemes/index.js";
import { parseScheme } from "../../src/core/scheme/load.js";

const WAREHOUSE_HEADER = "id,name,unrecorded_movements,stock_errors,safety_violations,extra_points";

function results(text: string) {
  const t = parseCsv(text);
  return t.records.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.cells[i]])));
}

describe("kpi-scorecard schemes", () => {
  it("lists the thirteen templates with id, period and both names", async () => {
    const { code, out } = await cli(["schemes"], tempDir());
    expect(code).toBe(0);
    const lines = out.trim().split("\n").slice(1);
    expect(lines.map((l) => l.split("\t")[0])).toEqual(builtInSchemeIds());
    expect(lines[0]).toBe("ecommerce-cs\tmonth\t电商客服月度考核\tE-commerce customer service, monthly");
  });
  it("shows one as scheme JSON that validates again", async () => {
    const { code, out } = await cli(["schemes", "show", "warehouse", "--json"], tempDir());
    expect(code).toBe(0);
    const r = parseScheme(JSON.parse(out));
    expect(r.ok && r.scheme.id).toBe("warehouse");
  });
  it("describes one in words, with its parameters to review", async () => {
    const { out } = await cli(["schemes", "show", "logistics-cs"], tempDir(), "zh-CN");
    expect(out).toContain("物流客服月度考核");
    expect(out).toContain("--param complaint_rate_limit=0.02");
    expect(out).toContain("[review]");
  });
});

describe("kpi-scorecard sample", () => {
  it("is reproducible by seed and differs by seed", async () => {
    const dir = tempDir();
    const a = (await cli(["sample", "--scheme", "ecommerce-cs", "--rows", "20", "--seed", "7"], dir)).out;
    const b = (await cli(["sample", "--scheme", "ecommerce-cs", "--rows", "20", "--seed", "7"], dir)).out;
    const c = (await cli(["sample", "--scheme", "ecommerce-cs", "--rows", "20", "--seed", "8"], dir)).out;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(parseCsv(a).records).toHaveLength(20);
  });
  it("writes data that every template evaluates without a problem", async () => {
    const dir = tempDir();
    for (const id of builtInSchemeIds()) {
      expect((await cli(["sample", "--scheme", id, "--rows", "30", "--periods", "3", "--out", `${id}.csv`], dir)).code, id).toBe(0);
      const r = await cli(["evaluate", "--scheme", id, "--data", `${id}.csv`], dir);
      expect(r.err, id).toBe("");
      expect(r.code, id).toBe(0);
      expect(results(r.out).length, id).toBeGreaterThanOrEqual(90);
    }
  });
});

describe("kpi-scorecard evaluate", () => {
  it("writes id, name, points per indicator, total, grade, pay lines and pay", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${WAREHOUSE_HEADER}\nW1,张三,0,0,0,10\nW2,李四,11,0,0,0\n`);
    const { code, err } = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(code).toBe(0);
    expect(err).toContain("r.csv");
    const text = readFileSync(join(dir, "r.csv"), "utf8");
    expect(parseCsv(text).header).toEqual(["id", "name", "conduct", "extra_points", "total", "grade", "bonus", "pay", "rank", "flags"]);
    expect(results(text)).toEqual([
      { id: "W1", name: "张三", conduct: "100", extra_points: "10", total: "110", grade: "", bonus: "330.00", pay: "330.00", rank: "1", flags: "" },
      { id: "W2", name: "李四", conduct: "78", extra_points: "0", total: "78", grade: "", bonus: "0.00", pay: "0.00", rank: "2", flags: "" },
    ]);
  });

  it("reads CRLF, BOM and Excel's trailing blank rows; keeps names that look like formulas as text", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `\ufeff${WAREHOUSE_HEADER}\r\nW1,=1+1,0,0,0,0\r\nW2,@SUM(A1),1,0,0,0\r\n,,,,,\r\n`);
    const { code, out } = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv"], dir);
    expect(code).toBe(0);
    expect(out).toContain("'=1+1");
    expect(results(out).map((r) => r.name)).toEqual(["=1+1", "@SUM(A1)"]);
  });

  it("applies --param and explains every number in the chosen language", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${WAREHOUSE_HEADER}\nW1,张三,1,0,0,0\n`);
    const { code, out, err } = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--param", "bonus_base=500", "--param", "unrecorded_points=5", "--explain"], dir, "zh-CN");
    expect(code).toBe(0);
    expect(results(out)[0]).toMatchObject({ total: "95", bonus: "500.00" });
    expect(err).toContain("W1 张三:总分 95");
    expect(err).toContain("满分 100 分,扣 5 分(扣完为止)");
    expect(err).toContain("ROUND");
  });

  it("lists every data problem with line, column and what was expected, and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "d.csv"),
      [WAREHOUSE_HEADER, "W1,张三,abc,0,0,0", "W1,李四,0,0,0,0", ",,,,,", "W3,王五,1.5,0,0,-5", ",赵六,0,0,0,0", "W5,钱七,,0,0,0"].join("\n"),
    );
    const { code, err } = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(code).toBe(2);
    expect(err.split("\n").filter(Boolean)).toEqual([
      "d.csv: 7 problem(s) in the data; nothing was written:",
      '  line 2, column "Unrecorded stock movements (unrecorded_movements)": "abc" is not a number',
      '  line 3, column "ID (id)": id "W1" appears again (first on line 2)',
      '  line 4: the row is blank; delete it or fill it in',
      '  line 5, column "Unrecorded stock movements (unrecorded_movements)": "1.5" is not a whole number',
      '  line 5, column "Extra points (outstanding work) (extra_points)": -5 is below the minimum 0',
      '  line 6, column "ID (id)": the id is blank',
      '  line 7, column "Unrecorded stock movements (unrecorded_movements)": is blank; a value is required',
    ]);
    expect(existsSync(join(dir, "r.csv"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["d.csv"]);
  });

  it("names a missing column", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), "id,name,unrecorded_movements\nW1,张三,0\n");
    const { code, err } = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv"], dir, "zh-CN");
    expect(code).toBe(2);
    expect(err).toContain("表头缺少列“stock_errors”");
    expect(err).toContain("表头缺少列“safety_violations”");
  });

  it("rejects an invalid scheme file with every problem and its path, exit 2, nothing written", async () => {
    const dir = tempDir();
    const scheme = JSON.parse((await cli(["schemes", "show", "logistics-cs", "--json"], dir)).out);
    scheme.indicators[2].rule.step = 0;
    scheme.indicators[0].points = 10;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(scheme));
    writeFileSync(join(dir, "d.csv"), "id,name\n");
    const { code, err } = await cli(["evaluate", "--scheme", "bad.json", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(code).toBe(2);
    expect(err).toContain("bad.json: the scheme is not valid (2 problem(s)):");
    expect(err).toContain("indicators[2].rule.step: must be greater than 0");
    expect(err).toContain("indicators: indicator points add up to 95, expected 100 (total.full)");
    expect(existsSync(join(dir, "r.csv"))).toBe(false);
  });

  it("refuses to replace an existing output file unless --force", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${WAREHOUSE_HEADER}\nW1,张三,0,0,0,0\n`);
    writeFileSync(join(dir, "r.csv"), "precious");
    const first = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--out", "r.csv"], dir);
    expect(first.code).toBe(2);
    expect(first.err).toContain("r.csv exists; add --force to replace it");
    expect(readFileSync(join(dir, "r.csv"), "utf8")).toBe("precious");
    expect((await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--out", "r.csv", "--force"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "r.csv"), "utf8")).toContain("300.00");
  });

  it("says which template ids exist when the scheme is unknown", async () => {
    const { code, err } = await cli(["evaluate", "--scheme", "nope", "--data", "d.csv"], tempDir());
    expect(code).toBe(2);
    expect(err).toContain('"nope" is neither a built-in template (ecommerce-cs, ');
  });

  it("rejects bad --param values", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), `${WAREHOUSE_HEADER}\nW1,张三,0,0,0,0\n`);
    expect((await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--param", "gate=abc"], dir)).err).toContain('"gate=abc" is not name=number');
    expect((await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--param", "gat=1"], dir)).err).toContain('unknown parameter "gat"');
  });

  it("evaluates several periods: tiers, and roll-up rows per quarter", async () => {
    const dir = tempDir();
    expect((await cli(["sample", "--scheme", "ecommerce-cs", "--rows", "3", "--periods", "3", "--seed", "5", "--out", "d.csv"], dir)).code).toBe(0);
    const { code, out } = await cli(["evaluate", "--scheme", "ecommerce-cs", "--data", "d.csv"], dir);
    expect(code).toBe(0);
    const r = results(out);
    expect(r.map((x) => x.period)).toEqual([...Array(3).fill("2026-01"), ...Array(3).fill("2026-02"), ...Array(3).fill("2026-03"), ...Array(3).fill("2026-Q1")]);
    expect(r.slice(0, 3).every((x) => x.tier === "")).toBe(true); // one evaluation is not enough for a tier
    const e1 = r.filter((x) => x.id === "E00001");
    const mean = Math.round(((Number(e1[0].total) + Number(e1[1].total) + Number(e1[2].total)) / 3) * 100) / 100;
    expect(Number(e1[3].total)).toBeCloseTo(mean, 2);
    const pays = e1.slice(0, 3).reduce((s2, x) => s2 + Math.round(Number(x.pay) * 100), 0);
    expect(Math.round(Number(e1[3].pay) * 100)).toBe(pays);
  });

  it("reads the data from an .xlsx file as Excel saves it", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    ws.addRow(WAREHOUSE_HEADER.split(","));
    ws.addRow(["W1", "张三", 0, 0, 0, 10]);
    await wb.xlsx.writeFile(join(dir, "d.xlsx"));
    const { code, out } = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.xlsx"], dir);
    expect(code).toBe(0);
    expect(results(out)[0]).toMatchObject({ id: "W1", total: "110", bonus: "330.00" });
  });

  it("prints usage and exits 2 for an unknown command", async () => {
    const { code, err } = await cli(["frobnicate"], tempDir());
    expect(code).toBe(2);
    expect(err).toContain('unknown command "frobnicate"');
    expect(err).toContain("Usage: kpi-scorecard");
  });
});
