/**
 * The payout sheet (发放), for finance: per person the total, the grade, every pay line rounded
 * to the money unit, and the total pay; pools split by largest remainder in helper columns; and
 * a reconciliation block: each pool's shares add up to its budget, to the cent.
 */
import { t } from "../../i18n/index.js";

import { Columns } from "./columns.js";
import { moneyFormat, rosterColumns, type PlanContext } from "./context.js";
import type { EvaluationLayout } from "./evaluation-sheet.js";
import { conditionFormula, constFormula, exprFormula, payFormula } from "./native.js";
import type { PlanBlock, PlanValue, SheetPlan } from "./types.js";
import type { PersonPay } from "../../core/pay/index.js";

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
export const exactMatchKey = (cell: string): string => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;

/** `column` of the person whose id is in `idCell`, looked up on an earlier period's sheet ("" if absent). */
export function lookBack(h: PeriodSheet, column: string, idCell: string): string {
  const q = `'${h.sheet.replace(/'/g, "''")}'!`;
  const range = (key: string) => `${q}$${h.layout.columns.letter(key)}$${h.layout.first}:$${h.layout.columns.letter(key)}$${h.layout.last}`;
  return `IF(${idCell}="","",IFERROR(INDEX(${range(column)},MATCH(${exactMatchKey(idCell)},${range("id")},0)),""))`;
}

/**
 * `history` holds the earlier periods that run straight up to this one, the latest first: a
 * first-place streak counts back through them.
 */
