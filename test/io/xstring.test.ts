/**
 * Cell text XML cannot hold (control characters, U+FFFE/U+FFFF) and text that reads like
 * SpreadsheetML's `_xHHHH_` escape: kept through our .xlsx, character for character (bug: the
 * writer dropped the characters silently, and a name "A_x0031_" would have shown as "A1" in Excel).
 */
import { describe, expect, it } from "vitest";
import { decodeXstring, encodeXstring } from "../../src/io/xstring.js";
import { readXlsxRows } from "../../src/io/xlsx-read.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { nodeZipCodec } from "../../src/cli/zip-codec.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { generationRecord, recordFromXml, recordXml } from "../../src/workbook/generation-record.js";
import { people, template } from "../helpers.js";

const ODD = ["回车\r换行", "a\u0001b", "tab\tok", "_x0041_", "A_x0031_", "_x005F_x0041_", "non\uFFFEchar\uFFFF", "_x12_", "__x0041__", "plain 张三"];

let seed = 20261204;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const alphabet = ["_", "x", "0", "4", "1", "F", "a", "\u0001", "\r", "\n", "\uFFFE", "张", " "];

describe("cell text XML cannot hold", () => {
  it("is escaped so that decoding gives every character back, and stays XML-legal", () => {
    const texts = [...ODD, ...Array.from({ length: 5000 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""))];
    for (const t of texts) {
      const stored = encodeXstring(t);
      expect(stored).not.toMatch(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/);
      expect(decodeXstring(stored), JSON.stringify(t)).toBe(t);
    }
    // as Excel stores them: a carriage return, and an underscore that only looks like an escape
    expect(encodeXstring("a\rb")).toBe("a_x000D_b");
    expect(encodeXstring("A_x0031_")).toBe("A_x005F_x0031_");
    expect(decodeXstring("A_x005F_x0031_")).toBe("A_x0031_");
  });

  it("comes back from a generated workbook as written: names on the sheet and in the generation record", async () => {
    const s = template("warehouse");
    const roster = people(s, ODD.map(() => ({ unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }))).map((p, i) => ({ ...p, name: ODD[i] }));
    const plan = buildWorkbookPlan(s, roster, { lang: "en-US", mode: "native" });
    const record = generationRecord(s, roster, plan);
    const bytes = await writeXlsx(plan, { customXml: [recordXml(record)], codec: nodeZipCodec });
    const evaluation = plan.sheets.find((x) => x.role === "evaluation")!;
    const rows = readXlsxRows(bytes, evaluation.name);
    const names = rows.map((r) => r[1]);
    for (const name of ODD) expect(names, JSON.stringify(name)).toContain(name);
    const back = recordFromXml(recordXml(record))!;
    expect(Object.values(back.snapshot!.people).map((p) => p.name).sort()).toEqual([...ODD].sort());
  });
});
