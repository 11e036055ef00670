/**
 * The payout sheet (发放), for finance: per person the total, the grade, every pay line rounded
 * to the money unit, and the total pay; pools split by largest remainder in helper columns; and
 * a reconciliation block: each pool's shares add up to its budget, to the cent.
 */
import { t } from "../../i18n/index.js";

import { Columns } from "./columns.js";
import { moneyFormat, rosterColumns, type PlanContext } from "./context.js";
import type { EvaluationLayout } from "./evaluation-sheet.js";
import { conditionFormula } from "../../core/condition.js";
import { constFormula, exprFormula } from "../../core/kinds/kind.js";
import { isPersonPay, payFormula } from "../../core/kinds/registry.js";
import { add, AND, area, bool, call, div, EMPTY, IF, MIN, mul, op, ref, ROUND, str, sub, sum, type Formula } from "../../core/formula.js";
import type { PlanBlock, PlanFormula, PlanValue, SheetPlan } from "./types.js";

/** An earlier period's evaluation sheet, for rules that look back (first-place streaks). */
export interface PeriodSheet {
  sheet: string;
  layout: EvaluationLayout;
}

/**
 * An id as MATCH must be given it to find exactly that id: MATCH reads `~ * ?` as wildcards, so
 * they are escaped with `~` (it reads no operators; and case never matters, because ids that
 * differ only in case are refused when the roster is read).
 */
export const exactMatchKey = (cell: Formula): Formula =>
  [
    ["~", "~~"],
    ["*", "~*"],
    ["?", "~?"],
  ].reduce((x, [from, to]) => call("SUBSTITUTE", x, str(from), str(to)), cell);

/** `column` of the person whose id is in `idCell`, looked up on an earlier period's sheet ("" if absent). */
export function lookBack(h: PeriodSheet, column: string, idCell: Formula): Formula {
  const range = (key: string) => h.layout.whole(key, h.sheet);
  return IF(op("=", idCell, EMPTY), EMPTY, call("IFERROR", call("INDEX", range(column), call("MATCH", exactMatchKey(idCell), range("id"), 0)), EMPTY));
}

/**
 * `history` holds the earlier periods that run straight up to this one, the latest first: a
 * first-place streak counts back through them.
 */
