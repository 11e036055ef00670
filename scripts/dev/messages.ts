/** The dev scripts' words (from the same catalogs as everything else) and their arguments. */
import { pickLang, t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/core/text.js";

export function devLang(): Lang {
  const env = process.env;
  return pickLang(env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale);
}

export function say(lang: Lang, key: string, vars: Record<string, string | number> = {}): void {
  console.log(t(lang, key, vars));
}

export interface StartOptions {
  /** auto: desktop Excel when there is one */
  mode: "auto" | "browser" | "desktop";
  port?: number;
  help: boolean;
}

export function parseStartArgs(argv: string[]): StartOptions | { error: { key: string; vars: Record<string, string> } } {
  const options: StartOptions = { mode: "auto", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--browser" || arg === "--desktop") {
      const mode = arg.slice(2) as "browser" | "desktop";
      if (options.mode !== "auto" && options.mode !== mode) return { error: { key: "dev.start.both-modes", vars: {} } };
      options.mode = mode;
    } else if (arg === "--port") {
      const value = argv[++i] ?? "";
      const port = Number(value);
      if (!/^\d+$/.test(value) || port < 1 || port > 65535) return { error: { key: "dev.start.bad-port", vars: { value } } };
      options.port = port;
    } else if (arg === "--help" || arg === "-h") {
      options.help = true;
    } else {
      return { error: { key: "dev.start.unknown-option", vars: { option: arg } } };
    }
  }
  return options;
}
