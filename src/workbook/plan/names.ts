/**
 * Defined names for scheme cells: `p_<parameter>`, `g_<grade>_min`, `g_<grade>_coef`, `l_<input>`
 * (an option list), and `g_table` for the grade table (label, lower bound), which KPI.GRADE reads
 * in add-in mode (no grade id makes it: theirs end in _min or _coef). An id may hold "-", which a name may not, so "-" is written "_" — and two ids
 * that then meet ("a-b", "a_b"), or that Excel would take for one (names ignore case), must not
 * share a cell: the names are made for the whole scheme at once, and a name already taken gets
 * "_2", "_3" … (ids without "-" first, so that they keep their plain names). A workbook that
 * already has these names (a second scheme generated into it) gets all of them with a suffix.
 */
import { unwritableChar } from "../../core/scheme/text-check.js";
import { t } from "../../i18n/index.js";
import type { Lang } from "../../core/text.js";
import type { SheetPlan, SheetRole } from "./types.js";

const mangle = (id: string) => id.replace(/[^A-Za-z0-9_]/g, "_");

export interface Naming {
  param(id: string): string;
  gradeMin(id: string): string;
  gradeCoefficient(id: string): string;
  list(inputId: string): string;
  /** the grade table's rows of (label, lower bound) on the scheme sheet */
  gradeTable(): string;
}

export interface NamedIds {
  params: readonly string[];
  grades: readonly string[];
  lists?: readonly string[];
}

type Kind = "param" | "gradeMin" | "gradeCoefficient" | "list";
const PLAIN: Record<Kind, (id: string) => string> = {
  param: (id) => `p_${mangle(id)}`,
  gradeMin: (id) => `g_${mangle(id)}_min`,
  gradeCoefficient: (id) => `g_${mangle(id)}_coef`,
  list: (id) => `l_${mangle(id)}`,
};

/** Names for the ids of one scheme, distinct by construction; without `ids`, the plain mangling. */
export function naming(suffix = "", ids?: NamedIds): Naming {
  const gradeTable = () => `g_table${suffix}`;
  if (!ids) return { param: (id) => PLAIN.param(id) + suffix, gradeMin: (id) => PLAIN.gradeMin(id) + suffix, gradeCoefficient: (id) => PLAIN.gradeCoefficient(id) + suffix, list: (id) => PLAIN.list(id) + suffix, gradeTable };
  const wanted: [Kind, string][] = [
    ...ids.params.map((id) => ["param", id] as [Kind, string]),
    ...ids.grades.flatMap((id) => [["gradeMin", id] as [Kind, string], ["gradeCoefficient", id] as [Kind, string]]),
    ...(ids.lists ?? []).map((id) => ["list", id] as [Kind, string]),
  ];
  const byKey = new Map<string, string>();
  const taken = new Set<string>();
  const plainFirst = [...wanted.filter(([, id]) => id === mangle(id)), ...wanted.filter(([, id]) => id !== mangle(id))];
  for (const [kind, id] of plainFirst) {
    const base = PLAIN[kind](id);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    taken.add(name.toLowerCase());
    byKey.set(`${kind}\u0000${id}`, name + suffix);
  }
  const get = (kind: Kind) => (id: string) => {
    const name = byKey.get(`${kind}\u0000${id}`);
    if (name === undefined) throw new Error(`no defined name planned for ${kind} "${id}"`);
    return name;
  };
  return { param: get("param"), gradeMin: get("gradeMin"), gradeCoefficient: get("gradeCoefficient"), list: get("list"), gradeTable };
}

/** The first of "name", "name (2)", "name (3)" … not in `taken` (case-insensitive, as Excel compares). */
export function freeName(name: string, taken: Iterable<string>): string {
  const set = new Set([...taken].map((n) => n.toLowerCase()));
  if (!set.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!set.has(candidate.toLowerCase())) return candidate;
  }
}

/** The first suffix ("", "_2", "_3" …) under which none of `names` is taken. */
export function freeSuffix(names: readonly string[], taken: Iterable<string>): string {
  const set = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : `_${i}`;
    if (names.every((n) => !set.has(`${n}${suffix}`.toLowerCase()))) return suffix;
  }
}

/** Why Excel would refuse a sheet name, as a catalog key, or null: at most 31 characters, none of : \\ / ? * [ ], not blank, no apostrophe at either end, no control character. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "wb.sheet-name.blank";
  if (name.length > 31) return "wb.sheet-name.long";
  if (/[:\\/?*[\]]/.test(name)) return "wb.sheet-name.chars";
  if (name.startsWith("'") || name.endsWith("'")) return "wb.sheet-name.quote";
  // a control character (pasted from another program) the workbook's XML cannot hold
  if (unwritableChar(name)) return "wb.sheet-name.unwritable";
  return null;
}

/** The first sheet name that repeats one before it, as Excel compares them (ignoring case), or null. */
export function repeatedSheetName(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.toLocaleUpperCase();
    if (seen.has(k)) return n;
    seen.add(k);
  }
  return null;
}

/** The sheets' names in the workbook's language; the evaluation and payout sheets carry the period. */
export function defaultSheetNames(lang: Lang, period?: string | null): Record<SheetRole | "rollup", string> {
  const suffix = period ? ` ${period}` : "";
  return {
    scheme: t(lang, "wb.sheet.scheme"),
    evaluation: t(lang, "wb.sheet.evaluation") + suffix,
    payout: t(lang, "wb.sheet.payout") + suffix,
    summary: t(lang, "wb.sheet.summary") + suffix,
    payslips: t(lang, "wb.sheet.payslips") + suffix,
    report: t(lang, "wb.sheet.report") + suffix,
    rollup: t(lang, "wb.sheet.rollup"),
    helper: t(lang, "wb.sheet.rank-helper"),
  };
}

/** The sheets of a plan as a message lists them, in the reader's language: a hidden one says so. */
export function sheetList(sheets: readonly Pick<SheetPlan, "name" | "state">[], lang: Lang): string[] {
  return sheets.map((s) => (s.state === "hidden" ? t(lang, "wb.sheet.hidden", { name: s.name }) : s.name));
}
