/**
 * Turning untrusted JSON into a valid Scheme: every problem with its path, in the user's
 * language. Our cross-field checks carry a catalog key; zod's own messages come from zod's
 * locale for the language.
 */
import { z } from "zod";
import { SchemeSchema, type Scheme } from "./schema.js";
import type { Lang } from "../text.js";
import { t } from "../../i18n/index.js";

export interface SchemeProblem {
  /** `indicators[2].rule.step` */
  path: string;
  message: string;
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

const ZOD_LOCALES: Record<Lang, () => Parameters<typeof z.config>[0]> = {
  "en-US": () => z.locales.en(),
  "zh-CN": () => z.locales.zhCN(),
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
export function shapeProblem(raw: unknown, lang: Lang): SchemeProblem | null {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: raw, path: [] }];
  let count = 0;
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (++count > MAX_SCHEME_NODES) return { path: "(scheme)", message: t(lang, "scheme.too-large", { max: MAX_SCHEME_NODES }) };
    if (typeof node !== "object" || node === null) continue;
    if (path.length >= MAX_SCHEME_DEPTH) return { path: formatPath(path), message: t(lang, "scheme.too-deep", { max: MAX_SCHEME_DEPTH }) };
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [k, v] of entries) stack.push({ node: v, path: [...path, k] });
  }
  return null;
}

export function parseScheme(raw: unknown, lang: Lang = "en-US"): SchemeResult {
  const shape = shapeProblem(raw, lang);
  if (shape) return { ok: false, problems: [shape] };
  z.config(ZOD_LOCALES[lang]());
  try {
    const r = SchemeSchema.safeParse(raw);
    if (r.success) return { ok: true, scheme: r.data };
    return {
      ok: false,
      problems: r.error.issues.map((i) => {
        const params = (i as { params?: { key?: string; vars?: Record<string, string | number> } }).params;
        return { path: formatPath(i.path), message: params?.key ? t(lang, params.key, params.vars) : i.message };
      }),
    };
  } finally {
    if (lang !== "en-US") z.config(z.locales.en());
  }
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
      problems.push({ path: `parameters.${k}`, message: t(lang, "scheme.unknown-param-override", { id: k, known: known.join(", ") || "—" }) });
    else if (!Number.isFinite(v)) problems.push({ path: `parameters.${k}`, message: t(lang, "scheme.param-not-number") });
  }
  if (problems.length) return { ok: false, problems };
  const next = { ...scheme, parameters: scheme.parameters.map((p) => (values.has(p.id) ? { ...p, value: values.get(p.id)! } : p)) };
  return parseScheme(next, lang);
}
