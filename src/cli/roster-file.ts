/**
 * `--data` / `--roster`: a roster file read by the one roster reader (src/io/read-roster.ts).
 * Every problem is listed (up to 200) with its line and column by label and id, nothing is
 * written; a file read in another encoding than UTF-8 says which.
 */
import type { Scheme } from "../core/scheme/schema.js";
import { dataProblemText } from "../io/data-problem-text.js";
import { encodingName, readRoster, type RosterOptions, type RosterRead } from "../io/read-roster.js";
import { XlsxError } from "../io/xlsx-error.js";
import { t } from "../i18n/index.js";
import { readInput } from "./files.js";
import { UserError, type CliIO } from "./io.js";

export async function readRosterFile(path: string, scheme: Scheme, io: CliIO, options: { keepExtra?: boolean; sheet?: string; forWorkbook?: boolean; each?: RosterOptions["each"]; begin?: RosterOptions["begin"] } = {}): Promise<RosterRead> {
  const lang = io.lang;
  const bytes = readInput(path, io);
  let read: RosterRead;
  try {
    read = await readRoster({ kind: "file", bytes, name: path, sheet: options.sheet }, scheme, { lang, keepExtra: options.keepExtra, forWorkbook: options.forWorkbook, each: options.each, begin: options.begin });
  } catch (e) {
    if (e instanceof XlsxError) throw new UserError(t(lang, "cli.read-error", { file: path, problem: t(lang, e.key, e.vars) }));
    throw e;
  }
  if (read.problems.length) {
    const shown = read.problems.slice(0, 200);
    const lines = [t(lang, "cli.data-invalid", { file: path, count: read.problems.length }), ...shown.map((p) => dataProblemText(lang, p, scheme))];
    if (read.problems.length > shown.length) lines.push(`  … ${read.problems.length - shown.length}`);
    if (read.columns.some((c) => c.status === "unknown")) lines.push(t(lang, "roster.keep-extra-hint"));
    throw new UserError(lines.join("\n"));
  }
  const encoding = encodingName(read.source);
  if (encoding) io.err(t(lang, "roster.read-as", { file: path, encoding }) + "\n");
  return read;
}
