/**
 * The streaming zip writer, with either deflate (fflate's in the browser, Node's zlib in the
 * CLI): what goes in comes out of a reader, byte for byte, with the CRC and sizes the central
 * directory states — for an empty part, a part of many slices with Chinese text, and a string.
 */
import { describe, expect, it } from "vitest";
import { crc32, inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { fflateCodec, ZipWriter, type ZipCodec } from "../../src/workbook/xlsx/zip-write.js";
import { nodeZipCodec } from "../../src/cli/zip-codec.js";
import { openZip } from "../../src/io/zip-read.js";
import { sheetXml, sheetXmlParts, textXml } from "../../src/workbook/xlsx/sheet-xml.js";
import { esc } from "../../src/workbook/xlsx/xml.js";
import { Styles } from "../../src/workbook/xlsx/styles.js";
import { builtInScheme, builtInSchemes } from "../../src/schemes/index.js";
import { readRoster } from "../../src/io/read-roster.js";
import { workbookFile } from "../../src/workbook/xlsx/workbook-file.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";

const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);

/** Every central-directory entry: name, CRC, sizes, and its data inflated from the local entry. */
function entries(zip: Uint8Array) {
  let eocd = zip.length - 22;
  while (u32(zip, eocd) !== 0x06054b50) eocd--;
  const out: { name: string; crc: number; size: number; data: Uint8Array }[] = [];
  let p = u32(zip, eocd + 16);
  for (let k = 0; k < u16(zip, eocd + 10); k++) {
    const n = u16(zip, p + 28);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + n));
    const local = u32(zip, p + 42);
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    const data = inflateRawSync(zip.subarray(start, start + u32(zip, p + 20)));
    out.push({ name, crc: u32(zip, p + 16), size: u32(zip, p + 24), data });
    p += 46 + n;
  }
  return out;
}

function* pieces(): Generator<string> {
  // ~5 MB in pieces of irregular sizes, Chinese and ASCII: many slices, pieces split across them
  for (let i = 0; i < 40_000; i++) yield i % 3 ? `<row r="${i}"><c><v>${i * 1.5}</v></c></row>` : `<t>张三${"李四王五".repeat(i % 17)}</t>`;
}

const codecs: [string, ZipCodec][] = [
  ["fflate", fflateCodec],
  ["node zlib", nodeZipCodec],
];

describe("the streaming zip writer", () => {
  for (const [label, codec] of codecs)
    it(`${label}: every part comes back as written, with the CRC and size the directory states`, () => {
      const expected = [...pieces()].join("");
      const zip = new ZipWriter(codec);
      zip.file("empty.xml", "");
      zip.file("xl/worksheets/sheet1.xml", pieces());
      zip.file("名字.xml", "<a>表</a>");
      // a second part of many slices: the writer reuses one slice, so a part must not see the last one's bytes
      zip.file("xl/worksheets/sheet2.xml", [...pieces()].reverse());
      const bytes = zip.finish();
      const got = entries(bytes);
      expect(got.map((e) => e.name)).toEqual(["empty.xml", "xl/worksheets/sheet1.xml", "名字.xml", "xl/worksheets/sheet2.xml"]);
      const texts = [new Uint8Array(), new TextEncoder().encode(expected), new TextEncoder().encode("<a>表</a>"), new TextEncoder().encode([...pieces()].reverse().join(""))];
      got.forEach((e, i) => {
        expect(Buffer.from(e.data).equals(Buffer.from(texts[i])), e.name).toBe(true);
        expect(e.size).toBe(texts[i].length);
        expect(e.crc).toBe(crc32(texts[i]));
      });
      // other readers agree: fflate's, and ours (which the recalculation uses)
      expect(new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"])).toBe(expected);
      expect(new TextDecoder().decode(openZip(bytes).read("名字.xml"))).toBe("<a>表</a>");
    });

  it("gives the same bytes for the same input (a fixed date in every entry)", () => {
    const write = () => {
      const zip = new ZipWriter(nodeZipCodec);
      zip.file("a.xml", pieces());
      return zip.finish();
    };
    expect(Buffer.from(write()).equals(Buffer.from(write()))).toBe(true);
  });

  it("gets a sheet's rows in pieces, never the sheet as one string, and the pieces make the sheet", () => {
    const scheme = builtInScheme("ecommerce-cs")!;
    const s = sampleData(scheme, { rows: 3000, seed: 4 });
    const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const sheet = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native" }).sheets.find((x) => x.role === "evaluation")!;
    const parts = [...sheetXmlParts(sheet, new Styles("zh-CN"), "rId1")];
    const whole = parts.join("");
    expect(parts.length).toBeGreaterThan(3);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(whole.length / 3);
    expect(whole).toBe(sheetXml(sheet, new Styles("zh-CN"), "rId1"));
  });

  it("asks to keep a text's spaces exactly where an XML reader would lose them", () => {
    expect(textXml("张三")).toBe("<t>张三</t>");
    expect(textXml("a b")).toBe("<t>a b</t>");
    for (const loose of [" 张三", "张三 ", "\t1", "一\n二"]) expect(textXml(loose)).toBe(`<t xml:space="preserve">${loose}</t>`);
    // a carriage return is stored as Excel stores it (an XML reader would make it a line feed)
    expect(textXml("a\r\nb")).toBe('<t xml:space="preserve">a_x000D_\nb</t>');
    expect(textXml("<=1 & >")).toBe("<t>&lt;=1 &amp; &gt;</t>");
  });
  // esc() used to drop such a character without a word: now every source of text is checked
  // before it (scheme, roster, sheet names; a cell's text is escaped as Excel does), and one
  // that slips through is our bug, said as such rather than a character lost
  it("a text XML cannot hold reaching the writer outside a cell is an error of ours, never dropped", () => {
    expect(esc('a & "b" <c>')).toBe("a &amp; &quot;b&quot; &lt;c&gt;");
    for (const bad of ["考核\u0007", "x\uffff", "\u0000"]) expect(() => esc(bad)).toThrow(/internal: .*U\+(0007|FFFF|0000)/);
    // in a cell the same characters are kept, escaped as Excel stores them
    expect(textXml("考核\u0007")).toBe("<t>考核_x0007_</t>");
  });
  // the roster's texts may hold them (a name typed with CHAR(7), a department pasted from another
  // program): every template's workbook, native and with KPI functions, keeps them as _xHHHH_ and
  // the writer above never meets one
  it.each(builtInSchemes().map((x) => x.id))("%s: names, departments and positions with control characters are written, kept", async (id) => {
    const scheme = builtInScheme(id)!;
    const t = sampleData(scheme, { rows: 12, seed: 3 });
    const rows = t.rows.map((r, i) => [r[0], `${r[1]}\u0007`, ...r.slice(2), i % 2 ? "仓\u0007储" : "客\uffff服", "岗\u0001位"]);
    const read = await readRoster({ kind: "cells", rows: [[...t.header, "department", "position"], ...rows] }, scheme, { lang: "zh-CN" });
    expect(read.problems).toEqual([]);
    for (const mode of ["native", "addin"] as const) {
      const { bytes } = await workbookFile(scheme, read.people, { lang: "zh-CN", mode, period: "2026-11" }, nodeZipCodec);
      const xml = Object.values(unzipSync(bytes)).map((f) => new TextDecoder().decode(f)).join("");
      expect(xml).not.toMatch(/[\u0001\u0007\uffff]/);
      expect(xml).toContain(`${t.rows[0][1]}_x0007_`);
      expect(xml).toContain("仓_x0007_储");
      expect(xml).toContain("岗_x0001_位");
    }
  });
});