export function payoutSheet(
  ctx: PlanContext,
  ev: EvaluationLayout,
  history: readonly PeriodSheet[] = [],
): { sheet: SheetPlan; payColumn: string; lineColumns: Map<string, string> } {
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
  const col = (key: string) => cols.letter(key);
  const here = (key: string, row: number) => `$${col(key)}${row}`;
  const whole = (key: string) => `$${col(key)}$${first}:$${col(key)}$${last}`;
  const inputType = (id: string) => ctx.inputs.get(id)?.type ?? "number";
  const evCol = (key: string, row: number) => `'${evName.replace(/'/g, "''")}'!$${ev.columns.letter(key)}${row}`;
  const evWhole = (key: string) => `'${evName.replace(/'/g, "''")}'!$${ev.columns.letter(key)}$${first}:$${ev.columns.letter(key)}$${last}`;

  const rows: PlanValue[][] = [];
  for (let i = 0; i < n; i++) {
    const row = first + i;
    const f = ev.context(row, evName);
    const evaluated = ev.evaluated(row, evName);
    const ready = ev.ready(row, evName);
    const out: PlanValue[] = new Array(cols.list.length).fill(null);
    const set = (key: string, body: string) => (out[cols.at(key)] = { formula: body });
    set("id", `IF(${evCol("id", row)}="","",${evCol("id", row)})`);
    set("name", `IF(${evCol("name", row)}="","",${evCol("name", row)})`);
    for (const k of own) set(k, `IF(${evCol(k, row)}="","",${evCol(k, row)})`);
    set("total", evCol("total", row));
    if (scheme.grades.length) set("grade", evCol("grade", row));
    const cond = (when: (typeof scheme.pay)[number]["when"]) => (when ? conditionFormula(when, f, inputType) : "TRUE");
    const pay = (when: (typeof scheme.pay)[number]["when"], amount: string) =>
      `IF(${evaluated},IF(${cond(when)},ROUND(${amount},${digits}),0),IF(${ready},0,""))`;
    for (const line of scheme.pay) {
      const rule = line.rule;
      const key = `pay:${line.id}`;
      if (rule.kind === "rank-award") {
        const rank = f.cell("rank");
        const total = f.value("total");
        set(key, pay(line.when, `IF(${rank}=1,${constFormula(rule.first, f)},IF(${total}=MIN(${evWhole("total")}),${constFormula(rule.last, f)},0))`));
      } else if (rule.kind === "streak-award") {
        // the run of first places ending now, counted back through the earlier periods (as far
        // as the longest amount matters); the amount for a run of n is the n-th, the last repeating
        const amounts = rule.amounts.map((a) => constFormula(a, f));
        const depth = Math.min(amounts.length - 1, history.length);
        const idCell = f.cell("id");
        let run = "0";
        for (let k = depth - 1; k >= 0; k--) run = `IF(${lookBack(history[k], "rank", idCell)}=1,1+${run},0)`;
        run = `IF(${f.cell("rank")}=1,1+${run},0)`;
        const amount = amounts.length === 1 ? `IF(${run}>0,${amounts[0]},0)` : `IF(${run}>0,CHOOSE(MIN(${run},${amounts.length}),${amounts.join(",")}),0)`;
        set(key, pay(line.when, amount));
      } else if (rule.kind === "pool") {
        const p = line.id;
        const units = `(ROUND(${constFormula(rule.budget, f)},${digits})*${10 ** digits})`;
        const unitCents = 10 ** (2 - digits);
        set(`${p}:weight`, `IF(AND(${evaluated},${cond(line.when)}),${exprFormula(rule.weight, f)},0)`);
        // running sums (shown for the reader) as SUM over the rows so far, not "the cell above +
        // this row": a column that refers to itself row after row came out wrong in LibreOffice's
        // grouped calculation once long (1,000 rows: its last cell was 0)
        const upTo = (key: string) => `SUM($${col(key)}$${first}:$${col(key)}${row})`;
        set(`${p}:cumulative`, upTo(`${p}:weight`));
        // totals summed where they are used, not read from the running columns' last cell:
        // LibreOffice's grouped calculation got that cell wrong on long sheets
        const W = `SUM(${whole(`${p}:weight`)})`;
        set(`${p}:exact`, `IF(${W}<=0,NA(),(${units}*${here(`${p}:weight`, row)})/${W})`);
        set(`${p}:floor`, `INT(${here(`${p}:exact`, row)}+1E-9)`);
        set(`${p}:floors`, upTo(`${p}:floor`));
        set(`${p}:remainder`, `${here(`${p}:exact`, row)}-${here(`${p}:floor`, row)}`);
        const rem = whole(`${p}:remainder`);
        const w = whole(`${p}:weight`);
        const r = here(`${p}:remainder`, row);
        const wr = here(`${p}:weight`, row);
        set(`${p}:position`, `SUMPRODUCT((${rem}>${r})+(${rem}=${r})*(${w}>${wr})+(${rem}=${r})*(${w}=${wr})*(ROW(${rem})<ROW()))`);
        const left = `(${units}-SUM(${whole(`${p}:floor`)}))`;
        set(key, `IF(${ready},(${here(`${p}:floor`, row)}+IF(${here(`${p}:position`, row)}<${left},1,0))*${unitCents}/100,"")`);
      } else {
        set(key, pay(line.when, payFormula(rule as PersonPay, f)));
      }
    }
    const lines = scheme.pay.map((l) => here(`pay:${l.id}`, row));
    set("pay", `IF(${ready},ROUND(${lines.length ? lines.join("+") : "0"},${digits}),"")`);
    rows.push(out);
  }

  // reconciliation under the table
  const blocks: PlanBlock[] = [{ row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format) }];
  let r = last + 2;
  const label = (key: string, vars = {}) => t(lang, key, vars);
  blocks.push({ row: r, col: 0, values: [[label("wb.payout.reconcile")]], bold: true });
  r++;
  blocks.push({ row: r, col: 0, values: [[label("wb.payout.sum"), null, { formula: `ROUND(SUM(${whole("pay")}),${digits})` }]], formats: [undefined, undefined, money] });
  r++;
  const f0 = ev.context(first, evName);
  for (const p of pools) {
    if (p.rule.kind !== "pool") continue;
    const budget = `ROUND(${constFormula(p.rule.budget, f0)},${digits})`;
    const shares = `ROUND(SUM(${whole(`pay:${p.id}`)}),${digits})`;
    blocks.push({
      row: r,
      col: 0,
      values: [
        [label("wb.payout.pool.budget", { pool: p.name[lang] }), null, { formula: budget }],
        [label("wb.payout.pool.shares", { pool: p.name[lang] }), null, { formula: shares }],
        [label("wb.payout.pool.difference", { pool: p.name[lang] }), null, { formula: `ROUND(${shares}-${budget},${digits})` }],
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
  return { sheet, payColumn: col("pay"), lineColumns: new Map(scheme.pay.map((l) => [l.id, col(`pay:${l.id}`)])) };
}
