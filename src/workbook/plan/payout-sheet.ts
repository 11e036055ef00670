/**
 * The payout sheet (发放), for finance: per person the total, the grade, every pay line rounded
 * to the money unit, and the total pay; pools split by largest remainder in helper columns; and
 * a reconciliation block: each pool's shares add up to its budget, to the cent.
 */
import { t } from "../../i18n/index.js";

import { Columns } from "./columns.js";
import { moneyFormat, rosterColumns, type PlanContext } from "./context.js";
import type { EvaluationLayout } from "./evaluation-sheet.js";
import { whenFormula } from "../../core/condition.js";
import { rmbUppercaseFormula } from "../../core/rmb-formula.js";
import { isPersonPay, payFormula, rosterPayKindOf } from "../../core/kinds/registry.js";
import { area, call, EMPTY, IF, op, ref, ROUND, sub, sum, type Formula } from "../../core/formula.js";
import { moneyUnit } from "../../core/money.js";
import type { PlanBlock, PlanFormula, PlanName, PlanValue, SheetPlan } from "./types.js";
import { Aggregates } from "./aggregates.js";
import { positionOn, valueAt, type PeriodSheet } from "./lookup.js";

export type { PeriodSheet } from "./lookup.js";

/**
 * `history` holds the earlier periods that run straight up to this one, the latest first: a
 * first-place streak counts back through them.
 */
