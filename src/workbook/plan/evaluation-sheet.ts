/**
 * The evaluation sheet (考核): one row per person in an Excel table; the inputs (unlocked,
 * validated), then the computed columns — derived inputs, points per indicator, adjustments,
 * total, grade, coefficient, rank, awards, flags — as formulas (native or KPI.*).
 */
import { dataColumns } from "../../core/data.js";
import type { Rule } from "../../core/rules/index.js";
import { t } from "../../i18n/index.js";
import { sortBandsDesc } from "../../core/totals.js";
import { constValue } from "../../core/expr.js";
import { numberLiteral, textLiteral } from "./a1.js";
import { Columns } from "./columns.js";
import { inputCell, optionLabel, POINTS_FORMAT, rosterColumns, type PlanContext } from "./context.js";
import { addinRuleFormula } from "./addin.js";
import { conditionFormula, constFormula, exprFormula, ruleFormula, type FormulaContext } from "./native.js";
import { inputValidation } from "./validation.js";
import type { PlanConditional, PlanValue, SheetPlan } from "./types.js";

const GRADE_FILLS = ["C6EFCE", "DDEBF7", "FFF2CC", "FCE4D6", "F8CBAD", "E7E6E6"];

export interface EvaluationLayout {
  columns: Columns;
  /** First data row (the header is the row above). */
  first: number;
  last: number;
  /** Formula context for a row, usable from another sheet when `sheet` is given. */
  context(row: number, sheet?: string): FormulaContext;
  /** Whether a row is evaluated (a formula that is TRUE or FALSE). */
  evaluated(row: number, sheet?: string): string;
  ready(row: number, sheet?: string): string;
}

