import { describe, expect, it } from "vitest";
import { formatCsv, guardCell, parseCsv, parseCsvRows, unguard } from "../../src/io/csv.js";

describe("CSV", () => {
  it("reads LF and CRLF, with or without BOM, alike", () => {
    const lf = "id,name\nE1,张三\nE2,李四\n";
    const crlf = "\ufeffid,name\r\nE1,张三\r\nE2,李四\r\n";
    expect(parseCsv(crlf)).toEqual(parseCsv(lf));
    expect(parseCsv(lf).records.map((r) => r.line)).toEqual([2, 3]);
  });
  it("handles quotes, commas and newlines inside cells, and keeps line numbers right", () => {
    const rows = parseCsvRows('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1');
    expect(rows.map((r) => r.cells)).toEqual([["a", "b"], ["x, y", 'say "hi"'], ["two\nlines", "z"], ["last", "1"]]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });
  it("reports an unclosed quote with its line", () => {
    expect(() => parseCsvRows('a\n"oops\n')).toThrow(/line 2/);
  });
  it("guards text that Excel would run as a formula, and reads it back as typed", () => {
    for (const text of ["=1+1", "+86 138 0000 0000", "@SUM(A1)", "-abc"]) {
      expect(guardCell(text)).toBe(`'${text}`);
      const back = parseCsv(formatCsv(["name"], [[text]]));
      expect(back.records[0].cells[0]).toBe(text);
    }
    expect(guardCell("-100.50")).toBe("-100.50");
    expect(guardCell("张三")).toBe("张三");
  });
  it("writes a BOM and CRLF so that Excel opens Chinese text correctly", () => {
    const text = formatCsv(["id", "name"], [["E1", "王 五"], ["E2", " lead"]]);
    expect(text).toBe('\ufeffid,name\r\nE1,王 五\r\nE2," lead"\r\n');
  });
  // the writer joins its lines a thousand at a time: no line lost, doubled or left without its CRLF
  // where one batch ends and the next begins
  it.each([0, 1, 1022, 1023, 1024, 1025, 2047, 2048, 3000])("writes every one of %i rows once, in order, one CRLF each", (n) => {
    const rows = Array.from({ length: n }, (_, i) => [`E${i}`, i % 7 === 0 ? "张, 三" : `name ${i}`]);
    const text = formatCsv(["id", "name"], rows);
    expect(text.startsWith("\ufeffid,name\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").length).toBe(n + 2); // header, rows, and the empty rest after the last CRLF
    expect(parseCsv(text).records.map((r) => r.cells)).toEqual(rows);
  });
});

describe("the formula guard round trip (found by the property tests: an id \"'-*\" came back as \"-*\")", () => {
  it.each(["=1+1", "-*", "'-*", "''=x", "'plain", "@SUM(A1)", "-12", "'"])("%s", (value) => {
    expect(unguard(guardCell(value))).toBe(value);
    expect(parseCsv(formatCsv(["id"], [[value]])).records[0].cells[0]).toBe(value);
  });
});
