/**
 * What changed in the payouts between two runs, for finance: per person and pay line the
 * amount before and after (exact to the cent), and why — the inputs of that person that
 * changed, the total and grade they led to, and the scheme settings (thresholds, rates, grade
 * bounds) edited in between. Pure: the snapshots come from the engine (and from the last run,
 * kept by the host).
 */
import type { PersonResult } from "./evaluate.js";
import type { RowValues } from "./expr.js";

type Value = RowValues[string];

export interface PersonSnapshot {
  name: string;
  /** pay line id → cents, plus "pay" for the person's total pay */
  lines: Record<string, number>;
  total: number;
  grade: string | null;
  /** the person's inputs as the engine read them */
  inputs: RowValues;
}

export interface PayoutSnapshot {
  people: Record<string, PersonSnapshot>;
  /** scheme settings the run used, by the name of their cell (parameters, grade bounds) */
  settings: Record<string, number>;
}

/** Something that differs between the two runs and explains a change: an input, the total or the grade. */
export interface Cause {
  field: string;
  kind: "input" | "total" | "grade";
  before: Value;
  after: Value;
}

export interface PayoutChange {
  id: string;
  name: string;
  line: string;
  before: number | null;
  after: number | null;
  /** what differs for this person between the runs (empty when only scheme settings changed) */
  causes: Cause[];
}

export interface SettingChange {
  name: string;
  before: number | null;
  after: number | null;
}

export function payoutSnapshot(results: readonly PersonResult[], settings: Record<string, number> = {}): PayoutSnapshot {
  const people: PayoutSnapshot["people"] = {};
  for (const r of results) people[r.id] = { name: r.name, lines: { ...r.pay, pay: r.payTotal }, total: r.total, grade: r.grade, inputs: { ...r.values } };
  return { people, settings: { ...settings } };
}

/** A snapshot read back from storage, or null when it is missing or of another shape (an older version's). */
export function asSnapshot(x: unknown): PayoutSnapshot | null {
  if (typeof x !== "object" || x === null) return null;
  const s = x as Partial<PayoutSnapshot>;
  return typeof s.people === "object" && s.people !== null && typeof s.settings === "object" && s.settings !== null ? (s as PayoutSnapshot) : null;
}

function causes(b: PersonSnapshot | undefined, a: PersonSnapshot | undefined): Cause[] {
  if (!b || !a) return [];
  const out: Cause[] = [];
  for (const field of [...new Set([...Object.keys(b.inputs), ...Object.keys(a.inputs)])]) {
    const x = b.inputs[field] ?? null;
    const y = a.inputs[field] ?? null;
    if (x !== y) out.push({ field, kind: "input", before: x, after: y });
  }
  if (b.total !== a.total) out.push({ field: "total", kind: "total", before: b.total, after: a.total });
  if (b.grade !== a.grade) out.push({ field: "grade", kind: "grade", before: b.grade, after: a.grade });
  return out;
}

export function payoutChanges(before: PayoutSnapshot, after: PayoutSnapshot): PayoutChange[] {
  const changes: PayoutChange[] = [];
  for (const id of [...new Set([...Object.keys(before.people), ...Object.keys(after.people)])]) {
    const pb = before.people[id];
    const pa = after.people[id];
    const b = pb?.lines ?? {};
    const a = pa?.lines ?? {};
    let why: Cause[] | undefined;
    for (const line of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      const x = b[line] ?? null;
      const y = a[line] ?? null;
      if (x === y) continue;
      why ??= causes(pb, pa);
      changes.push({ id, name: pa?.name ?? pb?.name ?? id, line, before: x, after: y, causes: why });
    }
  }
  return changes;
}

export function settingChanges(before: PayoutSnapshot, after: PayoutSnapshot): SettingChange[] {
  const out: SettingChange[] = [];
  for (const name of [...new Set([...Object.keys(before.settings), ...Object.keys(after.settings)])]) {
    const x = before.settings[name] ?? null;
    const y = after.settings[name] ?? null;
    if (x !== y) out.push({ name, before: x, after: y });
  }
  return out;
}

export function snapshotTotal(s: PayoutSnapshot): number {
  return Object.values(s.people).reduce((sum, p) => sum + (p.lines.pay ?? 0), 0);
}
