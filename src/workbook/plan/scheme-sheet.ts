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
import { describeRule } from "../../core/describe.js";
import type { Naming } from "./names.js";
import type { PlanBlock, PlanName, PlanValue, SheetPlan } from "./types.js";

const HEADING = "DDEBF7";
const NOTE = "FFF2CC";

/**
 * `scheme` is the scheme with its rule numbers lifted into parameters (lift.ts); `ruleNumbers`
 * are those, listed in a section of their own after the scheme's own parameters.
 */
/** A unit in the workbook's language (a scheme may say "s" or "元"): the catalog's word, else as written. */
const unitWord = (u: string | undefined, lang: Lang) => {
  if (u === undefined) return "";
  const key = `wb.unit.${u}`;
  const word = t(lang, key);
  return word === key ? u : word;
};

/** Display width of text: a CJK character takes two columns. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/**
 * Long text as lines of at most `width` columns, broken after sentence marks where it can: a
 * description printed as one overflowing cell shrinks the whole page to fit it.
 */
export function textLines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  // pieces that end at a sentence or clause mark, kept with it
  for (const piece of text.match(/[^。;;,,.]+[。;;,,.]?\s*/g) ?? [text]) {
    if (line !== "" && widthOf(line + piece) > width) {
      out.push(line.trimEnd());
      line = "";
    }
    // a piece longer than a line on its own is cut by width
    let rest = piece;
    while (widthOf(rest) > width) {
      let cut = 0;
      let w = 0;
      for (const ch of rest) {
        const cw = widthOf(ch);
        if (w + cw > width) break;
        w += cw;
        cut += ch.length;
      }
      out.push((line + rest.slice(0, cut)).trimEnd());
      line = "";
      rest = rest.slice(cut);
    }
    line += rest;
  }
  if (line.trim() !== "") out.push(line.trimEnd());
  return out;
}

/** Column widths: 含义 / 值 / 单位 / 状态 / 说明 / 编号. */
const WIDTHS = [30, 12, 8, 10, 60, 16];
const NOTE_WIDTH = WIDTHS[4];
const ID_FILL = "F2F2F2";

export function schemeSheet(scheme: Scheme, name: string, lang: Lang, naming: Naming, ruleNumbers: readonly Parameter[] = []): { sheet: SheetPlan; names: PlanName[] } {
  const blocks: PlanBlock[] = [];
  const names: PlanName[] = [];
  const heights: Record<number, number> = {};
  // a row tall enough for its wrapped text (Excel keeps the height the file gives)
  const tall = (r: number, text: string, width: number) => {
    const lines = Math.max(1, Math.ceil(widthOf(text) / Math.max(1, width - 2)));
    if (lines > 1) heights[r] = Math.max(heights[r] ?? 0, 15 * lines);
  };
  let row = 1;
  const unit = moneyUnit(scheme.money.digits);
  blocks.push({ row, col: 0, values: [[scheme.name[lang]]], bold: true });
  row++;
  const description = textLines(scheme.description[lang], WIDTHS.slice(0, 5).reduce((a, w) => a + w, 0) - 4);
  blocks.push({ row, col: 0, values: description.map((l) => [l]) });
  row += description.length;
  const rounding = textLines(t(lang, "wb.rounding", { digits: scheme.scoreDigits, unit }), WIDTHS.slice(0, 5).reduce((a, w) => a + w, 0) - 4);
  blocks.push({ row, col: 0, values: rounding.map((l) => [l]), fill: NOTE });
  row += rounding.length + 1;

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
      values: [["wb.scheme.param.name", "wb.scheme.param.value", "wb.scheme.param.unit", "wb.scheme.param.state", "wb.scheme.param.note", "wb.scheme.param.id"].map((k) => t(lang, k))],
    });
    row++;
    // HR's words first; the id (what the defined names and the CLI's --param say) last, in grey
    blocks.push({ row, col: 0, values: list.map((p) => [p.name[lang]]) });
    blocks.push({ row, col: 1, values: list.map((p) => [p.value]), unlocked: true, formats: ["General"] });
    blocks.push({ row, col: 2, values: list.map((p) => [unitWord(p.unit, lang), p.review ? t(lang, "wb.review") : p.confirmed ? t(lang, "wb.confirmed") : ""]) });
    blocks.push({ row, col: 4, values: list.map((p) => [p.note?.[lang] ?? ""]), wrap: true });
    blocks.push({ row, col: 5, values: list.map((p) => [p.id]), fill: ID_FILL });
    list.forEach((p, i) => {
      names.push({ name: naming.param(p.id), sheet: name, ref: absRef(row + i, 1), setting: { kind: "param", id: p.id } });
      tall(row + i, p.note?.[lang] ?? "", NOTE_WIDTH);
      tall(row + i, p.name[lang], WIDTHS[0]);
    });
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
    // the whole table, for KPI.GRADE in add-in mode: an edited bound recalculates there as well
    names.push({ name: naming.gradeTable(), sheet: name, ref: `${absRef(row, 0)}:${absRef(row + scheme.grades.length - 1, 1)}` });
    row += scheme.grades.length + 1;
  }

  if (scheme.indicators.length) {
    blocks.push({ row, col: 0, values: [[t(lang, "wb.scheme.indicators")]], bold: true, fill: HEADING });
    row++;
    blocks.push({
      row,
      col: 0,
      bold: true,
      values: [["wb.scheme.indicator.name", "wb.scheme.indicator.points", "wb.scheme.indicator.weight", "", "wb.scheme.indicator.rule", "wb.scheme.param.id"].map((k) => (k ? t(lang, k) : ""))],
    });
    row++;
    // each rule in words, with the numbers it has now ("每超过 0.01 扣 2 分")
    const words = scheme.indicators.map((i) => {
      const w = describeRule(i.rule, i.points, scheme);
      return t(lang, w.key, w.vars);
    });
    blocks.push({ row, col: 0, values: scheme.indicators.map((i) => [i.name[lang], i.points, i.weight ?? ""]) });
    blocks.push({ row, col: 4, values: words.map((w) => [w]), wrap: true });
    blocks.push({ row, col: 5, values: scheme.indicators.map((i) => [i.id]), fill: ID_FILL });
    words.forEach((w, i) => tall(row + i, w, NOTE_WIDTH));
    row += scheme.indicators.length + 1;
  }

  if (scheme.raters.length) {
    blocks.push({ row, col: 0, values: [[t(lang, "wb.scheme.raters")]], bold: true, fill: HEADING });
    row++;
    blocks.push({ row, col: 0, bold: true, values: [[t(lang, "wb.scheme.rater.name"), t(lang, "wb.scheme.rater.weight")]] });
    row++;
    blocks.push({ row, col: 0, values: scheme.raters.map((r) => [r.name[lang], r.weight]) });
    blocks.push({ row, col: 5, values: scheme.raters.map((r) => [r.id]), fill: ID_FILL });
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
    widths: WIDTHS,
    rowHeights: heights,
    protect: true,
  };
  return { sheet, names };
}
