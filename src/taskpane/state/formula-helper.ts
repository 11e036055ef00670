/**
 * The pane's formula helper: a KPI.* function, its arguments filled from the scheme's columns (the
 * evaluation sheet the wizard generates) and named settings (p_…, g_table), typed values or the
 * option words — printed as A1 text (to copy, or to insert into one cell) and as R1C1 (one
 * value filling a range: each row reads its own row), and evaluated for the selected row through
 * the functions' own pipeline. Pure: the host reads the cells.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { optionLabel, type OptionSet } from "../../core/option-words.js";
import { t } from "../../i18n/index.js";
import { parseNumber } from "../../core/data.js";
import { argName, functionMessage } from "../../functions/messages.js";
import { functionDoc } from "../../functions/reference.js";
import { runFunction, type ParamSpec } from "../../functions/run.js";
import { FORMER_NAMES, FUNCTION_SPECS } from "../../functions/specs/index.js";
import { FunctionError, PassedError } from "../../functions/errors.js";
import type { Cell, Matrix } from "../../functions/coerce.js";
import { buildWorkbookPlan } from "../../workbook/plan/build-plan.js";
import { columnLetter } from "../../workbook/plan/a1.js";
import { liftRuleNumbers } from "../../workbook/plan/lift.js";

export type ArgValue =
  | { kind: "blank" }
  /** a column of the evaluation sheet, read in the formula's own row */
  | { kind: "column"; col: number; label: string }
  /** a named setting of the scheme sheet */
  | { kind: "name"; name: string; label: string }
  /** what the user typed: a number, a text, an array constant, a reference */
  | { kind: "text"; text: string }
  /** an option word, printed as its label in the formula's language */
  | { kind: "option"; set: OptionSet; value: string };

export interface HelperSources {
  columns: { col: number; label: string }[];
  settings: { name: string; label: string }[];
  /** the first data row of the evaluation sheet */
  firstRow: number;
}

/** The functions offered: the current names, not the former ones. */
export const HELPER_FUNCTIONS = FUNCTION_SPECS.filter((s) => !FORMER_NAMES[s.id]).map((s) => s.id);

export const helperParams = (id: string): readonly ParamSpec[] => FUNCTION_SPECS.find((s) => s.id === id)!.params;

/** The scheme's columns and settings as the wizard would generate them (plain names, no suffix). */
export function helperSources(scheme: Scheme | null, lang: Lang): HelperSources {
  if (!scheme) return { columns: [], settings: [], firstRow: 2 };
  const plan = buildWorkbookPlan(scheme, [], { lang, mode: "native" });
  // the rule numbers the plan lifts into settings (p_r_…) are parameters of the lifted scheme
  const parameters = liftRuleNumbers(scheme).scheme.parameters;
  const table = plan.sheets.find((s) => s.role === "evaluation")?.table;
  const columns = table ? table.columns.map((label, i) => ({ col: table.col + i, label })) : [];
  const settingLabel = (n: (typeof plan.names)[number]): string => {
    if (n.name.startsWith("g_table")) return t(lang, "ui.helper.grade-table");
    const s = n.setting;
    if (s?.kind === "param") return parameters.find((p) => p.id === s.id)?.name[lang] ?? n.name;
    const grade = scheme.grades.find((g) => n.name.startsWith(`g_${g.id.replace(/[^A-Za-z0-9_]/g, "_")}_`));
    if (grade) return t(lang, n.name.endsWith("_coef") ? "ui.helper.grade-coefficient" : "ui.helper.grade-min", { grade: grade.label[lang] });
    return parameters.find((p) => n.name === `p_${p.id.replace(/[^A-Za-z0-9_]/g, "_")}`)?.name[lang] ?? n.name;
  };
  const settings = plan.names.filter((n) => !n.name.startsWith("l_")).map((n) => ({ name: n.name, label: `${settingLabel(n)} (${n.name})` }));
  return { columns, settings, firstRow: (table?.row ?? 1) + 1 };
}

