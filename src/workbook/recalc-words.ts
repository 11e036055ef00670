/**
 * A recalculation report in words, in the pane's or the command line's language: pay lines by
 * name, what changed and why, settings before → after. Kept apart from the read-back itself so
 * that the pane shows a report without loading the engine's read-back code up front.
 */
import type { Cause, SettingChange } from "../core/payout-changes.js";
import { formatMoney, moneyUnit, type MoneyDigits } from "../core/money.js";
import type { Scheme } from "../core/scheme/schema.js";
import type { Lang } from "../core/text.js";
import { formatNumber, t } from "../i18n/index.js";
import { inputLabel, reasonText } from "../io/reason-text.js";
import type { RecalcChange, RecalcReport } from "./read-back.js";
import type { Verdict } from "./recalc-verdict.js";

/** A pay line's name in the pane's language ("pay" is the person's total pay). */
export function lineLabel(scheme: Scheme, line: string, lang: Lang): string {
  return line === "pay" ? t(lang, "wb.col.pay") : (scheme.pay.find((p) => p.id === line)?.name[lang] ?? line);
}

/** The report's changes in words, in the pane's language: one entry per changed pay line. */
export function describeChange(report: RecalcReport, c: RecalcChange, lang: Lang): { title: string; because: string; reason: string } {
  const s = report.scheme;
  const money = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, s.money.digits as MoneyDigits));
  const line = lineLabel(s, c.line, lang);
  const title = t(lang, "ui.finance.change", { id: c.id, name: c.name, line, before: money(c.before), after: money(c.after) });
  const reason = c.reason ? reasonText(c.reason, s, lang) : "";
  const a = c.attribution;
  if (!a) {
    const because = causesText(report, c.causes, lang);
    return { title, because: because || (report.settingChanges.length ? t(lang, "wb.recalc.because-settings") : ""), reason };
  }
  if (a.person) return { title, because: t(lang, `wb.recalc.because-${a.person}`), reason };
  const sep = lang === "zh-CN" ? ";" : "; ";
  const parts: string[] = [];
  if (a.inputs.length) parts.push(causesText(report, a.inputs, lang));
  if (a.settings.length) parts.push(t(lang, "wb.recalc.because-setting", { settings: a.settings.map((n) => settingLabel(report, n, lang)).join(lang === "zh-CN" ? "、" : ", ") }));
  const people = (key: string, ids: readonly string[]) => t(lang, ids.length > NAMED ? `${key}-more` : key, { names: peopleNames(report, ids, lang), count: ids.length });
  if (a.others.length) parts.push(people("wb.recalc.because-others", a.others));
  if (a.joined.length) parts.push(people("wb.recalc.because-roster-joined", a.joined));
  if (a.left.length) parts.push(people("wb.recalc.because-roster-left", a.left));
  const because = parts.join(sep);
  return { title, because: a.combined ? t(lang, "wb.recalc.because-combined", { causes: because }) : because, reason };
}

/** A person's own changes in words: each input by its name, then the total and grade they led to. */
function causesText(report: RecalcReport, causes: readonly Cause[], lang: Lang): string {
  const s = report.scheme;
  const grade = (g: Cause["before"]) => (g === null ? "—" : (s.grades.find((x) => x.id === g)?.label[lang] ?? String(g)));
  const value = (v: Cause["before"]) => (v === null || v === "" ? "—" : typeof v === "number" ? formatNumber(v) : typeof v === "boolean" ? t(lang, v ? "wb.recalc.yes" : "wb.recalc.no") : v);
  return causes
    .map((x) =>
      t(lang, "wb.recalc.cause", {
        what: x.kind === "input" ? inputLabel(s, x.field, lang) : t(lang, x.kind === "total" ? "wb.col.total" : "wb.col.grade"),
        before: x.kind === "grade" ? grade(x.before) : value(x.before),
        after: x.kind === "grade" ? grade(x.after) : value(x.after),
      }),
    )
    .join(lang === "zh-CN" ? ";" : "; ");
}

/** How many people a reason names; more are counted ("张三、李四、王五 等 7 人"). */
const NAMED = 3;

/** Up to NAMED people by name (id when nameless), as the reason names them. */
function peopleNames(report: RecalcReport, ids: readonly string[], lang: Lang): string {
  return ids
    .slice(0, NAMED)
    .map((id) => report.snapshot.people[id]?.name || id)
    .join(lang === "zh-CN" ? "、" : ", ");
}

/** People whose inputs changed while their pay did not, in words. */
export function describeUnmoved(report: RecalcReport, u: RecalcReport["unmoved"][number], lang: Lang): string {
  return t(lang, "wb.recalc.unmoved", { id: u.id, name: u.name, causes: causesText(report, u.causes.filter((x) => x.kind === "input"), lang) });
}

/** A changed setting in words: its label on the scheme sheet, before → after. */
export function describeSetting(report: RecalcReport, sc: SettingChange, lang: Lang): string {
  const v = (x: number | null) => (x === null ? "—" : formatNumber(x));
  return t(lang, "wb.recalc.setting-changed", { setting: settingLabel(report, sc.name, lang), before: v(sc.before), after: v(sc.after) });
}

