/** The trace as text: one block per person, one line per number with its reason. */
import type { Scheme } from "../core/scheme/schema.js";
import type { PersonResult } from "../core/evaluate.js";
import { formatMoney, type MoneyDigits } from "../core/money.js";
import { formatNumber, t } from "../i18n/index.js";
import { reasonText } from "../io/reason-text.js";
import type { Lang } from "../core/text.js";
import { labeler } from "../io/results-table.js";

function shown(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${k}=${shown(x)}`).join(", ");
  return String(v);
}

export function explainPerson(scheme: Scheme, r: PersonResult, lang: Lang): string {
  const names = new Map<string, string>([
    ...scheme.indicators.map((i) => [i.id, i.name[lang]] as [string, string]),
    ...scheme.adjustments.map((a) => [a.id, a.name[lang]] as [string, string]),
    ...scheme.pay.map((p) => [p.id, p.name[lang]] as [string, string]),
    ["total", t(lang, "label.total")],
    ["grade", t(lang, "label.grade")],
  ]);
  const label = labeler(scheme, lang);
  const money = (c: number) => formatMoney(c, scheme.money.digits as MoneyDigits);
  const head = t(lang, "cli.explain.person", {
    id: r.id,
    name: r.name,
    period: r.period ? ` [${r.period}]` : "",
    total: formatNumber(r.total),
    grade: label.grade(r.grade) || "—",
    pay: money(r.payTotal),
  });
  const lines = [head];
  for (const e of r.trace) {
    const name = names.get(e.target) ?? (e.kind === "flag" ? label.flag(e.target) : e.target);
    const input = e.input === undefined ? "" : ` (${shown(e.input)})`;
    const rule = e.rule ? ` [${e.rule}]` : "";
    const result = e.kind === "grade" ? label.grade(String(e.result)) : shown(e.result);
    lines.push(`  ${name}${input}${rule} = ${result}: ${reasonText(e.reason, scheme, lang)}`);
  }
  return lines.join("\n") + "\n";
}
