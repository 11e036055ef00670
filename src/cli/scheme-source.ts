/** `--scheme <id|file.json>`: a built-in template by id, or a scheme file, validated. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { builtInScheme, builtInSchemeIds } from "../schemes/index.js";
import { parseScheme, withParams, type SchemeProblem } from "../core/scheme/load.js";
import type { Scheme } from "../core/scheme/schema.js";
import { problemText, t } from "../i18n/index.js";
import { readText } from "./files.js";
import { UserError, type CliIO } from "./io.js";

function schemeProblems(file: string, problems: readonly SchemeProblem[], io: CliIO): UserError {
  const lines = [t(io.lang, "cli.scheme-invalid", { file, count: problems.length }), ...problems.map((p) => `  ${problemText(p, io.lang)}`)];
  return new UserError(lines.join("\n"));
}

export function loadScheme(source: string, io: CliIO): Scheme {
  const builtIn = builtInScheme(source);
  if (builtIn) return builtIn;
  if (!existsSync(resolve(io.cwd, source)))
    throw new UserError(t(io.lang, "cli.unknown-scheme", { scheme: source, ids: builtInSchemeIds().join(", ") }));
  const text = readText(source, io);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    throw new UserError(t(io.lang, "cli.scheme-json", { file: source, problem: (e as Error).message }));
  }
  const r = parseScheme(raw, io.lang);
  if (!r.ok) throw schemeProblems(source, r.problems, io);
  return r.scheme;
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** `--param name=value` pairs applied to the scheme and validated again. */
export function applyParams(scheme: Scheme, pairs: readonly string[], source: string, io: CliIO): Scheme {
  if (pairs.length === 0) return scheme;
  const values = new Map<string, number>();
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const name = eq > 0 ? pair.slice(0, eq).trim() : "";
    const text = eq > 0 ? pair.slice(eq + 1).trim() : "";
    // a plain decimal number: no 0x10, no Infinity, no 1e400
    const value = DECIMAL.test(text) ? Number(text) : NaN;
    if (!name || !Number.isFinite(value)) throw new UserError(t(io.lang, "cli.param-form", { pair }));
    if (values.has(name)) throw new UserError(t(io.lang, "cli.param-twice", { name }));
    values.set(name, value);
  }
  const r = withParams(scheme, values, io.lang);
  if (!r.ok) throw schemeProblems(source, r.problems, io);
  return r.scheme;
}
