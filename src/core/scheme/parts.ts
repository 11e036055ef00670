/** The parts of a scheme other than rules and pay: parameters, inputs, raters, grades, totals. */
import { z } from "zod";
import { ExprSchema, ConstSchema } from "../expr.js";
import { IdSchema, LabelSchema, LocalizedSchema } from "../text.js";
import { PayRuleSchema, RuleSchema } from "../kinds/registry.js";
import { ConditionSchema, WhenSchema } from "../condition.js";
import { PERIOD_KINDS } from "../periods/period.js";
import { StreakRuleSchema, TierRuleSchema } from "../periods/streaks.js";

/** A number the seed leaves open (`[X]`) or that a user may want to tune. */
export const ParameterSchema = z
  .object({
    id: IdSchema,
    name: LocalizedSchema,
    value: z.number().finite(),
    /** true for a seed's `[X]`: the default is ours, and the user is asked to confirm it. */
    review: z.boolean().default(false),
    /** a default the seed left open that the manager confirmed: not asked again, and said so on the scheme sheet */
    confirmed: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
    note: LocalizedSchema.optional(),
  })
  .strict();

export const OptionSchema = z
  .object({
    id: z.string().min(1).max(64),
    label: LabelSchema,
    /** Other words a roster may use for it: the seed's traditional characters (較差), a short form (差). */
    aliases: z.array(z.string().min(1).max(100)).max(20).optional(),
  })
  .strict();

export const InputSchema = z
  .object({
    id: IdSchema,
    name: LocalizedSchema,
    type: z.enum(["number", "integer", "option", "boolean", "text", "date"]),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(OptionSchema).optional(),
    /** A blank cell is an error unless the input is optional; optional blanks take `default`. */
    required: z.boolean().default(true),
    default: z.union([z.number(), z.string(), z.boolean()]).optional(),
    unit: z.string().optional(),
    /**
     * A rate that may be typed, or computed from two counts the roster has instead (HR exports
     * raw counts: inquiries and buyers, complaints and customers served): numerator ÷ denominator.
     */
    ratioOf: z.object({ numerator: IdSchema, denominator: IdSchema }).strict().optional(),
    /** What the number is, as the seed defines it ("net of the order's commissions"): shown with the cell's input message. */
    help: LocalizedSchema.optional(),
    /** Range that `kpi-scorecard sample` draws plausible values from. */
    sample: z
      .object({ min: z.number(), max: z.number(), decimals: z.number().int().min(0).max(6).default(0) })
      .strict()
      .optional(),
  })
  .strict();

export const DerivedSchema = z.object({ id: IdSchema, name: LocalizedSchema, expr: ExprSchema }).strict();

export const RaterSchema = z.object({ id: IdSchema, name: LocalizedSchema, weight: z.number().gt(0) }).strict();

export const IndicatorSchema = z
  .object({
    id: IdSchema,
    name: LocalizedSchema,
    description: LocalizedSchema.optional(),
    /** Full marks. */
    points: z.number().min(0),
    /** Weight in a weighted total. */
    weight: z.number().min(0).optional(),
    /** Data column the rule reads; the indicator's id by default. */
    input: IdSchema.optional(),
    /** Scored by each rater (columns `input@rater`) and blended by rater weight. */
    rated: z.boolean().default(false),
    /**
     * Only for some people (probation staff are scored on behaviour only): for the others the
     * indicator gives 0 and the total is rescaled to full marks over the indicators that apply.
     */
    appliesWhen: ConditionSchema.optional(),
    rule: RuleSchema,
  })
  .strict();

export const AdjustmentSchema = z
  .object({
    id: IdSchema,
    name: LocalizedSchema,
    input: IdSchema.optional(),
    rule: RuleSchema,
  })
  .strict();

export const TotalSchema = z
  .object({
    method: z.enum(["sum", "weighted"]).default("sum"),
    full: z.number().gt(0).default(100),
    min: z.number().default(0),
    max: z.number().optional(),
    passMark: ConstSchema.optional(),
  })
  .strict();

export const GradeSchema = z
  .object({
    id: IdSchema,
    label: LabelSchema,
    /** Inclusive lower bound of the band. */
    min: ConstSchema,
    coefficient: ConstSchema.optional(),
  })
  .strict();

export { PayRuleSchema };
export type { PayRule } from "../kinds/registry.js";

export const PayLineSchema = z
  .object({
    id: IdSchema,
    name: LocalizedSchema,
    when: WhenSchema.optional(),
    rule: PayRuleSchema,
  })
  .strict();

export const RankingSchema = z
  .object({
    /** The bottom N ranks are flagged (improvement plan within a week). */
    bottomCount: z.number().int().min(0).default(0),
  })
  .strict();

export const PeriodsSchema = z
  .object({
    rollup: z.object({ to: z.enum(PERIOD_KINDS), method: z.enum(["mean", "sum"]) }).strict().optional(),
    streaks: z.array(StreakRuleSchema).default([]),
    tiers: TierRuleSchema.optional(),
  })
  .strict();

export const PERIOD_KIND_SCHEMA = z.enum(PERIOD_KINDS);

/** Column names the results use; no input, indicator or pay line may take them. */
/** Columns of the roster or the results, and "constructor" (an Object property: never a key of people's values). */
export const RESERVED_COLUMNS = ["id", "name", "period", "department", "position", "total", "grade", "coefficient", "pay", "flags", "award", "tier", "rank", "constructor"];
