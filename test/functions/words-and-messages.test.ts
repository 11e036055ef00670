/**
 * The functions as an HR officer types them: the written files are current; every word of the
 * option table is accepted where its set is taken, and nothing else; every message is in one
 * language and names the argument as the tooltip does; the help pages say what the metadata says.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { OPTION_SETS, parseOption, type OptionSet, type OptionWord } from "../../src/core/option-words.js";
import { functionsSource, readmeFunctionTable, zhMetadata } from "../../src/functions/docs-out.js";
import { readmeSection } from "../../src/functions/readme-section.js";
import { functionDoc } from "../../src/functions/reference.js";
import { argName } from "../../src/functions/messages.js";
import { FUNCTION_SPECS } from "../../src/functions/specs/index.js";
import { renderHelp } from "../../src/help/render.js";
import { LANGS } from "../../src/core/text.js";
import { col, fx, fxIn } from "./fn-helpers.js";
import type { Cell, Matrix } from "../../src/functions/coerce.js";

describe("written from the specs (npm run docs:functions)", () => {
  it("functions.ts, functions-zh-cn.json and README's table are current", () => {
    expect(readFileSync("src/functions/functions.ts", "utf8"), "run npm run docs:functions").toBe(functionsSource());
    expect(JSON.parse(readFileSync("src/functions/functions-zh-cn.json", "utf8")), "run npm run docs:functions").toEqual(zhMetadata());
    expect(readmeSection(readFileSync("README.md", "utf8")), "run npm run docs:functions").toBe(readmeFunctionTable());
  });
});

/** A call of each function with good arguments, the option argument left to fill in. */
const CALLS: Record<string, (word: string) => (Cell | Matrix)[]> = {
  "SCORE.direction": (w) => [0.4, 0.5, 30, w],
  "BAND.direction": (w) => [35, "30:5,40:4,60:2", w],
  "DEDUCT.direction": (w) => [0.045, 0.02, 0.01, 3, 15, w],
  "DEDUCTED.direction": (w) => [0.045, 0.02, 0.01, 3, 15, w],
  "DEDUCT.partial": (w) => [0.045, 0.02, 0.01, 3, 15, "above", w],
  "DEDUCTED.partial": (w) => [0.045, 0.02, 0.01, 3, 15, "above", w],
  "BONUS.method": (w) => [1000, 85, w, w === "coefficient" || parseOption("bonusMethod", w) === "coefficient" ? "A:90:1.2,B:80:1,C:0:0.5" : 60],
  "TIERED.mode": (w) => [5000, [[4500, 0.0005], [6500, 0.00055], [null, 0.0008]], w],
};

describe("option words (src/core/option-words.ts)", () => {
  it("every option argument of every function is one of the table's sets, and has a call here", () => {
    const declared = FUNCTION_SPECS.flatMap((s) => Object.keys(functionDoc(s.id).options ?? {}).map((p) => `${s.id}.${p}`)).filter((k) => !k.startsWith("BLEND") && !k.startsWith("CUMULATIVE"));
    expect(declared.sort()).toEqual(Object.keys(CALLS).sort());
  });

  it("no word names two options of one set", () => {
    for (const [set, words] of Object.entries(OPTION_SETS) as [OptionSet, readonly OptionWord[]][]) {
      const seen = new Map<string, string>();
      for (const w of words)
        for (const s of [w.value, w.label["zh-CN"], w.label["en-US"], ...w.aliases]) {
          const k = s.trim().toLowerCase();
          expect(seen.get(k) ?? w.value, `${set}: "${s}"`).toBe(w.value);
          seen.set(k, w.value);
        }
    }
  });

  it.each(Object.entries(CALLS))("%s accepts every word of its set as its value, in any case, and refuses others in one language", (key, call) => {
    const [id, param] = key.split(".");
    const set = functionDoc(id).options![param];
    for (const w of OPTION_SETS[set] as readonly OptionWord[]) {
      const expected = fx(id, ...call(w.value))[0][0];
      expect(typeof expected, `${key} ${w.value}`).toBe("number");
      for (const word of [w.label["zh-CN"], w.label["en-US"], w.label["en-US"].toUpperCase(), ` ${w.value} `, ...w.aliases]) expect(fx(id, ...call(word))[0][0], `${key}: "${word}"`).toEqual(expected);
    }
    // the other sets' words and a stray English word are refused, listing this set's labels
    for (const word of ["sideways", "true", "越快越好"]) {
      const zh = fxIn("zh-CN", id, ...call(word))[0][0] as { error: string; message: string };
      const en = fxIn("en-US", id, ...call(word))[0][0] as { error: string; message: string };
      expect(zh.error).toBe("#VALUE!");
      expect(zh.message).toContain(argName(id, param, "zh-CN"));
      for (const w of OPTION_SETS[set] as readonly OptionWord[]) {
        expect(zh.message).toContain(w.label["zh-CN"]);
        expect(en.message).toContain(w.label["en-US"]);
      }
      expectOneLanguage(zh.message, "zh-CN", [word]);
      expectOneLanguage(en.message, "en-US", [word]);
    }
  });
});

