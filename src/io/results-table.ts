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
import type { MoneyDigits } from "../core/money.js";
import { t } from "../i18n/index.js";
import { CsvBytes } from "./csv-bytes.js";
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

function rosterCellsOf(c: RosterColumns, p: PersonData | undefined): string[] {
  return [...(c.department ? [p?.department ?? ""] : []), ...(c.position ? [p?.position ?? ""] : []), ...c.carried.map((_, i) => p?.carried?.[i] ?? "")];
}

/** The results' columns in order: one list for the header and for the writer below. */
export function resultColumns(scheme: Scheme, withPeriod: boolean, roster: RosterColumns = NONE): string[] {
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

type RosterOf = { columns: RosterColumns; people: readonly PersonData[] };

/**
 * The results as a CSV file's bytes (csv-bytes.ts): the rows in resultColumns' order, then the
 * roll-ups. Points and totals as formatNumber writes them, money as formatMoney in the scheme's
 * unit, labels in the chosen language; text cells guarded and quoted as formatCsv does.
 */
export function resultsCsv(
  scheme: Scheme,
  results: readonly PersonResult[],
  rollups: readonly RollupResult[],
  withPeriod: boolean,
  lang: Lang,
  roster: RosterOf = { columns: NONE, people: [] },
): Uint8Array {
  const digits = scheme.money.digits as MoneyDigits;
  const label = labeler(scheme, lang);
  const out = new CsvBytes();
  const header = resultColumns(scheme, withPeriod, roster.columns);
  for (let i = 0; i < header.length; i++) (i ? out.comma() : out).text(header[i]);
  out.endLine();
  // the roster's own columns, by the line each person was read from (and, for a roll-up, the latest)
  const carried = roster.columns.department || roster.columns.position || roster.columns.carried.length > 0;
  // (made only when there is something to look up: two maps of 100,000 people are not free)
  const byLine = new Map(carried ? roster.people.map((p) => [p.line, p]) : []);
  const byId = new Map(carried && rollups.length ? roster.people.map((p) => [p.id, p]) : []);
  const rosterCells = (p: PersonData | undefined) => {
    for (const cell of rosterCellsOf(roster.columns, p)) out.text(cell).comma();
  };
  const indicatorIds = scheme.indicators.map((i) => i.id);
  const adjustmentIds = scheme.adjustments.map((a) => a.id);
  const payIds = scheme.pay.map((p) => p.id);
  const awards = scheme.awards.length > 0;
  const tiers = scheme.periods.tiers !== undefined;
  // each cell followed by its comma; the last of a line by the line's end
  for (let k = 0; k < results.length; k++) {
    const r = results[k];
    out.text(r.id).comma().text(r.name).comma();
    if (carried) rosterCells(byLine.get(r.line));
    if (withPeriod) out.text(r.period ?? "").comma();
    for (let i = 0; i < indicatorIds.length; i++) (r.excluded ? out : out.number(r.points[indicatorIds[i]])).comma();
    for (let i = 0; i < adjustmentIds.length; i++) (r.excluded ? out : out.number(r.adjustments[adjustmentIds[i]])).comma();
    (r.excluded ? out : out.number(r.total)).comma().text(label.grade(r.grade)).comma();
    for (let i = 0; i < payIds.length; i++) out.money(r.pay[payIds[i]] ?? 0, digits).comma();
    out.money(r.payTotal, digits).comma();
    (r.excluded ? out : out.number(r.rank)).comma();
    out.text(r.flags.length ? r.flags.map(label.flag).join("; ") : "");
    if (awards) out.comma().text(label.award(r.award));
    if (tiers) out.comma().text(label.tier(r.tier));
    out.endLine();
  }
  for (const u of rollups) {
    out.text(u.id).comma().text(u.name).comma();
    if (carried) rosterCells(byId.get(u.id));
    if (withPeriod) out.text(u.period).comma();
    for (let i = 0; i < indicatorIds.length + adjustmentIds.length; i++) out.comma();
    out.number(u.total).comma().text(label.grade(u.grade)).comma();
    for (let i = 0; i < payIds.length; i++) out.comma();
    out.money(u.payTotal, digits).comma().comma();
    if (awards) out.comma().text(label.award(u.award));
    if (tiers) out.comma();
    out.endLine();
  }
  return out.bytes();
}
