/**
 * The summary sheet (汇总): headcount per grade with its share and a data bar, and a column
 * chart of the headcounts beside the tables; the capped awards checked against their caps, and the
 * total of every pay line.
 */
import { t } from "../../i18n/index.js";
import { add, area, call, div, IF, mul, neg, op, ref, ROUND, str, type Formula } from "../../core/formula.js";
import { moneyFormat, type PlanContext } from "./context.js";
import type { EvaluationLayout } from "./evaluation-sheet.js";
import type { PlanBlock, SheetPlan } from "./types.js";
import { columnLetter } from "./a1.js";

export function summarySheet(ctx: PlanContext, ev: EvaluationLayout, payout: { lineColumns: Map<string, number>; payColumn: number }): SheetPlan {
  const { scheme, lang } = ctx;
  const range = (key: string) => ev.whole(key, ctx.sheetNames.evaluation);
  const payRange = (col: number) => area({ sheet: ctx.sheetNames.payout, c1: col, r1: ev.first, c2: col, r2: ev.last });
  /** A cell of this sheet, absolute (the summary's blocks are one-off cells, not columns). */
  const at = (col: number, row: number): Formula => ref({ col, row });
  /** --EXACT(range, x): 1 where a cell is exactly x (case and wildcards count), else 0. */
  const exact = (r: Formula, x: Formula) => neg(neg(call("EXACT", r, x)));
  const blocks: PlanBlock[] = [];
  let row = 1;
  blocks.push({ row, col: 0, values: [[`${scheme.name[lang]} — ${t(lang, "wb.summary.title")}`]], bold: true });
  row += 2;
  const headcount = at(1, row);
  blocks.push({ row, col: 0, values: [[t(lang, "wb.summary.headcount"), { formula: call("COUNT", range("total")) }]] });
  row += 2;
  let chart: SheetPlan["chart"];
  const dataBars: NonNullable<SheetPlan["dataBars"]> = [];
  if (scheme.grades.length) {
    blocks.push({ row, col: 0, bold: true, values: [["wb.summary.grade", "wb.summary.count", "wb.summary.share", "wb.summary.bar"].map((k) => t(lang, k))] });
    row++;
    const start = row;
    const grades = [...scheme.grades];
    blocks.push({
      row,
      col: 0,
      formats: [undefined, "0", "0.0%", ";;;"],
      values: grades.map((g, i) => {
        const r = row + i;
        return [
          g.label[lang],
          { formula: call("SUMPRODUCT", exact(range("grade"), str(g.label[lang]))) },
          { formula: IF(op("=", headcount, 0), 0, div(at(1, r), headcount)) },
          // the share again, its number hidden: a data bar draws it (text bars printed as black blocks)
          { formula: at(2, r) },
        ];
      }),
    });
    dataBars.push({ ref: `D${row}:D${row + grades.length - 1}`, min: 0, max: 1, color: "5B9BD5" });
    row += grades.length;
    chart = { title: t(lang, "wb.summary.chart"), categories: `A${start}:A${row - 1}`, values: `B${start}:B${row - 1}`, anchor: `A${start - 1}`, size: { cols: 7, rows: 15 } };
    row++;
  }
  if (scheme.awards.length && scheme.awardsOn === "period") {
    blocks.push({ row, col: 0, bold: true, values: [["wb.col.award", "wb.summary.cap", "wb.summary.given", "wb.summary.check"].map((k) => t(lang, k))] });
    row++;
    blocks.push({
      row,
      col: 0,
      values: scheme.awards.map((a, i) => {
        const r = row + i;
        return [
          a.label[lang],
          { formula: call("INT", add(mul(a.share, headcount), 1e-9)) },
          { formula: call("SUMPRODUCT", exact(range("award"), str(a.label[lang]))) },
          { formula: IF(op("<=", at(2, r), at(1, r)), str("✓"), str("✗")) },
        ];
      }),
    });
    row += scheme.awards.length + 1;
  }
  if (scheme.pay.length) {
    const money = moneyFormat(scheme.money.digits);
    blocks.push({ row, col: 0, bold: true, values: [[t(lang, "wb.summary.line"), t(lang, "wb.summary.amount")]] });
    row++;
    blocks.push({
      row,
      col: 0,
      formats: [undefined, money],
      values: [
        ...scheme.pay.map((l) => [l.name[lang], { formula: ROUND(call("SUM", payRange(payout.lineColumns.get(l.id)!)), scheme.money.digits) }]),
        [t(lang, "wb.col.pay"), { formula: ROUND(call("SUM", payRange(payout.payColumn)), scheme.money.digits) }],
      ],
    });
    row += scheme.pay.length + 2;
  }
  // per department (部门): headcount, each grade, total pay — counted exactly (EXACT, never a
  // COUNTIF pattern), the department read from its cell here rather than typed into the formula
  const departments = ctx.people.some((p) => p.department !== undefined) ? [...new Set(ctx.people.map((p) => p.department ?? ""))].filter((d) => d !== "") : [];
  if (departments.length) {
    const dept = range("department");
    blocks.push({ row, col: 0, bold: true, values: [[t(lang, "wb.col.department"), t(lang, "wb.summary.count"), ...scheme.grades.map((g) => g.label[lang]), t(lang, "wb.col.pay")]] });
    row++;
    blocks.push({
      row,
      col: 0,
      formats: [undefined, "0", ...scheme.grades.map(() => "0"), moneyFormat(scheme.money.digits)],
      values: departments.map((d, i) => {
        const here = exact(dept, at(0, row + i));
        return [
          d,
          { formula: call("SUMPRODUCT", here, neg(neg(call("ISNUMBER", range("total"))))) },
          ...scheme.grades.map((g) => ({ formula: call("SUMPRODUCT", here, exact(range("grade"), str(g.label[lang]))) })),
          { formula: ROUND(call("SUMPRODUCT", here, payRange(payout.payColumn)), scheme.money.digits) },
        ];
      }),
    });
    row += departments.length + 1;
  }
  // the chart beside the tables, one column clear of the widest (the departments' grade columns)
  if (chart) chart.anchor = `${columnLetter(Math.max(...blocks.map((b) => b.col + (b.values[0]?.length ?? 0))) + 1)}${chart.anchor.slice(1)}`;
  return { name: ctx.sheetNames.summary, role: "summary", blocks, validations: [], conditional: [], dataBars, widths: [24, 12, 10, 44], protect: true, chart };
}
