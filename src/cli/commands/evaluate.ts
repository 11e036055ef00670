/**
 * `kpi-scorecard evaluate --scheme <id|file.json> --data <file.csv> [--out results.csv]
 *  [--param name=value …] [--explain]`
 * Every problem in the scheme or data is reported (line, column, what was expected) and nothing
 * is written until the whole roster has been evaluated.
 */
import { moneyUnit } from "../../core/money.js";
import { dataProblemText } from "../../io/data-problem-text.js";
import { readRosterTable, tableOfText, type RosterRead, type RosterShape } from "../../io/read-roster.js";
import { compileScheme, RowEvaluationError, type CompiledScheme, type PersonResult } from "../../core/evaluate.js";
import { evaluatePeriods, finishPeriods } from "../../core/periods/evaluate-periods.js";
import type { PersonData } from "../../core/data.js";
import { EvaluationError } from "../../core/errors.js";
import type { RosterColumns } from "../../io/results-table.js";
import { ResultsCsvWriter } from "../../io/results-csv.js";
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

/** The roster's problems, up to 200 of them, as the error that stops the command. */
const dataInvalid = (scheme: Scheme, read: RosterRead, file: string, io: CliIO) =>
  new UserError([t(io.lang, "cli.data-invalid", { file, count: read.problems.length }), ...read.problems.slice(0, 200).map((p) => dataProblemText(io.lang, p, scheme))].join("\n"));

/** Everyone in a roster read, scored; a row the engine cannot score names its line. */
export function evaluateRead(scheme: Scheme, read: RosterRead, file: string, io: CliIO, options: { trace?: boolean; period?: string | null } = {}) {
  if (read.problems.length) throw dataInvalid(scheme, read, file, io);
  if (read.people.length === 0) throw new UserError(t(io.lang, "cli.empty-data", { file }));
  const compiled = compileScheme(scheme, { trace: options.trace ?? true, period: options.period ?? null });
  try {
    return { ...evaluatePeriods(compiled, read.people), withPeriod: read.has.period };
  } catch (e) {
    throw rowError(e, file, io);
  }
}

/** The points and adjustments of a result already written to the results' file: none kept. */
export const WRITTEN: Record<string, number> = Object.freeze({}) as Record<string, number>;

/**
 * Each person scored as the roster is read (RosterOptions.each) and their own cells written to the
 * results' file at once (ResultsCsvWriter.person); what is kept of them is their result, without
 * their row, and without their inputs when nothing later reads them (a lean compile), nor their
 * points and adjustments when no trace will explain them: a 100,000-row run then never carries a
 * million input numbers to its end. The first engine error is held until the whole roster has
 * been read, so that the data's problems, all of them, are what a person hears first.
 */
export function scoreWhileReading(compiled: CompiledScheme, lang: CliIO["lang"]) {
  const scored: PersonResult[] = [];
  let writer: ResultsCsvWriter | null = null;
  let read = 0;
  let failure: unknown = null;
  const begin = (shape: RosterShape) => {
    writer = new ResultsCsvWriter(compiled.scheme, lang, shape.has.period, rosterColumns(shape));
  };
  const each = (p: PersonData): null => {
    read++;
    if (failure === null)
      try {
        const r = compiled.scorePerson(p);
        writer!.person(r, p);
        if (!compiled.tracing) r.points = r.adjustments = WRITTEN;
        scored.push(r);
      } catch (e) {
        failure = e;
      }
    return null;
  };
  /** The roster's rules over everyone scored, once the read has no problems, and the results' file. */
  const finish = (roster: RosterRead, file: string, io: CliIO) => {
    if (roster.problems.length) throw dataInvalid(compiled.scheme, roster, file, io);
    if (read === 0) throw new UserError(t(io.lang, "cli.empty-data", { file }));
    try {
      if (failure !== null) throw failure;
      const { results, rollups } = finishPeriods(compiled, scored);
      return { results, rollups, withPeriod: roster.has.period, csv: (writer as ResultsCsvWriter).finish(results, rollups) };
    } catch (e) {
      throw rowError(e, file, io);
    }
  };
  return { begin, each, finish };
}

/** CSV text scored as the command does it (the benchmark's door: no file to read). */
export function evaluateCsv(scheme: Scheme, text: string, file: string, io: CliIO, options: { trace?: boolean } = {}) {
  const compiled = compileScheme(scheme, { trace: options.trace ?? true, lean: true });
  const scoring = scoreWhileReading(compiled, io.lang);
  return scoring.finish(readRosterTable(tableOfText(text), scheme, { lang: io.lang, begin: scoring.begin, each: scoring.each }), file, io);
}

export const rosterColumns = (shape: RosterShape): RosterColumns => ({ department: shape.has.department, position: shape.has.position, carried: shape.carried });

export async function evaluateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { command: "evaluate", valued: ["scheme", "data", "out", "param", "sheet", "period"], flags: ["explain", "force", "keep-extra"], repeatable: ["param"] }, io);
  const source = required(args, "scheme", io);
  const dataFile = required(args, "data", io);
  const scheme = applyParams(loadScheme(source, io), args.options.get("param") ?? [], source, io);
  const compiled = compileScheme(scheme, { trace: args.flags.has("explain"), period: periodOption(args, io), lean: true });
  const scoring = scoreWhileReading(compiled, io.lang);
  const read = await readRosterFile(dataFile, scheme, io, { keepExtra: args.flags.has("keep-extra"), sheet: optional(args, "sheet"), begin: scoring.begin, each: scoring.each });
  const { results, rollups, csv } = scoring.finish(read, dataFile, io);
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
