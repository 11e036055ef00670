/**
 * Add-in formula mode gives the engine's numbers: every KPI.* call the plan writes is run
 * through the custom functions with the row's own cell values and the scheme sheet's named
 * values, and must equal src/core's points, to the last digit. (No spreadsheet here runs KPI.*,
 * so the calls are evaluated by the functions' own pipeline — the code Excel runs.)
 */
import type { Formula } from "../../src/core/formula.js";
import { describe, expect, it } from "vitest";
import { builtInScheme, builtInSchemeIds } from "../../src/schemes/index.js";
import { OPTION_SETS, parseOption } from "../../src/core/option-words.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { liftRuleNumbers } from "../../src/workbook/plan/lift.js";
import { naming } from "../../src/workbook/plan/names.js";
import { fx } from "../functions/fn-helpers.js";
import { testCondition } from "../../src/core/condition.js";

/** The first KPI.* call in a formula tree. */
function kpiCall(f: Formula): { fn: string; args: Formula[] } | null {
  if (typeof f !== "object") return null;
  if ("fn" in f) {
    if (f.fn.startsWith("KPI.")) return f;
    for (const a of f.args) {
      const c = kpiCall(a);
      if (c) return c;
    }
    return null;
  }
  if ("op" in f) return kpiCall(f.l) ?? kpiCall(f.r);
  return null;
}

describe.each(["ecommerce-cs", "ecommerce-ranking", "logistics-cs", "call-center", "outsourcing", "foreign-trade-sales"])("add-in mode, %s", (id) => {
  it("each KPI.* cell gives the engine's points", () => {
    const scheme = builtInScheme(id)!;
    const sample = sampleData(scheme, { rows: 25, seed: 31 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const results = compileScheme(scheme).evaluateRoster(structuredClone(people));
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "addin" });
    const ev = plan.sheets[1];
    const keys = ev.table!.keys;
    const names = naming();
    const paramValues = new Map(liftRuleNumbers(scheme).scheme.parameters.map((p) => [names.param(p.id), p.value]));
    let calls = 0;
    ev.blocks[0].values.forEach((row, i) => {
      const r = results[i];
      if (r.excluded) return;
      const cellValue = (col: number) => {
        const key = keys[col];
        if (key === "total") return r.total;
        const v = row[col];
        // a derived input (call volume …) is a formula in the sheet; its value is the engine's
        if (typeof v === "object" && v !== null) return (r.values[key] as number | undefined) ?? null;
        return v;
      };
      // an argument's value: a cell of this row, a named setting, a literal, or a choice by a setting
      const resolve = (a: Formula): unknown => {
        if (typeof a === "number") return a;
        if ("s" in a) return a.s;
        if ("ref" in a) return cellValue(a.ref.col);
        if ("name" in a) return paramValues.get(a.name);
        if ("op" in a && a.op === "+") return Number(resolve(a.l)) + Number(resolve(a.r));
        if ("fn" in a && a.fn === "CHOOSE") return resolve(a.args[Number(resolve(a.args[0]))]);
        throw new Error(`no value for ${JSON.stringify(a)} in this test`);
      };
      row.forEach((v, j) => {
        if (typeof v !== "object" || v === null || !keys[j].startsWith("pts:")) return;
        const call = kpiCall(v.formula);
        if (!call) return;
        // an indicator that does not apply to this person is 0 around the call, not the call
        const when = scheme.indicators.find((x) => `pts:${x.id}` === keys[j])?.appliesWhen;
        if (when && !testCondition(when, { values: r.values })) return;
        calls++;
        const [[value]] = fx(call.fn.slice(4), ...(call.args.map(resolve) as never[]));
        expect(value, `${id} row ${i + 2} ${keys[j]}`).toBe(r.points[keys[j].slice(4)]);
      });
    });
    expect(calls).toBeGreaterThan(0);
  });
});

