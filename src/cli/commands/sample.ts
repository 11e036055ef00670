/** `kpi-scorecard sample --scheme <id|file> --rows N [--seed S] [--periods P] [--out file.csv]`. */
import { sampleData } from "../../core/sample.js";
import { formatCsv } from "../../io/csv.js";
import { t } from "../../i18n/index.js";
import { optional, parseArgs, positiveInt, required } from "../args.js";
import { writeAtomic } from "../files.js";
import { EXIT, type CliIO } from "../io.js";
import { loadScheme } from "../scheme-source.js";

export function sampleCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ["scheme", "rows", "seed", "periods", "out", "lang"], ["force"], io);
  const scheme = loadScheme(required(args, "scheme", io), io);
  const rows = positiveInt(args, "rows", io);
  const seed = positiveInt(args, "seed", io, 1);
  const periods = positiveInt(args, "periods", io, 0);
  const table = sampleData(scheme, { rows, seed, periods });
  const csv = formatCsv(table.header, table.rows);
  const out = optional(args, "out");
  if (out) {
    writeAtomic(out, csv, io, args.flags.has("force"));
    io.err(t(io.lang, "cli.written", { file: out, count: table.rows.length }) + "\n");
  } else io.out(csv);
  return EXIT.ok;
}
