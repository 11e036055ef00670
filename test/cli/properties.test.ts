/**
 * Issue 9, property-based (fast-check, seeded: a failure prints its seed and path and repeats):
 * whatever the arguments, the data, the scheme's numbers or a function's arguments, the command
 * line and the functions never crash, never print a stack trace, never leave a partial or
 * temporary file, and every run they accept agrees with the engine.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "./cli-helpers.js";
import { parseCsv, unguard } from "../../src/io/csv.js";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme, RowEvaluationError } from "../../src/core/evaluate.js";
import { EvaluationError } from "../../src/core/errors.js";
import { evaluatePeriods } from "../../src/core/periods/evaluate-periods.js";
import { parseScheme } from "../../src/core/scheme/load.js";
import { formatCents } from "../../src/core/money.js";
import { FUNCTION_SPECS } from "../../src/functions/specs/index.js";
import { runFunction } from "../../src/functions/run.js";
import { FunctionError, PassedError } from "../../src/functions/errors.js";
import { hostileId } from "../workbook/hostile.js";

const RUNS = { numRuns: 1000, seed: 20261201 };
const CRASH = /\n\s+at |TypeError|RangeError|ReferenceError|SyntaxError|internal error:|内部错误:|\[object Object\]|\{[a-z]+\}/;

/** A folder with a valid data file, a generated workbook and a sub-folder, to aim arguments at. */
function fixtures(): string {
  const dir = tempDir();
  const sample = sampleData(builtInSchemes().find((s) => s.id === "warehouse")!, { rows: 4, seed: 3 });
  writeFileSync(join(dir, "d.csv"), [sample.header, ...sample.rows].map((r) => r.join(",")).join("\n"));
  mkdirSync(join(dir, "folder"));
  return dir;
}
const base = fixtures();

/** Each option with values that fit and values that do not; the rest are stray words. */
const VALUES: Record<string, string[]> = {
  "--scheme": ["warehouse", "ecommerce-cs", "call-center", "nope", "d.csv", ""],
  "--rows": ["0", "3", "12", "0x10", "1e21", "-1", "2000000", ""],
  "--out": ["o.csv", "o.xlsx", "folder", "d.csv", "no/such/o.csv", ""],
  "--data": ["d.csv", "missing.csv", "folder"],
  "--roster": ["d.csv", "missing.csv"],
  "--param": ["gate=80", "gate=x", "nope=1", "=1"],
  "--lang": ["zh-CN", "en-US", "xx"],
  "--formulas": ["native", "addin", "kpi"],
  "--period": ["2026-01", "2026-13"],
  "--periods": ["0", "2", "x"],
  "--seed": ["7", "1e3"],
  "--workbook": ["o.xlsx", "d.csv", "missing.xlsx"],
};
const FLAGS = ["--force", "--force=no", "--explain", "--json", "--help", "--frobnicate"];
const WORDS = ["show", "warehouse", "bogus", "--", "-x", ""];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(VALUES)).chain((o) => fc.constantFrom(...VALUES[o]).map((v) => [o, v])) },
  { weight: 2, arbitrary: fc.constantFrom(...FLAGS).map((f) => [f]) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS, ...Object.keys(VALUES)).map((w) => [w]) },
);
const argvArb = fc
  .tuple(fc.constantFrom("schemes", "sample", "evaluate", "workbook", "recalc", "bogus"), fc.array(piece, { maxLength: 6 }))
  .map(([command, pieces]) => [command, ...pieces.flat()]);

describe("the command line under any arguments", () => {
  it("exits 0–3, prints no stack, leaves no temporary file, and writes nothing when it refuses", async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(argvArb, fc.constantFrom("en-US" as const, "zh-CN" as const), async (argv, lang) => {
        const dir = tempDir();
        for (const f of readdirSync(base)) if (f !== "folder") copyFileSync(join(base, f), join(dir, f));
        mkdirSync(join(dir, "folder"));
        const before = readdirSync(dir).sort();
        const r = await cli(argv, dir, lang);
        codes.add(r.code);
        expect([0, 1, 2, 3]).toContain(r.code);
        expect(r.err + r.out).not.toMatch(CRASH);
        const after = readdirSync(dir).sort();
        expect(after.filter((f) => f.endsWith(".tmp"))).toEqual([]);
        if (r.code !== 0) expect(after).toEqual(before);
        const out = argv[argv.indexOf("--out") + 1];
        if (r.code === 0 && out && !before.includes(out) && out.endsWith(".csv") && existsSync(join(dir, out))) expect(parseCsv(readFileSync(join(dir, out), "utf8")).header.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
    // the vocabulary reaches both sides: runs that succeed and runs that are refused
    expect([...codes].sort()).toEqual(expect.arrayContaining([0, 1, 2]));
  }, 300_000);
});

const CELLS = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 0, max: 12 }).map(String) },
  { weight: 1, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "1e309", "-1e309", "Infinity", "NaN", "95%", "1,234", "¥300", "=1+1", "@SUM(A1)", "+86", "0x10", "1e300", "abc", "是", "TRUE", "#N/A", '"', "\u0000") },
);

