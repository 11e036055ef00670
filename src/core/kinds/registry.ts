/**
 * The rule kinds and the per-person pay kinds, listed once (list.ts). The zod unions, the types and every
 * dispatch (engine, formula, add-in form, words, tunable numbers) come from these lists: adding a
 * kind is its module, its line here, its property test and its catalog entries.
 */
import { z } from "zod";
import type { Formula } from "../formula.js";
import type { CheckContext, CompiledPay, CompiledRule, DescribeContext, FormulaContext, PayCompileContext, PayKind, RosterPayKind, RuleCompileContext, RuleKind, Words } from "./kind.js";
import { PAY_KINDS, ROSTER_PAY_KINDS, RULE_KINDS } from "./list.js";

export { PAY_KINDS, ROSTER_PAY_KINDS, RULE_KINDS };

type Schemas<K extends readonly { schema: z.ZodObject }[]> = { [I in keyof K]: K[I]["schema"] };
const schemas = <K extends readonly { schema: z.ZodObject }[]>(kinds: K) => kinds.map((k) => k.schema) as unknown as Schemas<K>;

export const RuleSchema = z.discriminatedUnion("kind", schemas(RULE_KINDS));
export type Rule = z.infer<typeof RuleSchema>;

export const PersonPaySchema = z.discriminatedUnion("kind", schemas(PAY_KINDS));
export type PersonPay = z.infer<typeof PersonPaySchema>;

/** Every pay kind: per person and over the roster. */
export const PayRuleSchema = z.discriminatedUnion("kind", schemas([...PAY_KINDS, ...ROSTER_PAY_KINDS] as const));
export type PayRule = z.infer<typeof PayRuleSchema>;

const byKind = <K extends { kind: string }>(kinds: readonly K[]): Map<string, K> => new Map(kinds.map((k) => [k.kind, k]));
const rules = byKind<RuleKind>(RULE_KINDS as readonly RuleKind[]);
const pays = byKind<PayKind>(PAY_KINDS as readonly PayKind[]);
const rosterPays = byKind<RosterPayKind>(ROSTER_PAY_KINDS as readonly RosterPayKind[]);

/** The module of a rule's kind (the schema has made sure there is one). */
export function ruleKindOf(rule: Rule): RuleKind {
  const k = rules.get(rule.kind);
  if (!k) throw new Error(`no rule kind "${rule.kind}"`);
  return k;
}

export function payKindOf(rule: PersonPay): PayKind {
  const k = pays.get(rule.kind);
  if (!k) throw new Error(`no pay kind "${rule.kind}"`);
  return k;
}

export const isPersonPay = (rule: { kind: string }): rule is PersonPay => pays.has(rule.kind);

/** The module of a roster-wide pay line's kind. */
export function rosterPayKindOf(rule: Exclude<PayRule, PersonPay>): RosterPayKind {
  const k = rosterPays.get(rule.kind);
  if (!k) throw new Error(`no roster pay kind "${rule.kind}"`);
  return k;
}

/** The kind's own checks of a rule or pay line's numbers. */
export function checkKind(rule: Rule | PayRule, c: CheckContext): void {
  const k = (rules.get(rule.kind) ?? pays.get(rule.kind) ?? rosterPays.get(rule.kind)) as { check?(r: unknown, c: CheckContext): void } | undefined;
  k?.check?.(rule, c);
}

export const compileRule = (rule: Rule, c: RuleCompileContext): CompiledRule => ruleKindOf(rule).compile(rule, c);
export const ruleFormula = (rule: Rule, value: Formula, input: string, full: number, f: FormulaContext): Formula =>
  ruleKindOf(rule).formula(rule, value, input, full, f);
/** The KPI.* form of a rule, or null where the native formula is what the sheet uses. */
export const ruleAddinFormula = (rule: Rule, value: Formula, input: string, full: number, f: FormulaContext): Formula | null =>
  ruleKindOf(rule).addin?.(rule, value, input, full, f) ?? null;
export const describeRuleKind = (rule: Rule, d: DescribeContext): Words => ruleKindOf(rule).describe(rule, d);
export const ruleReadsOwnInput = (rule: Rule): boolean => ruleKindOf(rule).readsOwnInput;

export const compilePersonPay = (rule: PersonPay, c: PayCompileContext): CompiledPay => payKindOf(rule).compile(rule, c);
export const payFormula = (rule: PersonPay, f: FormulaContext): Formula => payKindOf(rule).formula(rule, f);

/** Field names whose numbers are settings, for a rule or pay line of this kind (undefined: not a kind here). */
export function tunableFields(kind: string): readonly string[] | undefined {
  return (rules.get(kind) ?? pays.get(kind) ?? rosterPays.get(kind))?.tunable;
}

export type { CompiledPay, CompiledRule, PayCompileContext, Reason, RuleCompileContext, Why, FormulaContext } from "./kind.js";
