/**
 * A person's rank, and how many have a total at least theirs (forced distribution's reach), in
 * linear passes for a big roster. Written in every row as 1 + COUNTIF(totals, ">"&total), a rank
 * reads the whole column once per person: N² comparisons, measured in LibreOffice at 19.7 s for
 * 16,000 people (bench/rank-forms.mjs), and Excel and WPS pay it too.
 *
 * A total is rounded to the scheme's digits, so the totals of a sheet fall on a grid of steps
 * (0.01 at two digits) above the lowest one. A hidden helper sheet holds that grid: a bin per
 * step (its upper edge half a step above the step, so that no floating-point noise can move a
 * total into the next bin), one FREQUENCY array formula counting the totals per bin, and a
 * running count. A row then reads its rank by position: N − (how many ≤ its total) + 1, with one
 * INDEX — the same number as the COUNTIF, exactly (16,000 people: 2.0 s; 64,000: 3.2 s).
 *
 * When the totals spread wider than the grid (a total above its usual maximum by bonus points),
 * one cell says so and every row falls back to the COUNTIF, still exact. Only in an .xlsx: a
 * legacy array formula is not something Office.js can write (it would spill in Excel 365 and be
 * cut to one cell before), so the Office writer's plans keep the COUNTIF. Only from
 * RANK_TABLE_FROM people on: below that the COUNTIF costs nothing worth a second sheet.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { add, area, call, IF, MAX, MIN, mul, op, ref, ROUND, str, sub, type Formula } from "../../core/formula.js";
import { t } from "../../i18n/index.js";
import { columnLetter } from "./a1.js";
import type { Aggregates } from "./aggregates.js";
import type { PlanValue, SheetPlan } from "./types.js";

/** From this many people on an evaluation sheet, the rank reads the helper sheet. */
export const RANK_TABLE_FROM = 1000;
/** The most bins the helper sheet holds (0–100 at three digits); a finer grid keeps the COUNTIF. */
const MOST_BINS = 100_001;

/** A row's rank and reach: formulas for that row, over the sheet's totals. */
export interface RankForms {
  /** 1 + how many totals are above this one. */
  rank: Formula;
  /** How many totals are at least this one (this person included). */
  atLeast: Formula;
}

/** The plain forms: one COUNTIF over the totals in every row. */
export function countifForms(totals: Formula, total: Formula): RankForms {
  return { rank: add(call("COUNTIF", totals, op("&", str(">"), total)), 1), atLeast: call("COUNTIF", totals, op("&", str(">="), total)) };
}

/** One evaluation sheet's three columns on the helper sheet. */
interface Part {
  sheet: string;
  totals: Formula;
  low: Formula;
}

export class RankTable {
  private readonly parts: Part[] = [];
  /** Steps per point (100 at two digits) and bins (a step each, from the lowest total up). */
  private readonly scale: number;
  readonly bins: number;

  constructor(
    private readonly lang: Lang,
    scheme: Scheme,
    /** The helper sheet's name. */
    readonly name: string,
  ) {
    this.scale = 10 ** scheme.scoreDigits;
    // the grid covers the totals' possible range; without a maximum (bonus points), twice full
    // marks above the lowest total (hospital-cs's sample: 40 to 160 of 100)
    const span = scheme.total.max === undefined ? 2 * scheme.total.full : scheme.total.max - scheme.total.min;
    this.bins = Math.round(span * this.scale) + 1;
  }

  /** Whether a sheet of `people` ranks through the table. */
  applies(people: number): boolean {
    return people >= RANK_TABLE_FROM && this.bins > 1 && this.bins <= MOST_BINS;
  }

  /**
   * The forms for a row of evaluation sheet `sheet`, whose total is `total` among `totals` (the
   * column as that sheet refers to it; `totalsThere` as another sheet does); the sheet's
   * roster-wide figures (how many, the lowest, whether the grid holds them) go to `once`.
   */
  forms(sheet: string, totals: Formula, totalsThere: Formula, total: Formula, once: Aggregates): RankForms {
    const plain = countifForms(totals, total);
    const count = once.add("rank_count", "wb.agg.rank-count", {}, call("COUNT", totals));
    const low = once.add("rank_low", "wb.agg.rank-low", {}, MIN(totals));
    const fits = once.add("rank_fits", "wb.agg.rank-fits", { bins: this.bins }, op("<=", ROUND(mul(sub(MAX(totals), low), this.scale), 0), this.bins - 1));
    const k = this.parts.length;
    this.parts.push({ sheet, totals: totalsThere, low });
    const column = (c: number) => area({ sheet: this.name, c1: 3 * k + c, r1: 2, c2: 3 * k + c, r2: this.bins + 1 });
    // the bin of this total: its steps above the lowest, counted from 1
    const bin = add(ROUND(mul(sub(total, low), this.scale), 0), 1);
    const upTo = call("INDEX", column(2), bin);
    return {
      rank: IF(fits, add(sub(count, upTo), 1), plain.rank),
      atLeast: IF(fits, add(sub(count, upTo), call("INDEX", column(1), bin)), plain.atLeast),
    };
  }

  /** The helper sheet, hidden and protected, or null when no sheet ranks through it. */
  sheet(): SheetPlan | null {
    if (this.parts.length === 0) return null;
    const blocks: SheetPlan["blocks"] = [];
    const n = this.bins;
    this.parts.forEach((p, k) => {
      const [binCol, freqCol, cumCol] = [3 * k, 3 * k + 1, 3 * k + 2];
      blocks.push({
        row: 1,
        col: binCol,
        bold: true,
        values: [[t(this.lang, "wb.rank-table.bin", { sheet: p.sheet }), t(this.lang, "wb.rank-table.count"), t(this.lang, "wb.rank-table.up-to")]],
      });
      // bin r (rows 2 … n+1): the lowest total + (r − 1.5) steps, half a step above its step
      const edge: PlanValue = { formula: add(p.low, op("/", sub(call("ROW"), 1.5), this.scale)) };
      const binArea = area({ c1: binCol, r1: 2, c2: binCol, r2: n + 1 });
      const frequency: PlanValue = {
        formula: call("FREQUENCY", p.totals, binArea),
        // FREQUENCY gives one count more than bins: the totals above the last (none, when the grid holds them)
        array: `${columnLetter(freqCol)}2:${columnLetter(freqCol)}${n + 2}`,
      };
      const values: PlanValue[][] = [];
      for (let r = 2; r <= n + 2; r++) {
        const last = r === n + 2;
        const upTo: PlanValue = last ? null : { formula: r === 2 ? ref({ col: freqCol }) : add(ref({ col: cumCol, row: r - 1 }), ref({ col: freqCol })) };
        values.push([last ? null : edge, r === 2 ? frequency : null, upTo]);
      }
      blocks.push({ row: 2, col: binCol, values, formats: ["0.000", "0", "0"] });
    });
    return {
      name: this.name,
      role: "helper",
      state: "hidden",
      blocks,
      validations: [],
      conditional: [],
      widths: this.parts.flatMap(() => [16, 10, 10]),
      protect: true,
    };
  }
}
