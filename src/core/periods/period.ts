/**
 * Period labels as they appear in data: "2026-01" (month), "2026-Q1" (quarter), "2026-H1"
 * (half-year), "2026" (year). Months roll up into the longer periods.
 */
import { EvaluationError } from "../errors.js";

export const PERIOD_KINDS = ["month", "quarter", "half-year", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1-based month, quarter or half; 1 for a year. */
  index: number;
}

const PATTERNS: [RegExp, PeriodKind][] = [
  [/^(\d{4})-(0[1-9]|1[0-2])$/, "month"],
  [/^(\d{4})-Q([1-4])$/i, "quarter"],
  [/^(\d{4})-H([12])$/i, "half-year"],
  [/^(\d{4})$/, "year"],
];

export function parsePeriod(label: string): Period {
  const text = label.trim();
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(text);
    if (m) return { kind, year: Number(m[1]), index: m[2] === undefined ? 1 : Number(m[2]) };
  }
  throw new EvaluationError("period.invalid", { value: label });
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}-${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.index}`;
    case "half-year":
      return `${p.year}-H${p.index}`;
    case "year":
      return `${p.year}`;
  }
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, "half-year": 2, year: 1 };

/** A number that increases by 1 from one period to the next of the same kind. */
export function periodOrdinal(p: Period): number {
  return p.year * PER_YEAR[p.kind] + (p.index - 1);
}

/** The longer period a period belongs to (a month's quarter, a quarter's year …). */
export function rollupOf(p: Period, to: PeriodKind): Period {
  const from = PER_YEAR[p.kind];
  const into = PER_YEAR[to];
  if (into > from) throw new EvaluationError("period.rollup-shorter", { from: p.kind, to });
  return { kind: to, year: p.year, index: Math.floor(((p.index - 1) * into) / from) + 1 };
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** The month just ended on `today` ("2026-11" on 1 December): the month one evaluates. */
export function monthJustEnded(today: Date): string {
  const k = today.getFullYear() * 12 + today.getMonth() - 1;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
}

/** An Excel date serial (days since 1899-12-30) as its year and month. */
export function serialMonth(serial: number): { year: number; month: number } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

const two = (m: number) => String(m).padStart(2, "0");

/**
 * A period as people write it, in our form: `2026-01`, `2026-1`, `2026/1`, `2026.01`, `202601`,
 * `2026年1月`, a date (`2026-01-15`, `2026/1/15`: its month), an Excel date serial (a month typed
 * into Excel arrives as one) → `2026-01`; `2026Q1`, `2026 Q1`, `2026年第1季度`, `2026年一季度` →
 * `2026-Q1`; `2026H1`, `2026年上半年` → `2026-H1`; `2026`, `2026年` → `2026`. Null for anything else.
 */
export function normalizePeriod(input: string | number): string | null {
  if (typeof input === "number") {
    const m = serialMonth(input);
    return m && Number.isInteger(input) ? `${m.year}-${two(m.month)}` : null;
  }
  const text = input.normalize("NFKC").trim().replace(/\s+/g, "");
  if (text === "") return null;
  let m: RegExpExecArray | null;
  const month = (y: string, mo: string) => {
    const k = Number(mo);
    return k >= 1 && k <= 12 ? `${y}-${two(k)}` : null;
  };
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text))) return month(m[1], m[2]);
  if ((m = /^(\d{4})(\d{2})$/.exec(text))) return month(m[1], m[2]);
  if ((m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:份)?$/.exec(text))) return month(m[1], m[2]);
  if ((m = /^(\d{4})[-/]?Q([1-4])$/i.exec(text))) return `${m[1]}-Q${m[2]}`;
  if ((m = /^(\d{4})年(?:第)?([1-4一二三四])季度?$/.exec(text))) return `${m[1]}-Q${CN_DIGITS[m[2]] ?? m[2]}`;
  if ((m = /^(\d{4})[-/]?H([12])$/i.exec(text))) return `${m[1]}-H${m[2]}`;
  if ((m = /^(\d{4})年(上|下)半年$/.exec(text))) return `${m[1]}-H${m[2] === "上" ? 1 : 2}`;
  if ((m = /^(\d{4})年?(?:度)?$/.exec(text))) return m[1];
  // a date serial written as text (a CSV made from an .xlsx by a program that kept the number)
  if (/^\d{5}$/.test(text)) return normalizePeriod(Number(text));
  return null;
}
