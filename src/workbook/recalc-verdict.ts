/**
 * What a recalculation concludes, once, for the command line's exit code, the pane's summary line
 * and the report's: the payout sheet agrees with the engine, or it differs (cells typed over,
 * formulas showing another amount, rows that match no one), or it could not be compared (a file
 * saved without calculated values), or there is nobody to pay. Nothing that differs is agreement.
 */
import type { RecalcReport } from "./read-back.js";

export interface Verdict {
  status: "agrees" | "differs" | "not-calculated" | "nobody";
  /** payout cells holding a typed number where the formula was */
  typed: number;
  /** payout cells whose formula shows another amount (not recalculated, or the formula edited) */
  formula: number;
  /** payout cells that disagree, what they hold not read (inside Excel, after a full recalculation) */
  unknown: number;
  /** payout rows that do not match an evaluated person one to one */
  rows: number;
  /** roll-up totals and grades (several periods) other than the engine's */
  rollup: number;
}

export type VerdictInput = Pick<RecalcReport, "people" | "mismatches" | "rowProblems"> & Partial<Pick<RecalcReport, "rollupMismatches">> & { calculated: boolean };

export function recalcVerdict(r: VerdictInput): Verdict {
  const count = (holds: string) => r.mismatches.filter((m) => m.holds === holds).length;
  const v = { typed: count("typed"), formula: count("formula"), unknown: count("unknown"), rows: r.rowProblems.length, rollup: r.rollupMismatches?.length ?? 0 };
  if (!r.calculated) return { status: "not-calculated", ...v };
  if (r.mismatches.length || r.rowProblems.length || v.rollup) return { status: "differs", ...v };
  return { status: r.people === 0 ? "nobody" : "agrees", ...v };
}
