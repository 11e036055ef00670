/**
 * The scheme format. This zod schema is the single source of the Scheme type and of its
 * validation; cross-field rules (points that add up, weights that add up, grade bands that
 * cover every score, every name that is referred to is declared) are in `checkScheme`, each
 * with the path of the offending field. All problems are collected, not just the first.
 */
import type { z } from "zod";
import { SchemeObjectSchema } from "./object.js";
import { checkScheme } from "./checks.js";

export { SchemeObjectSchema };

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
