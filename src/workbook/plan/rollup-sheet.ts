/**
 * The roll-up sheet (周期汇总) of a workbook with several periods: per person the total of each
 * period (looked up by id on that period's evaluation sheet), the quarter or year by mean or
 * sum as the scheme says, its grade, and — as of the latest period — the streak flags (N periods
 * running below a mark, last or first N times running) and the tier over the last periods.
 * A period a person was not evaluated in is a gap, as in src/core.
 */
import { t } from "../../i18n/index.js";
import { constValue } from "../../core/expr.js";
import { sortBandsDesc } from "../../core/totals.js";
import { formatPeriod, parsePeriod, periodOrdinal, rollupOf } from "../../core/periods/period.js";
import type { StreakRule } from "../../core/periods/streaks.js";
import { constFormula } from "../../core/kinds/kind.js";
import { AND, area, call, div, EMPTY, IF, MIN, NA, N, op, ref, ROUND, str, sum, type Formula } from "../../core/formula.js";
import { Columns } from "./columns.js";
import { addAwardColumns, awardFormulas, awardKeys } from "./award-columns.js";
import { POINTS_FORMAT, type PlanContext, type PlanPerson } from "./context.js";
import { positionOn, valueAt, type PeriodSheet } from "./lookup.js";
import { Aggregates } from "./aggregates.js";
import { countifForms } from "./rank-table.js";
import type { PlanFormula, PlanName, PlanValue, SheetPlan } from "./types.js";

export interface PeriodSheets extends PeriodSheet {
  period: string;
}

