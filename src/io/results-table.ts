/**
 * Results as a table: `id`, `name`, [`period`], one column of points per indicator and
 * adjustment, `total`, `grade`, one column per pay line, `pay`, `rank`, `flags`, and `award`
 * and `tier` when the scheme has them. Roll-up rows (quarter, year) follow the period rows.
 * Labels (grade, flags, award, tier) are in the chosen language; money is formatted to the
 * scheme's unit.
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { PersonResult } from "../core/evaluate.js";
import type { RollupResult } from "../core/periods/evaluate-periods.js";
import { formatMoney, type MoneyDigits } from "../core/money.js";
import { formatNumber, t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";
import type { PersonData } from "../core/data.js";

/** What the roster had besides the scheme's inputs, carried into the results: 部门, 岗位, extra columns. */
export interface RosterColumns {
  department: boolean;
  position: boolean;
  /** headers of the columns carried through unchanged (`--keep-extra`) */
  carried: readonly string[];
}

const NONE: RosterColumns = { department: false, position: false, carried: [] };

function rosterHeader(c: RosterColumns): string[] {
  return [...(c.department ? ["department"] : []), ...(c.position ? ["position"] : []), ...c.carried];
}

function rosterCells(c: RosterColumns, p: PersonData | undefined): string[] {
  return [...(c.department ? [p?.department ?? ""] : []), ...(c.position ? [p?.position ?? ""] : []), ...c.carried.map((_, i) => p?.carried?.[i] ?? "")];
}

/**
 * The results' columns in order, each with whether it holds only numbers as the engine writes
 * them (points, totals, money, ranks — or nothing): one list for the header and for the writer.
 */
function resultLayout(scheme: Scheme, withPeriod: boolean, roster: RosterColumns): [string, boolean][] {
  const text = (name: string): [string, boolean] => [name, false];
  const numbers = (name: string): [string, boolean] => [name, true];
  return [
    text("id"),
    text("name"),
    ...rosterHeader(roster).map(text),
    ...(withPeriod ? [text("period")] : []),
    ...scheme.indicators.map((i) => numbers(i.id)),
    ...scheme.adjustments.map((a) => numbers(a.id)),
    numbers("total"),
    text("grade"),
    ...scheme.pay.map((p) => numbers(p.id)),
    numbers("pay"),
    numbers("rank"),
    text("flags"),
    ...(scheme.awards.length ? [text("award")] : []),
    ...(scheme.periods.tiers ? [text("tier")] : []),
  ];
}

export function resultColumns(scheme: Scheme, withPeriod: boolean, roster: RosterColumns = NONE): string[] {
  return resultLayout(scheme, withPeriod, roster).map(([name]) => name);
}

/**
 * Per column, whether it holds only our own number text ("-3.5", "1234.50", "" — never a formula
 * start, a comma or a quote): the CSV writer takes those cells as they are (tested against its
 * guard and quoting), a million cells at 100,000 people.
 */
export function resultNumberColumns(scheme: Scheme, withPeriod: boolean, roster: RosterColumns = NONE): boolean[] {
  return resultLayout(scheme, withPeriod, roster).map(([, numbers]) => numbers);
}

export function labeler(scheme: Scheme, lang: Lang) {
  const grades = new Map(scheme.grades.map((g) => [g.id, g.label[lang]]));
  const flags = new Map<string, string>([
    ["below-pass", t(lang, "flag.below-pass")],
    ["bottom-rank", t(lang, "flag.bottom-rank")],
    ["excluded", t(lang, "flag.excluded")],
    ...scheme.periods.streaks.map((s) => [s.id, s.label[lang]] as [string, string]),
  ]);
  const awards = new Map(scheme.awards.map((a) => [a.id, a.label[lang]]));
  const tiers = new Map((scheme.periods.tiers?.tiers ?? []).map((x) => [x.id, x.label[lang]]));
  return {
    grade: (id: string | null) => (id === null ? "" : (grades.get(id) ?? id)),
    flag: (id: string) => flags.get(id) ?? id,
    award: (id: string | null) => (id === null ? "" : (awards.get(id) ?? id)),
    tier: (id: string | null) => (id === null ? "" : (tiers.get(id) ?? id)),
  };
}

