/**
 * The scheme sheet (方案): every parameter and grade band as an editable, named cell, so that a
 * formula anywhere recalculates when someone edits a threshold; the indicators and raters for
 * reference; and the rounding rule in words.
 */
import { moneyUnit } from "../../core/money.js";
import type { Parameter, Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { absRef } from "./a1.js";
import type { Naming } from "./names.js";
import type { PlanBlock, PlanName, PlanValue, SheetPlan } from "./types.js";

const HEADING = "DDEBF7";
const NOTE = "FFF2CC";

/**
 * `scheme` is the scheme with its rule numbers lifted into parameters (lift.ts); `ruleNumbers`
 * are those, listed in a section of their own after the scheme's own parameters.
 */
export function schemeSheet(scheme: Scheme, name: string, lang: Lang, naming: Naming, ruleNumbers: readonly Parameter[] = []): { sheet: SheetPlan; names: PlanName[] } {
  const blocks: PlanBlock[] = [];
  const names: PlanName[] = [];
  let row = 1;
  const unit = moneyUnit(scheme.money.digits);
  blocks.push({ row, col: 0, values: [[scheme.name[lang]]], bold: true });
  blocks.push({ row: row + 1, col: 0, values: [[scheme.description[lang]]], wrap: false });
  blocks.push({ row: row + 2, col: 0, values: [[t(lang, "wb.rounding", { digits: scheme.scoreDigits, unit })]], fill: NOTE });
  row += 4;

  const lifted = new Set(ruleNumbers.map((p) => p.id));
  const own = scheme.parameters.filter((p) => !lifted.has(p.id));
  for (const [title, list] of [
    ["wb.scheme.parameters", own],
    ["wb.scheme.rule-numbers", ruleNumbers],
  ] as const) {
    if (!list.length) continue;
    blocks.push({ row, col: 0, values: [[t(lang, title)]], bold: true, fill: HEADING });
    row++;
    blocks.push({
      row,
      col: 0,
      bold: true,
      values: [["wb.scheme.param.id", "wb.scheme.param.name", "wb.scheme.param.value", "wb.scheme.param.unit", "wb.scheme.param.review", "wb.scheme.param.note"].map((k) => t(lang, k))],
    });
    row++;
    const values: PlanValue[][] = list.map((p) => [p.id, p.name[lang], p.value, p.unit ?? "", p.review ? t(lang, "wb.review") : "", p.note?.[lang] ?? ""]);
    blocks.push({ row, col: 0, values: values.map((v) => [v[0], v[1]]) });
    blocks.push({ row, col: 2, values: values.map((v) => [v[2]]), unlocked: true, formats: ["General"] });
    blocks.push({ row, col: 3, values: values.map((v) => [v[3], v[4], v[5]]) });
    list.forEach((p, i) => names.push({ name: naming.param(p.id), sheet: name, ref: absRef(row + i, 2), setting: { kind: "param", id: p.id } }));
    row += list.length + 1;
  }

  if (scheme.grades.length) {
    blocks.push({ row, col: 0, values: [[t(lang, "wb.scheme.grades")]], bold: true, fill: HEADING });
    row++;
    blocks.push({ row, col: 0, bold: true, values: [["wb.scheme.grade.label", "wb.scheme.grade.min", "wb.scheme.grade.coefficient"].map((k) => t(lang, k))] });
    row++;
    scheme.grades.forEach((g, i) => {
      const r = row + i;
      const fromParam = (c: typeof g.min | undefined): PlanValue => (c === undefined ? null : typeof c === "number" ? c : { formula: { name: naming.param(c.param) } });
      const min = fromParam(g.min);
      const coefficient = fromParam(g.coefficient);
      blocks.push({ row: r, col: 0, values: [[g.label[lang]]] });
      // a band that follows a parameter stays a formula; a plain number is editable here
      blocks.push({ row: r, col: 1, values: [[min]], unlocked: typeof g.min === "number" });
      blocks.push({ row: r, col: 2, values: [[coefficient]], unlocked: typeof g.coefficient === "number" });
      // only a plain number is a setting of its own; a parameter's value is read from the parameter
      const own = (kind: "grade-min" | "grade-coefficient", c: typeof g.min | undefined) => (typeof c === "number" ? { setting: { kind, id: g.id } } : {});
      names.push({ name: naming.gradeMin(g.id), sheet: name, ref: absRef(r, 1), ...own("grade-min", g.min) });
      if (g.coefficient !== undefined) names.push({ name: naming.gradeCoefficient(g.id), sheet: name, ref: absRef(r, 2), ...own("grade-coefficient", g.coefficient) });
    });
    row += scheme.grades.length + 1;
  }

  if (scheme.indicators.length) {
    blocks.push({ row, col: 0, values: [[t(lang, "wb.scheme.indicators")]], bold: true, fill: HEADING });
    row++;
    blocks.push({
      row,
      col: 0,
      bold: true,
      values: [["wb.scheme.param.id", "wb.scheme.param.name", "wb.scheme.indicator.points", "wb.scheme.indicator.weight", "wb.scheme.indicator.rule"].map((k) => t(lang, k))],
    });
    row++;
    blocks.push({ row, col: 0, values: scheme.indicators.map((i) => [i.id, i.name[lang], i.points, i.weight ?? "", i.rule.kind]) });
    row += scheme.indicators.length + 1;
  }

  if (scheme.raters.length) {
    blocks.push({ row, col: 0, values: [[t(lang, "wb.scheme.raters")]], bold: true, fill: HEADING });
    row++;
    blocks.push({ row, col: 0, values: scheme.raters.map((r) => [r.id, r.name[lang], r.weight]) });
    row += scheme.raters.length + 1;
  }

  // The drop-down lists of option inputs come from these cells (by name), never from an inline
  // "a,b,c" text: a label may hold a comma or a quote, and an inline list stops at 255 characters.
  const optionInputs = scheme.inputs.filter((i) => i.type === "option" && i.options?.length);
  if (optionInputs.length) {
    blocks.push({ row, col: 0, values: [[t(lang, "wb.scheme.lists")]], bold: true, fill: HEADING });
    row++;
    blocks.push({ row, col: 0, bold: true, values: [[t(lang, "wb.scheme.list.input"), t(lang, "wb.scheme.list.options")]] });
    row++;
    for (const input of optionInputs) {
      const labels = input.options!.map((o) => o.label[lang]);
      blocks.push({ row, col: 0, values: labels.map((l, i) => [i === 0 ? input.name[lang] : null, l]) });
      names.push({ name: naming.list(input.id), sheet: name, ref: `${absRef(row, 1)}:${absRef(row + labels.length - 1, 1)}` });
      row += labels.length;
    }
    row++;
  }

  const sheet: SheetPlan = {
    name,
    role: "scheme",
    blocks,
    validations: [],
    conditional: [],
    widths: [22, 34, 12, 10, 12, 48],
    protect: true,
  };
  return { sheet, names };
}
