/**
 * What a rule kind or a pay kind is made of. Each kind lives in one module of this folder with
 * both of its meanings side by side — the engine (`compile`) and the Excel formula (`formula`) —
 * and its words (`describe`) and the numbers a person may tune (`tunable`). The registry
 * (registry.ts) lists the kinds and derives every union and dispatch from the list; a property
 * test (test/core/kinds-oracle.test.ts) holds `formula` equal to `compile` in a spreadsheet engine.
 */
import type { z } from "zod";
import type { ComputedValue, Const, Expr, ExprEnv, RowContext } from "../expr.js";
import { EvaluationError, type MessageVars } from "../errors.js";
import { IF, MAX, MIN, NA, op, str, sum, type Formula } from "../formula.js";

/** Why a rule gave the points it gave: a catalog key and the numbers to fill in. */
export interface Reason {
  key: string;
  vars: MessageVars;
}

/**
 * Where a rule says why, when anyone is listening: null in a batch run, so that a roster of
 * 100,000 does not allocate a reason per person per indicator.
 */
export type Why = ((key: string, vars: MessageVars) => void) | null;

export type RuleInput = number | string | boolean | null;

export interface RuleCompileContext {
  env: ExprEnv;
  /** The indicator's full marks (0 for an adjustment, which has none). */
  full: number;
}

/** Points for one input value (and the person's other values, for targets and picks). */
export type CompiledRule = (value: RuleInput, ctx: RowContext, why: Why) => number;

export interface PayCompileContext {
  env: ExprEnv;
}

/** An amount in yuan before rounding; the evaluator rounds every pay line to the money unit. */
export type CompiledPay = (ctx: RowContext, why: Why) => number;

/**
 * Numbers a rule works on. Text is a data error raised before rules run; a blank reaches here
 * only from an optional input without a default, and is the person's problem ("rule.blank-input",
 * re-raised by the engine with the input's id), never a crash.
 */
export function numeric(value: RuleInput, kind: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new EvaluationError("rule.blank-input", { kind, input: "" });
}

/** How a formula names what a rule refers to, in the row of the person it computes for. */
export interface FormulaContext {
  /** An input, derived value or computed column of this row. */
  cell(column: string): Formula;
  /** A scheme parameter (its defined name). */
  param(id: string): Formula;
  /** The total, the grade coefficient, or full marks. */
  value(name: ComputedValue): Formula;
  /** How an option of an option input is written in the sheet (its label). */
  option(input: string, optionId: string): string;
  /** How a yes/no input's "yes" is written in the sheet. */
  yes(): string;
  /** A parameter's value now: band thresholds are ordered by it when the formula is written. */
  paramValue(id: string): number;
  /** The date of a day of the sheet's period (the 10th of the evaluated month), for a date input's condition. */
  periodDay(day: number, input: string): Formula;
}

export function constFormula(c: Const, f: Pick<FormulaContext, "param">): Formula {
  return typeof c === "number" ? c : f.param(c.param);
}

export function constNow(c: Const, f: FormulaContext): number {
  return typeof c === "number" ? c : f.paramValue(c.param);
}

/** An expression as a formula, in the order compileExpr evaluates it. */
export function exprFormula(e: Expr, f: FormulaContext): Formula {
  if (typeof e === "number") return e;
  if ("param" in e) return f.param(e.param);
  if ("input" in e) return f.cell(e.input);
  if ("value" in e) return f.value(e.value);
  if ("op" in e) {
    const args = e.args.map((a) => exprFormula(a, f));
    if (e.op === "min") return MIN(...args);
    if (e.op === "max") return MAX(...args);
    if (e.op === "+") return sum(args);
    return args.slice(1).reduce((a, x) => op(e.op as "-" | "*" | "/", a, x), args[0]);
  }
  // pick: the option cell chooses the expression
  const cell = f.cell(e.pick);
  return Object.entries(e.from).reduceRight<Formula>((rest, [option, x]) => IF(op("=", cell, str(f.option(e.pick, option))), exprFormula(x, f), rest), NA());
}

/** Words for a rule, as a catalog key and variables; parameters shown at their current values. */
export interface DescribeContext {
  full: number;
  param(id: string): number | undefined;
}

export function constWords(c: Const | undefined, d: DescribeContext): number | undefined {
  return c === undefined ? undefined : typeof c === "number" ? c : d.param(c.param);
}

export function exprWords(e: Expr, d: DescribeContext): number | string | undefined {
  return typeof e === "number" ? e : "param" in e ? d.param(e.param) : "input" in e ? `[${e.input}]` : "…";
}

export interface Words {
  key: string;
  vars: MessageVars;
}

/** What a kind's own checks of its numbers see: numbers as they are now, and where to report. */
export interface CheckContext {
  /** A constant's value (a parameter's current value); undefined when it names none. */
  resolve(c: Const | undefined): number | undefined;
  /** A problem at a path inside the rule, as a catalog key and its variables. */
  issue(path: readonly (string | number)[], key: string, vars?: MessageVars): void;
}

