/**
 * Issue 10: rosters as Chinese HR offices have them. Each case failed before (names as ����, a
 * column dropped without a word, a paste broken by a comma, a period refused) and is read exactly
 * now, or refused naming its line and column.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { readRoster, type RosterRead } from "../../src/io/read-roster.js";
import { normalizePeriod } from "../../src/core/periods/period.js";
import { parseNumber } from "../../src/core/data.js";
import { dataProblemText } from "../../src/io/data-problem-text.js";
import { template } from "../helpers.js";
import { cli, tempDir } from "../cli/cli-helpers.js";
import { encodeGb18030, encodeUtf16le } from "./gb18030.js";

const warehouse = template("warehouse");
const ecommerce = template("ecommerce-cs");
const read = (bytes: Uint8Array, scheme = warehouse, options: { keepExtra?: boolean; forWorkbook?: boolean } = {}) =>
  readRoster({ kind: "file", bytes, name: "r.csv" }, scheme, { lang: "zh-CN", ...options });
const texts = (r: RosterRead) => r.problems.map((p) => dataProblemText("zh-CN", p, warehouse).trim());

const CHINESE = "工号,姓名,部门,岗位,出入库未登记次数,账实不符次数,违反安全规定次数,加分(表现突出)\r\nW001,张三,仓储部,仓管员,0,0,0,10\r\nW002,李四,仓储部,叉车工,3,1,0,0\r\n";

describe("encodings", () => {
  it("a GBK CSV (Excel's CSV on Chinese Windows) with Chinese headers: names exact, GB18030 said", async () => {
    const r = await read(encodeGb18030(CHINESE));
    expect(r.problems).toEqual([]);
    expect(r.source).toBe("gb18030");
    expect(r.people.map((p) => [p.id, p.name, p.department, p.position])).toEqual([["W001", "张三", "仓储部", "仓管员"], ["W002", "李四", "仓储部", "叉车工"]]);
    expect(r.people[1].values).toMatchObject({ unrecorded_movements: 3, stock_errors: 1, extra_points: 0 });
    expect(JSON.stringify(r)).not.toContain("\ufffd");
  });
  it("Excel's Unicode text (UTF-16LE, tabs) and UTF-8 with or without a BOM read the same", async () => {
    const tsv = CHINESE.replace(/,/g, "\t");
    for (const bytes of [encodeUtf16le(tsv), new TextEncoder().encode(CHINESE), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CHINESE)])]) {
      const r = await read(bytes);
      expect(r.problems).toEqual([]);
      expect(r.people.map((p) => p.name)).toEqual(["张三", "李四"]);
    }
    expect((await read(encodeUtf16le(tsv))).source).toBe("utf-16le");
  });
  it("bytes no encoding reads cleanly are refused with their line, never read as U+FFFD", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("id,name\nW1,"), 0x81, 0x20, 0x0a]);
    const r = await read(bytes);
    expect(r.people).toEqual([]);
    expect(texts(r)).toEqual(["第 2 行:第 2 行起文件的编码无法识别(支持 UTF-8、UTF-16、GB18030/GBK):请重新另存为“CSV UTF-8”"]);
  });
  it("the command line says which encoding it read", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), encodeGb18030(CHINESE));
    const r = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv"], dir, "zh-CN");
    expect(r.code).toBe(0);
    expect(r.err).toBe("已按 GB18030 (GBK) 编码读取 d.csv\n");
    expect(r.out.split("\r\n")[0]).toMatch(/^\ufeff?id,name,department,position,/);
    expect(r.out).toContain("W001,张三,仓储部,仓管员,");
  });
});

describe("headers in the user's words, nothing dropped", () => {
  it("English names, ids and rated columns as the workbook writes them", async () => {
    const header = ["员工编号", "Name", "Target completion", "询单转化率", "order_success", "客单价", "旺旺回复率", "旺旺平均响应时间(秒)", "协助跟进服务(本人)", "协助跟进服务-主管", "执行力(本人)", "Execution (Supervisor)", "绩效工资基数", "月份"];
    const row = ["E1", "王五", "0.9", "0.4", "0.8", "120", "0.95", "30", "4", "4", "8", "9", "2000", "2026年1月"];
    const r = await read(new TextEncoder().encode(`${header.join(",")}\n${row.join(",")}\n`), ecommerce);
    expect(r.problems).toEqual([]);
    expect(r.people[0]).toMatchObject({ id: "E1", period: "2026-01", values: { target_completion: 0.9, "execution@self": 8, "execution@supervisor": 9 } });
  });
  it("a misspelled column is named with the nearest one; a column twice names both places", async () => {
    const csv = "工号,姓名,unrecorded_movement,账实不符次数,违反安全规定次数,加分(表现突出),账实不符次数\nW1,甲,0,0,0,0,1\n";
    const r = await read(new TextEncoder().encode(csv));
    expect(texts(r)).toEqual([
      "第 1 行:第 C 列“unrecorded_movement”不认识;是否是“出入库未登记次数 (unrecorded_movements)”?",
      "第 1 行:“账实不符次数 (stock_errors)”出现了两次(第 D 列和第 G 列):请只保留一列",
      "第 1 行,列“出入库未登记次数 (unrecorded_movements)”:表头缺少列“unrecorded_movements”",
    ]);
    expect(r.columns.map((c) => c.status)).toEqual(["mapped", "mapped", "unknown", "mapped", "mapped", "mapped", "duplicate"]);
  });
  it("extra columns are carried through when asked, to the results CSV", async () => {
    const csv = "工号,姓名,出入库未登记次数,账实不符次数,违反安全规定次数,加分(表现突出),备注\nW1,甲,0,0,0,0,夜班\n";
    expect((await read(new TextEncoder().encode(csv))).problems.map((p) => p.key)).toEqual(["roster.unknown-column"]);
    const r = await read(new TextEncoder().encode(csv), warehouse, { keepExtra: true });
    expect(r.problems).toEqual([]);
    expect(r.carried).toEqual(["备注"]);
    expect(r.people[0].carried).toEqual(["夜班"]);
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), csv);
    const out = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--keep-extra"], dir);
    expect(out.out.split("\r\n")[0]).toMatch(/^\ufeff?id,name,备注,/);
    expect(out.out.split("\r\n")[1]).toMatch(/^W1,甲,夜班,/);
  });
  it("cells pasted from Excel (tabs) whatever they hold: thousands separators, ¥, commas", async () => {
    const s = template("ecommerce-cs");
    const text = "工号\t姓名\t指标完成率\t询单转化率\t最终下单成功率\t客单价\t旺旺回复率\t旺旺平均响应时间(秒)\t协助跟进服务(本人)\t协助跟进服务(主管)\t执行力(本人)\t执行力(主管)\t绩效工资基数\nE1\t张三, 组长\t95%\t40%\t0.8\t¥2,297.00\t95%\t30\t4\t4\t8\t9\t1,773\n";
    const r = await readRoster({ kind: "text", text }, s, { lang: "en-US" });
    expect(r.problems).toEqual([]);
    expect(r.separator).toBe("\t");
    expect(r.people[0]).toMatchObject({ name: "张三, 组长", values: { avg_order_value: 2297, perf_base: 1773, target_completion: 0.95 } });
  });
});

describe("numbers and periods as people type them", () => {
  it.each([
    ["９５", 95],
    ["１，２３４", 1234],
    ["1 234", 1234],
    ["1\u00a0234.5", 1234.5],
    ["９５％", 0.95],
    ["￥300", 300],
    ["1e309", null],
    ["Infinity", null],
    ["NaN", null],
  ])("%s → %s", (text, value) => expect(parseNumber(text)).toBe(value));
  it("a rate written as 95 is told it looks like a percentage", async () => {
    const csv = "id,name,target_completion,inquiry_conversion,order_success,avg_order_value,reply_rate,response_time,follow_up@self,follow_up@supervisor,execution@self,execution@supervisor,perf_base\nE1,甲,0.9,95,0.8,100,0.9,30,4,4,8,9,2000\n";
    const r = await read(new TextEncoder().encode(csv), ecommerce);
    expect(r.problems.map((p) => dataProblemText("en-US", p, ecommerce).trim())).toEqual(['line 2, column "询单转化率 (inquiry_conversion)": "95" looks like a percentage: write 95% or 0.95'.replace("询单转化率", "Inquiry conversion")]);
  });
  it.each([
    ["2026-01", "2026-01"],
    ["2026-1", "2026-01"],
    ["2026/1", "2026-01"],
    ["2026年1月", "2026-01"],
    ["2026年01月份", "2026-01"],
    ["2026-01-15", "2026-01"],
    ["46023", "2026-01"],
    [46023, "2026-01"],
    ["2026Q1", "2026-Q1"],
    ["2026年第1季度", "2026-Q1"],
    ["2026年一季度", "2026-Q1"],
    ["2026年上半年", "2026-H1"],
    ["2026年", "2026"],
    ["２０２６年１月", "2026-01"],
    ["2026-13", null],
    ["一月", null],
  ] as [string | number, string | null][])("%s → %s", (text, period) => expect(normalizePeriod(text)).toBe(period));
  it("a period that is none names its line", async () => {
    const r = await read(new TextEncoder().encode("id,name,period,unrecorded_movements,stock_errors,safety_violations,extra_points\nW1,甲,2026年1月,0,0,0,0\nW1,甲,下个月,0,0,0,0\n"));
    expect(texts(r)).toEqual(["第 3 行,列“期间 (period)”:“下个月”不是考核期间:请写成 2026-01、2026年1月、2026-Q1、2026年第1季度、2026-H1 或 2026"]);
    expect(r.people[0].period).toBe("2026-01");
  });
});

describe(".xlsx from other tools", () => {
  const zip = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
  const X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  it("written with a namespace prefix (<x:row>), shared and inline strings, a date cell for the month", async () => {
    const bytes = zip({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": `<x:workbook ${X}><x:sheets><x:sheet name="隐藏" sheetId="1" state="hidden" r:id="rId2"/><x:sheet name="花名册" sheetId="2" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>',
      "xl/sharedStrings.xml": `<x:sst ${X}><x:si><x:t>工号</x:t></x:si><x:si><x:r><x:t>姓</x:t></x:r><x:r><x:t>名</x:t></x:r></x:si><x:si><x:t>张三</x:t><x:rPh><x:t>zhang</x:t></x:rPh></x:si></x:sst>`,
      "xl/styles.xml": `<x:styleSheet ${X}><x:numFmts><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`,
      "xl/worksheets/sheet2.xml": `<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hidden</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      "xl/worksheets/sheet1.xml": `<x:worksheet ${X}><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>月份</x:t></x:is></x:c>
          <x:c r="D1" t="inlineStr"><x:is><x:t>出入库未登记次数</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>账实不符次数</x:t></x:is></x:c><x:c r="F1" t="inlineStr"><x:is><x:t>违反安全规定次数</x:t></x:is></x:c><x:c r="G1" t="inlineStr"><x:is><x:t>加分(表现突出)</x:t></x:is></x:c></x:row>
        <x:row r="2"><x:c r="A2"><x:v>1001</x:v></x:c><x:c r="B2" t="s"><x:v>2</x:v></x:c><x:c r="C2" s="1"><x:v>46023</x:v></x:c><x:c r="D2"><x:v>2</x:v></x:c><x:c r="E2"><x:v>0</x:v></x:c><x:c r="F2"><x:v>0</x:v></x:c><x:c r="G2"><x:v>5</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    });
    const r = await readRoster({ kind: "file", bytes, name: "r.xlsx" }, warehouse, { lang: "zh-CN" });
    expect(r.problems).toEqual([]);
    expect(r.source).toBe("xlsx");
    expect(r.people).toMatchObject([{ id: "1001", name: "张三", period: "2026-01", values: { unrecorded_movements: 2, extra_points: 5 } }]);
  });
  it("an .xls, a Numbers file and a web page named .xls are told to save as .xlsx or CSV", async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readRoster({ kind: "file", bytes: ole2, name: "r.xls" }, warehouse, { lang: "en-US" })).rejects.toMatchObject({ key: "xlsx.old-format" });
    await expect(readRoster({ kind: "file", bytes: zip({ "Index/Document.iwa": "x" }), name: "r.numbers" }, warehouse, { lang: "en-US" })).rejects.toMatchObject({ key: "xlsx.numbers" });
    const html = await read(new TextEncoder().encode("<html><table><tr><td>id</td></tr></table></html>"));
    expect(html.problems.map((p) => p.key)).toEqual(["roster.html"]);
  });
});

describe("zip bombs are refused before they are inflated", () => {
  it("an entry that declares more than a part may be (2 GB in a few hundred bytes): at once", async () => {
    const { zipSync: zip } = await import("fflate");
    const bytes = zip({ "xl/workbook.xml": new Uint8Array(10) });
    // patch the central directory's uncompressed size to 2 GB
    const view = new DataView(bytes.buffer);
    for (let i = bytes.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 2 ** 31, true);
        break;
      }
    const started = performance.now();
    await expect(readRoster({ kind: "file", bytes, name: "bomb.xlsx" }, warehouse, { lang: "en-US" })).rejects.toMatchObject({ key: "zip.part-large" });
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it("an entry that lies about its size and inflates a thousandfold: stopped as it grows, in under a second and 100 MB", async () => {
    const { Deflate } = await import("fflate");
    // 256 MB of zeros deflate to about 250 KB; the directory says 1 KB
    const parts: Uint8Array[] = [];
    const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
    const zeros = new Uint8Array(1 << 20);
    for (let i = 0; i < 256; i++) d.push(zeros, i === 255);
    const deflated = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (deflated.set(p, at), at + p.length), 0);
    const name = new TextEncoder().encode("xl/workbook.xml");
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, 1024, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(24, 1024, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, 0, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length + deflated.length, true);
    const bytes = new Uint8Array([...local, ...deflated, ...central, ...end]);
    expect(bytes.length).toBeLessThan(400_000);
    const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const heap = memory();
    const started = performance.now();
    await expect(readRoster({ kind: "file", bytes, name: "bomb.xlsx" }, warehouse, { lang: "en-US" })).rejects.toMatchObject({ key: "zip.bomb" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(memory() - heap).toBeLessThan(100 * 2 ** 20);
  });
});

describe("README's roster example", () => {
  it("reads as UTF-8 and as GBK alike, with its departments and its month", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const csv = /## Roster files[\s\S]*?```csv\n([\s\S]*?)```/.exec(readme)![1];
    for (const bytes of [new TextEncoder().encode(csv), encodeGb18030(csv)]) {
      const r = await read(bytes);
      expect(r.problems).toEqual([]);
      expect(r.people.map((p) => [p.id, p.name, p.department, p.period])).toEqual([["W001", "张三", "仓储部", "2026-11"], ["W002", "李四", "仓储部", "2026-11"]]);
    }
  });
});

describe("部门 and 岗位 travel with the people", () => {
  it("into the sheets and the generation record, and back", async () => {
    const { buildWorkbookPlan } = await import("../../src/workbook/plan/build-plan.js");
    const { generationRecord, recordFromXml, recordXml } = await import("../../src/workbook/generation-record.js");
    const r = await read(new TextEncoder().encode(CHINESE));
    const plan = buildWorkbookPlan(warehouse, r.people, { lang: "zh-CN", mode: "native" });
    expect(plan.sheets[1].table!.keys.slice(0, 4)).toEqual(["id", "name", "department", "position"]);
    expect(plan.sheets[2].table!.keys.slice(0, 4)).toEqual(["id", "name", "department", "position"]);
    const stored = recordFromXml(recordXml(generationRecord(warehouse, r.people, plan)))!;
    expect(stored.snapshot!.people["W002"]).toMatchObject({ name: "李四", department: "仓储部", position: "叉车工" });
  });
});

// Half of a character pair (a name cut in the middle of an emoji by another program) or U+FFFD
// (what a wrong conversion leaves) in a workbook's or a selection's cells was read as it was,
// and the first became U+FFFD without a word when the workbook was written: the person's name in
// the workbook was not theirs. Both are now refused with their cell; a control character is a
// character the .xlsx keeps (as Excel does, _x0007_) and is read as it is.
describe("broken characters are named with their cell, never passed on", () => {
  const cells = (name: string) => readRoster({ kind: "cells", rows: [["工号", "姓名"], ["W001", "张三"], ["W002", name]] }, warehouse, { lang: "zh-CN", forWorkbook: true });
  it.each([
    ["half of a character pair", "李\ud83d四", "U+D83D", 2],
    ["the other half alone", "李四\ude00", "U+DE00", 3],
    ["U+FFFD, what a wrong conversion leaves", "\ufffd四", "U+FFFD", 1],
  ])("%s: its line, column and character, and no one read from that line", async (_what, name, char, at) => {
    const r = await cells(name);
    expect(r.problems).toEqual([{ line: 3, column: "name", key: "data.broken-char", vars: { char, at } }]);
    expect(r.people.map((p) => p.id)).toEqual(["W001"]);
    expect(dataProblemText("zh-CN", r.problems[0], warehouse)).toContain(char);
  });
  it("in pasted text too, in a column the scheme reads", async () => {
    const r = await readRoster({ kind: "text", text: "工号,姓名,部门\nW001,张三,仓储\ud800部\n" }, warehouse, { lang: "zh-CN", forWorkbook: true });
    expect(r.problems).toEqual([{ line: 2, column: "department", key: "data.broken-char", vars: { char: "U+D800", at: 3 } }]);
  });
  it("in an .xlsx, where Excel writes a character as _xHHHH_: half a pair refused, a control character kept", async () => {
    const X = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const bytes = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8(`<workbook ${X}><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      "xl/worksheets/sheet1.xml": strToU8(
        `<worksheet ${X}><sheetData><row r="1">${text("A1", "工号")}${text("B1", "姓名")}</row><row r="2">${text("A2", "W001")}${text("B2", "张_x0007_三")}</row><row r="3">${text("A3", "W002")}${text("B3", "李_xD83D_四")}</row></sheetData></worksheet>`,
      ),
    });
    const r = await readRoster({ kind: "file", bytes, name: "r.xlsx" }, warehouse, { lang: "zh-CN", forWorkbook: true });
    expect(r.problems).toEqual([{ line: 3, column: "name", key: "data.broken-char", vars: { char: "U+D83D", at: 2 } }]);
    expect(r.people.map((p) => p.name)).toEqual(["张\u0007三"]);
  });
  it("an emoji (a whole pair) and a control character are characters like any other, kept", async () => {
    for (const name of ["李四😀", "李\u0007四", "李四\uffff"]) {
      const r = await cells(name);
      expect(r.problems).toEqual([]);
      expect(r.people[1].name).toBe(name);
    }
  });
});
