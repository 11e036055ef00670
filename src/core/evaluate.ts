/**
 * The evaluation: a scheme compiled once into closures, then run over a roster.
 *
 * Per person: indicator points (rounded to scoreDigits, Excel ROUND), total (sum or weighted,
 * plus adjustments, clamped), grade and coefficient, pay lines (each rounded to the money unit,
 * held as integer cents). Per roster: ranks, rank awards, pools, forced distribution, bottom
 * flags. The trace records, for every number, its input, rule, parameters and reason; a batch
 * run that shows no trace can switch it off (`trace: false`) and keep a tenth of the memory.
 */
import { compileExpr, constValue, type ExprEnv, type RowContext, type RowValues } from "./expr.js";
import { EvaluationError } from "./errors.js";
import { compileRule, isPersonPay, rosterPayKindOf, type CompiledRule, type Reason, type Why } from "./kinds/registry.js";
import { compilePersonPay, type CompiledPay } from "./kinds/registry.js";
import type { CompiledRosterPay } from "./kinds/kind.js";
import { conditionValueText, failedCondition, testCondition, type Condition } from "./condition.js";
import { formatDate } from "./dates.js";
import { roundPoints, toCents, sumCents, type MoneyDigits } from "./money.js";
import { blend, findBand, sortBandsDesc, weightedTotal } from "./totals.js";
import type { Scheme, PayLine } from "./scheme/schema.js";
import type { PersonData } from "./data.js";
import { bottomRanked, competitionRanks } from "./roster/ranking.js";
import { forcedDistribution } from "./roster/forced-distribution.js";

export interface TraceEntry {
  /** indicator, adjustment, pay line id, or "total" / "grade" */
  target: string;
  kind: "indicator" | "adjustment" | "total" | "grade" | "pay" | "flag";
  input?: RowValues[string] | Record<string, RowValues[string]>;
  rule?: string;
  /** The rule as written in the scheme (parameters resolved by the reason's values). */
  params?: unknown;
  result: number | string | null;
  reason: Reason;
}

export interface PersonResult {
  line: number;
  id: string;
  name: string;
  /** 部门 and 岗位 as the roster had them */
  department?: string;
  position?: string;
  period: string | null;
  values: RowValues;
  points: Record<string, number>;
  adjustments: Record<string, number>;
  total: number;
  grade: string | null;
  coefficient: number | null;
  /** Pay lines in integer cents. */
  pay: Record<string, number>;
  payTotal: number;
  rank: number;
  flags: string[];
  award: string | null;
  tier: string | null;
  /** Not evaluated: an eligibility condition of the scheme does not hold. */
  excluded: boolean;
  trace: TraceEntry[];
}

/** Shared by every result of an untraced run (nothing is ever pushed to it). */
const NO_TRACE: TraceEntry[] = Object.freeze([]) as unknown as TraceEntry[];

/** The inputs of a lean result (CompileOptions.lean): none kept. */
export const NO_VALUES: RowValues = Object.freeze({}) as RowValues;

export interface CompileOptions {
  /** Record the trace (default true). */
  trace?: boolean;
  /** The period of rows that have none of their own (`--period`, the workbook's period). */
  period?: string | null;
  /**
   * Results without the person's inputs (`values` is NO_VALUES) when nothing after the person's
   * own evaluation reads them (no trace, no pay over the roster or across periods): a batch run
   * that scores each person as the roster is read then lets the inputs die young, instead of
   * carrying a dozen numbers per person to the end (see keepsValues).
   */
  lean?: boolean;
}

export interface CompiledScheme {
  scheme: Scheme;
  tracing: boolean;
  env: ExprEnv;
  moneyDigits: MoneyDigits;
  /** Whether results hold the person's inputs: false only for a lean run that has no use for them. */
  keepsValues: boolean;
  evaluatePerson(person: PersonData): PersonResult;
  /** One person evaluated, an engine error named by their line and id (and the input it met). */
  scorePerson(person: PersonData): PersonResult;
  /** The roster's rules (ranks, pay over the roster, awards, bottom flags) over one period's scored people, in place. */
  finishRoster(all: PersonResult[]): PersonResult[];
  /** scorePerson for each, then finishRoster. */
  evaluateRoster(people: readonly PersonData[]): PersonResult[];
}

