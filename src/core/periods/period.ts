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
