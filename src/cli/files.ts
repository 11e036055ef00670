/**
 * Files for the command line. Input: a regular file of at most MAX_INPUT_BYTES, read whole.
 * Output that never leaves half a file behind and never replaces a user's file unasked: the
 * content goes to a temporary file beside the target, which then becomes the target — by a hard
 * link without --force (creating the name exclusively: a file that appeared meanwhile, say from a
 * second run, is never replaced), by a rename with --force. A target that is not a regular file
 * (a directory, a device, a pipe, a symbolic link) is refused, with or without --force.
 */
import { copyFileSync, constants, linkSync, lstatSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { t } from "../i18n/index.js";
import { EXIT, UserError, type CliIO } from "./io.js";
import { errnoCode, osReason } from "./os-errors.js";

/** The largest input file read: far above any roster (a million people's CSV is ~100 MB). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

function readError(path: string, e: unknown, io: CliIO): UserError {
  const problem = osReason(e, io.lang) ?? (e as Error).message;
  return new UserError(t(io.lang, "cli.read-error", { file: path, problem }), EXIT.failure);
}

/** The bytes of an input file, or a message naming it: missing, a directory, too large, unreadable. */
export function readInput(path: string, io: CliIO): Uint8Array {
  const full = resolve(io.cwd, path);
  try {
    const st = statSync(full);
    if (st.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    if (!st.isFile()) throw new UserError(t(io.lang, "cli.read-error", { file: path, problem: t(io.lang, "cli.os.not-file") }), EXIT.failure);
    if (st.size > MAX_INPUT_BYTES)
      throw new UserError(t(io.lang, "cli.read-error", { file: path, problem: t(io.lang, "cli.too-big", { size: Math.round(st.size / 2 ** 20), max: MAX_INPUT_BYTES / 2 ** 20 }) }), EXIT.failure);
    return new Uint8Array(readFileSync(full));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw readError(path, e, io);
  }
}

export function readText(path: string, io: CliIO): string {
  return new TextDecoder("utf-8").decode(readInput(path, io));
}

/** Refuse a target that exists and is not a regular file; say whether it exists. */
function checkTarget(target: string, path: string, io: CliIO): boolean {
  let st;
  try {
    st = lstatSync(target);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return false;
    throw new UserError(t(io.lang, "cli.write-error", { file: path, problem: osReason(e, io.lang, true) ?? (e as Error).message }), EXIT.failure);
  }
  if (!st.isFile()) throw new UserError(t(io.lang, "cli.out-not-file", { file: path }));
  return true;
}

/**
 * Before a command writes several files: refuse at once when any target exists (without --force)
 * or is not a regular file, or when two are the same file, so that none is written and the others
 * refused — never half the output.
 */
export function checkTargets(paths: readonly string[], io: CliIO, force: boolean): void {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const target = resolve(io.cwd, path);
    const other = seen.get(target);
    if (other !== undefined) throw new UserError(t(io.lang, "cli.out-same", { a: other, b: path }));
    seen.set(target, path);
    if (checkTarget(target, path, io) && !force) throw new UserError(t(io.lang, "cli.out-exists", { file: path }));
  }
}

/** Filesystems without hard links answer link() with one of these; there we copy exclusively. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV", "ENOSYS", "EMLINK"]);

export function writeAtomic(path: string, content: string | Uint8Array, io: CliIO, force: boolean): void {
  const target = resolve(io.cwd, path);
  if (checkTarget(target, path, io) && !force) throw new UserError(t(io.lang, "cli.out-exists", { file: path }));
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, content, { flag: "wx" });
    if (force) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? "";
        if (!NO_LINKS.has(code)) throw e;
        copyFileSync(temp, target, constants.COPYFILE_EXCL);
      }
    }
  } catch (e) {
    if (errnoCode(e) === "EEXIST" && !force) throw new UserError(t(io.lang, "cli.out-exists", { file: path }));
    throw new UserError(t(io.lang, "cli.write-error", { file: path, problem: osReason(e, io.lang, true) ?? (e as Error).message }), EXIT.failure);
  } finally {
    rmSync(temp, { force: true });
  }
}