export function payoutSheet(
  ctx: PlanContext,
  ev: EvaluationLayout,
  history: readonly PeriodSheet[] = [],
): { sheet: SheetPlan; payColumn: number; lineColumns: Map<string, number>; names: PlanName[] } {
  const { scheme, lang } = ctx;
  const evName = ctx.sheetNames.evaluation;
  const money = moneyFormat(scheme.money.digits);
  const digits = scheme.money.digits;
  const cols = new Columns();
  cols.add({ key: "id", header: t(lang, "wb.col.id"), width: 12 });
  cols.add({ key: "name", header: t(lang, "wb.col.name"), width: 12 });
  const own = rosterColumns(ctx.people);
  for (const k of own) cols.add({ key: k, header: t(lang, `wb.col.${k}`), width: 12 });
  cols.add({ key: "total", header: t(lang, "wb.col.total"), format: "0.00", width: 10 });
  if (scheme.grades.length) cols.add({ key: "grade", header: t(lang, "wb.col.grade"), width: 10 });
  for (const line of scheme.pay) cols.add({ key: `pay:${line.id}`, header: line.name[lang], format: money, width: 14 });
  cols.add({ key: "pay", header: t(lang, "wb.col.pay"), format: money, width: 14 });
  // helper columns of the roster-wide lines (a pool's running weights and remainders), after the pay
  const rosterLines = scheme.pay.flatMap((line) => (isPersonPay(line.rule) ? [] : [{ line, rule: line.rule, kind: rosterPayKindOf(line.rule) }]));
  for (const { line, kind } of rosterLines)
    for (const k of kind.helpers) cols.add({ key: `${line.id}:${k}`, header: t(lang, `wb.col.${kind.kind}.${k}`, { pool: line.name[lang] }), width: 12 });

  const first = ev.first;
  const last = ev.last;
  const n = last - first + 1;
  const here = (key: string): Formula => ref({ col: cols.at(key) });
  const whole = (key: string): Formula => area({ c1: cols.at(key), r1: first, c2: cols.at(key), r2: last });
  const inputType = (id: string) => ctx.inputs.get(id)?.type ?? "number";
  const evCell = (key: string) => ev.cell(key, evName);

  // one formula per column, the same tree in every row
  const f = ev.context(evName);
  const evaluated = ev.evaluated(evName);
  const ready = ev.ready(evName);
  const formulas = new Map<string, Formula>();
  const set = (key: string, body: Formula) => formulas.set(key, body);
  const copy = (key: string) => IF(op("=", evCell(key), EMPTY), EMPTY, evCell(key));
  set("id", copy("id"));
  set("name", copy("name"));
  for (const k of own) set(k, copy(k));
  set("total", evCell("total"));
  if (scheme.grades.length) set("grade", evCell("grade"));
  // a line without a condition has no IF(TRUE,…) around its amount
  const cond = (when: (typeof scheme.pay)[number]["when"]) => whenFormula(when, f, inputType);
  // a scheme without eligibility evaluates every row that is filled in: no IF(ready, 0, "") behind IF(ready, …)
  const everyoneEvaluated = JSON.stringify(evaluated) === JSON.stringify(ready);
  const pay = (when: (typeof scheme.pay)[number]["when"], amount: Formula) => {
    const test = cond(when);
    return IF(evaluated, test ? IF(test, ROUND(amount, digits), 0) : ROUND(amount, digits), everyoneEvaluated ? EMPTY : IF(ready, 0, EMPTY));
  };
  // a person's row on an earlier period's sheet, found once in a hidden column of its own (lookup.ts)
  const earlierRank = (k: number): Formula => {
    const h = history[k];
    const key = `at:${h.sheet}`;
    if (!cols.has(key)) {
      cols.add({ key, header: t(lang, "wb.col.position-on", { sheet: h.sheet }), width: 10 });
      set(key, positionOn(h, f.cell("id"), first));
    }
    return valueAt(h, "rank", here(key));
  };
  const agg = new Aggregates(lang, "pay", ctx.tableTag + ctx.nameSuffix);
  for (const line of scheme.pay) {
    const rule = line.rule;
    const key = `pay:${line.id}`;
    if (isPersonPay(rule)) {
      set(key, pay(line.when, payFormula(rule, f)));
      continue;
    }
    const helper = (k: string) => `${line.id}:${k}`;
    const written = rosterPayKindOf(rule).formula(rule, {
      ...f,
      helper: (k) => here(helper(k)),
      helperColumn: (k) => whole(helper(k)),
      helperSoFar: (k) => area({ c1: cols.at(helper(k)), r1: first, c2: cols.at(helper(k)) }),
      whole: (k) => ev.whole(k, evName),
      paid: (amount) => pay(line.when, amount),
      evaluated,
      ready,
      eligible: cond(line.when),
      moneyDigits: digits,
      periodsBack: history.length,
      earlierRank,
      once: (k, labelKey, vars, x) => agg.add(`${line.id}_${k}`, labelKey, { ...vars, line: line.name[lang] }, x),
    });
    for (const [k, x] of Object.entries(written.helpers ?? {})) set(helper(k), x);
    set(key, written.pay);
  }
  set("pay", IF(ready, ROUND(sum(scheme.pay.map((l) => here(`pay:${l.id}`))), digits), EMPTY));
  const shared: (PlanFormula | null)[] = cols.list.map((c) => {
    const x = formulas.get(c.key);
    return x === undefined ? null : { formula: x };
  });
  const rows: PlanValue[][] = Array.from({ length: n }, () => shared.slice());

  // reconciliation under the table
  const blocks: PlanBlock[] = [{ row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format) }];
  // above the header (the rows line up with the evaluation sheet's, under its legend): how every amount comes about
  blocks.push({ row: 1, col: 0, values: [[t(lang, "wb.payout.note", { rounding: t(lang, "cli.rounding", { unit: moneyUnit(digits) }) })]] });
  let r = last + 2;
  const label = (key: string, vars = {}) => t(lang, key, vars);
  blocks.push({ row: r, col: 0, values: [[label("wb.payout.reconcile")]], bold: true });
  r++;
  blocks.push({ row: r, col: 0, values: [[label("wb.payout.sum"), null, { formula: ROUND(call("SUM", whole("pay")), digits) }]], formats: [undefined, undefined, money] });
  // the same total in Chinese capitals, as a signed payout states it (follows the figure above)
  blocks.push({ row: r + 1, col: 0, values: [[label("wb.payout.sum-words"), null, { formula: rmbUppercaseFormula(ref({ col: 2, row: r })) }]] });
  r += 2;
  for (const { line: p, rule, kind } of rosterLines) {
    if (!kind.budget) continue;
    const budget = kind.budget(rule, f, digits);
    const shares = ROUND(call("SUM", whole(`pay:${p.id}`)), digits);
    blocks.push({
      row: r,
      col: 0,
      values: [
        [label("wb.payout.pool.budget", { pool: p.name[lang] }), null, { formula: budget }],
        [label("wb.payout.pool.shares", { pool: p.name[lang] }), null, { formula: shares }],
        [label("wb.payout.pool.difference", { pool: p.name[lang] }), null, { formula: ROUND(sub(shares, budget), digits) }],
      ],
      formats: [undefined, undefined, money],
    });
    r += 3;
  }
  // sign-off lines for the printed payout: who made it, who checked it, who approved it, and when
  r++;
  blocks.push({
    row: r,
    col: 0,
    values: [["wb.payout.sign.prepared", "wb.payout.sign.checked", "wb.payout.sign.approved"].flatMap((k) => [label(k), null])],
  });
  blocks.push({ row: r + 1, col: 0, values: [[label("wb.payout.sign.date"), null, label("wb.payout.sign.date"), null, label("wb.payout.sign.date"), null]] });
  r += 2;
  const sheet: SheetPlan = {
    name: ctx.sheetNames.payout,
    role: "payout",
    blocks,
    table: { name: `Payout${ctx.tableTag}${ctx.nameSuffix}`, row: first - 1, col: 0, columns: cols.list.map((c) => c.header), keys: cols.list.map((c) => c.key), rows: n },
    validations: [],
    conditional: [],
    freeze: { rows: first - 1, cols: 2 },
    widths: cols.list.map((c) => c.width ?? 10),
    // a pool's running weights and remainders: the split needs them, the reader of a payout does not
    hidden: [...rosterLines.flatMap(({ line, kind }) => kind.helpers.map((k) => cols.at(`${line.id}:${k}`))), ...cols.list.flatMap((c, i) => (c.key.startsWith("at:") ? [i] : []))],
    protect: true,
  };
  const names = agg.place(sheet);
  return { sheet, names, payColumn: cols.at("pay"), lineColumns: new Map(scheme.pay.map((l) => [l.id, cols.at(`pay:${l.id}`)])) };
}
