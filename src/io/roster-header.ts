/**
 * A roster's header in the user's words: each column is known by its id, by its zh-CN or en-US
 * name as the scheme declares it, or — for a rated input — by the input and the rater together as
 * the generated workbook writes them (`执行力(主管)`, `execution@supervisor`, `Execution - Supervisor`);
 * the fixed columns by the usual roster words (工号, 姓名, 部门, 岗位, 月份 …). Matching ignores case,
 * full-width and half-width forms and spaces. A header that matches nothing is a problem that names
 * it and suggests the nearest column — unless extra columns are to be carried through; a column
 * that appears twice is a problem naming both places. Nothing is dropped without a word.
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { Lang } from "../core/text.js";
import { dataColumns, type DataProblem } from "../core/data.js";
import { t } from "../i18n/index.js";
import { columnLetter } from "./column-letter.js";

/** The columns every roster may have besides the scheme's inputs, with the words people use for them. */
const FIXED: Record<string, readonly string[]> = {
  id: ["id", "工号", "员工编号", "编号", "员工号", "职工号", "人员编号", "员工工号", "employee id", "employee no", "employee number", "staff id", "staff no", "emp id", "no."],
  name: ["name", "姓名", "名字", "员工姓名", "人员姓名", "employee name", "full name", "staff name"],
  department: ["department", "dept", "部门", "所属部门", "科室", "部门名称", "team", "班组", "组别"],
  position: ["position", "岗位", "职位", "职务", "岗位名称", "job title", "title", "role"],
  period: ["period", "期间", "月份", "考核期间", "考核月份", "考核周期", "周期", "month", "考核期"],
};

/** How two headers compare: full-width folded (NFKC), lower case, without spaces. */
export const headerKey = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** Every way a column may be written, for this scheme: normalized header → column key. */
export function headerWords(scheme: Scheme): Map<string, string> {
  const words = new Map<string, string>();
  const add = (word: string, key: string) => {
    const k = headerKey(word);
    if (k && !words.has(k)) words.set(k, key);
  };
  for (const [key, list] of Object.entries(FIXED)) {
    add(key, key);
    for (const lang of ["zh-CN", "en-US"] as Lang[]) add(t(lang, `wb.col.${key}`), key);
    for (const w of list) add(w, key);
  }
  const raters = new Map(scheme.raters.map((r) => [r.id, r]));
  for (const c of dataColumns(scheme)) {
    const [inputId, raterId] = c.column.split("@");
    const inputWords = [inputId, c.input.name["zh-CN"], c.input.name["en-US"]];
    if (!raterId) {
      add(c.column, c.column);
      for (const w of inputWords) add(w, c.column);
      continue;
    }
    const r = raters.get(raterId)!;
    for (const a of inputWords)
      for (const b of [r.id, r.name["zh-CN"], r.name["en-US"]])
        for (const form of [`${a}@${b}`, `${a}(${b})`, `${a}-${b}`, `${a}–${b}`, `${a}·${b}`, `${a}/${b}`, `${a}_${b}`, `${a}:${b}`, `${a}${b}`]) add(form, c.column);
  }
  return words;
}

/** A column key in words for messages: "指标完成率 (target_completion)". */
export function columnLabel(scheme: Scheme, key: string, lang: Lang): string {
  if (key in FIXED) return `${t(lang, `wb.col.${key}`)} (${key})`;
  const c = dataColumns(scheme).find((x) => x.column === key);
  if (!c) return key;
  const [, raterId] = key.split("@");
  const rater = raterId ? scheme.raters.find((r) => r.id === raterId) : undefined;
  const name = rater ? t(lang, "wb.col.rater", { name: c.input.name[lang], rater: rater.name[lang] }) : c.input.name[lang];
  return `${name} (${key})`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length];
}

export interface HeaderColumn {
  /** position in the file (0-based) */
  index: number;
  /** as written */
  header: string;
  /** the column it is, or null */
  key: string | null;
  status: "mapped" | "unknown" | "duplicate" | "carried" | "blank";
  /** for an unknown header: the nearest column key */
  suggestion?: string;
}

export interface HeaderMap {
  columns: HeaderColumn[];
  problems: DataProblem[];
  /** the header in column keys (unknown and carried columns ""), for parseRecords */
  keys: string[];
  /** positions of the columns carried through unchanged */
  carried: number[];
}

/**
 * `hasData(i)`: whether column i holds anything below its header — a blank header over a blank
 * column is what Excel leaves behind, over data it is a column nobody named.
 */
export function mapHeader(header: readonly string[], scheme: Scheme, lang: Lang, options: { keepExtra?: boolean; hasData?: (index: number) => boolean } = {}): HeaderMap {
  const words = headerWords(scheme);
  const seen = new Map<string, number>();
  const columns: HeaderColumn[] = [];
  const problems: DataProblem[] = [];
  const carried: number[] = [];
  const expected = [...new Set(words.values())];
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (text === "") {
      columns.push({ index, header: raw, key: null, status: "blank" });
      if (options.hasData?.(index)) problems.push({ line: 1, column: columnLetter(index), key: "roster.blank-header", vars: { letter: columnLetter(index) } });
      return;
    }
    const key = words.get(headerKey(text));
    if (key === undefined) {
      if (options.keepExtra) {
        columns.push({ index, header: raw, key: null, status: "carried" });
        carried.push(index);
        return;
      }
      // the nearest way of writing a column, if it is near enough to be a slip
      const k = headerKey(text);
      let best: { word: string; d: number } | null = null;
      for (const w of words.keys()) {
        const d = distance(k, w);
        if (!best || d < best.d) best = { word: w, d };
      }
      const suggestion = best && best.d <= Math.max(1, Math.floor(k.length / 3)) ? words.get(best.word) : undefined;
      columns.push({ index, header: raw, key: null, status: "unknown", ...(suggestion ? { suggestion } : {}) });
      problems.push(
        suggestion
          ? { line: 1, column: text, key: "roster.unknown-column-near", vars: { column: text, letter: columnLetter(index), suggestion: columnLabel(scheme, suggestion, lang) } }
          : { line: 1, column: text, key: "roster.unknown-column", vars: { column: text, letter: columnLetter(index), expected: expected.map((e) => columnLabel(scheme, e, lang)).join(", ") } },
      );
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      columns.push({ index, header: raw, key, status: "duplicate" });
      problems.push({ line: 1, column: text, key: "roster.duplicate-column", vars: { column: columnLabel(scheme, key, lang), first: columnLetter(first), second: columnLetter(index) } });
      return;
    }
    seen.set(key, index);
    columns.push({ index, header: raw, key, status: "mapped" });
  });
  const keys = columns.map((c) => (c.status === "mapped" ? c.key! : ""));
  return { columns, problems, keys, carried };
}
