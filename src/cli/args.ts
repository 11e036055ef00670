/** Command-line options: --name value, --name=value, repeated --param, and flags. */
import { t } from "../i18n/index.js";
import { UserError, type CliIO } from "./io.js";

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[], io: CliIO): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.includes(name)) {
      out.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UserError(t(io.lang, "cli.unknown-option", { option: `--${name}` }));
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UserError(t(io.lang, "cli.bad-option", { option: `--${name}`, problem: "no value" }));
    if (!out.options.has(name)) out.options.set(name, []);
    out.options.get(name)!.push(value);
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

export function positiveInt(args: ParsedArgs, name: string, io: CliIO, fallback?: number): number {
  const text = optional(args, name);
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UserError(t(io.lang, "cli.missing-option", { option: `--${name}` }));
  }
  const v = Number(text);
  if (!Number.isInteger(v) || v < 0)
    throw new UserError(t(io.lang, "cli.bad-option", { option: `--${name}`, problem: `"${text}" is not a whole number ≥ 0` }));
  return v;
}