type RosterOf = { columns: RosterColumns; people: readonly PersonData[] };

export function resultRows(scheme: Scheme, results: readonly PersonResult[], rollups: readonly RollupResult[], withPeriod: boolean, lang: Lang, roster?: RosterOf): string[][] {
  return Array.from(eachResultRow(scheme, results, rollups, withPeriod, lang, roster));
}

/** The same rows one at a time, for a writer that makes each into text at once (formatCsv). */
export function* eachResultRow(
  scheme: Scheme,
  results: readonly PersonResult[],
  rollups: readonly RollupResult[],
  withPeriod: boolean,
  lang: Lang,
  roster: RosterOf = { columns: NONE, people: [] },
): Generator<string[]> {
  const digits = scheme.money.digits as MoneyDigits;
  const label = labeler(scheme, lang);
  const money = (c: number) => formatMoney(c, digits);
  // the roster's own columns, by the line each person was read from (and, for a roll-up, the latest)
  const carried = roster.columns.department || roster.columns.position || roster.columns.carried.length > 0;
  // (made only when there is something to look up: two maps of 100,000 people are not free)
  const byLine = new Map(carried ? roster.people.map((p) => [p.line, p]) : []);
  const byId = new Map(carried && rollups.length ? roster.people.map((p) => [p.id, p]) : []);
  const indicatorIds = scheme.indicators.map((i) => i.id);
  const adjustmentIds = scheme.adjustments.map((a) => a.id);
  const payIds = scheme.pay.map((p) => p.id);
  // points take a few thousand values over any roster (rounded to the scheme's digits, within
  // full marks): each made into text once (a million numbers at 100,000 people), found by its
  // count of hundredths (an array, not a map of doubles) when it is exactly that many; others by
  // a map that stops growing at 64 K
  const scale = 10 ** scheme.scoreDigits;
  const byStep: (string | undefined)[] = [];
  const texts = new Map<number, string>();
  const points = (x: number): string => {
    const k = Math.round(x * scale);
    if (k >= 0 && k < 1_000_000 && k / scale === x) return (byStep[k] ??= formatNumber(x));
    let s = texts.get(x);
    if (s === undefined) {
      s = formatNumber(x);
      if (texts.size < 65_536) texts.set(x, s);
    }
    return s;
  };
  // a row pushed cell by cell, in resultColumns' order (100,000 rows: no arrays spread per row)
  for (const r of results) {
    const row: string[] = [r.id, r.name];
    if (carried) row.push(...rosterCells(roster.columns, byLine.get(r.line)));
    if (withPeriod) row.push(r.period ?? "");
    for (const id of indicatorIds) row.push(r.excluded ? "" : points(r.points[id]));
    for (const id of adjustmentIds) row.push(r.excluded ? "" : points(r.adjustments[id]));
    row.push(r.excluded ? "" : points(r.total), label.grade(r.grade));
    for (const id of payIds) row.push(money(r.pay[id] ?? 0));
    row.push(money(r.payTotal), r.excluded ? "" : String(r.rank), r.flags.length ? r.flags.map(label.flag).join("; ") : "");
    if (scheme.awards.length) row.push(label.award(r.award));
    if (scheme.periods.tiers) row.push(label.tier(r.tier));
    yield row;
  }
  for (const u of rollups) {
    yield [
      u.id,
      u.name,
      ...rosterCells(roster.columns, byId.get(u.id)),
      ...(withPeriod ? [u.period] : []),
      ...scheme.indicators.map(() => ""),
      ...scheme.adjustments.map(() => ""),
      formatNumber(u.total),
      label.grade(u.grade),
      ...scheme.pay.map(() => ""),
      money(u.payTotal),
      "",
      "",
      ...(scheme.awards.length ? [label.award(u.award)] : []),
      ...(scheme.periods.tiers ? [""] : []),
    ];
  }
}