/** No Latin word in a Chinese message, no Chinese in an English one — once what the user typed is taken out. */
function expectOneLanguage(message: string, lang: string, typed: readonly string[]) {
  let rest = message;
  for (const t of [...typed].sort((a, b) => b.length - a.length)) if (t) rest = rest.split(t).join(" ");
  rest = rest.replace(/KPI\.[A-Z]+/g, " ").replace(/#[A-Z/0!]+/g, " ");
  if (lang === "zh-CN") expect(rest, message).not.toMatch(/[A-Za-z]{2,}/);
  else expect(rest, message).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
}

/** Bad calls across the functions: what was typed (left out of the language check) and the call. */
const BAD: [string, string[], ...(Cell | Matrix)[]][] = [
  ["SCORE", ["3 apples"], "3 apples", 0.5, 30],
  ["SCORE", [], 0.3, null, 30],
  ["SCORE", [], [[1, 2]], 1, 1],
  ["SCORE", [], col(1, 2, 3), col(1, 2), 30],
  ["SCORE", [], 0.4, 0.5, 30, "higher", 0],
  ["WEIGHTED", [], [[80, 90]], [[50, 45]]],
  ["WEIGHTED", [], [[80, 90]], [[50, 30, 20]]],
  ["GRADE", [], 65, "90:A"],
  ["GRADE", ["A", "B"], 65, [["A", 90], ["B"]]],
  ["GRADE", ["A", "B", "C"], 65, "A:90,B:80,C:70"],
  ["GRADE", [], 65, ""],
  ["BONUS", [], 1000, 85, "coefficient"],
  ["BONUS", [], 1000, 85, "linear", [[1, 2]]],
  ["BONUS", ["高"], 1000, 85, "gate", "高"],
  ["BONUS", ["很好", "A", "B"], 1000, "很好", "coefficient", "A:90:1.2,B:0:1"],
  ["DEDUCT", [], 0.05, 0.02, 0, 3, 15],
  ["DEDUCTED", [], 0.05, 0.02, 0.01, -3, 15],
  ["BAND", [], 35, "30:5,40:4,60:2"],
  ["BAND", [], 5, "3:1,3:2"],
  ["LEVEL", ["很好", "优秀", "良好"], "很好", "优秀:3,良好:1"],
  ["LEVEL", ["优秀"], "优秀", "优秀:3,优秀:1"],
  ["STEPSUM", [], 1.5, [[0, 2, 3]]],
  ["RATERSCORE", [], [[8, 9]], [[130, -30]]],
  ["TIERED", [], 5000, [[null, 0.1], [100, 0.2]]],
  ["TIERED", [], 5000, [[100, 0.1], [50, 0.2], [null, 0.3]]],
  ["TIERED", [], 5000, [[100, 0.1], [200, 0.2]]],
  ["POOL", [], 100, col(0, 0)],
  ["POOL", [], 100, col(1), 0.5],
  ["ROUND", [], 1, 1.5],
];

describe("messages", () => {
  it.each(LANGS)("are all in %s, and name the argument as the tooltip does", (lang) => {
    for (const [id, typed, ...args] of BAD) {
      const r = fxIn(lang, id, ...args)[0][0] as { error: string; message?: string };
      expect(typeof r === "object" && r.message, `${id}: ${JSON.stringify(r)}`).toBeTruthy();
      expectOneLanguage(r.message!, lang, typed);
      // an argument's English name never shows in Chinese (table_or_gate, points_per_step)
      if (lang === "zh-CN") for (const p of FUNCTION_SPECS.find((s) => s.id === id)!.params) expect(r.message, id).not.toContain(p.name);
    }
  });

  it("explain KPI.BONUS's third argument by the method", () => {
    expect(fxIn("zh-CN", "BONUS", 1000, 85, "等级系数")[0][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("“系数表或门槛”须为等级系数表") });
    expect(fxIn("zh-CN", "BONUS", 1000, 85, "门槛制", "高")[0][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("“系数表或门槛”是门槛分数") });
    // a gate given as a number, or left blank, is fine
    expect(fx("BONUS", 300, 110, "门槛制", 80)[0][0]).toBe(330);
    expect(fx("BONUS", 300, 50, "gate")[0][0]).toBe(300);
  });
});

describe("meanings that read right", () => {
  it("KPI.DEDUCT is the points left, KPI.DEDUCTED the points deducted, and they add up to full points", () => {
    const values = col(0.01, 0.025, 0.045, 0.2);
    const left = fx("DEDUCT", values, 0.02, 0.01, 3, 15).map((r) => r[0] as number);
    const deducted = fx("DEDUCTED", values, 0.02, 0.01, 3, 15).map((r) => r[0] as number);
    expect(left).toEqual([15, 15, 9, 0]);
    expect(deducted).toEqual([0, 0, 6, 15]);
  });

  it("KPI.BAND without a direction: at least when the points rise; asks when they fall", () => {
    expect(fx("BAND", col(59, 60, 85, 95), "60:2,80:4,90:5").map((r) => r[0])).toEqual([0, 2, 4, 5]);
    // 35 s of response time would get 5 points read as "at least": refused, and the message says both readings
    const r = fxIn("zh-CN", "BAND", 35, "30:5,40:4,60:2")[0][0] as { message: string };
    expect(r.message).toContain("不超过门槛");
    expect(r.message).toContain("达到门槛");
    expect(fx("BAND", 35, "30:5,40:4,60:2", "越低越好")[0][0]).toBe(4);
    expect(fx("BAND", 5, "3:-1,4:-5", "至少")[0][0]).toBe(-5);
  });

  it("the former names give what the new ones give", () => {
    expect(fx("BLEND", [[10, 5], [8, 8]], "30,70")).toEqual(fx("RATERSCORE", [[10, 5], [8, 8]], "30,70"));
    expect(fx("CUMULATIVE", col(0, 3, 8), "0,2,3,4,5,7,9")).toEqual(fx("STEPSUM", col(0, 3, 8), "0,2,3,4,5,7,9"));
  });
});

describe("help pages (help/<function>.html)", () => {
  it.each(LANGS)("say in %s what each argument is, its pick-list words and the examples", (lang) => {
    for (const spec of FUNCTION_SPECS) {
      const html = renderHelp(spec.id, lang);
      const doc = functionDoc(spec.id);
      expect(html).toContain(`KPI.${spec.id}`);
      for (const p of spec.params) expect(html, `${spec.id}.${p.name}`).toContain(`<code>${argName(spec.id, p.name, lang)}</code>`);
      for (const set of Object.values(doc.options ?? {})) for (const w of OPTION_SETS[set] as readonly OptionWord[]) expect(html).toContain(w.label[lang]);
      for (const e of doc.examples) {
        expect(html).toContain(e.result);
        // what the page promises is what the function gives (the README test runs the first of each)
        expect(String(fx(spec.id, ...parseExample(e.args)).map((r) => r[0]).join(", ")), `${spec.id}(${e.args})`).toBe(e.result);
      }
    }
  });
});

/** The example arguments as Excel reads them: numbers, "text", {array;constants}. */
function parseExample(text: string): (Cell | Matrix)[] {
  return JSON.parse(
    `[${text
      .replace(/\{([^}]*)\}/g, (_, body: string) => `[${body.split(";").map((row) => `[${row.replace(/""/g, "null")}]`).join(",")}]`)
      .replace(/(^|[,[ ])\.(\d)/g, "$10.$2")}]`,
  ) as (Cell | Matrix)[];
}
