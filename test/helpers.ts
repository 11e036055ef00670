/** Test helpers: build people and evaluate them through the real engine. */
import { printA1 } from "../src/workbook/plan/print-formula.js";
import { compileScheme, type PersonResult } from "../src/core/evaluate.js";
import { parseScheme } from "../src/core/scheme/load.js";
import type { Scheme } from "../src/core/scheme/schema.js";
import { builtInScheme } from "../src/schemes/index.js";
import { parseRecords, type PersonData } from "../src/core/data.js";
import { withParams } from "../src/core/scheme/load.js";
import { problemText } from "../src/i18n/index.js";

export function scheme(raw: unknown): Scheme {
  const r = parseScheme(raw);
  if (!r.ok) throw new Error(r.problems.map((p) => problemText(p, "en-US")).join("\n"));
  return r.scheme;
}

export function template(id: string, params: Record<string, number> = {}): Scheme {
  const s = builtInScheme(id);
  if (!s) throw new Error(`no template ${id}`);
  if (Object.keys(params).length === 0) return s;
  const r = withParams(s, params);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}

/** People from text cells, parsed exactly as a CSV would be; fails the test on any problem. */
export function people(s: Scheme, rows: Record<string, string | number | boolean>[]): PersonData[] {
  const full = rows.map((cells, i) => ({ id: `P${i + 1}`, name: `Person ${i + 1}`, ...cells }));
  const header = [...new Set(full.flatMap((r) => Object.keys(r)))];
  const records = full.map((r, i) => ({ line: i + 2, cells: header.map((h) => (h in r ? String(r[h as keyof typeof r]) : "")) }));
  const { people, problems } = parseRecords(header, records, s);
  if (problems.length) throw new Error(JSON.stringify(problems));
  return people;
}

export function evaluate(s: Scheme, rows: Record<string, string | number | boolean>[]): PersonResult[] {
  return compileScheme(s).evaluateRoster(people(s, rows));
}

/** A minimal valid scheme to vary in tests. */
export function minimal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "t",
    name: { "zh-CN": "测试", "en-US": "Test" },
    description: { "zh-CN": "测试", "en-US": "Test" },
    period: "month",
    inputs: [{ id: "x", name: { "zh-CN": "x", "en-US": "x" }, type: "number" }],
    indicators: [{ id: "x", name: { "zh-CN": "x", "en-US": "x" }, points: 100, rule: { kind: "direct" } }],
    ...overrides,
  };
}

export const L = (s: string) => ({ "zh-CN": s, "en-US": s });

/** Every formula of a sheet of a plan as A1 text, as the .xlsx stores it, in its own row. */
export function formulaTexts(s: import("../src/workbook/plan/types.js").SheetPlan): string[] {
  return s.blocks.flatMap((b) =>
    b.values.flatMap((row, i) => row.flatMap((v) => (typeof v === "object" && v !== null ? [printA1(v.formula, b.row + i)] : []))),
  );
}
