/**
 * What changed in the payouts between two runs, for finance: per person and pay line the
 * amount before and after (exact to the cent), and why — the inputs of that person that
 * changed, the total and grade they led to, and the scheme settings (thresholds, rates, grade
 * bounds) edited in between. Pure: the snapshots come from the engine (and from the last run,
 * kept by the host).
 */
import type { PersonResult } from "./evaluate.js";
import type { RowValues } from "./expr.js";
import { dict, dictOf, recordOf } from "./dict.js";

type Value = RowValues[string];

export interface PersonSnapshot {
  name: string;
  /** pay line id → cents, plus "pay" for the person's total pay */
  lines: Record<string, number>;
  total: number;
  grade: string | null;
  /** the person's inputs as the engine read them */
  inputs: RowValues;
  /** 部门 and 岗位, when the roster had them */
  department?: string;
  position?: string;
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

/** What a run keeps of one person, told field by field: payoutSnapshot builds records of it, the generation record its columns. */
export interface SnapshotSink {
  person(p: { name: string; total: number; grade: string | null; department?: string; position?: string }): void;
  /** a pay line's cents, then "pay" for the person's total */
  line(id: string, cents: number): void;
  input(id: string, value: Value): void;
}

/** One result as the snapshot keeps it (the one place that says what that is). */
export function snapshotFields(r: PersonResult, sink: SnapshotSink): void {
  sink.person(r);
  for (const k in r.pay) sink.line(k, r.pay[k]);
  sink.line("pay", r.payTotal);
  for (const k in r.values) sink.input(k, r.values[k]);
}

/**
 * The pay of a run, by person: keyed by id — or by `keyOf` (a workbook of several periods keys
 * "2026-10 W1": the same person in two months is two pay records).
 */
export function payoutSnapshot(results: readonly PersonResult[], settings: Record<string, number> = {}, keyOf: (r: PersonResult) => string = (r) => r.id): PayoutSnapshot {
  // keyed by people's ids and the scheme's ids: records without a prototype (core/dict.ts)
  const people = dict<PersonSnapshot>();
  // one sink for everyone, writing into the person being read
  let lines = dict<number>();
  let inputs = dict<Value>();
  let person: PersonSnapshot | undefined;
  const sink: SnapshotSink = {
    person: (p) =>
      (person = {
        name: p.name,
        lines,
        total: p.total,
        grade: p.grade,
        inputs,
        ...(p.department !== undefined ? { department: p.department } : {}),
        ...(p.position !== undefined ? { position: p.position } : {}),
      }),
    line: (k, cents) => (lines[k] = cents),
    input: (k, v) => (inputs[k] = v),
  };
  for (const r of results) {
    lines = dict<number>();
    inputs = dict<Value>();
    snapshotFields(r, sink);
    people[keyOf(r)] = person!;
  }
  return { people, settings: dictOf(settings) };
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isValue = (v: unknown): v is Value => v === null || isNumber(v) || typeof v === "string" || typeof v === "boolean";

function personOf(x: unknown): PersonSnapshot | null {
  if (typeof x !== "object" || x === null) return null;
  const p = x as Record<string, unknown>;
  const lines = recordOf(p.lines, isNumber);
  const inputs = recordOf(p.inputs, isValue);
  if (typeof p.name !== "string" || !isNumber(p.total) || !(p.grade === null || typeof p.grade === "string") || !lines || !inputs) return null;
  const own = (k: "department" | "position") => (typeof p[k] === "string" ? { [k]: p[k] as string } : {});
  return { name: p.name, lines, total: p.total, grade: p.grade, inputs, ...own("department"), ...own("position") };
}

/**
 * A snapshot read back from storage (the pane's, an older record's), or null when it is missing or
 * of another shape: checked field by field and rebuilt as records without a prototype, so that
 * nothing tampered with or keyed `__proto__` reaches the comparison.
 */
export function asSnapshot(x: unknown): PayoutSnapshot | null {
  if (typeof x !== "object" || x === null) return null;
  const s = x as Record<string, unknown>;
  const people = recordOf(s.people, (p): p is unknown => personOf(p) !== null);
  const settings = recordOf(s.settings, isNumber);
  if (!people || !settings) return null;
  for (const id of Object.keys(people)) people[id] = personOf(people[id])!;
  return { people: people as Record<string, PersonSnapshot>, settings };
}

/** The inputs, total and grade of a person that differ between two snapshots. */
export function personCauses(b: PersonSnapshot | undefined, a: PersonSnapshot | undefined): Cause[] {
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
      why ??= personCauses(pb, pa);
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
