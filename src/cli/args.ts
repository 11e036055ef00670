/**
 * Command-line options, strictly: `--name value`, `--name=value`, repeated `--param`, flags.
 * Anything a command does not take — an unknown option, a flag given a value (`--force=no`), a
 * missing or empty value, an option given twice, a stray word, a number that is not plain decimal
 * digits — is an error that names the argument and says what is expected, so that nothing the user
 * typed is silently ignored.
 */
import { t } from "../i18n/index.js";
import { UserError, type CliIO } from "./io.js";
import { normalizePeriod } from "../core/periods/period.js";

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export interface ArgSpec {
  /** The command's name, for messages. */
  command: string;
  /** Options that take a value. */
  valued: readonly string[];
  /** Options that take no value. */
  flags: readonly string[];
  /** Options that may be given more than once (each value kept). */
  repeatable?: readonly string[];
  /** How many words that are not options the command takes (0 unless said). */
  positionals?: number;
}

function listOf(spec: ArgSpec): string {
  return [...spec.valued, ...spec.flags].map((n) => `--${n}`).join(", ");
}

export function parseArgs(argv: readonly string[], spec: ArgSpec, io: CliIO): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  const lang = io.lang;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--") || a === "--") {
      if (out.positional.length >= (spec.positionals ?? 0))
        throw new UserError(t(lang, "cli.stray", { arg: a, command: spec.command, options: listOf(spec) }));
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const option = `--${name}`;
    if (spec.flags.includes(name)) {
      if (eq > 0) throw new UserError(t(lang, "cli.flag-value", { option, value: a.slice(eq + 1) }));
      out.flags.add(name);
      continue;
    }
    if (!spec.valued.includes(name)) throw new UserError(t(lang, "cli.unknown-option", { option, command: spec.command, options: listOf(spec) }));
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      // `--out --force`: the next word is an option, not this one's value
      if (value === undefined || value.startsWith("--")) throw new UserError(t(lang, "cli.no-value", { option }));
      i++;
    }
    if (value.trim() === "") throw new UserError(t(lang, "cli.empty-value", { option }));
    const list = out.options.get(name) ?? [];
    if (list.length && !(spec.repeatable ?? []).includes(name)) throw new UserError(t(lang, "cli.repeated", { option }));
    list.push(value);
    out.options.set(name, list);
  }
  return out;
}

export function required(args: ParsedArgs, name: string, io: CliIO): string {
  const v = args.options.get(name)?.at(-1);
  if (v === undefined) throw new UserError(t(io.lang, "cli.missing-option", { option: `--${name}` }));
  return v;
}

export function optional(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}

/** `--period` in our form ("2026年11月" → "2026-11"), or undefined when not given; anything else is refused. */
export function periodOption(args: ParsedArgs, io: CliIO): string | undefined {
  const text = optional(args, "period");
  if (text === undefined) return undefined;
  const period = normalizePeriod(text);
  if (period === null) throw new UserError(`--period: ${t(io.lang, "data.bad-period", { value: text })}`);
  return period;
}

/** The most rows a sheet of Excel holds under its header row: the limit of `--rows`. */
export const MAX_ROWS = 1_048_575;

/**
 * A whole number written in plain decimal digits (no `0x10`, `1e3`, `+5`, `1.0`), at most `max`
 * (with `why` saying where the limit comes from).
 */
export function wholeNumber(args: ParsedArgs, name: string, io: CliIO, limit: { max: number; why: string; min?: number }, fallback?: number): number {
  const text = optional(args, name);
  const option = `--${name}`;
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UserError(t(io.lang, "cli.missing-option", { option }));
  }
  if (!/^\d+$/.test(text)) throw new UserError(t(io.lang, "cli.not-whole", { option, value: text }));
  const v = Number(text);
  const min = limit.min ?? 0;
  if (v < min) throw new UserError(t(io.lang, "cli.too-small", { option, value: text, min }));
  if (v > limit.max) throw new UserError(t(io.lang, "cli.too-large", { option, value: text, max: limit.max.toLocaleString("en-US"), why: t(io.lang, limit.why) }));
  return v;
}

/** One of a fixed list of words; anything else names the valid ones. */
export function oneOf<T extends string>(args: ParsedArgs, name: string, valid: readonly T[], io: CliIO, fallback: T): T {
  const v = optional(args, name);
  if (v === undefined) return fallback;
  if (!(valid as readonly string[]).includes(v)) throw new UserError(t(io.lang, "cli.not-one-of", { option: `--${name}`, value: v, valid: valid.join(", ") }));
  return v as T;
}
