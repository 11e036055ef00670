/**
 * `kpi-scorecard evaluate --scheme <id|file.json> --data <file.csv> [--out results.csv]
 *  [--param name=value …] [--explain]`
 * Every problem in the scheme or data is reported (line, column, what was expected) and nothing
 * is written until the whole roster has been evaluated.
 */
import { moneyUnit } from "../../core/money.js";
import { dataProblemText } from "../../io/data-problem-text.js";
import { CsvError, formatCsv } from "../../io/csv.js";
import { readDataCsv, type DataCsv } from "../../io/data-csv.js";
import { checkHeader, parseRecords, type DataProblem } from "../../core/data.js";
import { compileScheme, RowEvaluationError } from "../../core/evaluate.js";
import { evaluatePeriods } from "../../core/periods/evaluate-periods.js";
import { EvaluationError } from "../../core/errors.js";
import { resultColumns, resultRows } from "../../io/results-table.js";
import { t } from "../../i18n/index.js";
import { optional, parseArgs, required } from "../args.js";
import { readDataText, writeAtomic } from "../files.js";
import { EXIT, UserError, type CliIO } from "../io.js";
import { applyParams, loadScheme } from "../scheme-source.js";
import { explainPerson } from "../explain.js";
import type { Scheme } from "../../core/scheme/schema.js";

/** The data file, or a message naming the line where it stops being CSV. */
function readData(text: string, file: string, io: CliIO): DataCsv {
  try {
    return readDataCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw csvProblem(e, file, io);
    throw e;
  }
}

function csvProblem(e: CsvError, file: string, io: CliIO): UserError {
  return new UserError(`${file}: ${dataProblemText(io.lang, { line: e.line, column: "", key: e.key })}`);
}

function dataError(file: string, problems: readonly DataProblem[], io: CliIO): UserError {
  const shown = problems.slice(0, 200);
  const lines = [
    t(io.lang, "cli.data-invalid", { file, count: problems.length }),
    ...shown.map((p) => dataProblemText(io.lang, p)),
  ];
  if (problems.length > shown.length) lines.push(`  … ${problems.length - shown.length}`);
  return new UserError(lines.join("\n"));
}

export function evaluateCsv(scheme: Scheme, text: string, file: string, io: CliIO, options: { trace?: boolean } = {}) {
  const { header, records, problems } = readData(text, file, io);
  const headerProblems = checkHeader(header, scheme);
  if (headerProblems.length) throw dataError(file, headerProblems, io);
  let parsed;
  try {
    parsed = parseRecords(header, records, scheme);
  } catch (e) {
    if (e instanceof CsvError) throw csvProblem(e, file, io);
    throw e;
  }
  const all = [...problems, ...parsed.problems].sort((a, b) => a.line - b.line);
  if (all.length) throw dataError(file, all, io);
  if (parsed.people.length === 0) throw new UserError(t(io.lang, "cli.empty-data", { file }));
  const compiled = compileScheme(scheme, { trace: options.trace ?? true });
  try {
    return { ...evaluatePeriods(compiled, parsed.people), withPeriod: header.includes("period") };
  } catch (e) {
    if (e instanceof RowEvaluationError)
      throw new UserError(t(io.lang, "cli.eval-error", { file, line: e.line, id: e.personId, message: t(io.lang, e.error.key, e.error.vars) }));
    if (e instanceof EvaluationError) throw new UserError(`${file}: ${t(io.lang, e.key, e.vars)}`);
    throw e;
  }
}

export function evaluateCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { command: "evaluate", valued: ["scheme", "data", "out", "param"], flags: ["explain", "force"], repeatable: ["param"] }, io);
  const source = required(args, "scheme", io);
  const dataFile = required(args, "data", io);
  const scheme = applyParams(loadScheme(source, io), args.options.get("param") ?? [], source, io);
  const text = readDataText(dataFile, io);
  const { results, rollups, withPeriod } = evaluateCsv(scheme, text, dataFile, io, { trace: args.flags.has("explain") });
  const csv = formatCsv(resultColumns(scheme, withPeriod), resultRows(scheme, results, rollups, withPeriod, io.lang));
  const out = optional(args, "out");
  const unit = moneyUnit(scheme.money.digits);
  if (out) {
    writeAtomic(out, csv, io, args.flags.has("force"));
    io.err(t(io.lang, "cli.written", { file: out, count: results.length + rollups.length }) + "\n");
  } else io.out(csv);
  if (args.flags.has("explain")) {
    const write = out ? io.out : io.err;
    for (const r of results) write(explainPerson(scheme, r, io.lang));
    write(t(io.lang, "cli.rounding", { unit }) + "\n");
  }
  return EXIT.ok;
}
