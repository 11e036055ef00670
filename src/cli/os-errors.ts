/**
 * Operating-system errors in the user's words: "file not found", "is a directory", "permission
 * denied", "the disk is full" — naming the user's path, never a temporary file, never Node's
 * `ENOENT: no such file or directory, open '…'`.
 */
import { t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";

const KNOWN = new Set(["ENOENT", "EISDIR", "ENOTDIR", "EACCES", "EPERM", "ENOSPC", "EDQUOT", "EROFS", "EEXIST", "EMFILE", "ENFILE", "ENAMETOOLONG", "EBUSY", "ELOOP", "EFBIG", "EIO"]);

export function errnoCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && KNOWN.has(code) ? code : null;
}

/** What went wrong, in words (no path), or null when `e` is not an OS error we know. */
export function osReason(e: unknown, lang: Lang, writing = false): string | null {
  const code = errnoCode(e);
  if (!code) return null;
  // a missing path when writing is a missing folder: the file itself is about to be made
  if (code === "ENOENT" && writing) return t(lang, "cli.os.ENOENT-write");
  return t(lang, `cli.os.${code === "EPERM" ? "EACCES" : code === "EDQUOT" ? "ENOSPC" : code === "ENFILE" ? "EMFILE" : code}`);
}

/** An OS error that carries its own path (Node puts it in `path`), as one sentence; or null. */
export function osProblem(e: unknown, lang: Lang): string | null {
  const reason = osReason(e, lang);
  if (!reason) return null;
  const path = (e as NodeJS.ErrnoException).path;
  return path ? t(lang, "cli.os.at", { file: path, reason }) : reason;
}
