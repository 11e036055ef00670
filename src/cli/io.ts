/** What a command may touch: its output streams, the language, and files through files.ts. */
import type { Lang } from "../core/text.js";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  lang: Lang;
  cwd: string;
}

/** Exit codes: 0 done, 1 failure (I/O, unexpected), 2 bad scheme, data or arguments, 3 (recalc) a payout cell disagrees with the engine. */
export const EXIT = { ok: 0, failure: 1, usage: 2, mismatch: 3 } as const;

/** A problem the user must fix; already worded in their language. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
    this.name = "UserError";
  }
}