export function rollupSheet(ctx: PlanContext, name: string, periods: readonly PeriodSheets[], people: readonly PlanPerson[]): { sheet: SheetPlan; names: PlanName[] } {
  const { scheme, lang } = ctx;
  const env = { params: ctx.params };
  const cols = new Columns();
  cols.add({ key: "id", header: t(lang, "wb.col.id"), width: 12 });
  cols.add({ key: "name", header: t(lang, "wb.col.name"), width: 12 });
  periods.forEach((p) => cols.add({ key: `t:${p.period}`, header: t(lang, "wb.col.period-total", { period: p.period }), format: POINTS_FORMAT, width: 12 }));
  const roll = scheme.periods.rollup;
  const groups = new Map<string, number[]>();
  if (roll) periods.forEach((p, i) => {
    const key = formatPeriod(rollupOf(parsePeriod(p.period), roll.to));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(i);
  });
  const method = roll ? t(lang, `wb.method.${roll.method}`) : "";
  const awardsHere = scheme.awards.length > 0 && scheme.awardsOn === "rollup";
  for (const g of groups.keys()) {
    cols.add({ key: `r:${g}`, header: t(lang, "wb.col.rollup-total", { period: g, method }), format: POINTS_FORMAT, width: 14 });
    if (roll?.method === "mean" && scheme.grades.length) cols.add({ key: `g:${g}`, header: t(lang, "wb.col.rollup-grade", { period: g }), width: 10 });
    // the capped awards per quarter or year (seed 004 篇十二: 每一季度或每一年度)
    if (awardsHere) addAwardColumns(cols, scheme.awards, awardKeys(`@${g}`), lang, g);
  }
  const last = periods[periods.length - 1];
  for (const s of scheme.periods.streaks) cols.add({ key: `s:${s.id}`, header: t(lang, "wb.col.streak", { label: s.label[lang], period: last.period }), width: 16 });
  if (scheme.periods.tiers) cols.add({ key: "tier", header: t(lang, "wb.col.tier", { period: last.period }), width: 12 });
  // each person's row on each period's sheet, found once (lookup.ts); hidden
  periods.forEach((p) => cols.add({ key: `at:${p.period}`, header: t(lang, "wb.col.position-on", { sheet: p.sheet }), width: 10 }));

  // the latest periods that run straight up to the last one, latest first
  const tail: PeriodSheets[] = [last];
  for (let i = periods.length - 2; i >= 0; i--) {
    if (periodOrdinal(parsePeriod(periods[i].period)) !== periodOrdinal(parsePeriod(tail[tail.length - 1].period)) - 1) break;
    tail.push(periods[i]);
  }
  const grades = sortBandsDesc(scheme.grades.map((g) => ({ g, min: constValue(g.min, env) })));
  const ids: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    ids.push({ id: p.id, name: p.name });
  }
  const first = 2;
  const f0 = { param: (id: string): Formula => ({ name: ctx.names.param(id) }) };

  // one formula per column, the same tree in every row
  const formulas = new Map<string, Formula>();
  const set = (key: string, body: Formula) => formulas.set(key, body);
  const cell = (key: string): Formula => ref({ col: cols.at(key) });
  const idCell = cell("id");
  const at = (p: PeriodSheets) => cell(`at:${p.period}`);
  periods.forEach((p) => set(`at:${p.period}`, positionOn(p, idCell, first)));
  periods.forEach((p) => set(`t:${p.period}`, valueAt(p, "total", at(p))));
  const agg = new Aggregates(lang, "roll", ctx.nameSuffix);
  for (const [g, members] of groups) {
    const totals = members.map((k) => cell(`t:${periods[k].period}`));
    const added = sum(totals.map((x) => N(x)));
    const n = call("COUNT", ...totals);
    const value = roll!.method === "mean" ? div(added, n) : added;
    set(`r:${g}`, IF(op("=", n, 0), EMPTY, ROUND(value, scheme.scoreDigits)));
    if (roll!.method === "mean" && scheme.grades.length) {
      const r = cell(`r:${g}`);
      const label = grades.reduceRight<Formula>((rest, { g: grade }) => IF(op(">=", r, { name: ctx.names.gradeMin(grade.id) }), str(grade.label[lang]), rest), NA());
      set(`g:${g}`, IF(op("=", r, EMPTY), EMPTY, label));
    }
    if (awardsHere) {
      const r = cell(`r:${g}`);
      const whole = (key: string): Formula => area({ c1: cols.at(key), r1: first, c2: cols.at(key), r2: first + Math.max(ids.length, 1) - 1 });
      // among the people rolled up into this period; a person with no evaluation in it has none
      for (const [key, x] of awardFormulas(scheme.awards, awardKeys(`@${g}`), lang, r, whole(`r:${g}`), countifForms(whole(`r:${g}`), r).atLeast, cell, whole, f0, agg)) set(key, IF(call("ISNUMBER", r), x, EMPTY));
    }
  }
  const hit = (rule: StreakRule, p: PeriodSheets): Formula => {
    const total = cell(`t:${p.period}`);
    const rank = valueAt(p, "rank", at(p));
    const range = (key: string) => p.layout.whole(key, p.sheet);
    // the period's last rank and its headcount: figures of the period, computed once
    const lastRank = () => agg.add(`last_${p.period}`, "wb.agg.last-rank", { period: p.period }, call("MAX", range("rank")));
    const counted = () => agg.add(`count_${p.period}`, "wb.agg.period-count", { period: p.period }, call("COUNT", range("total")));
    if (rule.when === "below") return AND(call("ISNUMBER", total), op("<", N(total), rule.mark === undefined ? 60 : constFormula(rule.mark, f0)));
    if (rule.when === "rank-first") return op("=", rank, 1);
    return AND(call("ISNUMBER", total), op("=", rank, lastRank()), op("<>", rank, 1), op(">", counted(), 1));
  };
  for (const s of scheme.periods.streaks)
    set(`s:${s.id}`, s.count > tail.length ? EMPTY : IF(AND(...tail.slice(0, s.count).map((p) => hit(s, p))), str(s.label[lang]), EMPTY));
  const tiers = scheme.periods.tiers;
  if (tiers && tiers.window <= tail.length) {
    const window = tail.slice(0, tiers.window).map((p) => cell(`t:${p.period}`));
    const low = MIN(...window);
    const bands = sortBandsDesc(tiers.tiers.map((x) => ({ x, min: constValue(x.min, env) })));
    const label = bands.reduceRight<Formula>((rest, { x }) => IF(op(">=", low, constFormula(x.min, f0)), str(x.label[lang]), rest), EMPTY);
    set("tier", IF(AND(...window.map((w) => call("ISNUMBER", w))), label, EMPTY));
  }
  const shared: (PlanFormula | null)[] = cols.list.map((c) => {
    const x = formulas.get(c.key);
    return x === undefined ? null : { formula: x };
  });
  const rows: PlanValue[][] = ids.map((person) => {
    const out: PlanValue[] = shared.slice();
    out[cols.at("id")] = person.id;
    out[cols.at("name")] = person.name;
    // a tier window longer than the periods there are: no tier
    if (tiers && tiers.window > tail.length) out[cols.at("tier")] = "";
    return out;
  });

  const sheet: SheetPlan = {
    name,
    role: "summary",
    blocks: [{ row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format) }],
    table: { name: `Rollup${ctx.nameSuffix}`, row: first - 1, col: 0, columns: cols.list.map((c) => c.header), keys: cols.list.map((c) => c.key), rows: Math.max(rows.length, 1) },
    validations: [],
    conditional: [],
    freeze: { rows: 1, cols: 2 },
    widths: cols.list.map((c) => c.width ?? 10),
    hidden: cols.list.flatMap((c, i) => (/^(reach@|at:)/.test(c.key) ? [i] : [])),
    protect: true,
  };
  return { sheet, names: agg.place(sheet) };
}