const A1_REF = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * Typed text that is a reference, read from the workbook by the preview and written bare: an A1
 * cell or range, one on another sheet (考核!C3), or a defined name as ours are made (p_…, g_table:
 * an underscore in it). A bare word (优秀, A) is text: quoted, or Excel would read a name (#NAME?).
 */
function isReference(text: string): boolean {
  const s = text.trim();
  return A1_REF.test(s) || /^[^!"]+!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(s) || /^[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*$/.test(s);
}

/** A typed value as a formula argument: numbers, references, TRUE/FALSE, "quoted" text and {arrays} as typed; other text quoted. */
function typed(text: string): string {
  const s = text.trim();
  if (s === "" || s.startsWith('"') || s.startsWith("{") || isReference(s) || /^(TRUE|FALSE)$/i.test(s) || Number.isFinite(Number(s))) return s;
  return `"${s.replace(/"/g, '""')}"`;
}

export interface Built {
  a1: string;
  /** relative to the cell the formula goes into (row, col: 1-based row, 0-based col) */
  r1c1: (at: { row: number; col: number }) => string;
  /** required arguments left blank, by their names in the language */
  missing: string[];
}

/** The formula for the arguments, in a row of the evaluation sheet (A1) or relative to a target (R1C1). */
export function buildFormula(id: string, args: Readonly<Record<string, ArgValue>>, lang: Lang, row: number): Built {
  const params = helperParams(id);
  const missing = params.filter((p) => !p.optional && (args[p.name]?.kind ?? "blank") === "blank").map((p) => argName(id, p.name, lang));
  // trailing blank optional arguments are left out; a blank one before a given one stays empty
  let last = params.length - 1;
  while (last >= 0 && (args[params[last].name]?.kind ?? "blank") === "blank") last--;
  const print = (style: "a1" | "r1c1", at: { row: number; col: number }) =>
    params.slice(0, last + 1).map((p) => {
      const v = args[p.name] ?? { kind: "blank" };
      switch (v.kind) {
        case "blank":
          return "";
        case "column":
          if (style === "a1") return `${columnLetter(v.col)}${row}`;
          return `RC${v.col === at.col ? "" : `[${v.col - at.col}]`}`;
        case "name":
          return v.name;
        case "option":
          return `"${optionLabel(v.set, v.value, lang)}"`;
        case "text":
          return typed(v.text);
      }
    });
  return {
    a1: `=KPI.${id}(${print("a1", { row, col: 0 }).join(", ")})`,
    r1c1: (at) => `=KPI.${id}(${print("r1c1", at).join(", ")})`,
    missing,
  };
}

/** The references the preview needs read: the columns in the row, the names, typed references. */
export function previewRefs(args: Readonly<Record<string, ArgValue>>, row: number): string[] {
  return Object.values(args).flatMap((v) => (v.kind === "column" ? [`${columnLetter(v.col)}${row}`] : v.kind === "name" ? [v.name] : v.kind === "text" && isReference(v.text) ? [v.text.trim()] : []));
}

/** An array constant {1,2;3,""} as rows of cells. */
function arrayConstant(s: string): Matrix {
  return s
    .slice(1, -1)
    .split(";")
    .map((r) => r.split(",").map((c) => literal(c.trim()) as Cell));
}

function literal(s: string): Cell | Matrix {
  if (s === "") return null;
  if (s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  if (s.startsWith("{") && s.endsWith("}")) return arrayConstant(s);
  const n = parseNumber(s);
  return n === null ? s : n;
}

/**
 * What the formula gives for the values read (by reference, as previewRefs lists them): a number,
 * a text, or the message Excel would show — in the user's language.
 */
export function previewResult(id: string, args: Readonly<Record<string, ArgValue>>, row: number, read: ReadonlyMap<string, Cell | Matrix>, lang: Lang): { value: string; error: boolean } {
  const params = helperParams(id);
  const value = (v: ArgValue): Cell | Matrix => {
    switch (v.kind) {
      case "blank":
        return null;
      case "column":
        return read.get(`${columnLetter(v.col)}${row}`) ?? null;
      case "name":
        return read.get(v.name) ?? null;
      case "option":
        return v.value;
      case "text": {
        const s = v.text.trim();
        return isReference(s) ? (read.get(s) ?? null) : literal(typed(s));
      }
    }
  };
  const spec = FUNCTION_SPECS.find((s) => s.id === id)!;
  const out = runFunction(
    spec,
    params.map((p) => value(args[p.name] ?? { kind: "blank" })),
  )[0][0];
  if (out instanceof FunctionError) return { value: `${out.code} ${functionMessage(id, out, lang)}`, error: true };
  if (out instanceof PassedError) return { value: String((out.original as { code?: string }).code ?? "#VALUE!"), error: true };
  return { value: String(out), error: false };
}

/** The argument's description and option set, for the form. */
export function paramHelp(id: string, param: string, lang: Lang): { name: string; text: string; set?: OptionSet } {
  const doc = functionDoc(id);
  return { name: argName(id, param, lang), text: doc.params[param][lang], set: doc.options?.[param] };
}
