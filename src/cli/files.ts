/**
 * File output that never leaves half a file behind and never replaces a user's file unasked:
 * write to a temporary file beside the target, then rename it into place.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { t } from "../i18n/index.js";
import { readXlsxRows } from "../io/xlsx-read.js";
import { formatCsv } from "../io/csv.js";
import { EXIT, UserError, type CliIO } from "./io.js";

/** A data file as CSV text: an .xlsx's first sheet is converted. */
export function readDataText(path: string, io: CliIO): string {
  if (!/\.xlsx$/i.test(path)) return readText(path, io);
  try {
    const rows = readXlsxRows(new Uint8Array(readFileSync(resolve(io.cwd, path))));
    return formatCsv(rows[0] ?? [], rows.slice(1));
  } catch (e) {
    throw new UserError(t(io.lang, "cli.read-error", { file: path, problem: (e as Error).message }), EXIT.failure);
  }
}

export function readText(path: string, io: CliIO): string {
  try {
    return readFileSync(resolve(io.cwd, path), "utf8");
  } catch (e) {
    throw new UserError(t(io.lang, "cli.read-error", { file: path, problem: (e as Error).message }), EXIT.failure);
  }
}

export function writeAtomic(path: string, content: string | Uint8Array, io: CliIO, force: boolean): void {
  const target = resolve(io.cwd, path);
  if (existsSync(target) && !force) throw new UserError(t(io.lang, "cli.out-exists", { file: path }));
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UserError(t(io.lang, "cli.read-error", { file: path, problem: (e as Error).message }), EXIT.failure);
  }
}
