/** The `kpi-scorecard` command: a thin door onto src/core. */
import { pickLang, t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";
import { EXIT, UserError, type CliIO } from "./io.js";
import { schemesCommand } from "./commands/schemes.js";
import { sampleCommand } from "./commands/sample.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { workbookCommand } from "./commands/workbook.js";
import { recalcCommand } from "./commands/recalc.js";

const COMMANDS: Record<string, (argv: readonly string[], io: CliIO) => number | Promise<number>> = {
  schemes: schemesCommand,
  sample: sampleCommand,
  evaluate: evaluateCommand,
  workbook: workbookCommand,
  recalc: recalcCommand,
};

/** --lang wins; then LC_ALL / LANG; English otherwise. */
export function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i >= 0) {
    const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
    if (v === "zh-CN" || v === "en-US") return v;
  }
  return pickLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "help" || rest.includes("--help")) {
      io.out(t(io.lang, "cli.usage") + "\n");
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    const f = COMMANDS[command];
    if (!f) throw new UserError(`${t(io.lang, "cli.unknown-command", { command })}\n\n${t(io.lang, "cli.usage")}`);
    // --lang is read before dispatch; commands accept and ignore it
    return await f(rest.filter((a, i) => !(a === "--lang" || a.startsWith("--lang=") || rest[i - 1] === "--lang")), io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(e.message + "\n");
      return e.code;
    }
    io.err(`kpi-scorecard: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}

export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const io: CliIO = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    lang: languageOf(argv, process.env),
    cwd: process.cwd(),
  };
  process.exitCode = await run(argv, io);
}
