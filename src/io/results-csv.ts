/**
 * The results as a CSV file's bytes (csv-bytes.ts), in resultColumns' order (results-table.ts):
 * each result's line, then the roll-ups. Points and totals as formatNumber writes them, money as
 * formatMoney in the scheme's unit, labels in the chosen language; text cells guarded and quoted
 * as formatCsv does.
 *
 * Written in two parts, so that the command line can write a person as soon as they are scored
 * and keep no more of them than the roster's rules need: a person's own cells (id, name, the
 * roster's columns, period, points, adjustments, total, grade), which nothing after their own
 * evaluation changes, and the cells the roster's rules finish (pay lines, which pools and streak
 * awards fill in, the pay total, rank, flags, award, tier).
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { PersonResult } from "../core/evaluate.js";
import type { RollupResult } from "../core/periods/evaluate-periods.js";
import type { MoneyDigits } from "../core/money.js";
import type { Lang } from "../core/text.js";
import type { PersonData } from "../core/data.js";
import { CsvBytes } from "./csv-bytes.js";
import { labeler, NO_ROSTER_COLUMNS as NONE, resultColumns, type RosterColumns } from "./results-table.js";

export class ResultsCsvWriter {
  /** every person's own cells, one after the other, without a BOM */
  private readonly own = new CsvBytes(false);
  /** where each written person's own cells end in `own`, in the order written */
  private readonly ends: number[] = [];
  private readonly written: PersonResult[] = [];
  /** the roster's columns of a roll-up: those of the person's latest line */
  private readonly latest = new Map<string, PersonData>();
  private readonly label: ReturnType<typeof labeler>;
  private readonly carried: boolean;
  private readonly rollingUp: boolean;
  private readonly indicatorIds: string[];
  private readonly adjustmentIds: string[];

  constructor(
    private readonly scheme: Scheme,
    lang: Lang,
    private readonly withPeriod: boolean,
    private readonly columns: RosterColumns = NONE,
  ) {
    this.label = labeler(scheme, lang);
    this.carried = columns.department || columns.position || columns.carried.length > 0;
    this.rollingUp = scheme.periods.rollup !== undefined;
    this.indicatorIds = scheme.indicators.map((i) => i.id);
    this.adjustmentIds = scheme.adjustments.map((a) => a.id);
  }

  private rosterCells(out: CsvBytes, p: PersonData | undefined): void {
    const c = this.columns;
    if (c.department) out.text(p?.department ?? "").comma();
    if (c.position) out.text(p?.position ?? "").comma();
    for (let i = 0; i < c.carried.length; i++) out.text(p?.carried?.[i] ?? "").comma();
  }

  /**
   * A scored person's own cells, each followed by its comma; `person` is the roster row they were
   * scored from (its department, position and carried columns). The result's points and
   * adjustments are not read again: a caller may let them go.
   */
  person(r: PersonResult, person: PersonData | undefined): void {
    const out = this.own;
    out.text(r.id).comma().text(r.name).comma();
    if (this.carried) {
      this.rosterCells(out, person);
      if (person && this.rollingUp) {
        const before = this.latest.get(person.id);
        if (!before || before.line < person.line) this.latest.set(person.id, person);
      }
    }
    if (this.withPeriod) out.text(r.period ?? "").comma();
    const ids = this.indicatorIds;
    for (let i = 0; i < ids.length; i++) (r.excluded ? out : out.number(r.points[ids[i]])).comma();
    const adj = this.adjustmentIds;
    for (let i = 0; i < adj.length; i++) (r.excluded ? out : out.number(r.adjustments[adj[i]])).comma();
    (r.excluded ? out : out.number(r.total)).comma().text(this.label.grade(r.grade)).comma();
    this.ends.push(out.bytes().length);
    this.written.push(r);
  }

  /**
   * The file: the header, then each result in the order given (every one of them written by
   * `person` before, in any order) with the cells the roster's rules finished, then the roll-ups.
   */
  finish(results: readonly PersonResult[], rollups: readonly RollupResult[]): Uint8Array {
    const { scheme, label } = this;
    const digits = scheme.money.digits as MoneyDigits;
    const out = new CsvBytes();
    const header = resultColumns(scheme, this.withPeriod, this.columns);
    for (let i = 0; i < header.length; i++) (i ? out.comma() : out).text(header[i]);
    out.endLine();
    const own = this.own.bytes();
    const payIds = scheme.pay.map((p) => p.id);
    const awards = scheme.awards.length > 0;
    const tiers = scheme.periods.tiers !== undefined;
    // results in the order written need no lookup (one period); else each found by a map made once
    let order: Map<PersonResult, number> | null = null;
    for (let k = 0; k < results.length; k++) {
      const r = results[k];
      let w = k;
      if (this.written[k] !== r) {
        order ??= new Map(this.written.map((x, i) => [x, i]));
        const found = order.get(r);
        if (found === undefined) throw new Error(`results CSV: the result of line ${r.line} was not written`);
        w = found;
      }
      out.raw(own.subarray(w === 0 ? 0 : this.ends[w - 1], this.ends[w]));
      for (let i = 0; i < payIds.length; i++) out.money(r.pay[payIds[i]] ?? 0, digits).comma();
      out.money(r.payTotal, digits).comma();
      (r.excluded ? out : out.number(r.rank)).comma();
      out.text(r.flags.length ? r.flags.map(label.flag).join("; ") : "");
      if (awards) out.comma().text(label.award(r.award));
      if (tiers) out.comma().text(label.tier(r.tier));
      out.endLine();
    }
    const blanks = this.indicatorIds.length + this.adjustmentIds.length;
    for (const u of rollups) {
      out.text(u.id).comma().text(u.name).comma();
      if (this.carried) this.rosterCells(out, this.latest.get(u.id));
      if (this.withPeriod) out.text(u.period).comma();
      for (let i = 0; i < blanks; i++) out.comma();
      out.number(u.total).comma().text(label.grade(u.grade)).comma();
      for (let i = 0; i < payIds.length; i++) out.comma();
      out.money(u.payTotal, digits).comma().comma();
      if (awards) out.comma().text(label.award(u.award));
      if (tiers) out.comma();
      out.endLine();
    }
    return out.bytes();
  }
}

type RosterOf = { columns: RosterColumns; people: readonly PersonData[] };

/** Results already evaluated, as the file (the roster's columns of each by the line it was read from). */
export function resultsCsv(
  scheme: Scheme,
  results: readonly PersonResult[],
  rollups: readonly RollupResult[],
  withPeriod: boolean,
  lang: Lang,
  roster: RosterOf = { columns: NONE, people: [] },
): Uint8Array {
  const writer = new ResultsCsvWriter(scheme, lang, withPeriod, roster.columns);
  const c = roster.columns;
  // (made only when there is something to look up: a map of 100,000 people is not free)
  const byLine = new Map(c.department || c.position || c.carried.length ? roster.people.map((p) => [p.line, p]) : []);
  for (let k = 0; k < results.length; k++) writer.person(results[k], byLine.get(results[k].line));
  return writer.finish(results, rollups);
}
