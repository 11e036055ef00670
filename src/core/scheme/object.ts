/**
 * The scheme's fields, before the cross-field checks: a module of its own so that the checks
 * (checks.ts) can take its type and the schema (schema.ts) can add them, without an import loop.
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
import { ConditionSchema } from "../condition.js";

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
    /** When the capped awards are given: every evaluation, or on the roll-up (per quarter or year, as seed 004 篇十二 says). */
    awardsOn: z.enum(["period", "rollup"]).default("period"),
    periods: PeriodsSchema.default({ streaks: [] }),
  })
  .strict();
