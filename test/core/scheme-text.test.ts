import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseScheme } from "../../src/core/scheme/load.js";
import { unwritableChar } from "../../src/core/scheme/text-check.js";
import { L, minimal } from "../helpers.js";
import { problemText } from "../../src/i18n/index.js";

const problems = (raw: unknown, lang: "en-US" | "zh-CN" = "en-US") => {
  const r = parseScheme(raw, lang);
  return r.ok ? [] : r.problems.map((p) => problemText(p, lang));
};

describe("text a workbook cannot hold, refused in the scheme", () => {
  it("a control character in an indicator's name: the path and the character named, in both languages", () => {
    const raw = minimal({ indicators: [{ id: "x", name: { "zh-CN": "完成\u0007率", "en-US": "rate" }, points: 100, rule: { kind: "direct" } }] });
    expect(problems(raw)).toEqual(['indicators[0].name.zh-CN: holds the character U+0007 (at character 3), which a workbook cannot store (a control character, half of a character pair, or a character lost in decoding): delete or retype it']);
    expect(problems(raw, "zh-CN")[0]).toMatch(/^indicators\[0\]\.name\.zh-CN: 含有字符 U\+0007\(第 3 个字符\)/);
  });

  it("every such text is listed, beside zod's own problems", () => {
    const raw = minimal({
      inputs: [{ id: "x", name: L("x"), type: "option", unit: "分\uFFFF", options: [{ id: "a", label: L("a"), aliases: ["ok", "b\uD800"] }] }],
      indicators: [{ id: "x", name: L("x\uFFFD"), points: "100", rule: { kind: "direct" } }],
    });
    const found = problems(raw);
    expect(found.filter((p) => p.includes("cannot store")).map((p) => p.split(":")[0])).toEqual([
      "inputs[0].unit",
      "inputs[0].options[0].aliases[1]",
      "indicators[0].name.zh-CN",
      "indicators[0].name.en-US",
    ]);
    expect(found.some((p) => p.startsWith("indicators[0].points"))).toBe(true);
  });

  it("tab, line breaks, emoji (a surrogate pair) and CJK pass", () => {
    const raw = minimal({ description: { "zh-CN": "说明\n第二行\t😀", "en-US": "a\r\nb" } });
    expect(problems(raw)).toEqual([]);
  });

  it("unwritableChar agrees with XML 1.0's Char production and well-formed UTF-16 on any text", () => {
    // XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; U+FFFD refused as a decoding loss
    const writable = (s: string) => {
      for (const ch of s) {
        const c = ch.codePointAt(0)!;
        const ok = c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffc) || (c >= 0x10000 && c <= 0x10ffff);
        if (!ok) return false;
      }
      return true;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom("\u0000", "\u0009", "\u000b", "\u001f", "\ud800", "\udc00", "\ufffd", "\ufffe", "a", "中"), fc.string({ unit: "binary", maxLength: 1 })), maxLength: 8 }), (s) => {
        expect(unwritableChar(s) === null).toBe(writable(s));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe("an id that is not one", () => {
  it("is said in the reader's language, with what was found", () => {
    const raw = minimal({ id: "Bad Id" });
    expect(problems(raw)).toEqual(["id: “Bad Id” is not an id: an id is a lower-case letter, then lower-case letters, digits, _ or -"]);
    expect(problems(raw, "zh-CN")).toEqual(["id: “Bad Id” 不是有效的 id:id 以小写字母开头,其后为小写字母、数字、_ 或 -"]);
  });
});
