import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import type { Lang } from "../../src/core/text.js";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "kpi-cli-"));
}

/** Run the CLI in-process, as `kpi-scorecard …` would, and capture its output. */
export async function cli(argv: string[], cwd: string, lang: Lang = "en-US") {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), lang, cwd });
  return { code, out, err };
}
