/**
 * Issue 16, the proof: for every rule and pay kind of the registry, thousands of random rules and
 * rows (every mode and branch, boundaries drawn on purpose), the native formula evaluated by a
 * second spreadsheet engine (HyperFormula) equals the engine's compile step — to the last bit —
 * or both refuse the row. A kind the registry lists without cases here fails the first test.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PAY_KINDS, RULE_KINDS } from "../../src/core/kinds/registry.js";
import type { PayKind, RuleKind } from "../../src/core/kinds/kind.js";
import { EvaluationError } from "../../src/core/errors.js";
import { ref } from "../../src/core/formula.js";
import { constOf, COLUMNS, expr, num, OPTIONS, paramId, positive, row, sheetFor, type Case } from "./kinds-oracle.js";

const RUNS = { numRuns: 1000, seed: 20261202 };
const optional = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const band = fc.record({ threshold: constOf(num), points: expr });
const schedule = fc.oneof(
  fc.record({ kind: fc.constant("per-unit"), rate: expr, maxCount: optional(constOf(fc.integer({ min: 0, max: 10 }))) }, { requiredKeys: ["kind", "rate"] }),
  fc.record({ kind: fc.constant("cumulative"), steps: fc.array(constOf(num), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("count-bands"), bands: fc.array(band, { minLength: 1, maxLength: 4 }) }),
);
const countInput = fc.constantFrom("c1", "c2");
/** A choice as a word, or as a parameter holding the word's position (a setting the company reviews). */
const choice = (...words: string[]) => fc.oneof(fc.constantFrom(...words), fc.nat({ max: words.length - 1 }).map((i) => ({ param: paramId(i) })));

/** A case for an indicator rule: the rule, the input it reads, full marks, a row. */
const ruleCase = (rule: fc.Arbitrary<Record<string, unknown>>, input = "v") =>
  fc.record({ rule, full: fc.oneof(positive, fc.constant(0)), row }).map((c): Case & { input: string } => ({ ...c, input }));

/** Cases that land on a threshold, a limit or a bracket edge: the main input takes one of the rule's own numbers. */
function onEdges<C extends Case>(cases: fc.Arbitrary<C>): fc.Arbitrary<C> {
  return fc.tuple(cases, fc.nat(), fc.boolean()).map(([c, k, edge]) => {
    if (!edge) return c;
    const numbers: number[] = [];
    const walk = (n: unknown): void => {
      if (typeof n === "number") numbers.push(n);
      else if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") Object.values(n).forEach(walk);
    };
    walk(c.rule);
    return numbers.length ? { ...c, row: { ...c.row, v: numbers[k % numbers.length] } } : c;
  });
}

const RULE_CASES: Record<string, fc.Arbitrary<Case & { input: string }>> = {
  ratio: ruleCase(
    fc.record({ kind: fc.constant("ratio"), direction: fc.constantFrom("higher", "lower"), target: optional(expr), cap: optional(constOf(num)) }, { requiredKeys: ["kind", "direction"] }),
  ),
  bands: onEdges(
    ruleCase(
      fc.record(
        { kind: fc.constant("bands"), direction: fc.constantFrom("at-least", "at-most"), bands: fc.array(band, { minLength: 1, maxLength: 4 }), otherwise: optional(expr) },
        { requiredKeys: ["kind", "direction", "bands"] },
      ),
    ),
  ),
  "deduct-per-step": onEdges(
    ruleCase(
      fc.record({
        kind: fc.constant("deduct-per-step"),
        direction: fc.constantFrom("above", "below"),
        limit: constOf(num),
        step: constOf(positive),
        points: constOf(num),
        partial: choice("ignore", "whole", "prorate"),
      }),
    ),
  ),
  levels: ruleCase(
    fc.record({ kind: fc.constant("levels"), points: fc.dictionary(fc.constantFrom(...OPTIONS), expr, { minKeys: 1 }) }),
    "lvl",
  ),
  direct: onEdges(ruleCase(fc.record({ kind: fc.constant("direct"), min: optional(constOf(num)), max: optional(constOf(num)) }, { requiredKeys: ["kind"] }))),
  items: onEdges(
    ruleCase(fc.record({ kind: fc.constant("items"), schedule, max: optional(constOf(num)), min: optional(constOf(num)) }, { requiredKeys: ["kind", "schedule"] })),
  ),
  deductions: ruleCase(
    fc.record(
      {
        kind: fc.constant("deductions"),
        items: fc.array(fc.record({ input: countInput, schedule }), { minLength: 1, maxLength: 3 }),
        zeroWhen: optional(fc.record({ input: countInput, above: fc.integer({ min: -1, max: 5 }) })),
      },
      { requiredKeys: ["kind", "items"] },
    ),
  ),
};

/** A case for a pay kind: the rule and a row with a total, a coefficient and full marks. */
const payCase = (rule: fc.Arbitrary<Record<string, unknown>>) =>
  fc.record({ rule, full: positive, row, total: num, coefficient: fc.oneof(num, fc.constantFrom(0, 1, 1.2)) }).map((c) => c as Case);

const ascending = fc
  .uniqueArray(positive, { minLength: 0, maxLength: 3 })
  .chain((tops) => fc.tuple(fc.constant([...tops].sort((a, b) => a - b)), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.array(constOf(num), { minLength: 4, maxLength: 4 })))
  .map(([tops, asParam, rates]) => [...tops.map((t, i) => ({ upTo: asParam[i] ? { param: paramId(t) } : t, rate: rates[i] })), { upTo: null, rate: rates[3] }]);