/** A setting cell by the label it has on the scheme sheet. */
function settingLabel(report: RecalcReport, name: string, lang: Lang): string {
  const cell = report.settingCells.find((x) => x.name === name);
  const s = report.scheme;
  if (cell?.setting.kind === "param") return s.parameters.find((p) => p.id === cell.setting.id)?.name[lang] ?? name;
  if (!cell) return name;
  const g = s.grades.find((x) => x.id === cell.setting.id)?.label[lang] ?? cell.setting.id;
  return `${g} · ${t(lang, cell.setting.kind === "grade-min" ? "wb.scheme.grade.min" : "wb.scheme.grade.coefficient")}`;
}

/** Everyone's pay before → after and the difference, when there was a last run to compare with. */
export function describeTotals(report: RecalcReport, lang: Lang): string | null {
  const { before, after } = report.totals;
  if (before === null) return null;
  const digits = report.scheme.money.digits as MoneyDigits;
  const delta = after - before;
  const signed = `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatMoney(Math.abs(delta), digits)}`;
  return t(lang, "wb.recalc.totals", { before: formatMoney(before, digits), after: formatMoney(after, digits), delta: signed });
}

/** A payout cell that disagrees with the engine, in words: where it is, and whether it was typed over. */
export function describeMismatch(report: RecalcReport, m: RecalcReport["mismatches"][number], lang: Lang): string {
  const digits = report.scheme.money.digits as MoneyDigits;
  const money = (c: number | null) => (c === null ? "—" : formatMoney(c, digits));
  const name = report.snapshot.people[m.id]?.name ?? "";
  return t(lang, `ui.finance.mismatch.${m.holds}`, { cell: m.cell, id: m.id, name, line: lineLabel(report.scheme, m.line, lang), sheet: money(m.sheet), engine: money(m.engine) });
}

/** The money unit in words: "0.01 元(分)", "0.1 yuan (jiao)", "1 yuan". */
export function unitWords(digits: number, lang: Lang): string {
  return t(lang, digits === 0 ? "ui.grades.unit-yuan" : digits === 1 ? "ui.grades.unit-jiao" : "ui.grades.unit-fen");
}

/**
 * The recalculation's conclusion in one line, first on every report: agrees (to the unit), or how
 * many cells and rows differ and of which sort, or why nothing could be compared.
 */
export function describeVerdict(report: Pick<RecalcReport, "scheme">, v: Verdict, lang: Lang, manualCalc = false): string {
  if (v.status === "agrees") return t(lang, "wb.verdict.agrees", { unit: unitWords(report.scheme.money.digits, lang) });
  if (v.status === "nobody") return t(lang, "cli.recalc.nobody");
  if (v.status === "not-calculated") return t(lang, "ui.finance.not-calculated");
  const parts = (["typed", "formula", "unknown", "rows", "rollup"] as const).filter((k) => v[k] > 0).map((k) => t(lang, `wb.verdict.${k}`, { count: v[k] }));
  const line = t(lang, "wb.verdict.differs", { parts: parts.join(lang === "zh-CN" ? ";" : "; ") });
  // a formula showing another amount is what a workbook on manual calculation looks like: say what to do
  if (v.formula > 0) return `${line} ${t(lang, manualCalc ? "wb.verdict.manual" : "wb.verdict.stale")}`;
  return line;
}

/** A payout row that does not match an evaluated person, in words (on which sheet, with several periods). */
export function describeRowProblem(p: RecalcReport["rowProblems"][number], lang: Lang): string {
  const said = t(lang, `ui.finance.row.${p.kind}`, { id: p.id, row: p.row ?? "" });
  return p.sheet === undefined ? said : `${p.sheet} › ${said}`;
}

/** A roll-up total or grade that is not the engine's, in words. */
export function describeRollupMismatch(m: RecalcReport["rollupMismatches"][number], lang: Lang): string {
  const v = (x: number | string | null) => (x === null || x === "" ? "—" : typeof x === "number" ? formatNumber(x) : x);
  if (m.cell === "") return t(lang, "ui.finance.rollup.no-row", { id: m.id, name: m.name, period: m.period });
  return t(lang, `ui.finance.rollup.${m.what}`, { cell: m.cell, id: m.id, name: m.name, period: m.period, sheet: v(m.sheet), engine: v(m.engine) });
}

/** The periods a workbook of several recalculated, in words (null for one period). */
export function describePeriods(report: Pick<RecalcReport, "periods">, lang: Lang): string | null {
  if (report.periods.length === 0) return null;
  return t(lang, "wb.recalc.periods", { count: report.periods.length, periods: report.periods.join(lang === "zh-CN" ? "、" : ", ") });
}

/** How the report's amounts are rounded. */
export function describeRounding(report: RecalcReport, lang: Lang): string {
  return t(lang, "cli.rounding", { unit: moneyUnit(report.scheme.money.digits) });
}
