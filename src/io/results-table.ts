/**
 * Results as a table: `id`, `name`, [`period`], one column of points per indicator and
 * adjustment, `total`, `grade`, one column per pay line, `pay`, `rank`, `flags`, and `award`
 * and `tier` when the scheme has them. Roll-up rows (quarter, year) follow the period rows.
 * Labels (grade, flags, award, tier) are in the chosen language; money is formatted to the
 * scheme's unit. The file itself is written by results-csv.ts.
 */
import type { Scheme } from "../core/scheme/schema.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../core/text.js";

/** What the roster had besides the scheme's inputs, carried into the results: 部门, 岗位, extra columns. */
export interface RosterColumns {
  department: boolean;
  position: boolean;
  /** headers of the columns carried through unchanged (`--keep-extra`) */
  carried: readonly string[];
}

export const NO_ROSTER_COLUMNS: RosterColumns = { department: false, position: false, carried: [] };

function rosterHeader(c: RosterColumns): string[] {
  return [...(c.department ? ["department"] : []), ...(c.position ? ["position"] : []), ...c.carried];
}

/** The results' columns in order: one list for the header and for the writer below. */
export function resultColumns(scheme: Scheme, withPeriod: boolean, roster: RosterColumns = NO_ROSTER_COLUMNS): string[] {
  return [
    "id",
    "name",
    ...rosterHeader(roster),
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
