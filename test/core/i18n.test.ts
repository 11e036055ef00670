import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { catalogs, formatNumber, pickLang, t } from "../../src/i18n/index.js";
import { roundExcel } from "../../src/core/money.js";
import fc from "fast-check";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

describe("message catalogs", () => {
  it("zh-CN and en-US have the same keys, none empty", () => {
    const zh = Object.keys(catalogs["zh-CN"]).sort();
    const en = Object.keys(catalogs["en-US"]).sort();
    expect(zh).toEqual(en);
    for (const lang of ["zh-CN", "en-US"] as const) for (const [k, v] of Object.entries(catalogs[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe("");
  });
  it("every placeholder of a message exists in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)(?::%)?\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(catalogs["en-US"])) expect(names(catalogs["zh-CN"][k]), k).toEqual(names(catalogs["en-US"][k]));
  });
  it("every message key written in the source is in the catalogs", () => {
    const used = new Set<string>();
    const keyPattern = /["'`]((?:why|data|cli|scheme|pay|pool|rule|expr|input|param|period|grade|flag|label|value|csv|fn|wb|ui|dev)\.[a-z0-9.-]+)["'`]/g;
    for (const file of [...sources("src"), ...sources("scripts")]) for (const m of readFileSync(file, "utf8").matchAll(keyPattern)) used.add(m[1]);
    // keys built from a rule's direction or mode
    for (const d of ["above", "below"]) used.add(`why.deduct.${d}`);
    for (const m of ["whole", "progressive"]) used.add(`why.pay.tiered.${m}`);
    for (const w of ["below", "rank-last", "rank-first"]) used.add(`why.streak.${w}`);
    for (const m of ["sum", "weighted"]) used.add(`why.total.${m}`);
    for (const p of ["month", "quarter", "half-year", "year"]) used.add(`period.${p}`);
    for (const s of ["scheme", "indicators", "grades", "roster", "options", "review"]) used.add(`ui.step.${s}`);
    for (const x of ["total-ok", "total-off"]) for (const of of ["points", "weights"]) used.add(`ui.indicators.${x}.${of}`);
    for (const d of ["higher", "lower"]) used.add(`rule.describe.ratio.${d}`);
    for (const d of ["at-least", "at-most"]) used.add(`rule.describe.bands.${d}`);
    for (const d of ["above", "below"]) used.add(`rule.describe.deduct.${d}`);
    for (const m of ["mean", "sum"]) used.add(`wb.method.${m}`);
    const missing = [...used].filter((k) => !(k in catalogs["en-US"]) && !k.endsWith("."));
    expect(missing).toEqual([]);
  });
  it("fills placeholders, percentages and falls back to the key", () => {
    expect(t("en-US", "why.pay.scaled", { amount: 1000, completion: 0.9 })).toBe("1000 × target completion 90%");
    expect(t("zh-CN", "why.pay.scaled", { amount: 1000, completion: 0.9 })).toBe("1000 × 目标完成率 90%");
    expect(t("en-US", "no.such.key")).toBe("no.such.key");
  });
  it("picks Chinese for Chinese locales", () => {
    expect(pickLang("zh_CN.UTF-8")).toBe("zh-CN");
    expect(pickLang("zh-Hans")).toBe("zh-CN");
    expect(pickLang("en_US.UTF-8")).toBe("en-US");
    expect(pickLang(undefined)).toBe("en-US");
  });
  it("shows a number to 4 decimals as Excel's ROUND does: decimal, half away from zero", () => {
    // Math.round(x * 1e4) / 1e4 gave "1" and "0" for these two (bug)
    expect(formatNumber(1.00005)).toBe("1.0001");
    expect(formatNumber(-0.00005)).toBe("-0.0001");
    expect(formatNumber(-2.00005)).toBe("-2.0001");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(95.5)).toBe("95.5");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(1e15)).toBe("1000000000000000");
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        // the text is the rounded number, and never more than 4 decimals
        expect(Number(formatNumber(x))).toBe(roundExcel(x, 4));
        expect(formatNumber(x)).toMatch(/^-?\d+(\.\d{1,4})?$/);
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });
});
