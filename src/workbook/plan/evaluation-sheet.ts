/**
 * The evaluation sheet (考核): one row per person in an Excel table; the inputs (unlocked,
 * validated), then the computed columns — derived inputs, points per indicator, adjustments,
 * total, grade, coefficient, rank, awards, flags — as formulas (native or KPI.*).
 */
import { dataColumns, rateCountsOnly } from "../../core/data.js";
import type { Rule } from "../../core/kinds/registry.js";
import { ruleAddinFormula, ruleFormula, ruleReadsOwnInput } from "../../core/kinds/registry.js";
import { constFormula, exprFormula, type FormulaContext } from "../../core/kinds/kind.js";
import { conditionFormula } from "../../core/condition.js";
import { periodDate } from "../../core/dates.js";
import { EvaluationError } from "../../core/errors.js";
import { add, AND, area, call, div, EMPTY, IF, MAX, MIN, mul, N, NA, op, ref, ROUND, str, sum, type Formula } from "../../core/formula.js";
import { t } from "../../i18n/index.js";
import { sortBandsDesc } from "../../core/totals.js";
import { constValue } from "../../core/expr.js";
import { Columns } from "./columns.js";
import { DATE_FORMAT, inputCell, moneyFormat, optionLabel, POINTS_FORMAT, rosterColumns, type PlanContext } from "./context.js";
import { printA1 } from "./print-formula.js";
import { inputValidation } from "./validation.js";
import { addAwardColumns, awardFormulas, awardKeys } from "./award-columns.js";
import type { PlanConditional, PlanName, PlanValue, SheetPlan } from "./types.js";
import { Aggregates } from "./aggregates.js";
import { countifForms } from "./rank-table.js";

/** Columns the formulas need and people do not read: whether a row is filled in, award reaches. */
const HELPERS = /^(ready|evaluated|reach(@.*)?(:.*)?)$/;

/** The grey of computed cells. */
export const COMPUTED_FILL = "F2F2F2";

const GRADE_FILLS = ["C6EFCE", "DDEBF7", "FFF2CC", "FCE4D6", "F8CBAD", "E7E6E6"];

export interface EvaluationLayout {
  columns: Columns;
  /** First data row (the header is the row above). */
  first: number;
  last: number;
  /** Formula context for a person's row, usable from another sheet when `sheet` is given. */
  context(sheet?: string): FormulaContext;
  /** Whether the row is evaluated (TRUE or FALSE). */
  evaluated(sheet?: string): Formula;
  ready(sheet?: string): Formula;
  /** A column's cell in this row, and the column over every person. */
  cell(key: string, sheet?: string): Formula;
  whole(key: string, sheet?: string): Formula;
}

