/** `kpi-scorecard schemes` and `kpi-scorecard schemes show <id> [--json]`. */
import { builtInSchemes } from "../../schemes/index.js";
import { t } from "../../i18n/index.js";
import { parseArgs } from "../args.js";
import { loadScheme } from "../scheme-source.js";
import { EXIT, UserError, type CliIO } from "../io.js";
import type { Scheme } from "../../core/scheme/schema.js";

export function schemesCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { command: "schemes", valued: [], flags: ["json"], positionals: 2 }, io);
  const [sub, id] = args.positional;
  if (sub === undefined) {
    io.out(t(io.lang, "cli.schemes.header") + "\n");
    for (const s of builtInSchemes()) io.out(`${s.id}\t${t(io.lang, `period.${s.period}`)}\t${s.name["zh-CN"]}\t${s.name["en-US"]}\n`);
    return EXIT.ok;
  }
  if (sub !== "show" || id === undefined) throw new UserError(t(io.lang, "cli.usage"));
  const scheme = loadScheme(id, io);
  io.out(args.flags.has("json") ? JSON.stringify(scheme, null, 2) + "\n" : describe(scheme, io));
  return EXIT.ok;
}

function describe(s: Scheme, io: CliIO): string {
  const lang = io.lang;
  const lines = [
    `${s.id} — ${s.name[lang]} (${t(lang, `period.${s.period}`)})`,
    s.description[lang],
    "",
    ...s.indicators.map((i) => `  ${i.id}\t${i.name[lang]}\t${i.points}${i.weight !== undefined ? ` × ${i.weight}%` : ""}\t${i.rule.kind}`),
    ...s.adjustments.map((a) => `  ${a.id}\t${a.name[lang]}\t±\t${a.rule.kind}`),
    ...(s.grades.length ? ["", ...s.grades.map((g) => `  ${g.label[lang]} ≥ ${typeof g.min === "number" ? g.min : g.min.param}`)] : []),
    ...(s.pay.length ? ["", ...s.pay.map((p) => `  ${p.id}\t${p.name[lang]}\t${p.rule.kind}`)] : []),
    ...(s.parameters.length
      ? ["", ...s.parameters.map((p) => `  --param ${p.id}=${p.value}\t${p.name[lang]}${p.review ? "  [review]" : ""}`)]
      : []),
    "",
  ];
  return lines.join("\n");
}
