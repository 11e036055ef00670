/**
 * `kpi-scorecard evaluate --scheme <id|file.json> --data <file.csv> [--out results.csv]
 *  [--param name=value …] [--explain]`
 * Every problem in the scheme or data is reported (line, column, what was expected) and nothing
 * is written until the whole roster has been evaluated.
 */
import { moneyUnit } from "../../core/money.js";
import { dataProblemText } from "../../io/data-problem-text.js";
import { readRosterTable, tableOfText, type RosterRead } from "../../io/read-roster.js";
import { compileScheme, RowEvaluationError } from "../../core/evaluate.js";
import { evaluatePeriods } from "../../core/periods/evaluate-periods.js";
import { EvaluationError } from "../../core/errors.js";
import { resultsCsv, type RosterColumns } from "../../io/results-table.js";
import { t } from "../../i18n/index.js";
import { optional, parseArgs, periodOption, required } from "../args.js";
import { writeAtomic } from "../files.js";
import { readRosterFile } from "../roster-file.js";
import { EXIT, UserError, type CliIO } from "../io.js";
import { applyParams, loadScheme } from "../scheme-source.js";
import { explainPerson } from "../explain.js";
import type { Scheme } from "../../core/scheme/schema.js";

function rowError(e: unknown, file: string, io: CliIO): unknown {
  if (e instanceof RowEvaluationError) return new UserError(t(io.lang, "cli.eval-error", { file, line: e.line, id: e.personId, message: t(io.lang, e.error.key, e.error.vars) }));
  if (e instanceof EvaluationError) return new UserError(`${file}: ${t(io.lang, e.key, e.vars)}`);
  return e;
}

/** Everyone in a roster read, scored; a row the engine cannot score names its line. */
export function evaluateRead(scheme: Scheme, read: RosterRead, file: string, io: CliIO, options: { trace?: boolean; period?: string | null } = {}) {
  if (read.problems.length) throw new UserError([t(io.lang, "cli.data-invalid", { file, count: read.problems.length }), ...read.problems.slice(0, 200).map((p) => dataProblemText(io.lang, p, scheme))].join("\n"));
  if (read.people.length === 0) throw new UserError(t(io.lang, "cli.empty-data", { file }));
  const compiled = compileScheme(scheme, { trace: options.trace ?? true, period: options.period ?? null });
  try {
    return { ...evaluatePeriods(compiled, read.people), withPeriod: read.has.period };
  } catch (e) {
    throw rowError(e, file, io);
  }
}

/** CSV text scored (the benchmark's door: no file to read). */
export function evaluateCsv(scheme: Scheme, text: string, file: string, io: CliIO, options: { trace?: boolean } = {}) {
  return evaluateRead(scheme, readRosterTable(tableOfText(text), scheme, { lang: io.lang }), file, io, options);
}

export const rosterColumns = (read: RosterRead): RosterColumns => ({ department: read.has.department, position: read.has.position, carried: read.carried });

export async function evaluateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { command: "evaluate", valued: ["scheme", "data", "out", "param", "sheet", "period"], flags: ["explain", "force", "keep-extra"], repeatable: ["param"] }, io);
  const source = required(args, "scheme", io);
  const dataFile = required(args, "data", io);
  const scheme = applyParams(loadScheme(source, io), args.options.get("param") ?? [], source, io);
  const read = await readRosterFile(dataFile, scheme, io, { keepExtra: args.flags.has("keep-extra"), sheet: optional(args, "sheet") });
  const { results, rollups, withPeriod } = evaluateRead(scheme, read, dataFile, io, { trace: args.flags.has("explain"), period: periodOption(args, io) });
  const columns = rosterColumns(read);
  const csv = resultsCsv(scheme, results, rollups, withPeriod, io.lang, { columns, people: read.people });
  const out = optional(args, "out");
  const unit = moneyUnit(scheme.money.digits);
  if (out) {
    writeAtomic(out, csv, io, args.flags.has("force"));
    io.err(t(io.lang, "cli.written", { file: out, count: results.length + rollups.length }) + "\n");
  } else io.out(new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv)); // the BOM kept, as in the file
  if (args.flags.has("explain")) {
    const write = out ? io.out : io.err;
    for (const r of results) write(explainPerson(scheme, r, io.lang));
    write(t(io.lang, "cli.rounding", { unit }) + "\n");
  }
  return EXIT.ok;
}