export function evaluationSheet(ctx: PlanContext): { sheet: SheetPlan; layout: EvaluationLayout } {
  const { scheme, lang } = ctx;
  const name = ctx.sheetNames.evaluation;
  const cols = new Columns();
  const data = dataColumns(scheme);
  const digits = scheme.scoreDigits;
  cols.add({ key: "id", header: t(lang, "wb.col.id"), width: 12 });
  cols.add({ key: "name", header: t(lang, "wb.col.name"), width: 12 });
  const own = rosterColumns(ctx.people);
  for (const k of own) cols.add({ key: k, header: t(lang, `wb.col.${k}`), width: 12 });
  const raterName = new Map(scheme.raters.map((r) => [r.id, r.name[lang]]));
  for (const c of data) {
    const rater = c.column.split("@")[1];
    const header = rater ? t(lang, "wb.col.rater", { name: c.input.name[lang], rater: raterName.get(rater) ?? rater }) : c.input.name[lang];
    cols.add({ key: c.column, header, format: c.input.unit === "%" ? "0.0%" : undefined, width: Math.max(10, Math.min(24, header.length * 2)) });
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
  if (scheme.awards.length) {
    cols.add({ key: "award", header: t(lang, "wb.col.award"), width: 14 });
    cols.add({ key: "reach", header: t(lang, "wb.col.reach"), width: 10 });
    for (const a of scheme.awards) cols.add({ key: `reach:${a.id}`, header: t(lang, "wb.col.award-reach", { award: a.label[lang] }), width: 10 });
  }
  const flags: { key: string; label: string }[] = [];
  if (scheme.total.passMark !== undefined) flags.push({ key: "flag:below-pass", label: t(lang, "flag.below-pass") });
  if (scheme.ranking && scheme.ranking.bottomCount > 0) flags.push({ key: "flag:bottom-rank", label: t(lang, "flag.bottom-rank") });
  for (const f of flags) cols.add({ key: f.key, header: f.label, width: 14 });

  const first = 2;
  const last = first + Math.max(ctx.people.length, 1) - 1;
  const col = (key: string) => cols.letter(key);
  const prefix = (sheet?: string) => (sheet ? `'${sheet.replace(/'/g, "''")}'!` : "");
  const whole = (key: string, sheet?: string) => `${prefix(sheet)}$${col(key)}$${first}:$${col(key)}$${last}`;

  const formulaContext = (row: number, sheet?: string): FormulaContext => ({
    cell: (column) => `${prefix(sheet)}$${col(column)}${row}`,
    param: (id) => ctx.names.param(id),
    value: (v) => (v === "full" ? numberLiteral(scheme.total.full) : `${prefix(sheet)}$${col(v)}${row}`),
    option: (input, optionId) => optionLabel(ctx, input, optionId),
    yes: () => t(lang, "wb.yes"),
    paramValue: (id) => ctx.params.get(id) ?? NaN,
  });
  const ready = (row: number, sheet?: string) => `${prefix(sheet)}$${col("ready")}${row}`;
  const evaluated = (row: number, sheet?: string) => `${prefix(sheet)}$${col(hasEligibility ? "evaluated" : "ready")}${row}`;

  const required = data.filter((c) => c.input.required && c.input.default === undefined).map((c) => c.column);
  const env = { params: ctx.params };
  const grades = sortBandsDesc(scheme.grades.map((g) => ({ g, min: constValue(g.min, env) })));
  const inputType = (id: string) => ctx.inputs.get(id)?.type ?? "number";

  function rowValues(rowIndex: number): PlanValue[] {
    const row = first + rowIndex;
    const person = ctx.people[rowIndex];
    const f = formulaContext(row);
    const out: PlanValue[] = new Array(cols.list.length).fill(null);
    const set = (key: string, v: PlanValue) => (out[cols.at(key)] = v);
    const formula = (key: string, body: string) => set(key, { formula: body });
    const ifEvaluated = (body: string) => `IF(${evaluated(row)},${body},"")`;
    set("id", person?.id ?? null);
    set("name", person?.name ?? null);
    // people's words: written as text whatever they hold
    for (const k of own) set(k, person?.[k] ?? null);
    for (const c of data) set(c.column, person ? inputCell(ctx, c.input, person.values[c.column]) : null);
    for (const d of scheme.derived) formula(d.id, ifEvaluated(exprFormula(d.expr, f)));
    formula("ready", required.length ? `AND(${required.map((c) => `${f.cell(c)}<>""`).join(",")})` : "TRUE");
    if (hasEligibility)
      formula("evaluated", `AND(${ready(row)},${scheme.eligibility.map((c) => conditionFormula(c, f, inputType)).join(",")})`);
    const points = (rule: Rule, input: string, full: number, rated: boolean) => {
      if (rated) {
        const parts = scheme.raters.map((r) => `(${ruleOrAddin(rule, f.cell(`${input}@${r.id}`), input, full)}*${numberLiteral(r.weight)})/100`);
        return `ROUND(${parts.join("+")},${digits})`;
      }
      return `ROUND(${ruleOrAddin(rule, rule.kind === "deductions" ? '""' : f.cell(input), input, full)},${digits})`;
    };
    const ruleOrAddin = (rule: Rule, value: string, input: string, full: number) =>
      (ctx.mode === "addin" ? addinRuleFormula(rule, value, input, full, f) : null) ?? ruleFormula(rule, value, input, full, f);
    for (const i of scheme.indicators) {
      const body = points(i.rule, i.input ?? i.id, i.points, i.rated);
      // an indicator that does not apply to this person gives 0 (and the total is rescaled)
      formula(`pts:${i.id}`, ifEvaluated(i.appliesWhen ? `IF(${conditionFormula(i.appliesWhen, f, inputType)},${body},0)` : body));
    }
    for (const a of scheme.adjustments) formula(`adj:${a.id}`, ifEvaluated(points(a.rule, a.input ?? a.id, 0, false)));
    // the sum in the core's order: indicators first (plain or weighted), then adjustments
    const parts =
      scheme.total.method === "weighted"
        ? scheme.indicators.map((i) => `${f.cell(`pts:${i.id}`)}/${numberLiteral(i.points)}*${numberLiteral(i.weight ?? 0)}`)
        : scheme.indicators.map((i) => f.cell(`pts:${i.id}`));
    let sum = parts.length ? parts.join("+") : "0";
    if (scheme.indicators.some((i) => i.appliesWhen)) {
      // full marks over the indicators that apply, in the core's order of operations
      const applicable = scheme.indicators
        .map((i) => {
          const share = numberLiteral(scheme.total.method === "weighted" ? (i.weight ?? 0) : i.points);
          return i.appliesWhen ? `IF(${conditionFormula(i.appliesWhen, f, inputType)},${share},0)` : share;
        })
        .join("+");
      const full = numberLiteral(scheme.total.full);
      sum = `IF(AND((${applicable})>0,(${applicable})<${full}),((${sum})*${full})/(${applicable}),(${sum}))`;
    }
    sum = [sum, ...scheme.adjustments.map((a) => f.cell(`adj:${a.id}`))].join("+");
    const min = numberLiteral(scheme.total.min);
    const clamped = scheme.total.max === undefined ? `MAX(${min},${sum})` : `MIN(${numberLiteral(scheme.total.max)},MAX(${min},${sum}))`;
    formula("total", ifEvaluated(`ROUND(${clamped},${digits})`));
    const total = f.value("total");
    if (scheme.grades.length) {
      const label = grades.reduceRight((rest, { g }) => `IF(${total}>=${ctx.names.gradeMin(g.id)},${textLiteral(g.label[lang])},${rest})`, "NA()");
      formula("grade", ifEvaluated(ctx.mode === "addin" ? addinGrade(ctx, total) : label));
    }
    if (hasCoefficient) {
      const coefficient = grades.reduceRight(
        (rest, { g }) => `IF(${total}>=${ctx.names.gradeMin(g.id)},${g.coefficient === undefined ? "NA()" : ctx.names.gradeCoefficient(g.id)},${rest})`,
        "NA()",
      );
      formula("coefficient", ifEvaluated(coefficient));
    }
    formula("rank", ifEvaluated(`RANK(${total},${whole("total")})`));
    if (scheme.awards.length) {
      formula("reach", ifEvaluated(`COUNTIF(${whole("total")},">="&${total})`));
      const n = `COUNT(${whole("total")})`;
      let given = "0";
      let label = '""';
      const tests: string[] = [];
      scheme.awards.forEach((a) => {
        const cap = `INT(${numberLiteral(a.share)}*${n}+1E-9)`;
        const min = a.minTotal === undefined ? null : constFormula(a.minTotal, f);
        const fits = `AND(${f.cell("reach")}-${given}<=${cap}${min ? `,${total}>=${min}` : ""})`;
        // a person's reach into this award, for the count the next award starts after
        formula(`reach:${a.id}`, ifEvaluated(`IF(AND(${[...tests.map((x) => `NOT(${x})`), fits].join(",")}),${f.cell("reach")},0)`));
        tests.push(fits);
        given = `MAX(${whole(`reach:${a.id}`)})`;
      });
      label = scheme.awards.reduceRight((rest, a, i) => `IF(${tests[i]},${textLiteral(a.label[lang])},${rest})`, '""');
      formula("award", ifEvaluated(label));
    }
    for (const fl of flags) {
      const test =
        fl.key === "flag:below-pass"
          ? `${total}<${constFormula(scheme.total.passMark!, f)}`
          : `AND(RANK(${total},${whole("total")},1)<=${scheme.ranking!.bottomCount},${f.cell("rank")}<>1)`;
      formula(fl.key, ifEvaluated(`IF(${test},${textLiteral(fl.label)},"")`));
    }
    return out;
  }

  const rows = Array.from({ length: Math.max(ctx.people.length, 1) }, (_, i) => rowValues(i));
  const conditional: PlanConditional[] = [];
  if (scheme.grades.length) {
    const g = col("grade");
    grades.forEach(({ g: grade }, i) =>
      conditional.push({ ref: `${g}${first}:${g}${last}`, formula: `$${g}${first}=${textLiteral(grade.label[lang])}`, fill: GRADE_FILLS[i % GRADE_FILLS.length] }),
    );
  }
  const sheet: SheetPlan = {
    name,
    role: "evaluation",
    blocks: [{ row: first, col: 0, values: rows, formats: cols.list.map((c) => c.format) }],
    unlockedRanges: data.length ? [`${cols.letter(data[0].column)}${first}:${cols.letter(data[data.length - 1].column)}${last}`] : [],
    table: { name: `Evaluation${ctx.tableTag}${ctx.nameSuffix}`, row: first - 1, col: 0, columns: cols.list.map((c) => c.header), keys: cols.list.map((c) => c.key), rows: rows.length },
    validations: data.map((c) => inputValidation(ctx, c.input, `${cols.letter(c.column)}${first}:${cols.letter(c.column)}${last}`)),
    conditional,
    freeze: { rows: 1, cols: 2 },
    widths: cols.list.map((c) => c.width ?? 10),
    protect: true,
  };
  return { sheet, layout: { columns: cols, first, last, context: formulaContext, evaluated, ready } };
}

function addinGrade(ctx: PlanContext, total: string): string {
  const bands = ctx.scheme.grades.map((g) => `${g.label[ctx.lang]}:${constValue(g.min, { params: ctx.params })}`).join(",");
  return `KPI.GRADE(${total},${textLiteral(bands)})`;
}
