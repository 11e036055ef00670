/**
 * Ids and labels made of the characters Excel reads specially (wildcards, operators, quotes,
 * commas) and the words Object.prototype knows, for the hostile-input tests.
 */
import fc from "fast-check";
import { parseScheme } from "../../src/core/scheme/load.js";
import type { Scheme } from "../../src/core/scheme/schema.js";

/** Ids that broke the formulas or the maps before, always in the roster. */
export const HOSTILE_IDS = ["H*", "H?", "~H", "<70", ">=1", "=1+1", "__proto__", "constructor", "toString", 'A"B', "*", "?", "~", "a,b", "[1]", "汉*字", "'x"];
const ALPHABET = ["*", "?", "~", "<", ">", "=", '"', "'", ",", "[", "]", "(", ")", ".", "^", "$", "\\", "+", "-", "@", "#", "%", "&", "汉", "字", "a", "B", "1", " "];
export const hostileId = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(""))
  .filter((s) => s.trim() === s);

/** `n` ids, distinct even ignoring case: the fixed ones first, then drawn ones. */
export function hostileIds(n: number, seed: number): string[] {
  const drawn = fc.sample(fc.uniqueArray(hostileId, { minLength: n, maxLength: n, selector: (s) => s.toLowerCase() }), { seed, numRuns: 1 })[0];
  const taken = new Set(HOSTILE_IDS.map((s) => s.toLowerCase()));
  return [...HOSTILE_IDS, ...drawn.filter((s) => !taken.has(s.toLowerCase()))].slice(0, n);
}

const LABELS = ["A*", "<70", "B?", "~C", '"D"', "E,F", "=G", ">=H", "I~*", "J?*"];

/** The template with its zh-CN labels made hostile: grades, awards, streaks, tiers, options (with a list over 255 characters). */
export function hostileLabels(scheme: Scheme): Scheme {
  const s = structuredClone(scheme) as Scheme;
  const zh = (i: number, x: { label: { "zh-CN": string } }) => (x.label["zh-CN"] = `${LABELS[i % LABELS.length]}${i >= LABELS.length ? i : ""}`);
  s.grades.forEach((g, i) => zh(i, g));
  s.awards.forEach((a, i) => zh(i + 3, a));
  s.periods.streaks.forEach((x, i) => zh(i + 5, x));
  s.periods.tiers?.tiers.forEach((x, i) => zh(i + 7, x));
  for (const input of s.inputs)
    input.options?.forEach((o, i) => (o.label["zh-CN"] = `${o.label["zh-CN"]},"${"*?~<=".repeat(12)}${i}"`));
  const r = parseScheme(s);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scheme;
}

