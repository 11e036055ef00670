/**
 * `kpi-scorecard workbook --scheme <id|file> [--roster roster.csv | --data data.csv]
 *  [--formulas native|addin] [--lang zh-CN|en-US] [--period P] [--rows N] [--param …] --out file.xlsx`
 * The same workbook the task pane generates, written as an .xlsx file where no Excel is at hand.
 * Data with several periods gives an evaluation and payout sheet per period and a roll-up sheet.
 */
import { dataProblemText } from "../../io/data-problem-text.js";
import { checkHeader, parseRecords, type DataProblem, type PersonData } from "../../core/data.js";
import { readDataCsv } from "../../io/data-csv.js";
import { CsvError } from "../../io/csv.js";
import { buildWorkbookPlan } from "../../workbook/plan/build-plan.js";
import { writeXlsx } from "../../workbook/xlsx/write-xlsx.js";
import { generationRecord, recordXml } from "../../workbook/generation-record.js";
import { t } from "../../i18n/index.js";
import { MAX_ROWS, oneOf, optional, parseArgs, required, wholeNumber } from "../args.js";
import { readDataText, writeAtomic } from "../files.js";
import { EXIT, UserError, type CliIO } from "../io.js";
import { applyParams, loadScheme } from "../scheme-source.js";
import type { Scheme } from "../../core/scheme/schema.js";

function readPeople(scheme: Scheme, file: string, strict: boolean, period: string | undefined, io: CliIO): PersonData[] {
  const text = readDataText(file, io);
  try {
    const { header, records, problems } = readDataCsv(text);
    const headerProblems = strict ? checkHeader(header, scheme) : checkHeader(header, { ...scheme, inputs: [] } as Scheme);
    const parsed = headerProblems.length ? { people: [], problems: [] } : parseRecords(header, records, scheme, { blanksAllowed: !strict });
    const all: DataProblem[] = [...headerProblems, ...problems, ...parsed.problems].sort((a, b) => a.line - b.line);
    if (all.length) {
      const lines = [t(io.lang, "cli.data-invalid", { file, count: all.length }), ...all.slice(0, 200).map((p) => dataProblemText(io.lang, p))];
      throw new UserError(lines.join("\n"));
    }
    // several periods: a sheet pair per period and a roll-up, unless --period picks one
    return period === undefined ? parsed.people : parsed.people.filter((p) => p.period === period);
  } catch (e) {
    if (e instanceof CsvError) throw new UserError(`${file}: ${dataProblemText(io.lang, { line: e.line, column: "", key: e.key })}`);
    throw e;
  }
}

export async function workbookCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { command: "workbook", valued: ["scheme", "roster", "data", "formulas", "period", "rows", "param", "out"], flags: ["force"], repeatable: ["param"] }, io);
  const source = required(args, "scheme", io);
  const out = required(args, "out", io);
  const scheme = applyParams(loadScheme(source, io), args.options.get("param") ?? [], source, io);
  const mode = oneOf(args, "formulas", ["native", "addin"] as const, io, "native");
  const roster = optional(args, "roster");
  const data = optional(args, "data");
  if (roster && data) throw new UserError(t(io.lang, "cli.one-of-options", { options: "--roster, --data" }));
  if ((roster || data) && args.options.has("rows")) throw new UserError(t(io.lang, "cli.rows-with-roster"));
  const period = optional(args, "period");
  const people = roster
    ? readPeople(scheme, roster, false, period, io)
    : data
      ? readPeople(scheme, data, true, period, io)
      : Array.from({ length: wholeNumber(args, "rows", io, { max: MAX_ROWS, why: "cli.limit.rows", min: 1 }, 30) }, () => ({ line: 0, id: "", name: "", period: null, values: {} }));
  const plan = buildWorkbookPlan(scheme, people, { lang: io.lang, mode, period: period ?? null });
  // the file carries its scheme (and, with data, the pay at generation) for the add-in's pane
  const record = recordXml(generationRecord(scheme, people, plan));
  writeAtomic(out, await writeXlsx(plan, { customXml: [record] }), io, args.flags.has("force"));
  io.err(t(io.lang, "wb.cli.written", { file: out, sheets: plan.sheets.map((s) => s.name).join(", ") }) + "\n");
  return EXIT.ok;
}
