/**
 * Turning untrusted JSON into a valid Scheme: every problem with its path, in the user's
 * language (zod's own messages are localized by its locale, ours are English-only paths plus
 * catalog text at the front doors).
 */
import { z } from "zod";
import { SchemeSchema, type Scheme } from "./schema.js";

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

export function parseScheme(raw: unknown): SchemeResult {
  const r = SchemeSchema.safeParse(raw);
  if (r.success) return { ok: true, scheme: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

/**
 * A copy of the scheme with some parameters set (`--param name=value`), validated again so that
 * a value that breaks a cross-field rule (a step of 0) is reported like any scheme problem.
 */
export function withParams(scheme: Scheme, values: Record<string, number>): SchemeResult {
  const problems: SchemeProblem[] = [];
  const known = new Set(scheme.parameters.map((p) => p.id));
  for (const [k, v] of Object.entries(values)) {
    if (!known.has(k)) problems.push({ path: `parameters.${k}`, message: `unknown parameter "${k}"; the scheme has: ${[...known].join(", ") || "none"}` });
    else if (!Number.isFinite(v)) problems.push({ path: `parameters.${k}`, message: "must be a number" });
  }
  if (problems.length) return { ok: false, problems };
  const next = { ...scheme, parameters: scheme.parameters.map((p) => (p.id in values ? { ...p, value: values[p.id] } : p)) };
  return parseScheme(next);
}

export type { z };
