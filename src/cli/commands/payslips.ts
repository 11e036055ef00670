/**
 * `kpi-scorecard payslips (--workbook book.xlsx | --scheme <id|file> --data d.csv [--period P]
 *  [--param …]) --out 工资条.xlsx [--force]`
 * The payslips alone: from a roster, or from a generated workbook as it stands now (edited and
 * recalculated — its reasons are the engine's for the workbook's current inputs and settings). A
 * workbook whose payout sheet disagrees with the engine gives no payslips: which amount would be
 * right? Its cells are listed, as `recalc` does, and nothing is written.
 */
import type { PersonResult } from "../../core/evaluate.js";
import type { Scheme } from "../../core/scheme/schema.js";
import { t } from "../../i18n/index.js";
import type { PlanPerson } from "../../workbook/plan/context.js";
import { PAYSLIP_LIMIT } from "../../workbook/plan/payslip-sheet.js";
import { recalcWorkbookFile } from "../../workbook/recalc-file.js";
import { describeMismatch, describeRowProblem } from "../../workbook/recalc-words.js";
import { payslipsFile } from "../../workbook/xlsx/payslips-file.js";
import { optional, parseArgs, periodOption, required } from "../args.js";
import { writeAtomic } from "../files.js";
import { openWorkbookFile } from "./recalc.js";
import { EXIT, UserError, type CliIO } from "../io.js";
import { readRosterFile } from "../roster-file.js";
import { applyParams, loadScheme } from "../scheme-source.js";
import { evaluateRead } from "./evaluate.js";

const asPerson = (r: PersonResult): PlanPerson => ({ id: r.id, name: r.name, period: r.period, values: r.values, ...(r.department !== undefined ? { department: r.department } : {}), ...(r.position !== undefined ? { position: r.position } : {}) });

async function fromRoster(argv: { scheme: string; data: string; params: string[]; period?: string; sheet?: string }, io: CliIO): Promise<{ scheme: Scheme; people: PlanPerson[]; results: PersonResult[]; period: string | null }> {
  const scheme = applyParams(loadScheme(argv.scheme, io), argv.params, argv.scheme, io);
  const read = await readRosterFile(argv.data, scheme, io, { sheet: argv.sheet });
  const periods = new Set(read.people.map((p) => p.period).filter((p) => p !== null));
  if (periods.size > 1 && argv.period === undefined) throw new UserError(t(io.lang, "cli.payslips.periods", { file: argv.data, periods: [...periods].join(", ") }));
  const people = argv.period === undefined || periods.size === 0 ? read.people : read.people.filter((p) => p.period === argv.period);
  if (people.length === 0) throw new UserError(t(io.lang, "cli.period-not-in-roster", { file: argv.data, period: argv.period ?? "", periods: [...periods].join(", ") }));
  const { results } = evaluateRead(scheme, { ...read, people }, argv.data, io, { trace: true, period: argv.period ?? null });
  return { scheme, people, results, period: argv.period ?? [...periods][0] ?? null };
}

function fromWorkbook(path: string, io: CliIO): { scheme: Scheme; people: PlanPerson[]; results: PersonResult[]; period: string | null } {
  const lang = io.lang;
  const r = recalcWorkbookFile(openWorkbookFile(path, io), path, lang);
  if (!r.ok) throw new UserError(r.reason === "settings" ? [t(lang, "ui.finance.scheme-problems"), ...r.problems.map((p) => `  ${p}`)].join("\n") : r.problems.join("\n"));
  const { report } = r;
  if (report.mismatches.length || report.rowProblems.length)
    throw new UserError(
      [
        t(lang, "cli.payslips.disagrees", { file: path }),
        ...report.rowProblems.map((p) => `  ${describeRowProblem(p, lang)}`),
        ...report.mismatches.map((m) => `  ${describeMismatch(report, m, lang)}`),
      ].join("\n"),
      EXIT.mismatch,
    );
  // traced: the reasons are the engine's for the workbook's inputs and settings now
  const results = report.results;
  return { scheme: report.scheme, people: results.map(asPerson), results, period: results[0]?.period ?? null };
}

export async function payslipsCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { command: "payslips", valued: ["workbook", "scheme", "data", "param", "period", "sheet", "out"], flags: ["force"], repeatable: ["param"] }, io);
  const out = required(args, "out", io);
  const workbook = optional(args, "workbook");
  const schemeSource = optional(args, "scheme");
  if ((workbook === undefined) === (schemeSource === undefined)) throw new UserError(t(io.lang, "cli.one-of-options", { options: "--workbook, --scheme" }));
  const source = workbook
    ? fromWorkbook(workbook, io)
    : await fromRoster({ scheme: schemeSource!, data: required(args, "data", io), params: args.options.get("param") ?? [], period: periodOption(args, io), sheet: optional(args, "sheet") }, io);
  const file = await payslipsFile(source.scheme, source.people, source.results, { lang: io.lang, period: source.period });
  if (!file.ok) throw new UserError(file.reason === "too-many" ? t(io.lang, "wb.payslips.too-many", { count: source.people.length, max: PAYSLIP_LIMIT }) : t(io.lang, "cli.payslips.periods", { file: workbook ?? "", periods: "" }));
  writeAtomic(out, file.bytes, io, args.flags.has("force"));
  io.err(t(io.lang, "cli.payslips.written", { file: out, count: source.people.length }) + "\n");
  return EXIT.ok;
}
