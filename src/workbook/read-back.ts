/**
 * Recalculating payouts for finance: the evaluation sheet's values as Excel holds them now are
 * read back into the engine, which computes every pay line again; the result is compared with
 * what the payout sheet shows (they must agree to the cent — a difference means someone typed
 * over a formula) and with the last run (what changed, person by person). Pure: the host reads
 * the cells and keeps the last snapshot.
 */
import { parseRecords, type DataProblem } from "../core/data.js";
import { compileScheme } from "../core/evaluate.js";
import { evaluatePeriods } from "../core/periods/evaluate-periods.js";
import { payoutChanges, payoutSnapshot, type PayoutChange, type PayoutSnapshot } from "../core/payout-changes.js";
import { toCents, type MoneyDigits } from "../core/money.js";
import type { Scheme } from "../core/scheme/schema.js";

export interface SheetValues {
  /** What each column holds (the plan's table keys), in sheet order. */
  keys: readonly string[];
  /** The data rows under the header, as Excel returns range values. */
  rows: readonly (readonly unknown[])[];
}

export interface RecalcReport {
  people: number;
  problems: DataProblem[];
  snapshot: PayoutSnapshot;
  /** Since the last run. */
  changes: PayoutChange[];
  /** Cells of the payout sheet that do not show what the engine computes (id, line, sheet, engine), in cents. */
  mismatches: { id: string; line: string; sheet: number | null; engine: number }[];
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v));

export function recalcPayouts(scheme: Scheme, evaluation: SheetValues, payout: SheetValues, previous: PayoutSnapshot | null): RecalcReport {
  const rows = evaluation.rows.filter((r) => text(r[evaluation.keys.indexOf("id")]).trim() !== "");
  const records = rows.map((r, i) => ({ line: i + 2, cells: r.map(text) }));
  const { people, problems } = parseRecords(evaluation.keys, records, scheme, { blanksAllowed: false });
  const { results } = evaluatePeriods(compileScheme(scheme, { trace: false }), people);
  const snapshot = payoutSnapshot(results);
  const mismatches: RecalcReport["mismatches"] = [];
  const idAt = payout.keys.indexOf("id");
  const digits = scheme.money.digits as MoneyDigits;
  for (const row of payout.rows) {
    const id = text(row[idAt]);
    const engine = snapshot[id];
    if (!engine) continue;
    for (const [line, cents] of Object.entries(engine.lines)) {
      const at = payout.keys.indexOf(line === "pay" ? "pay" : `pay:${line}`);
      if (at < 0) continue;
      const v = row[at];
      const sheet = typeof v === "number" ? toCents(v, digits) : null;
      if (sheet !== cents) mismatches.push({ id, line, sheet, engine: cents });
    }
  }
  return { people: people.length, problems, snapshot, changes: previous ? payoutChanges(previous, snapshot) : [], mismatches };
}
