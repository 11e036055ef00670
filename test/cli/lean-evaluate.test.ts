/**
 * `evaluate` scores each person as the roster is read and keeps them without their inputs when
 * nothing later reads them (a lean compile): the same results as evaluating the read roster,
 * for every template, over one and several periods.
 */
import { describe, expect, it } from "vitest";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { formatCsv } from "../../src/io/csv.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme, NO_VALUES } from "../../src/core/evaluate.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { evaluateCsv, WRITTEN } from "../../src/cli/commands/evaluate.js";
import { resultsCsv } from "../../src/io/results-csv.js";

const io = { out: () => {}, err: () => {}, lang: "en-US" as const, cwd: "." };

describe("evaluate, scored while read", () => {
  it("every template, 1 and 3 periods: the results of the whole roster evaluated, inputs dropped only where nothing reads them", () => {
    for (const scheme of builtInSchemes())
      for (const periods of [undefined, 3]) {
        const s = sampleData(scheme, { rows: 80, seed: 11, periods });
        const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
        const whole = evaluatePeriods(compileScheme(scheme, { trace: false }), people);
        const lean = evaluateCsv(scheme, formatCsv(s.header, s.rows), "x.csv", io, { trace: false });
        const keeps = compileScheme(scheme, { trace: false, lean: true }).keepsValues;
        expect(lean.results.every((r) => (r.values === NO_VALUES) === !keeps), scheme.id).toBe(true);
        // points and adjustments went to the file as each person was scored
        expect(lean.results.every((r) => r.points === WRITTEN && r.adjustments === WRITTEN), scheme.id).toBe(true);
        const strip = (rs: typeof whole.results) => rs.map((r) => ({ ...r, values: null, points: null, adjustments: null }));
        expect(strip(lean.results), `${scheme.id} ${periods}`).toEqual(strip(whole.results));
        expect(lean.rollups, scheme.id).toEqual(whole.rollups);
        // the file: what the results evaluated whole make of it, byte for byte
        const columns = { department: s.header.includes("department"), position: s.header.includes("position"), carried: [] };
        const file = resultsCsv(scheme, whole.results, whole.rollups, s.header.includes("period"), "en-US", { columns, people });
        expect(Buffer.from(lean.csv).equals(Buffer.from(file)), `${scheme.id} ${periods}`).toBe(true);
      }
  });

  it("keeps the inputs for a trace and for pay over the roster", () => {
    for (const scheme of builtInSchemes()) expect(compileScheme(scheme, { trace: true, lean: true }).keepsValues).toBe(true);
    const pooled = builtInSchemes().filter((x) => x.pay.some((l) => l.rule.kind === "pool"));
    expect(pooled.length).toBeGreaterThan(0);
    for (const scheme of pooled) expect(compileScheme(scheme, { trace: false, lean: true }).keepsValues, scheme.id).toBe(true);
  });

  it("a data problem is said before an engine error of an earlier row", () => {
    const scheme = builtInSchemes().find((x) => x.id === "ecommerce-cs")!;
    const s = sampleData(scheme, { rows: 3, seed: 2 });
    const rows = s.rows.map((r) => [...r]);
    rows[2][s.header.indexOf("perf_base")] = "abc";
    expect(() => evaluateCsv(scheme, formatCsv(s.header, rows), "x.csv", io, { trace: false })).toThrow(/line 4/);
  });
});