/** A kind of indicator rule: value → points. */
export interface RuleKind<S extends z.ZodObject = z.ZodObject> {
  kind: string;
  schema: S;
  /** Checks of the rule's numbers beyond its schema (a step of 0, a threshold twice). */
  check?(rule: z.infer<S>, c: CheckContext): void;
  /** Field names (at any depth of the rule) whose numbers are settings a person may tune. */
  tunable: readonly string[];
  /** Whether the rule reads the indicator's own input cell (deductions read their items'). */
  readsOwnInput: boolean;
  compile(rule: z.infer<S>, c: RuleCompileContext): CompiledRule;
  /** The points before rounding, for the value in `value`; `input` is the input that cell holds. */
  formula(rule: z.infer<S>, value: Formula, input: string, full: number, f: FormulaContext): Formula;
  /** The KPI.* call that says the same, where one fits (add-in mode). */
  addin?(rule: z.infer<S>, value: Formula, input: string, full: number, f: FormulaContext): Formula | null;
  describe(rule: z.infer<S>, d: DescribeContext): Words;
}

/** A kind of pay line computed for one person from their row (roster-wide ones: ../roster). */
export interface PayKind<S extends z.ZodObject = z.ZodObject> {
  kind: string;
  schema: S;
  /** Checks of the rule's numbers beyond its schema (a step of 0, a threshold twice). */
  check?(rule: z.infer<S>, c: CheckContext): void;
  tunable: readonly string[];
  compile(rule: z.infer<S>, c: PayCompileContext): CompiledPay;
  /** The amount in yuan before rounding. */
  formula(rule: z.infer<S>, f: FormulaContext): Formula;
}

/** Identity functions that check a kind's parts against its schema's type. */
export const ruleKind = <S extends z.ZodObject>(k: RuleKind<S>): RuleKind<S> => k;
export const payKind = <S extends z.ZodObject>(k: PayKind<S>): PayKind<S> => k;

/** A person as the roster-wide pay kinds see them: evaluated, in row order. */
export interface RosterMember {
  id: string;
  values: RowContext["values"];
  total: number;
  coefficient: number | null;
  /** Whether the pay line's condition holds for them. */
  eligible: boolean;
}

export interface RosterPayContext {
  env: ExprEnv;
  moneyDigits: 0 | 1 | 2;
  full: number;
}

/** Cents for every member, in order, with the reason for each. */
export type CompiledRosterPay = (members: readonly RosterMember[]) => { cents: number; reason: Reason }[];

/** What a roster-wide pay line's formulas see in the payout sheet, in a person's row. */
export interface RosterFormulaContext extends FormulaContext {
  /** A helper column of this line, in this row, and over every person. */
  helper(key: string): Formula;
  helperColumn(key: string): Formula;
  /** A helper column from the first person down to this row (a running sum). */
  helperSoFar(key: string): Formula;
  /** An evaluation-sheet column over every person (total, rank). */
  whole(key: string): Formula;
  /** The usual pay cell: the amount rounded when the row is evaluated and the condition holds, 0 otherwise, blank while not filled in. */
  paid(amount: Formula): Formula;
  evaluated: Formula;
  ready: Formula;
  /** The line's condition for this row, or null when it has none. */
  eligible: Formula | null;
  moneyDigits: number;
  /** How many earlier periods run straight up to this one. */
  periodsBack: number;
  /** This person's rank `k` periods back (0 = the one before; "" when they were not there). */
  earlierRank(k: number): Formula;
  /**
   * A roster-wide figure (the lowest total, a pool's total weight) computed once in a named
   * cell, so that no row scans the roster for it; `label` is a catalog key (wb.agg.*).
   */
  once(key: string, label: string, vars: Record<string, string | number>, formula: Formula): Formula;
}

/** A pay kind computed over the whole roster: rank awards, pools, streaks of first places. */
export interface RosterPayKind<S extends z.ZodObject = z.ZodObject> {
  kind: string;
  schema: S;
  /** Checks of the rule's numbers beyond its schema (a step of 0, a threshold twice). */
  check?(rule: z.infer<S>, c: CheckContext): void;
  tunable: readonly string[];
  /** Helper columns the payout sheet shows beside the line (headers: wb.col.<kind>.<key>). */
  helpers: readonly string[];
  /** The engine over one period's roster, or null for a kind paid across periods (src/core/periods). */
  compile(rule: z.infer<S>, c: RosterPayContext): CompiledRosterPay | null;
  formula(rule: z.infer<S>, f: RosterFormulaContext): { pay: Formula; helpers?: Record<string, Formula> };
  /** What the line must add up to, for the payout sheet's reconciliation (pools: the budget). */
  budget?(rule: z.infer<S>, f: FormulaContext, digits: number): Formula;
}

export const rosterPayKind = <S extends z.ZodObject>(k: RosterPayKind<S>): RosterPayKind<S> => k;