interface CompiledIndicator {
  id: string;
  applies: Condition | undefined;
  input: string;
  full: number;
  weight: number;
  rated: boolean;
  ruleKind: string;
  params: unknown;
  rule: CompiledRule;
  raterColumns: string[];
}

export function compileScheme(scheme: Scheme, options: CompileOptions = {}): CompiledScheme {
  const tracing = options.trace ?? true;
  const env: ExprEnv = { params: new Map(scheme.parameters.map((p) => [p.id, p.value])) };
  const digits = scheme.scoreDigits;
  const moneyDigits = scheme.money.digits as MoneyDigits;
  const full = scheme.total.full;
  const derived = scheme.derived.map((d) => ({ id: d.id, f: compileExpr(d.expr, env) }));
  const raters = scheme.raters.map((r) => ({ id: r.id, weight: r.weight }));
  const raterWeights = raters.map((r) => r.weight);

  const indicators: CompiledIndicator[] = scheme.indicators.map((ind) => ({
    id: ind.id,
    applies: ind.appliesWhen,
    input: ind.input ?? ind.id,
    full: ind.points,
    weight: ind.weight ?? 0,
    rated: ind.rated,
    ruleKind: ind.rule.kind,
    params: ind.rule,
    rule: compileRule(ind.rule, { env, full: ind.points }),
    // the input's column per rater ("follow_up@self"), made once rather than per person
    raterColumns: raters.map((r) => `${ind.input ?? ind.id}@${r.id}`),
  }));
  const weighted = scheme.total.method === "weighted";
  const conditional = scheme.indicators.some((i) => i.appliesWhen !== undefined);
  const fulls = indicators.map((i) => i.full);
  const weights = indicators.map((i) => i.weight);
  const adjustments = scheme.adjustments.map((adj) => ({
    id: adj.id,
    input: adj.input ?? adj.id,
    ruleKind: adj.rule.kind,
    params: adj.rule,
    rule: compileRule(adj.rule, { env, full: 0 }),
  }));
  const totalMin = scheme.total.min;
  const totalMax = scheme.total.max ?? Infinity;
  const passMark = scheme.total.passMark === undefined ? undefined : constValue(scheme.total.passMark, env);
  const grades = sortBandsDesc(
    scheme.grades.map((g) => ({ id: g.id, min: constValue(g.min, env), coefficient: g.coefficient === undefined ? null : constValue(g.coefficient, env) })),
  );
  const personPay: { line: PayLine; f: CompiledPay | null }[] = scheme.pay.map((line) => ({ line, f: isPersonPay(line.rule) ? compilePersonPay(line.rule, { env }) : null }));
  // pay over the roster (ranks, pools); a kind paid across periods (streaks) compiles to null here
  const rosterPay: { line: PayLine; f: CompiledRosterPay }[] = scheme.pay.flatMap((line) => {
    const rule = line.rule;
    if (isPersonPay(rule)) return [];
    const f = rosterPayKindOf(rule).compile(rule, { env, moneyDigits, full });
    return f ? [{ line, f }] : [];
  });

  // what reads a result's inputs after the person's own evaluation: the trace, pay over the roster
  // (pools, their conditions), streak awards' conditions across periods (evaluate-periods.ts)
  const keepsValues = !options.lean || tracing || rosterPay.length > 0 || scheme.pay.some((l) => l.rule.kind === "streak-award");
  const eligibility = scheme.eligibility;
  const defaultPeriod = options.period ?? null;
  // a person's value as a reason shows it: a date as 2026-11-08, not its serial
  const dateInputs = new Set(scheme.inputs.filter((i) => i.type === "date").map((i) => i.id));
  const shown = (input: string, v: RowValues[string] | undefined): string => (v === null || v === undefined ? "" : typeof v === "number" && dateInputs.has(input) ? formatDate(v) : String(v));
  // Rules report their reason through `why` only while tracing; the last one said is kept here.
  const said: { reason: Reason | null } = { reason: null };
  const why: Why = tracing ? (key, vars) => (said.reason = { key, vars }) : null;

  function excludedResult(person: PersonData, values: RowValues, failed: (typeof eligibility)[number]): PersonResult {
    const pay: Record<string, number> = {};
    for (const line of scheme.pay) pay[line.id] = 0;
    return withRoster({
      line: person.line, id: person.id, name: person.name, period: person.period, values: keepsValues ? values : NO_VALUES,
      points: {}, adjustments: {}, total: 0, grade: null, coefficient: null, pay, payTotal: 0, rank: 0,
      flags: ["excluded"], award: null, tier: null, excluded: true,
      trace: [{ target: "excluded", kind: "flag", result: "excluded", reason: { key: "why.flag.excluded", vars: { input: failed.input, value: shown(failed.input, values[failed.input]) } } }],
    }, person);
  }

  /** the input whose rule runs now: named when its blank cannot be scored (set, not caught, per rule: it is cheap) */
  let scoring = "";

  // Each person's points, adjustments and pay start as a copy of one object holding every key: one
  // shape for everyone, made in one allocation (objects grown key by key reallocate their storage,
  // and a roster of 100,000 makes a million of them: the garbage collector's largest cost).
  const pointsShape: Record<string, number> = {};
  for (const ind of indicators) pointsShape[ind.id] = 0;
  const adjustmentsShape: Record<string, number> = {};
  for (const a of adjustments) adjustmentsShape[a.id] = 0;
  const payShape: Record<string, number> = {};
  for (const { line } of personPay) payShape[line.id] = 0;
  // the points of one person as the total adds them up, and the raters' scores of one indicator:
  // scratch space, used up before the next person
  const list = new Float64Array(indicators.length);
  const scores = new Float64Array(raters.length);

  function evaluatePerson(person: PersonData): PersonResult {
    // the person's own values object: derived inputs are added to it (it is ours, parsed from text)
    const values: RowValues = person.values;
    // every key the rules read is there from the start (one shape; total and coefficient are set below)
    const ctx: RowContext = { values, full, period: person.period ?? defaultPeriod, total: undefined, coefficient: undefined };
    for (const c of eligibility) if (!testCondition(c, ctx, env.params)) return excludedResult(person, values, c);
    for (const d of derived) values[d.id] = d.f(ctx);
    const trace: TraceEntry[] = tracing ? [] : NO_TRACE;
    const points: Record<string, number> = { ...pointsShape };
    let k = 0;
    let applicable = 0;
    for (const ind of indicators) {
      let p: number;
      if (ind.applies && !testCondition(ind.applies, ctx, env.params)) {
        p = 0;
        if (tracing) trace.push({ target: ind.id, kind: "indicator", rule: ind.ruleKind, result: 0, reason: { key: "why.not-applicable", vars: { input: ind.applies.input, value: shown(ind.applies.input, values[ind.applies.input]) } } });
        points[ind.id] = 0;
        list[k++] = 0;
        continue;
      }
      applicable += weighted ? ind.weight : ind.full;
      if (ind.rated) {
        const inputs: Record<string, RowValues[string]> | null = tracing ? {} : null;
        for (let r = 0; r < ind.raterColumns.length; r++) {
          const column = ind.raterColumns[r];
          if (inputs) inputs[column] = values[column];
          scoring = column;
          scores[r] = ind.rule(values[column] ?? null, ctx, null);
        }
        p = roundPoints(blend(scores, raterWeights), digits);
        if (inputs) trace.push({ target: ind.id, kind: "indicator", input: inputs, rule: ind.ruleKind, params: ind.params, result: p, reason: { key: "why.rated", vars: { points: p, raters: raters.map((r) => r.id).join("|"), scores: Array.from(scores).join("|"), weights: raterWeights.join("|") } } });
      } else {
        scoring = ind.input;
        p = roundPoints(ind.rule(values[ind.input] ?? null, ctx, why), digits);
        if (tracing) trace.push({ target: ind.id, kind: "indicator", input: values[ind.input], rule: ind.ruleKind, params: ind.params, result: p, reason: said.reason! });
      }
      points[ind.id] = p;
      list[k++] = p;
    }
    let sum = 0;
    if (weighted) sum = weightedTotal(list, fulls, weights);
    else for (let i = 0; i < list.length; i++) sum += list[i];
    // indicators that do not apply to this person: full marks over the ones that do
    if (conditional && applicable > 0 && applicable < full) sum = (sum * full) / applicable;
    const adj: Record<string, number> = { ...adjustmentsShape };
    for (const a of adjustments) {
      scoring = a.input;
      const p = roundPoints(a.rule(values[a.input] ?? null, ctx, why), digits);
      adj[a.id] = p;
      sum += p;
      if (tracing) trace.push({ target: a.id, kind: "adjustment", input: values[a.input], rule: a.ruleKind, params: a.params, result: p, reason: said.reason! });
    }
    const clamped = Math.min(totalMax, Math.max(totalMin, sum));
    const total = roundPoints(clamped, digits);
    if (tracing) trace.push({
      target: "total",
      kind: "total",
      result: total,
      reason: { key: clamped !== sum ? "why.total.clamped" : `why.total.${scheme.total.method}`, vars: { total, min: totalMin, max: totalMax } },
    });
    ctx.total = total;
    let grade: string | null = null;
    let coefficient: number | null = null;
    if (grades.length) {
      const g = findBand(total, grades);
      if (!g) throw new EvaluationError("grade.none", { total });
      grade = g.id;
      coefficient = g.coefficient;
      if (coefficient !== null) ctx.coefficient = coefficient;
      if (tracing) trace.push({ target: "grade", kind: "grade", result: grade, reason: { key: "why.grade", vars: { total, min: g.min } } });
    }
    const flags: string[] = [];
    if (passMark !== undefined && total < passMark) {
      flags.push("below-pass");
      if (tracing) trace.push({ target: "below-pass", kind: "flag", result: "below-pass", reason: { key: "why.flag.below-pass", vars: { total, mark: passMark } } });
    }
    const pay: Record<string, number> = { ...payShape };
    // the pay lines' sum as they are made (the roster pass adds its own): no second walk over them
    let paid = 0;
    for (const { line, f } of personPay) {
      if (!f) {
        pay[line.id] = 0; // filled in by the roster pass
        continue;
      }
      const failed = failedCondition(line.when, ctx, env.params);
      if (failed) {
        pay[line.id] = 0;
        if (tracing) trace.push({ target: line.id, kind: "pay", rule: line.rule.kind, result: 0, reason: { key: "why.pay.condition", vars: { input: failed.input, op: failed.op, value: conditionValueText(failed, ctx, env.params), actual: shown(failed.input, values[failed.input]) } } });
        continue;
      }
      const amount = f(ctx, why);
      if (!Number.isFinite(amount)) throw new EvaluationError("pay.not-finite", { line: line.id });
      const cents = toCents(amount, moneyDigits);
      pay[line.id] = cents;
      paid += cents;
      if (tracing) trace.push({ target: line.id, kind: "pay", rule: line.rule.kind, params: line.rule, result: cents / 100, reason: said.reason! });
    }
    const result: PersonResult = {
      line: person.line,
      id: person.id,
      name: person.name,
      period: person.period,
      values: keepsValues ? values : NO_VALUES,
      points,
      adjustments: adj,
      total,
      grade,
      coefficient,
      pay,
      payTotal: paid,
      rank: 0,
      flags,
      award: null,
      tier: null,
      excluded: false,
      trace,
    };
    return withRoster(result, person);
  }

  function scorePerson(p: PersonData): PersonResult {
    try {
      return evaluatePerson(p);
    } catch (e) {
      // a blank the rule cannot score names the input it came from (the one being scored)
      if (e instanceof EvaluationError && e.key === "rule.blank-input") throw new RowEvaluationError(p.line, p.id, new EvaluationError(e.key, { ...e.vars, input: scoring }));
      if (e instanceof EvaluationError) throw new RowEvaluationError(p.line, p.id, e);
      throw e;
    }
  }

  function evaluateRoster(people: readonly PersonData[]): PersonResult[] {
    return finishRoster(people.map(scorePerson));
  }

  function finishRoster(all: PersonResult[]): PersonResult[] {
    // Roster rules (ranks, awards, pools) see only the people who were evaluated.
    const results = all.filter((r) => !r.excluded);
    const totals = results.map((r) => r.total);
    const ranks = competitionRanks(totals);
    results.forEach((r, i) => (r.rank = ranks[i]));
    for (const { line, f } of rosterPay) {
      const members = results.map((r) => ({ id: r.id, values: r.values, total: r.total, coefficient: r.coefficient, eligible: failedCondition(line.when, { values: r.values }, env.params) === null }));
      f(members).forEach(({ cents, reason }, i) => {
        results[i].pay[line.id] = cents;
        results[i].payTotal += cents;
        if (tracing) results[i].trace.push({ target: line.id, kind: "pay", rule: line.rule.kind, params: line.rule, result: cents / 100, reason });
      });
    }
    const bottom = scheme.ranking ? bottomRanked(totals, scheme.ranking.bottomCount) : new Set<number>();
    // awards given on the roll-up (per quarter or year) are given in evaluatePeriods
    const awards = scheme.awards.length && scheme.awardsOn === "period" ? forcedDistribution(scheme.awards, totals, env) : null;
    results.forEach((r, i) => {
      if (bottom.has(i)) {
        r.flags.push("bottom-rank");
        if (tracing) r.trace.push({ target: "bottom-rank", kind: "flag", result: "bottom-rank", reason: { key: "why.flag.bottom-rank", vars: { rank: r.rank, count: scheme.ranking?.bottomCount ?? 0 } } });
      }
      if (awards) r.award = awards[i];
      r.payTotal = checkedPayTotal(r);
    });
    return all;
  }

  return { scheme, tracing, env, moneyDigits, keepsValues, evaluatePerson, scorePerson, finishRoster, evaluateRoster };
}