export function evaluationSheet(ctx: PlanContext): { sheet: SheetPlan; layout: EvaluationLayout; names: PlanName[] } {
  const { scheme, lang } = ctx;
  const name = ctx.sheetNames.evaluation;
  const cols = new Columns();
  // counts that only stand in for a rate: a column only when the roster gave them
  const countsOnly = rateCountsOnly(scheme);
  const data = dataColumns(scheme).filter((c) => !countsOnly.has(c.input.id) || ctx.people.some((p) => p.values[c.column] !== null && p.values[c.column] !== undefined));
  const digits = scheme.scoreDigits;
  cols.add({ key: "id", header: t(lang, "wb.col.id"), width: 12 });
  cols.add({ key: "name", header: t(lang, "wb.col.name"), width: 12 });
  const own = rosterColumns(ctx.people);
  for (const k of own) cols.add({ key: k, header: t(lang, `wb.col.${k}`), width: 12 });
  const raterName = new Map(scheme.raters.map((r) => [r.id, r.name[lang]]));
  for (const c of data) {
    const rater = c.column.split("@")[1];
    const header = rater ? t(lang, "wb.col.rater", { name: c.input.name[lang], rater: raterName.get(rater) ?? rater }) : c.input.name[lang];
    const format = c.input.type === "date" ? DATE_FORMAT : c.input.unit === "%" ? "0.0%" : c.input.unit === "元" ? moneyFormat(scheme.money.digits) : undefined;
    cols.add({ key: c.column, header, format, width: c.input.type === "date" ? 12 : Math.max(8, Math.min(12, header.length * 2)) });
  }
  for (const d of scheme.derived) cols.add({ key: d.id, header: d.name[lang], format: "0.0000", width: 12 });
  cols.add({ key: "ready", header: t(lang, "wb.col.ready"), width: 8 });
  const hasEligibility = scheme.eligibility.length > 0;
  if (hasEligibility) cols.add({ key: "evaluated", header: t(lang, "wb.col.evaluated"), width: 8 });
  for (const i of scheme.indicators) cols.add({ key: `pts:${i.id}`, header: t(lang, "wb.col.points", { name: i.name[lang] }), format: POINTS_FORMAT, width: 12 });
  for (const a of scheme.adjustments) cols.add({ key: `adj:${a.id}`, header: t(lang, "wb.col.points", { name: a.name[lang] }), format: POINTS_FORMAT, width: 12 });
  cols.add({ key: "total", header: t(lang, "wb.col.total"), format: POINTS_FORMAT, width: 10 });
  if (scheme.grades.length) cols.add({ key: "grade", header: t(lang, "wb.col.grade"), width: 10 });
  const hasCoefficient = scheme.grades.some((g) => g.coefficient !== undefined);
  if (hasCoefficient) cols.add({ key: "coefficient", header: t(lang, "wb.col.coefficient"), format: "0.00", width: 8 });
  cols.add({ key: "rank", header: t(lang, "wb.col.rank"), width: 8 });
  // awards given per quarter or year are on the roll-up sheet instead
  const awardsHere = scheme.awards.length > 0 && scheme.awardsOn === "period";
  if (awardsHere) addAwardColumns(cols, scheme.awards, awardKeys(), lang);
  const flags: { key: string; label: string }[] = [];
  if (scheme.total.passMark !== undefined) flags.push({ key: "flag:below-pass", label: t(lang, "flag.below-pass") });
  if (scheme.ranking && scheme.ranking.bottomCount > 0) flags.push({ key: "flag:bottom-rank", label: t(lang, "flag.bottom-rank") });
  for (const f of flags) cols.add({ key: f.key, header: f.label, width: 14 });

  // row 1 the legend (what to type where, how to add a person), row 2 the table's header
  const first = 3;
  const last = first + Math.max(ctx.people.length, 1) - 1;
  const at = (key: string) => cols.at(key);
  const cell = (key: string, sheet?: string): Formula => ref({ sheet, col: at(key) });
  const whole = (key: string, sheet?: string): Formula => area({ sheet, c1: at(key), r1: first, c2: at(key), r2: last });

  const formulaContext = (sheet?: string): FormulaContext => ({
    cell: (column) => cell(column, sheet),
    param: (id) => ({ name: ctx.names.param(id) }),
    value: (v) => (v === "full" ? scheme.total.full : cell(v, sheet)),
    option: (input, optionId) => optionLabel(ctx, input, optionId),
    yes: () => t(lang, "wb.yes"),
    paramValue: (id) => ctx.params.get(id) ?? NaN,
    periodDay: (day, input) => {
      if (!ctx.period) throw new EvaluationError("condition.needs-period", { input, day });
      const d = periodDate(ctx.period, day);
      return call("DATE", d.year, d.month, d.day);
    },
  });
  const ready = (sheet?: string) => cell("ready", sheet);
  const evaluated = (sheet?: string) => cell(hasEligibility ? "evaluated" : "ready", sheet);

  const required = data.filter((c) => c.input.required && c.input.default === undefined).map((c) => c.column);
  const env = { params: ctx.params };
  const grades = sortBandsDesc(scheme.grades.map((g) => ({ g, min: constValue(g.min, env) })));
  const inputType = (id: string) => ctx.inputs.get(id)?.type ?? "number";

  // every computed column: one formula, the same tree for every row
  const f = formulaContext();
  const columnFormulas = new Map<string, Formula>();
  const formula = (key: string, body: Formula) => columnFormulas.set(key, body);
  const ifEvaluated = (body: Formula) => IF(evaluated(), body, EMPTY);
  const applies = (i: (typeof scheme.indicators)[number]) => (i.appliesWhen ? conditionFormula(i.appliesWhen, f, inputType) : null);
  for (const d of scheme.derived) formula(d.id, ifEvaluated(exprFormula(d.expr, f)));
  formula("ready", required.length ? AND(...required.map((c) => op("<>", f.cell(c), EMPTY))) : { b: true });
  if (hasEligibility) formula("evaluated", AND(ready(), ...scheme.eligibility.map((c) => conditionFormula(c, f, inputType))));
  const ruleOrAddin = (rule: Rule, value: Formula, input: string, full: number) =>
    (ctx.mode === "addin" ? ruleAddinFormula(rule, value, input, full, f) : null) ?? ruleFormula(rule, value, input, full, f);
  const points = (rule: Rule, input: string, full: number, rated: boolean) => {
    if (rated) {
      const parts = scheme.raters.map((r) => div(mul(ruleOrAddin(rule, f.cell(`${input}@${r.id}`), input, full), r.weight), 100));
      return ROUND(sum(parts), digits);
    }
    return ROUND(ruleOrAddin(rule, ruleReadsOwnInput(rule) ? f.cell(input) : EMPTY, input, full), digits);
  };
  for (const i of scheme.indicators) {
    const body = points(i.rule, i.input ?? i.id, i.points, i.rated);
    // an indicator that does not apply to this person gives 0 (and the total is rescaled)
    const test = applies(i);
    formula(`pts:${i.id}`, ifEvaluated(test ? IF(test, body, 0) : body));
  }
  for (const a of scheme.adjustments) formula(`adj:${a.id}`, ifEvaluated(points(a.rule, a.input ?? a.id, 0, false)));
  // the sum in the core's order: indicators first (plain or weighted), then adjustments
  const parts =
    scheme.total.method === "weighted"
      ? scheme.indicators.map((i) => mul(div(f.cell(`pts:${i.id}`), i.points), i.weight ?? 0))
      : scheme.indicators.map((i) => f.cell(`pts:${i.id}`));
  let total: Formula = sum(parts);
  if (scheme.indicators.some((i) => i.appliesWhen)) {
    // full marks over the indicators that apply, in the core's order of operations
    const applicable = sum(
      scheme.indicators.map((i) => {
        const share = scheme.total.method === "weighted" ? (i.weight ?? 0) : i.points;
        const test = applies(i);
        return test ? IF(test, share, 0) : share;
      }),
    );
    const full = scheme.total.full;
    total = IF(AND(op(">", applicable, 0), op("<", applicable, full)), div(mul(total, full), applicable), total);
  }
  total = add(total, ...scheme.adjustments.map((a) => f.cell(`adj:${a.id}`)));
  const clamped = scheme.total.max === undefined ? MAX(scheme.total.min, total) : MIN(scheme.total.max, MAX(scheme.total.min, total));
  formula("total", ifEvaluated(ROUND(clamped, digits)));
  const totalCell = f.value("total");
  const byGrade = (then: (g: (typeof grades)[number]["g"]) => Formula) =>
    grades.reduceRight<Formula>((rest, { g }) => IF(op(">=", totalCell, { name: ctx.names.gradeMin(g.id) }), then(g), rest), NA());
  if (scheme.grades.length) formula("grade", ifEvaluated(ctx.mode === "addin" ? addinGrade(ctx, totalCell) : byGrade((g) => str(g.label[lang]))));
  if (hasCoefficient) formula("coefficient", ifEvaluated(byGrade((g) => (g.coefficient === undefined ? NA() : { name: ctx.names.gradeCoefficient(g.id) }))));
  // the rank: 1 + how many totals are above this one — the same number as RANK(total, totals),
  // exact because a total is rounded to its digits. A COUNTIF over the column per row (RANK reads
  // the column each time too: 32,000 people, 155 s in LibreOffice); from RANK_TABLE_FROM people in
  // an .xlsx, a lookup in the rank helper sheet instead, linear (rank-table.ts). Roster-wide
  // figures are computed once (aggregates.ts).
  const agg = new Aggregates(lang, "ev", ctx.tableTag + ctx.nameSuffix);
  const ranks = ctx.rankTable?.applies(ctx.people.length) ? ctx.rankTable.forms(name, whole("total"), whole("total", name), totalCell, agg) : countifForms(whole("total"), totalCell);
  formula("rank", ifEvaluated(ranks.rank));
  if (awardsHere)
    for (const [key, x] of awardFormulas(scheme.awards, awardKeys(), lang, totalCell, whole("total"), ranks.atLeast, (k) => f.cell(k), (k) => whole(k), f, agg)) formula(key, ifEvaluated(x));
  // among the bottom N from below (RANK(total, totals, 1) <= N) is: at most the N-th smallest total
  // (everyone, when fewer than N are evaluated) — one figure for the sheet, not a rank per row
  const bottom = (n: number) =>
    agg.add("bottom", "wb.agg.bottom", { n }, IF(op("<", call("COUNT", whole("total")), n), MAX(whole("total")), call("SMALL", whole("total"), n)));
  for (const fl of flags) {
    const test =
      fl.key === "flag:below-pass"
        ? op("<", totalCell, constFormula(scheme.total.passMark!, f))
        : AND(op("<=", totalCell, bottom(scheme.ranking!.bottomCount)), op("<>", f.cell("rank"), 1));
    formula(fl.key, ifEvaluated(IF(test, str(fl.label), EMPTY)));
  }
  const ratios = new Map<string, PlanValue>();
  const ratioFormula = (column: string): PlanValue => {
    let v = ratios.get(column);
    if (!v) {
      const ratio = ctx.inputs.get(column)!.ratioOf!;
      const den = f.cell(ratio.denominator);
      ratios.set(column, (v = { formula: IF(op("=", N(den), 0), NA(), div(f.cell(ratio.numerator), den)) }));
    }
    return v;
  };
  // one cell value per column, the same object in every row (the writers see a column's formula once)
  const computed = cols.list.map((c) => {
    const x = columnFormulas.get(c.key);
    return x === undefined ? undefined : { formula: x };
  });

  function rowValues(rowIndex: number): PlanValue[] {
    const person = ctx.people[rowIndex];
    const out: PlanValue[] = new Array(cols.list.length).fill(null);
    const set = (key: string, v: PlanValue) => (out[cols.at(key)] = v);
    set("id", person?.id ?? null);
    set("name", person?.name ?? null);
    // people's words: written as text whatever they hold
    for (const k of own) set(k, person?.[k] ?? null);
    for (const c of data) set(c.column, person ? inputCell(ctx, c.input, person.values[c.column]) : null);
    // a rate the roster gave as its counts follows the count cells (type a rate over it to replace it)
    for (const column of person?.computed ?? []) set(column, ratioFormula(column));
    computed.forEach((x, j) => {
      if (x !== undefined) out[j] = x;
    });
    return out;
  }

  const rows = Array.from({ length: Math.max(ctx.people.length, 1) }, (_, i) => rowValues(i));
  const conditional: PlanConditional[] = [];
  if (scheme.grades.length) {
    const g = cols.letter("grade");
    grades.forEach(({ g: grade }, i) =>
      conditional.push({ ref: `${g}${first}:${g}${last}`, formula: printA1(op("=", cell("grade"), str(grade.label[lang])), first), fill: GRADE_FILLS[i % GRADE_FILLS.length] }),
    );
  }
  const sheet: SheetPlan = {
    name,
    role: "evaluation",
    // computed cells grey, the cells to type in white: 白色可填写,灰色自动计算
    blocks: [
      { row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format), columnFills: computed.map((x) => (x ? COMPUTED_FILL : undefined)) },
      // the legend in the fills it explains, then how a late hire is added (the row's text runs on to the right)
      { row: 1, col: 0, values: [[t(lang, "wb.legend.input")]], bold: true },
      { row: 1, col: 1, values: [[t(lang, "wb.legend.computed")]], bold: true, fill: COMPUTED_FILL },
      { row: 1, col: 2, values: [[t(lang, "wb.legend.add-person")]] },
    ],
    unlockedRanges: data.length ? [`${cols.letter(data[0].column)}${first}:${cols.letter(data[data.length - 1].column)}${last}`] : [],
    table: { name: `Evaluation${ctx.tableTag}${ctx.nameSuffix}`, row: first - 1, col: 0, columns: cols.list.map((c) => c.header), keys: cols.list.map((c) => c.key), rows: rows.length },
    validations: data.map((c) => inputValidation(ctx, c.input, `${cols.letter(c.column)}${first}:${cols.letter(c.column)}${last}`)),
    conditional,
    freeze: { rows: first - 1, cols: 2 },
    widths: cols.list.map((c) => c.width ?? 10),
    hidden: cols.list.flatMap((c, i) => (HELPERS.test(c.key) ? [i] : [])),
    protect: true,
  };
  const names = agg.place(sheet);
  return { sheet, names, layout: { columns: cols, first, last, context: formulaContext, evaluated, ready, cell, whole } };
}

/** KPI.GRADE over the scheme sheet's grade table (g_table): the bounds finance edits there count. */
function addinGrade(ctx: PlanContext, total: Formula): Formula {
  return call("KPI.GRADE", total, { name: ctx.names.gradeTable() });
}