describe("add-in mode follows the scheme sheet", () => {
  it("an edited grade bound on the scheme sheet changes the KPI.GRADE cells as it changes the engine's grades", () => {
    const scheme = builtInScheme("ecommerce-cs")!;
    const sample = sampleData(scheme, { rows: 60, seed: 5 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "addin" });
    const ev = plan.sheets[1];
    const gradeCol = ev.table!.keys.indexOf("grade");
    // every grade cell of the evaluation sheet is KPI.GRADE(total, g_table): nothing typed into it
    const gradeFormula = (ev.blocks[0].values[0][gradeCol] as { formula: Formula }).formula;
    const grade = kpiCall(gradeFormula)!;
    expect(grade.fn).toBe("KPI.GRADE");
    expect(grade.args[1]).toEqual({ name: "g_table" });
    const table = plan.names.find((n) => n.name === "g_table")!;
    const [, c1, r1, c2, r2] = /^\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(table.ref)!;
    expect([c1, c2]).toEqual(["A", "B"]);
    // the scheme sheet's cells in that range, as Excel hands them to KPI.GRADE
    const sheet = plan.sheets.find((s) => s.name === table.sheet)!;
    const cellAt = (row: number, col: number) => {
      for (const b of sheet.blocks) {
        const v = b.values[row - b.row]?.[col - b.col];
        if (v !== undefined) return v;
      }
      return null;
    };
    const range = () => Array.from({ length: Number(r2) - Number(r1) + 1 }, (_, i) => [cellAt(Number(r1) + i, 0), cellAt(Number(r1) + i, 1)]);
    expect(range().map((r) => r[0])).toEqual(scheme.grades.map((g) => g.label["zh-CN"]));

    const gradesWith = (s: typeof scheme) => compileScheme(s).evaluateRoster(structuredClone(people));
    const labels = (s: typeof scheme, results: ReturnType<typeof gradesWith>) => results.map((r) => s.grades.find((g) => g.id === r.grade)?.label["zh-CN"] ?? "");
    const before = gradesWith(scheme);
    const kpiGrades = () => fx("GRADE", before.map((r) => [r.total]), range() as never).map((r) => r[0]);
    expect(kpiGrades()).toEqual(labels(scheme, before));

    // finance raises 良好 from 80 to 86 on the scheme sheet
    const good = scheme.grades.findIndex((g) => g.id === "good");
    const row = Number(r1) + good;
    const block = sheet.blocks.find((b) => b.col === 1 && b.row === row)!;
    block.values[0][0] = 86;
    const edited = structuredClone(scheme);
    edited.grades[good].min = 86;
    const after = gradesWith(edited);
    expect(labels(edited, after)).not.toEqual(labels(scheme, before));
    expect(kpiGrades()).toEqual(labels(edited, after));
  });
});

describe("add-in mode types no table into a formula", () => {
  it.each(builtInSchemeIds())("%s: every text argument of a KPI.* call is an option word, never a table or a threshold", (id) => {
    const scheme = builtInScheme(id)!;
    const sample = sampleData(scheme, { rows: 3, seed: 1 });
    const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
    const plan = buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "addin" });
    const texts = (f: Formula, inKpi: boolean, out: string[]) => {
      if (typeof f !== "object") return;
      if ("s" in f && inKpi) out.push(f.s);
      if ("fn" in f) for (const a of f.args) texts(a, inKpi || f.fn.startsWith("KPI."), out);
      if ("op" in f) {
        texts(f.l, inKpi, out);
        texts(f.r, inKpi, out);
      }
    };
    const found: string[] = [];
    for (const s of plan.sheets) for (const b of s.blocks) for (const v of b.values[0] ?? []) if (typeof v === "object" && v !== null) texts(v.formula, false, found);
    const sets = Object.keys(OPTION_SETS) as (keyof typeof OPTION_SETS)[];
    for (const s of found) expect(sets.some((set) => parseOption(set, s) !== null), `${id}: "${s}"`).toBe(true);
  });
});