/** An evaluation error with the person it happened to. */
/**
 * The roster's own columns of a person, when it has them, set on the result (not spread into
 * its literal: a spread makes two objects per person and a result of a shape of its own).
 */
function withRoster(r: PersonResult, p: PersonData): PersonResult {
  if (p.department !== undefined) r.department = p.department;
  if (p.position !== undefined) r.position = p.position;
  return r;
}

/**
 * A person's pay total, exact to the cent: the running sum `total` when a double holds it
 * exactly, else their lines summed by sumCents, which refuses a sum past 2^53 cents — named with
 * the person's line and id, as any rule of theirs that cannot be paid is.
 */
export function checkedPayTotal(r: PersonResult, total: number = r.payTotal): number {
  if (Number.isSafeInteger(total)) return total;
  try {
    return sumCents(Object.values(r.pay));
  } catch (e) {
    throw personError(r, e);
  }
}

/** An engine error met while paying a person, as one that names the person (anything else as it is). */
export function personError(r: { line: number; id: string }, e: unknown): unknown {
  return e instanceof EvaluationError ? new RowEvaluationError(r.line, r.id, e) : e;
}

export class RowEvaluationError extends Error {
  constructor(
    readonly line: number,
    readonly personId: string,
    readonly error: EvaluationError,
  ) {
    super(`line ${line} (${personId}): ${error.message}`);
    this.name = "RowEvaluationError";
  }
}
