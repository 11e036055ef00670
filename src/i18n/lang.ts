/**
 * The two languages and the shape of a message's values: a leaf that the catalogs (src/i18n) and
 * the engine (src/core, which returns keys with values) both use, so neither imports the other's
 * types in a loop.
 */
export const LANGS = ["zh-CN", "en-US"] as const;
export type Lang = (typeof LANGS)[number];

export type MessageVars = Record<string, string | number | undefined>;
