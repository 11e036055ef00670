import { z } from "zod";

/** The two languages every user-visible text comes in (defined in the i18n leaf both sides use). */
export { LANGS, type Lang } from "../i18n/lang.js";

export const LocalizedSchema = z.object({
  "zh-CN": z.string().min(1),
  "en-US": z.string().min(1),
});
export type Localized = z.infer<typeof LocalizedSchema>;

/**
 * A label that lands in formulas as text (grades, options, awards, streaks, tiers): at most 100
 * characters, well inside Excel's 255 for a text in a formula.
 */
export const LabelSchema = z.object({
  "zh-CN": z.string().min(1).max(100),
  "en-US": z.string().min(1).max(100),
});

/** What an id is made of (IdSchema); a regex no other text of a scheme is checked by. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** An id as used for columns, names and JSON keys: lower case, digits, `_` and `-`. */
export const IdSchema = z
  .string()
  // the message is a catalog key (scheme.not-id), said in the reader's language by parseScheme
  .regex(ID_PATTERN, { message: "scheme.not-id" })
  // at most 64 characters: the defined names and columns made from an id stay within Excel's limits
  .max(64);
