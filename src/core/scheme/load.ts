/**
 * Turning untrusted JSON into a valid Scheme: every problem with its path and a catalog key with
 * its variables — the front doors put them in words (src/i18n: problemText). Zod's own messages
 * come from zod's locale for the language, given to this one parse (never set globally).
 */
import { z } from "zod";
import zodEnglish from "zod/v4/locales/en.js";
import zodChinese from "zod/v4/locales/zh-CN.js";
import { SchemeSchema, type Scheme } from "./schema.js";
import type { Lang } from "../text.js";
import type { MessageVars } from "../errors.js";
import { unwritableTexts } from "./text-check.js";

export interface SchemeProblem {
  /** `indicators[2].rule.step` */
  path: string;
  key: string;
  vars: MessageVars;
}

export type SchemeResult = { ok: true; scheme: Scheme } | { ok: false; problems: SchemeProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out || "(scheme)";
}

// the two locales by their own modules, not through z.locales: a bundle then carries two, not fifty
const ZOD_LOCALES: Record<Lang, () => { localeError: z.core.$ZodErrorMap }> = {
  "en-US": zodEnglish,
  "zh-CN": zodChinese,
};

/** Deeper than any scheme is written (an expression of expressions of …): refused before zod recurses into it. */
export const MAX_SCHEME_DEPTH = 64;
/** More values (numbers, texts, entries) than any scheme has: refused before it is validated. */
export const MAX_SCHEME_NODES = 200_000;

/**
 * A first look at untrusted JSON, without recursion: the path of the first place nested deeper
 * than MAX_SCHEME_DEPTH, or a count over MAX_SCHEME_NODES — which would otherwise overflow the
 * stack of the validator or run it for minutes.
 */
export function shapeProblem(raw: unknown): SchemeProblem | null {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: raw, path: [] }];
  let count = 0;
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (++count > MAX_SCHEME_NODES) return { path: "(scheme)", key: "scheme.too-large", vars: { max: MAX_SCHEME_NODES } };
    if (typeof node !== "object" || node === null) continue;
    if (path.length >= MAX_SCHEME_DEPTH) return { path: formatPath(path), key: "scheme.too-deep", vars: { max: MAX_SCHEME_DEPTH } };
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [k, v] of entries) stack.push({ node: v, path: [...path, k] });
  }
  return null;
}

const TYPES = new Set(["number", "string", "object", "array", "boolean"]);

/**
 * zod's common issues as our own keys, said in one language by the front doors (zod's locale mixes
 * in its type names: "期望 object,实际接收 undefined"); the rarer ones keep the locale's message.
 * What was found is shown as written (a text, a number) or by its shape ([…], {…}).
 */
function zodProblem(i: z.core.$ZodIssue): { key: string; vars: MessageVars } {
  const x = i as z.core.$ZodIssue & { expected?: string; input?: unknown; values?: unknown[]; minimum?: unknown; maximum?: unknown; keys?: string[] };
  if (i.code === "invalid_type" && typeof x.expected === "string" && TYPES.has(x.expected)) {
    if (x.input === undefined) return { key: `scheme.missing.${x.expected}`, vars: {} };
    const v = x.input;
    const found = typeof v === "string" ? `“${v.slice(0, 40)}”` : typeof v === "number" || typeof v === "boolean" ? String(v) : v === null ? "null" : Array.isArray(v) ? "[…]" : "{…}";
    return { key: `scheme.wrong-type.${x.expected}`, vars: { found } };
  }
  if (i.code === "invalid_value" && Array.isArray(x.values)) return { key: "scheme.one-of", vars: { options: x.values.map((v) => JSON.stringify(v)).join(" | ") } };
  if (i.code === "too_small" && typeof x.minimum === "number") return { key: "scheme.too-small", vars: { min: x.minimum } };
  if (i.code === "too_big" && typeof x.maximum === "number") return { key: "scheme.too-big", vars: { max: x.maximum } };
  // an id's pattern (core/text.ts) names its key as its message; any other pattern keeps zod's words
  if (i.code === "invalid_format" && i.message === "scheme.not-id") return { key: "scheme.not-id", vars: { found: typeof x.input === "string" ? `“${x.input.slice(0, 40)}”` : "" } };
  if (i.code === "unrecognized_keys" && Array.isArray(x.keys)) return { key: "scheme.unknown-keys", vars: { keys: x.keys.join(", ") } };
  return { key: "scheme.zod", vars: { detail: i.message } };
}

export function parseScheme(raw: unknown, lang: Lang = "en-US"): SchemeResult {
  const shape = shapeProblem(raw);
  if (shape) return { ok: false, problems: [shape] };
  // the input beside each issue: "a text where a number belongs" says what it found
  const unwritable = unwritableTexts(raw).map((u) => ({ path: formatPath(u.path), key: "scheme.unwritable-char", vars: { char: u.char, at: u.at } }));
  const r = SchemeSchema.safeParse(raw, { error: ZOD_LOCALES[lang]().localeError, reportInput: true });
  if (r.success && unwritable.length === 0) return { ok: true, scheme: r.data };
  return {
    ok: false,
    problems: [
      ...unwritable,
      ...(r.error?.issues ?? []).map((i) => {
        const params = (i as { params?: { key?: string; vars?: MessageVars } }).params;
        // our own checks carry a key; zod's come in words from its locale
        return params?.key ? { path: formatPath(i.path), key: params.key, vars: params.vars ?? {} } : { path: formatPath(i.path), ...zodProblem(i) };
      }),
    ],
  };
}

/**
 * A copy of the scheme with some parameters set (`--param name=value`), validated again so that
 * a value that breaks a cross-field rule (a step of 0) is reported like any scheme problem.
 */
export function withParams(scheme: Scheme, given: ReadonlyMap<string, number> | Readonly<Record<string, number>>, lang: Lang = "en-US"): SchemeResult {
  // a Map, so that a parameter named "constructor" is never found on Object.prototype
  const values = given instanceof Map ? given : new Map(Object.entries(given));
  const problems: SchemeProblem[] = [];
  const known = scheme.parameters.map((p) => p.id);
  for (const [k, v] of values) {
    if (!known.includes(k))
      problems.push({ path: `parameters.${k}`, key: "scheme.unknown-param-override", vars: { id: k, known: known.join(", ") || "—" } });
    else if (!Number.isFinite(v)) problems.push({ path: `parameters.${k}`, key: "scheme.param-not-number", vars: {} });
  }
  if (problems.length) return { ok: false, problems };
  const next = { ...scheme, parameters: scheme.parameters.map((p) => (values.has(p.id) ? { ...p, value: values.get(p.id)! } : p)) };
  return parseScheme(next, lang);
}
