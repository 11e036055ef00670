/**
 * The `kpi-scorecard` command: a thin door onto src/core, and the one error boundary of the
 * command line. A problem the user can fix (UserError) prints its message in their language and
 * exits 2 (or the code it carries); anything else prints one line — "internal error: … please
 * report" — and exits 1, with the stack only under --debug. Nothing reaches the user as a raw
 * JavaScript stack trace.
 */
import { pickLang, t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";
import { EXIT, UserError, type CliIO } from "./io.js";
import { osProblem } from "./os-errors.js";
import { errorText } from "../io/error-text.js";
import { VERSION } from "./version.js";

type Command = (argv: readonly string[], io: CliIO) => number | Promise<number>;

// each command's modules loaded when it runs: `evaluate` does not compile the workbook writer
// (a tenth of a second of every run at Node's start)
const COMMANDS = new Map<string, () => Promise<Command>>([
  ["schemes", async () => (await import("./commands/schemes.js")).schemesCommand],
  ["sample", async () => (await import("./commands/sample.js")).sampleCommand],
  ["evaluate", async () => (await import("./commands/evaluate.js")).evaluateCommand],
  ["workbook", async () => (await import("./commands/workbook.js")).workbookCommand],
  ["recalc", async () => (await import("./commands/recalc.js")).recalcCommand],
  ["payslips", async () => (await import("./commands/payslips.js")).payslipsCommand],
]);

const LANG_VALUES: readonly string[] = ["zh-CN", "en-US"];

/** The value of `--lang` (either form) and where it sits, or null. */
function langArgument(argv: readonly string[]): { value: string | undefined; at: number; width: number } | null {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return null;
  return argv[i].includes("=") ? { value: argv[i].slice("--lang=".length), at: i, width: 1 } : { value: argv[i + 1], at: i, width: 2 };
}

/** --lang wins (when it names a language we have); then LC_ALL / LANG; English otherwise. */
export function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const v = langArgument(argv)?.value;
  if (v === "zh-CN" || v === "en-US") return v;
  return pickLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes("--debug");
  let args = argv.filter((a) => a !== "--debug");
  try {
    // --lang is read before dispatch (it chose io.lang) and taken out of what commands see
    const lang = langArgument(args);
    if (lang) {
      if (lang.value === undefined || !LANG_VALUES.includes(lang.value))
        throw new UserError(t(io.lang, "cli.bad-lang", { value: lang.value ?? "", valid: LANG_VALUES.join(", ") }));
      args = [...args.slice(0, lang.at), ...args.slice(lang.at + lang.width)];
      if (langArgument(args)) throw new UserError(t(io.lang, "cli.repeated", { option: "--lang" }));
    }
    const [command, ...rest] = args;
    if (command === undefined || command === "--help" || command === "help" || rest.includes("--help")) {
      io.out(t(io.lang, "cli.usage") + "\n");
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "--version" && rest.length === 0) {
      io.out(`kpi-scorecard ${VERSION}\n`);
      return EXIT.ok;
    }
    const load = COMMANDS.get(command);
    if (!load) throw new UserError(`${t(io.lang, "cli.unknown-command", { command, commands: [...COMMANDS.keys()].join(", ") })}\n\n${t(io.lang, "cli.usage")}`);
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(e.message + "\n");
      return e.code;
    }
    // an OS error that escaped a command's own handling still reads as one, never as a stack
    const os = osProblem(e, io.lang);
    const message = os ?? errorText(e, io.lang);
    io.err(`kpi-scorecard: ${message}\n`);
    if (debug && e instanceof Error && e.stack) io.err(e.stack + "\n");
    return EXIT.failure;
  }
}

/** stdout closed by the reader (`kpi-scorecard … | head`): stop quietly, as Unix tools do. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const argv = process.argv.slice(2);
  const io: CliIO = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    lang: languageOf(argv, process.env),
    cwd: process.cwd(),
  };
  process.exitCode = await run(argv, io);
}
