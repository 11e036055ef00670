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

export function resultColumns(scheme: Scheme, withPeriod: boolean): string[] {
  return [
    "id",
    "name",
    ...(withPeriod ? ["period"] : []),
    ...scheme.indicators.map((i) => i.id),
    ...scheme.adjustments.map((a) => a.id),
    "total",
    "grade",
    ...scheme.pay.map((p) => p.id),
    "pay",
    "rank",
    "flags",
    ...(scheme.awards.length ? ["award"] : []),
    ...(scheme.periods.tiers ? ["tier"] : []),
  ];
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

export function resultRows(
  scheme: Scheme,
  results: readonly PersonResult[],
  rollups: readonly RollupResult[],
  withPeriod: boolean,
  lang: Lang,
): string[][] {
  const digits = scheme.money.digits as MoneyDigits;
  const label = labeler(scheme, lang);
  const money = (c: number) => formatMoney(c, digits);
  const rows = results.map((r) => [
    r.id,
    r.name,
    ...(withPeriod ? [r.period ?? ""] : []),
    ...scheme.indicators.map((i) => (r.excluded ? "" : formatNumber(r.points[i.id]))),
    ...scheme.adjustments.map((a) => (r.excluded ? "" : formatNumber(r.adjustments[a.id]))),
    r.excluded ? "" : formatNumber(r.total),
    label.grade(r.grade),
    ...scheme.pay.map((p) => money(r.pay[p.id] ?? 0)),
    money(r.payTotal),
    r.excluded ? "" : String(r.rank),
    r.flags.map(label.flag).join("; "),
    ...(scheme.awards.length ? [label.award(r.award)] : []),
    ...(scheme.periods.tiers ? [label.tier(r.tier)] : []),
  ]);
  for (const u of rollups) {
    rows.push([
      u.id,
      u.name,
      ...(withPeriod ? [u.period] : []),
      ...scheme.indicators.map(() => ""),
      ...scheme.adjustments.map(() => ""),
      formatNumber(u.total),
      label.grade(u.grade),
      ...scheme.pay.map(() => ""),
      money(u.payTotal),
      "",
      "",
      ...(scheme.awards.length ? [""] : []),
      ...(scheme.periods.tiers ? [""] : []),
    ]);
  }
  return rows;
}
