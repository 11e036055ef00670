/**
 * Add-in formula mode gives the engine's numbers: every KPI.* call the plan writes is run
 * through the custom functions with the row's own cell values and the scheme sheet's named
 * values, and must equal src/core's points, to the last digit. (No spreadsheet here runs KPI.*,
 * so the calls are evaluated by the functions' own pipeline — the code Excel runs.)
 */
import type { Formula } from "../../src/core/formula.js";
import { describe, expect, it } from "vitest";
import { builtInScheme } from "../../src/schemes/index.js";
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
