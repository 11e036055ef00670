/**
 * The capped awards (best ≤ 5 %, excellent ≤ 10 % …) as formulas, the same rule as the engine's
 * forcedDistribution: down the ranking by total, a tied group that would cross an award's cap
 * gets none of it and moves on to the next award. Used by the evaluation sheet (awards every
 * evaluation) and by the roll-up sheet (awards per quarter or year).
 *
 * Helper columns: `reach` (how many have a total at least this one's) and, per award, the
 * reach of the people it went to — the next award counts from the highest of those.
 */
import type { Lang } from "../../core/text.js";
import type { ForcedAward } from "../../core/roster/forced-distribution.js";
import { add, AND, call, EMPTY, IF, MAX, mul, op, str, type Formula } from "../../core/formula.js";
import { constFormula, type FormulaContext } from "../../core/kinds/kind.js";
import { t } from "../../i18n/index.js";
import type { Columns } from "./columns.js";
import type { Aggregates } from "./aggregates.js";

export interface AwardKeys {
  award: string;
  reach: string;
  reachOf(awardId: string): string;
}

export const awardKeys = (suffix = ""): AwardKeys => ({ award: `award${suffix}`, reach: `reach${suffix}`, reachOf: (id) => `reach${suffix}:${id}` });

/** The award column and its helper columns, headed in the workbook's language. */
export function addAwardColumns(cols: Columns, awards: readonly ForcedAward[], keys: AwardKeys, lang: Lang, period?: string): void {
  const tag = (h: string) => (period ? `${h} (${period})` : h);
  cols.add({ key: keys.award, header: tag(t(lang, "wb.col.award")), width: 14 });
  cols.add({ key: keys.reach, header: tag(t(lang, "wb.col.reach")), width: 10 });
  for (const a of awards) cols.add({ key: keys.reachOf(a.id), header: tag(t(lang, "wb.col.award-reach", { award: a.label[lang] })), width: 10 });
}

/**
 * The formulas of those columns, key → formula, for a row whose total is `total` among the
 * totals `everyone`; `atLeast` is how many of them are at least `total` (rank-table.ts: a COUNTIF,
 * or a lookup in the rank helper); `cell` and `whole` give a column of this sheet in this row and over all rows.
 */
export function awardFormulas(
  awards: readonly ForcedAward[],
  keys: AwardKeys,
  lang: Lang,
  total: Formula,
  everyone: Formula,
  atLeast: Formula,
  cell: (key: string) => Formula,
  whole: (key: string) => Formula,
  f: Pick<FormulaContext, "param">,
  once: Aggregates,
): Map<string, Formula> {
  const out = new Map<string, Formula>();
  // how many have a total at least this one's: the one scan of the roster a row makes, if any
  out.set(keys.reach, atLeast);
  // roster-wide figures once, in their own cells (aggregates.ts)
  const n = once.add(`${keys.award}_count`, "wb.agg.count", {}, call("COUNT", everyone));
  let given: Formula = 0;
  const tests: Formula[] = [];
  for (const a of awards) {
    const cap = call("INT", add(mul(a.share, n), 1e-9));
    const fits = AND(op("<=", op("-", cell(keys.reach), given), cap), ...(a.minTotal === undefined ? [] : [op(">=", total, constFormula(a.minTotal, f))]));
    // a person's reach into this award, for the count the next award starts after
    out.set(keys.reachOf(a.id), IF(AND(...tests.map((x) => call("NOT", x)), fits), cell(keys.reach), 0));
    tests.push(fits);
    given = once.add(`${keys.reachOf(a.id)}_given`, "wb.agg.award-given", { award: a.label[lang] }, MAX(whole(keys.reachOf(a.id))));
  }
  out.set(keys.award, awards.reduceRight<Formula>((rest, a, i) => IF(tests[i], str(a.label[lang]), rest), EMPTY));
  return out;
}
