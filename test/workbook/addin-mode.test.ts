/**
 * Add-in formula mode gives the engine's numbers: every KPI.* call the plan writes is run
 * through the custom functions with the row's own cell values and the scheme sheet's named
 * values, and must equal src/core's points, to the last digit. (No spreadsheet here runs KPI.*,
 * so the calls are evaluated by the functions' own pipeline — the code Excel runs.)
 */
import { printA1 } from "../../src/workbook/plan/print-formula.js";
import { describe, expect, it } from "vitest";
import { builtInScheme } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { liftRuleNumbers } from "../../src/workbook/plan/lift.js";
import { naming } from "../../src/workbook/plan/names.js";
import { columnLetter } from "../../src/workbook/plan/a1.js";
import { fx } from "../functions/fn-helpers.js";
import { testCondition } from "../../src/core/condition.js";

/** The first KPI.NAME(…) call in a formula, with its arguments split at top-level commas. */
function kpiCall(formula: string): { name: string; args: string[] } | null {
  const m = /KPI\.([A-Z]+)\(/.exec(formula);
  if (!m) return null;
  let depth = 1;
  let quoted = false;
  let arg = "";
  const args: string[] = [];
  for (let i = m.index + m[0].length; i < formula.length; i++) {
    const c = formula[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && c === "(") depth++;
    if (!quoted && c === ")" && --depth === 0) {
      args.push(arg);
      break;
    }
    if (!quoted && c === "," && depth === 1) {
      args.push(arg);
      arg = "";
    } else arg += c;
  }
  return { name: m[1], args };
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
      const cellValue = (ref: string) => {
        const col = keys.findIndex((_, j) => `$${columnLetter(j)}${i + 2}` === ref);
        const key = keys[col];
        if (key === "total") return r.total;
        const v = row[col];
        // a derived input (call volume …) is a formula in the sheet; its value is the engine's
        if (typeof v === "object" && v !== null) return (r.values[key] as number | undefined) ?? null;
        return v;
      };
      const resolve = (a: string) => {
        if (/^\$[A-Z]+\d+$/.test(a)) return cellValue(a);
        if (paramValues.has(a)) return paramValues.get(a)!;
        if (a.startsWith('"')) return a.slice(1, -1).replace(/""/g, '"');
        return Number(a);
      };
      row.forEach((v, j) => {
        if (typeof v !== "object" || v === null || !keys[j].startsWith("pts:")) return;
        const call = kpiCall(printA1(v.formula, ev.blocks[0].row + i));
        if (!call) return;
        // an indicator that does not apply to this person is 0 around the call, not the call
        const when = scheme.indicators.find((x) => `pts:${x.id}` === keys[j])?.appliesWhen;
        if (when && !testCondition(when, { values: r.values })) return;
        calls++;
        const [[value]] = fx(call.name, ...call.args.map(resolve));
        expect(value, `${id} row ${i + 2} ${keys[j]}`).toBe(r.points[keys[j].slice(4)]);
      });
    });
    expect(calls).toBeGreaterThan(0);
  });
});
