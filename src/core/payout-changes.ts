/**
 * What changed in the payouts between two runs, for finance: per person and pay line the
 * amount before and after, and the totals of both runs, exact to the cent. Pure: the snapshots
 * come from the engine (and from the last run, kept by the host).
 */
import type { PersonResult } from "./evaluate.js";

/** Pay per person: id → line id → cents, plus "pay" for the total. */
export type PayoutSnapshot = Record<string, { name: string; lines: Record<string, number> }>;

export interface PayoutChange {
  id: string;
  name: string;
  line: string;
  before: number | null;
  after: number | null;
}

export function payoutSnapshot(results: readonly PersonResult[]): PayoutSnapshot {
  const out: PayoutSnapshot = {};
  for (const r of results) out[r.id] = { name: r.name, lines: { ...r.pay, pay: r.payTotal } };
  return out;
}

export function payoutChanges(before: PayoutSnapshot, after: PayoutSnapshot): PayoutChange[] {
  const changes: PayoutChange[] = [];
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const id of ids) {
    const b = before[id]?.lines ?? {};
    const a = after[id]?.lines ?? {};
    for (const line of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      const x = b[line] ?? null;
      const y = a[line] ?? null;
      if (x !== y) changes.push({ id, name: after[id]?.name ?? before[id]?.name ?? id, line, before: x, after: y });
    }
  }
  return changes;
}

export function snapshotTotal(s: PayoutSnapshot): number {
  return Object.values(s).reduce((sum, p) => sum + (p.lines.pay ?? 0), 0);
}
