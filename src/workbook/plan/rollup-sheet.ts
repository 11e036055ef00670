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
import { textLiteral } from "./a1.js";
import { Columns } from "./columns.js";
import { POINTS_FORMAT, type PlanContext, type PlanPerson } from "./context.js";
import { constFormula } from "./native.js";
import { lookBack, type PeriodSheet } from "./payout-sheet.js";
import type { PlanValue, SheetPlan } from "./types.js";

export interface PeriodSheets extends PeriodSheet {
  period: string;
}

export function rollupSheet(ctx: PlanContext, name: string, periods: readonly PeriodSheets[], people: readonly PlanPerson[]): SheetPlan {
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
  for (const g of groups.keys()) {
    cols.add({ key: `r:${g}`, header: t(lang, "wb.col.rollup-total", { period: g, method }), format: POINTS_FORMAT, width: 14 });
    if (roll?.method === "mean" && scheme.grades.length) cols.add({ key: `g:${g}`, header: t(lang, "wb.col.rollup-grade", { period: g }), width: 10 });
  }
  const last = periods[periods.length - 1];
  for (const s of scheme.periods.streaks) cols.add({ key: `s:${s.id}`, header: t(lang, "wb.col.streak", { label: s.label[lang], period: last.period }), width: 16 });
  if (scheme.periods.tiers) cols.add({ key: "tier", header: t(lang, "wb.col.tier", { period: last.period }), width: 12 });

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
  const f0 = { param: (id: string) => ctx.names.param(id) } as Parameters<typeof constFormula>[1];

  const rows: PlanValue[][] = ids.map((person, i) => {
    const row = first + i;
    const out: PlanValue[] = new Array(cols.list.length).fill(null);
    const set = (key: string, v: PlanValue) => (out[cols.at(key)] = v);
    const cell = (key: string) => `$${cols.letter(key)}${row}`;
    const idCell = cell("id");
    set("id", person.id);
    set("name", person.name);
    periods.forEach((p) => set(`t:${p.period}`, { formula: lookBack(p, "total", idCell) }));
    for (const [g, members] of groups) {
      const totals = members.map((k) => cell(`t:${periods[k].period}`));
      const sum = totals.map((x) => `N(${x})`).join("+");
      const n = `COUNT(${totals.join(",")})`;
      const value = roll!.method === "mean" ? `(${sum})/${n}` : sum;
      set(`r:${g}`, { formula: `IF(${n}=0,"",ROUND(${value},${scheme.scoreDigits}))` });
      if (roll!.method === "mean" && scheme.grades.length) {
        const r = cell(`r:${g}`);
        const label = grades.reduceRight((rest, { g: grade }) => `IF(${r}>=${ctx.names.gradeMin(grade.id)},${textLiteral(grade.label[lang])},${rest})`, "NA()");
        set(`g:${g}`, { formula: `IF(${r}="","",${label})` });
      }
    }
    const hit = (rule: StreakRule, p: PeriodSheets) => {
      const total = cell(`t:${p.period}`);
      const rank = lookBack(p, "rank", idCell);
      const q = `'${p.sheet.replace(/'/g, "''")}'!`;
      const range = (key: string) => `${q}$${p.layout.columns.letter(key)}$${p.layout.first}:$${p.layout.columns.letter(key)}$${p.layout.last}`;
      if (rule.when === "below") return `AND(ISNUMBER(${total}),N(${total})<${rule.mark === undefined ? "60" : constFormula(rule.mark, f0)})`;
      if (rule.when === "rank-first") return `${rank}=1`;
      return `AND(ISNUMBER(${total}),${rank}=MAX(${range("rank")}),${rank}<>1,COUNT(${range("total")})>1)`;
    };
    for (const s of scheme.periods.streaks) {
      const flag =
        s.count > tail.length ? '""' : `IF(AND(${tail.slice(0, s.count).map((p) => hit(s, p)).join(",")}),${textLiteral(s.label[lang])},"")`;
      set(`s:${s.id}`, { formula: flag });
    }
    const tiers = scheme.periods.tiers;
    if (tiers) {
      if (tiers.window > tail.length) set("tier", "");
      else {
        const window = tail.slice(0, tiers.window).map((p) => cell(`t:${p.period}`));
        const low = `MIN(${window.join(",")})`;
        const bands = sortBandsDesc(tiers.tiers.map((x) => ({ x, min: constValue(x.min, env) })));
        const label = bands.reduceRight((rest, { x }) => `IF(${low}>=${constFormula(x.min, f0)},${textLiteral(x.label[lang])},${rest})`, '""');
        set("tier", { formula: `IF(AND(${window.map((w) => `ISNUMBER(${w})`).join(",")}),${label},"")` });
      }
    }
    return out;
  });

  return {
    name,
    role: "summary",
    blocks: [{ row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format) }],
    table: { name: `Rollup${ctx.nameSuffix}`, row: first - 1, col: 0, columns: cols.list.map((c) => c.header), keys: cols.list.map((c) => c.key), rows: Math.max(rows.length, 1) },
    validations: [],
    conditional: [],
    freeze: { rows: 1, cols: 2 },
    widths: cols.list.map((c) => c.width ?? 10),
    protect: true,
  };
}
