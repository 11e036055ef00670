/**
 * A recalculation as a finance clerk files it: one line per changed pay line of a person (工号,
 * 姓名, 部门, 发放项, 原值, 新值, 差额, 原因), grouped by person for the pane. A person's total pay
 * is the exact sum of their lines, so the lines' differences add up to the change in everyone's
 * pay — the report states both and they must agree. Shared by the report sheet (in Excel, in the
 * CLI's and the browser's file) and the pane's table.
 */
import type { Lang } from "../core/text.js";
import type { RecalcReport } from "./read-back.js";
import { describeChange, lineLabel } from "./recalc-words.js";

export interface ReconciliationLine {
  id: string;
  name: string;
  department: string;
  /** the pay line's id and name */
  line: string;
  label: string;
  /** in cents; null when the person was not paid this line before (joined) or now (left) */
  before: number | null;
  after: number | null;
  /** after − before, a missing side counting 0 */
  delta: number;
  /** why, in words: the causes the attribution found (or the person's own changes) */
  because: string;
  /** the engine's reason for the amount now */
  reason: string;
}

export interface ReconciledPerson {
  id: string;
  name: string;
  department: string;
  lines: ReconciliationLine[];
  /** total pay before → after (cents) and its change */
  before: number | null;
  after: number | null;
  delta: number;
}

/** Every changed pay line, in the report's order (people as on the sheet, lines as in the scheme). */
export function reconciliationLines(report: RecalcReport, lang: Lang): ReconciliationLine[] {
  return report.changes
    .filter((c) => c.line !== "pay")
    .map((c) => {
      const d = describeChange(report, c, lang);
      return {
        id: c.id,
        name: c.name,
        department: report.snapshot.people[c.id]?.department ?? "",
        line: c.line,
        label: lineLabel(report.scheme, c.line, lang),
        before: c.before,
        after: c.after,
        delta: (c.after ?? 0) - (c.before ?? 0),
        because: d.because,
        reason: d.reason,
      };
    });
}

/** The lines grouped by person, each person once with their total pay before → after. */
export function reconciledPeople(report: RecalcReport, lang: Lang): ReconciledPerson[] {
  const byId = new Map<string, ReconciledPerson>();
  for (const l of reconciliationLines(report, lang)) {
    let p = byId.get(l.id);
    if (!p) {
      const total = report.changes.find((c) => c.id === l.id && c.line === "pay");
      p = { id: l.id, name: l.name, department: l.department, lines: [], before: total?.before ?? null, after: total?.after ?? null, delta: 0 };
      byId.set(l.id, p);
    }
    p.lines.push(l);
    p.delta += l.delta;
  }
  return [...byId.values()];
}

/** The differences added up, in cents: equal to the change in everyone's total pay. */
export function sumOfDifferences(lines: readonly ReconciliationLine[]): number {
  return lines.reduce((a, l) => a + l.delta, 0);
}