const PAY_CASES: Record<string, fc.Arbitrary<Case>> = {
  amount: payCase(fc.record({ kind: fc.constant("amount"), amount: expr })),
  coefficient: payCase(fc.record({ kind: fc.constant("coefficient"), base: expr })),
  "score-linear": payCase(fc.record({ kind: fc.constant("score-linear"), amount: expr, gate: optional(constOf(num)), cap: optional(expr) }, { requiredKeys: ["kind", "amount"] })),
  "gate-proportional": payCase(fc.record({ kind: fc.constant("gate-proportional"), base: expr, gate: constOf(num), between: choice("full", "proportional") })),
  scaled: payCase(
    fc.record({ kind: fc.constant("scaled"), amount: expr, completion: expr, minCompletion: optional(constOf(num)), maxCompletion: optional(constOf(num)) }, { requiredKeys: ["kind", "amount", "completion"] }),
  ),
  "piece-rate": payCase(
    fc.record(
      {
        kind: fc.constant("piece-rate"),
        lines: fc.array(fc.record({ input: countInput, rate: expr, maxCount: optional(constOf(fc.integer({ min: 0, max: 8 }))) }, { requiredKeys: ["input", "rate"] }), { minLength: 1, maxLength: 3 }),
        rewards: fc.array(fc.record({ inputs: fc.array(countInput, { minLength: 1, maxLength: 2 }), above: constOf(num), amount: expr }), { maxLength: 2 }),
        completion: optional(expr),
      },
      { requiredKeys: ["kind", "lines", "rewards"] },
    ),
  ),
  tiered: payCase(fc.record({ kind: fc.constant("tiered"), amount: expr, mode: choice("whole", "progressive"), brackets: ascending, scale: optional(constOf(positive)) }, { requiredKeys: ["kind", "amount", "mode", "brackets"] })),
  "profit-share": payCase(
    fc.record(
      {
        kind: fc.constant("profit-share"),
        profit: expr,
        companyCosts: expr,
        staffCount: fc.oneof(fc.constantFrom(0, 1, 2, 3, 0.5), expr),
        ownCost: expr,
        rate: constOf(num),
        monthsRegular: optional(fc.oneof(fc.integer({ min: 0, max: 12 }), expr)),
        newMonths: optional(constOf(fc.integer({ min: 0, max: 6 }))),
        newBearing: optional(constOf(num)),
        soleMaxBearing: optional(constOf(num)),
      },
      { requiredKeys: ["kind", "profit", "companyCosts", "staffCount", "ownCost", "rate"] },
    ),
  ),
};

/** The engine's answer: a number, or "error" when it refuses the row with its own error. */
function engine(run: () => number): number | "error" {
  try {
    const v = run();
    return Number.isFinite(v) ? v : "error";
  } catch (e) {
    if (e instanceof EvaluationError) return "error";
    throw e;
  }
}

const same = (a: number | string, b: number | string) => a === b || (typeof a === "number" && typeof b === "number" && a === 0 && b === 0);

describe("every kind's formula is its engine, judged by a second spreadsheet engine", () => {
  it("every kind of the registry has cases here, and none that the registry lacks", () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual(RULE_KINDS.map((k) => k.kind).sort());
    expect(Object.keys(PAY_CASES).sort()).toEqual(PAY_KINDS.map((k) => k.kind).sort());
  });

  it.each(RULE_KINDS.map((k) => [k.kind, k as unknown as RuleKind] as const))("rule kind %s", (kind, k) => {
    const seen = { numbers: 0, errors: 0 };
    fc.assert(
      fc.property(RULE_CASES[kind], (c) => {
        const rule = k.schema.parse(c.rule);
        const sheet = sheetFor(c);
        const expected = engine(() => k.compile(rule, { env: { params: sheet.params }, full: c.full })(c.row[c.input] ?? null, { values: c.row }, null));
        const got = sheet.evaluate(k.formula(rule, ref({ col: COLUMNS.indexOf(c.input as (typeof COLUMNS)[number]) }), c.input, c.full, sheet.context));
        seen[expected === "error" ? "errors" : "numbers"]++;
        expect(same(got, expected), `engine ${expected}, formula ${got}`).toBe(true);
      }),
      RUNS,
    );
    // the cases reach the numbers, not only the refusals
    expect(seen.numbers).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it.each(PAY_KINDS.map((k) => [k.kind, k as unknown as PayKind] as const))("pay kind %s", (kind, k) => {
    const seen = { numbers: 0, errors: 0 };
    fc.assert(
      fc.property(PAY_CASES[kind], (c) => {
        const rule = k.schema.parse(c.rule);
        const sheet = sheetFor(c);
        const expected = engine(() => k.compile(rule, { env: { params: sheet.params } })({ values: c.row, total: c.total, coefficient: c.coefficient, full: c.full }, null));
        const got = sheet.evaluate(k.formula(rule, sheet.context));
        seen[expected === "error" ? "errors" : "numbers"]++;
        expect(same(got, expected), `engine ${expected}, formula ${got}`).toBe(true);
      }),
      RUNS,
    );
    expect(seen.numbers).toBeGreaterThan(RUNS.numRuns / 2);
  });
});