describe("evaluate under any roster", () => {
  const scheme = builtInSchemes().find((s) => s.id === "warehouse")!;
  const header = ["id", "name", "unrecorded_movements", "stock_errors", "safety_violations", "extra_points"];
  const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  it("refuses with every problem's line, or gives exactly the engine's pay for every id", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileId, fc.string({ maxLength: 4 }), CELLS, CELLS, CELLS, CELLS), { minLength: 1, maxLength: 6 }), async (rows) => {
        const dir = tempDir();
        writeFileSync(join(dir, "d.csv"), [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n"));
        const r = await cli(["evaluate", "--scheme", "warehouse", "--data", "d.csv", "--out", "r.csv"], dir);
        expect(r.err).not.toMatch(CRASH);
        if (r.code !== 0) {
          expect(r.code).toBe(2);
          expect(existsSync(join(dir, "r.csv"))).toBe(false);
          expect(r.err).toMatch(/line \d+|no data rows/);
          return;
        }
        // a leading apostrophe before a formula start is read as the CSV guard (src/io/csv.ts)
        const { people } = parseRecords(header, rows.map((cells, i) => ({ line: i + 2, cells: cells.map(unguard) })), scheme);
        const { results } = evaluatePeriods(compileScheme(scheme), people);
        accepted++;
        const table = parseCsv(readFileSync(join(dir, "r.csv"), "utf8"));
        const at = (k: string) => table.header.indexOf(k);
        expect(table.records.map((x) => [x.cells[at("id")], x.cells[at("pay")]])).toEqual(results.map((p) => [p.id, formatCents(p.payTotal)]));
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(20);
  }, 300_000);
});

describe("any numbers in a template's settings", () => {
  const NUMBERS = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 1e-9, 1e13, 1e15, 1e308, Number.MAX_VALUE));
  it("are refused with a path, or evaluate a roster (a row problem names its line); never a crash", () => {
    const templates = builtInSchemes().filter((s) => s.parameters.length);
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.array(fc.tuple(fc.nat(), NUMBERS), { minLength: 1, maxLength: 4 }), (template, edits) => {
        const raw = structuredClone(template) as { parameters: { value: number }[] };
        for (const [i, v] of edits) raw.parameters[i % raw.parameters.length].value = v;
        const r = parseScheme(raw);
        if (!r.ok) {
          for (const p of r.problems) expect(p.path).toMatch(/^parameters|^indicators|^pay|^grades|^total|^adjustments|^awards|^periods|^ranking|^eligibility|^\(scheme\)/);
          return;
        }
        const sample = sampleData(r.scheme, { rows: 5, seed: 9 });
        const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), r.scheme);
        try {
          const { results } = evaluatePeriods(compileScheme(r.scheme), people);
          for (const p of results) expect(Number.isSafeInteger(p.payTotal)).toBe(true);
        } catch (e) {
          // the one allowed failure: the engine's own, naming the row or the rule
          if (!(e instanceof RowEvaluationError || e instanceof EvaluationError)) throw e;
        }
      }),
      RUNS,
    );
  }, 300_000);
});

describe("KPI.* under any arguments", () => {
  const CELL = fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }), fc.constantFrom("优秀:90,良好:80,合格:0", "30:5,40:4", "0,2,3", { code: "#N/A" }, "lower", "gate", "linear", "progressive"));
  const ARG = fc.oneof(CELL, fc.array(fc.array(CELL, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }));
  it("give a number, a text, a blank, an error with a message, or the error passed in — never a throw, NaN or Infinity", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTION_SPECS), fc.array(ARG, { maxLength: 7 }), (spec, args) => {
        for (const row of runFunction(spec, args as never))
          for (const c of row) {
            if (c instanceof FunctionError) expect(c.key).toMatch(/^(fn|money|pool|rule|value|expr)\./);
            else if (!(c instanceof PassedError)) {
              expect(["number", "string"]).toContain(typeof c);
              if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
            }
          }
      }),
      RUNS,
    );
  }, 300_000);
});
