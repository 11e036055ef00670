/**
 * Dates in data (转正日期, the day someone was made regular), kept as Excel date serials — days
 * since 1899-12-30, the number a date cell holds — so that the engine and the sheet compare the
 * same numbers.
 */
import { parsePeriod } from "./periods/period.js";

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** The serial of a calendar day, or null when there is no such day (2026-02-30). */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 1900 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((t - EPOCH) / DAY);
}

/** "2026-11-08" for a serial. */
export function formatDate(serial: number): string {
  const d = new Date(EPOCH + Math.floor(serial) * DAY);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/**
 * A date as people write it: 2026-11-08, 2026/11/8, 2026.11.8, 2026年11月8日, 20261108, with a time
 * after it as Excel's CSV writes one ("2026/11/8 0:00") or as a program's timestamp of a date cell
 * ("2026-11-08T00:00:00.000Z": the calendar day is the one written), or an Excel serial (an .xlsx date cell
 * arrives as its number). Null for anything else, and for days that do not exist.
 */
export function parseDate(text: string): number | null {
  const t = text.normalize("NFKC").trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t))) return dateSerial(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t))) return dateSerial(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return dateSerial(+m[1], +m[2], +m[3]);
  // a serial, five digits (1927 to 2173): the whole days of a date cell (a time of day after the point is not a different day)
  if (/^\d{5}(\.\d+)?$/.test(t)) return Math.floor(Number(t));
  return null;
}

/** Day `day` of a period's first month (the 10th of 2026-11), the month's last day when it is shorter. */
export function periodDate(label: string, day: number): { year: number; month: number; day: number } {
  const p = parsePeriod(label);
  const month = p.kind === "month" ? p.index : p.kind === "quarter" ? (p.index - 1) * 3 + 1 : p.kind === "half-year" ? (p.index - 1) * 6 + 1 : 1;
  const last = new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return { year: p.year, month, day: Math.min(day, last) };
}

/** The serial of that day. */
export function periodDay(label: string, day: number): number {
  const d = periodDate(label, day);
  return dateSerial(d.year, d.month, d.day)!;
}
