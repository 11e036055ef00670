/**
 * `kpi-scorecard workbook --scheme <id|file> [--roster roster.csv | --data data.csv]
 *  [--formulas native|addin] [--lang zh-CN|en-US] [--period P] [--rows N] [--param …] --out file.xlsx`
 * The same workbook the task pane generates, written as an .xlsx file where no Excel is at hand.
 * Data with several periods gives an evaluation and payout sheet per period and a roll-up sheet.
 */
import { EvaluationError } from "../../core/errors.js";
import { PAYSLIP_LIMIT } from "../../workbook/plan/payslip-sheet.js";
import type { PersonData } from "../../core/data.js";
import { readRosterFile } from "../roster-file.js";
import { workbookFile } from "../../workbook/xlsx/workbook-file.js";
import { sheetList } from "../../workbook/plan/names.js";
import { t } from "../../i18n/index.js";
import { MAX_ROWS, oneOf, optional, parseArgs, periodOption, required, wholeNumber } from "../args.js";
import { writeAtomic } from "../files.js";
import { nodeZipCodec } from "../zip-codec.js";
import { EXIT, UserError, type CliIO } from "../io.js";
import { applyParams, loadScheme } from "../scheme-source.js";
import type { Scheme } from "../../core/scheme/schema.js";

async function readPeople(scheme: Scheme, file: string, strict: boolean, period: string | undefined, io: CliIO, sheet?: string): Promise<PersonData[]> {
  const read = await readRosterFile(file, scheme, io, { forWorkbook: !strict, sheet });
  // several periods: a sheet pair per period and a roll-up, unless --period picks one; a roster
  // without a period column is the period --period names (bug: it was filtered down to nobody)
  if (period === undefined || !read.people.some((p) => p.period !== null)) return read.people;
  const picked = read.people.filter((p) => p.period === period || p.period === null);
  if (picked.length === 0) {
    const periods = [...new Set(read.people.map((p) => p.period).filter((x) => x !== null))].join(", ");
    throw new UserError(t(io.lang, "cli.period-not-in-roster", { file, period, periods }));
  }
  return picked;
}

export async function workbookCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { command: "workbook", valued: ["scheme", "roster", "data", "formulas", "period", "rows", "param", "out", "sheet"], flags: ["force"], repeatable: ["param"] }, io);
  const source = required(args, "scheme", io);
  const out = required(args, "out", io);
  const scheme = applyParams(loadScheme(source, io), args.options.get("param") ?? [], source, io);
  const mode = oneOf(args, "formulas", ["native", "addin"] as const, io, "native");
  const roster = optional(args, "roster");
  const data = optional(args, "data");
  if (roster && data) throw new UserError(t(io.lang, "cli.one-of-options", { options: "--roster, --data" }));
  if ((roster || data) && args.options.has("rows")) throw new UserError(t(io.lang, "cli.rows-with-roster"));
  const period = periodOption(args, io);
  const sheet = optional(args, "sheet");
  const people = roster
    ? await readPeople(scheme, roster, false, period, io, sheet)
    : data
      ? await readPeople(scheme, data, true, period, io, sheet)
      : Array.from({ length: wholeNumber(args, "rows", io, { max: MAX_ROWS, why: "cli.limit.rows", min: 1 }, 30) }, () => ({ line: 0, id: "", name: "", period: null, values: {} }));
  // the file carries its scheme (and, with data, the pay at generation) for the add-in's pane
  const { plan, bytes, payslipsLeftOut } = await workbookFile(scheme, people, { lang: io.lang, mode, period: period ?? null }, nodeZipCodec).catch((e: unknown) => {
    // what the scheme needs and the command line did not give (a period to compare dates with): exit 2
    if (e instanceof EvaluationError) throw new UserError(t(io.lang, e.key, e.vars));
    throw e;
  });
  writeAtomic(out, bytes, io, args.flags.has("force"));
  io.err(t(io.lang, "wb.cli.written", { file: out, sheets: sheetList(plan.sheets, io.lang).join(", ") }) + "\n");
  if (payslipsLeftOut) io.err(t(io.lang, "wb.payslips.too-many", { count: people.length, max: PAYSLIP_LIMIT }) + "\n");
  return EXIT.ok;
}
