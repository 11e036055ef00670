/**
 * The scheme format. This zod schema is the single source of the Scheme type and of its
 * validation; cross-field rules (points that add up, weights that add up, grade bands that
 * cover every score, every name that is referred to is declared) are in `checkScheme`, each
 * with the path of the offending field. All problems are collected, not just the first.
 */
import { z } from "zod";
import { IdSchema, LocalizedSchema } from "../text.js";
import {
  AdjustmentSchema,
  DerivedSchema,
  GradeSchema,
  IndicatorSchema,
  InputSchema,
  ParameterSchema,
  PayLineSchema,
  PERIOD_KIND_SCHEMA,
  PeriodsSchema,
  RankingSchema,
  RaterSchema,
  TotalSchema,
} from "./parts.js";
import { ForcedAwardSchema } from "../roster/forced-distribution.js";
import { checkScheme } from "./checks.js";
import { ConditionSchema } from "../pay/condition.js";

export const SchemeObjectSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema,
    version: z.literal(1).default(1),
    name: LocalizedSchema,
    description: LocalizedSchema,
    /** Where the rules come from, e.g. "seed 004 篇十二". */
    source: z.string().optional(),
    period: PERIOD_KIND_SCHEMA,
    /** Money unit: 2 → 0.01 yuan (分), 1 → 0.1 yuan (角), 0 → whole yuan. */
    money: z.object({ digits: z.union([z.literal(0), z.literal(1), z.literal(2)]) }).strict().default({ digits: 2 }),
    /** Decimals kept in points and totals (Excel ROUND). */
    scoreDigits: z.number().int().min(0).max(6).default(2),
    parameters: z.array(ParameterSchema).default([]),
    inputs: z.array(InputSchema).default([]),
    derived: z.array(DerivedSchema).default([]),
    raters: z.array(RaterSchema).default([]),
    indicators: z.array(IndicatorSchema).default([]),
    adjustments: z.array(AdjustmentSchema).default([]),
    total: TotalSchema.default({ method: "sum", full: 100, min: 0 }),
    grades: z.array(GradeSchema).default([]),
    pay: z.array(PayLineSchema).default([]),
    /** Who is evaluated at all: every condition must hold (probation staff are not, say). */
    eligibility: z.array(ConditionSchema).default([]),
    ranking: RankingSchema.optional(),
    awards: z.array(ForcedAwardSchema).default([]),
    periods: PeriodsSchema.default({ streaks: [] }),
  })
  .strict();

export const SchemeSchema = SchemeObjectSchema.superRefine(checkScheme);

export type Scheme = z.infer<typeof SchemeSchema>;
/** A scheme as written by hand: defaults may be left out. */
export type SchemeInput = z.input<typeof SchemeSchema>;
export type Indicator = Scheme["indicators"][number];
export type InputDecl = Scheme["inputs"][number];
export type PayLine = Scheme["pay"][number];
export type Grade = Scheme["grades"][number];
export type Parameter = Scheme["parameters"][number];
export { RESERVED_COLUMNS } from "./parts.js";