export function payoutSheet(
  ctx: PlanContext,
  ev: EvaluationLayout,
  history: readonly PeriodSheet[] = [],
): { sheet: SheetPlan; payColumn: number; lineColumns: Map<string, number> } {
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
  const pools = scheme.pay.filter((l) => l.rule.kind === "pool");
  for (const p of pools) {
    const pool = p.name[lang];
    for (const [k, key] of [
      ["weight", "wb.col.pool.weight"],
      ["cumulative", "wb.col.pool.cumulative"],
      ["exact", "wb.col.pool.exact"],
      ["floor", "wb.col.pool.floor"],
      ["floors", "wb.col.pool.floors"],
      ["remainder", "wb.col.pool.remainder"],
      ["position", "wb.col.pool.position"],
    ])
      cols.add({ key: `${p.id}:${k}`, header: t(lang, key, { pool }), width: 12 });
  }

  const first = ev.first;
  const last = ev.last;
  const n = last - first + 1;
  const here = (key: string): Formula => ref({ col: cols.at(key) });
  const whole = (key: string): Formula => area({ c1: cols.at(key), r1: first, c2: cols.at(key), r2: last });
  /** SUM over the rows so far: $X$2:$X7 in row 7. */
  const upTo = (key: string): Formula => call("SUM", area({ c1: cols.at(key), r1: first, c2: cols.at(key) }));
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
  const cond = (when: (typeof scheme.pay)[number]["when"]) => (when ? conditionFormula(when, f, inputType) : bool(true));
  const pay = (when: (typeof scheme.pay)[number]["when"], amount: Formula) => IF(evaluated, IF(cond(when), ROUND(amount, digits), 0), IF(ready, 0, EMPTY));
  for (const line of scheme.pay) {
    const rule = line.rule;
    const key = `pay:${line.id}`;
    if (rule.kind === "rank-award") {
      const total = f.value("total");
      set(key, pay(line.when, IF(op("=", f.cell("rank"), 1), constFormula(rule.first, f), IF(op("=", total, MIN(ev.whole("total", evName))), constFormula(rule.last, f), 0))));
    } else if (rule.kind === "streak-award") {
      // the run of first places ending now, counted back through the earlier periods (as far
      // as the longest amount matters); the amount for a run of n is the n-th, the last repeating
      const amounts = rule.amounts.map((a) => constFormula(a, f));
      const depth = Math.min(amounts.length - 1, history.length);
      const idCell = f.cell("id");
      let run: Formula = 0;
      for (let k = depth - 1; k >= 0; k--) run = IF(op("=", lookBack(history[k], "rank", idCell), 1), add(1, run), 0);
      run = IF(op("=", f.cell("rank"), 1), add(1, run), 0);
      const amount =
        amounts.length === 1 ? IF(op(">", run, 0), amounts[0], 0) : IF(op(">", run, 0), call("CHOOSE", MIN(run, amounts.length), ...amounts), 0);
      set(key, pay(line.when, amount));
    } else if (rule.kind === "pool") {
      const p = line.id;
      const units = mul(ROUND(constFormula(rule.budget, f), digits), 10 ** digits);
      const unitCents = 10 ** (2 - digits);
      set(`${p}:weight`, IF(AND(evaluated, cond(line.when)), exprFormula(rule.weight, f), 0));
      // running sums (shown for the reader) as SUM over the rows so far, not "the cell above +
      // this row": a column that refers to itself row after row came out wrong in LibreOffice's
      // grouped calculation once long (1,000 rows: its last cell was 0)
      set(`${p}:cumulative`, upTo(`${p}:weight`));
      // totals summed where they are used, not read from the running columns' last cell:
      // LibreOffice's grouped calculation got that cell wrong on long sheets
      const W = call("SUM", whole(`${p}:weight`));
      set(`${p}:exact`, IF(op("<=", W, 0), call("NA"), div(mul(units, here(`${p}:weight`)), W)));
      set(`${p}:floor`, call("INT", add(here(`${p}:exact`), 1e-9)));
      set(`${p}:floors`, upTo(`${p}:floor`));
      set(`${p}:remainder`, sub(here(`${p}:exact`), here(`${p}:floor`)));
      const rem = whole(`${p}:remainder`);
      const w = whole(`${p}:weight`);
      const r = here(`${p}:remainder`);
      const wr = here(`${p}:weight`);
      const remEq = op("=", rem, r);
      set(
        `${p}:position`,
        call("SUMPRODUCT", add(op(">", rem, r), mul(remEq, op(">", w, wr)), mul(mul(remEq, op("=", w, wr)), op("<", call("ROW", rem), call("ROW"))))),
      );
      const left = sub(units, call("SUM", whole(`${p}:floor`)));
      set(key, IF(ready, div(mul(add(here(`${p}:floor`), IF(op("<", here(`${p}:position`), left), 1, 0)), unitCents), 100), EMPTY));
    } else if (isPersonPay(rule)) {
      set(key, pay(line.when, payFormula(rule, f)));
    } else {
      const never: never = rule;
      throw new Error(`no formula for pay kind ${JSON.stringify(never)}`);
    }
  }
  set("pay", IF(ready, ROUND(sum(scheme.pay.map((l) => here(`pay:${l.id}`))), digits), EMPTY));
  const shared: (PlanFormula | null)[] = cols.list.map((c) => {
    const x = formulas.get(c.key);
    return x === undefined ? null : { formula: x };
  });
  const rows: PlanValue[][] = Array.from({ length: n }, () => shared.slice());

  // reconciliation under the table
  const blocks: PlanBlock[] = [{ row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format) }];
  let r = last + 2;
  const label = (key: string, vars = {}) => t(lang, key, vars);
  blocks.push({ row: r, col: 0, values: [[label("wb.payout.reconcile")]], bold: true });
  r++;
  blocks.push({ row: r, col: 0, values: [[label("wb.payout.sum"), null, { formula: ROUND(call("SUM", whole("pay")), digits) }]], formats: [undefined, undefined, money] });
  r++;
  for (const p of pools) {
    if (p.rule.kind !== "pool") continue;
    const budget = ROUND(constFormula(p.rule.budget, f), digits);
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
  const sheet: SheetPlan = {
    name: ctx.sheetNames.payout,
    role: "payout",
    blocks,
    table: { name: `Payout${ctx.tableTag}${ctx.nameSuffix}`, row: first - 1, col: 0, columns: cols.list.map((c) => c.header), keys: cols.list.map((c) => c.key), rows: n },
    validations: [],
    conditional: [],
    freeze: { rows: 1, cols: 2 },
    widths: cols.list.map((c) => c.width ?? 10),
    protect: true,
  };
  return { sheet, payColumn: cols.at("pay"), lineColumns: new Map(scheme.pay.map((l) => [l.id, cols.at(`pay:${l.id}`)])) };
}
