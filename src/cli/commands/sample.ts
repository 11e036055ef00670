/** `kpi-scorecard sample --scheme <id|file> --rows N [--seed S] [--periods P] [--out file.csv]`. */
import { sampleData } from "../../core/sample.js";
import { formatCsv } from "../../io/csv.js";
import { t } from "../../i18n/index.js";
import { MAX_ROWS, optional, parseArgs, required, wholeNumber } from "../args.js";

/** Ten years of months: more consecutive periods than any roll-up reads. */
const MAX_PERIODS = 120;
import { writeAtomic } from "../files.js";
import { EXIT, type CliIO } from "../io.js";
import { loadScheme } from "../scheme-source.js";

export function sampleCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { command: "sample", valued: ["scheme", "rows", "seed", "periods", "out"], flags: ["force"] }, io);
  const scheme = loadScheme(required(args, "scheme", io), io);
  const periods = wholeNumber(args, "periods", io, { max: MAX_PERIODS, why: "cli.limit.periods" }, 0);
  // the CSV must fit a sheet of Excel: rows × periods lines under the header
  const rows = wholeNumber(args, "rows", io, { max: Math.floor(MAX_ROWS / Math.max(1, periods)), why: periods > 1 ? "cli.limit.rows-periods" : "cli.limit.rows" });
  const seed = wholeNumber(args, "seed", io, { max: 2 ** 32 - 1, why: "cli.limit.seed" }, 1);
  // no --periods: the sample's own default (one month when the scheme compares dates with it)
  const table = sampleData(scheme, { rows, seed, periods: optional(args, "periods") === undefined ? undefined : periods });
  const csv = formatCsv(table.header, table.rows);
  const out = optional(args, "out");
  if (out) {
    writeAtomic(out, csv, io, args.flags.has("force"));
    io.err(t(io.lang, "cli.written", { file: out, count: table.rows.length }) + "\n");
  } else io.out(csv);
  return EXIT.ok;
}
