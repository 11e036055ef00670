/**
 * Recalculating payouts for finance: the evaluation sheet's values as Excel holds them now, and
 * the scheme settings as the scheme sheet holds them now (a threshold, a rate, a grade bound
 * someone edited), are read back into the engine, which computes every pay line again. The
 * result is compared with what the payout sheet shows (they must agree to the cent — a
 * difference means someone typed over a formula) and with the last run: what changed, person by
 * person, and why. Pure: the host reads the cells and keeps the last snapshot.
 */
import { parseRecords, type DataProblem, type PersonData } from "../core/data.js";
import { attributeChanges, unmovedInputs, type Attribution } from "../core/attribution.js";
import { isPersonPay } from "../core/kinds/registry.js";
import { compileScheme, RowEvaluationError, type PersonResult } from "../core/evaluate.js";
import { EvaluationError } from "../core/errors.js";
import { evaluatePeriods, type RollupResult } from "../core/periods/evaluate-periods.js";
import {
  payoutChanges,
  payoutSnapshot,
  settingChanges,
  snapshotTotal,
  type Cause,
  type PayoutChange,
  type PayoutSnapshot,
  type PersonSnapshot,
  type SettingChange,
} from "../core/payout-changes.js";
import { dict } from "../core/dict.js";
import { MAX_YUAN, roundPoints, toCents, type MoneyDigits } from "../core/money.js";
import type { Scheme } from "../core/scheme/schema.js";
import { withParams } from "../core/scheme/load.js";
import type { Reason } from "../core/kinds/registry.js";
import { LANGS, type Lang } from "../core/text.js";
import { t } from "../i18n/index.js";
import { liftRuleNumbers } from "./plan/lift.js";
import { columnLetter } from "./plan/a1.js";
import type { PlanName } from "./plan/types.js";
import { problemText } from "../i18n/index.js";

export interface SheetValues {
  /** What each column holds (the plan's table keys), in sheet order. */
  keys: readonly string[];
  /** The data rows under the header, as Excel returns range values. */
  rows: readonly (readonly unknown[])[];
  /** The sheet row of rows[0], for the row numbers in messages (2 when absent: a header in row 1). */
  firstRow?: number;
  /** The sheet's name, for the cells messages name. */
  sheet?: string;
  /**
   * Whether the cell at data row i, column j holds a formula (a saved file says; Excel is asked
   * only when restoring): tells a number typed over a formula from a formula not recalculated.
   */
  formulaAt?: (i: number, j: number) => boolean;
}

/** A scheme setting's cell, as the plan named it. */
export type SettingCell = Required<PlanName>;

export interface RecalcChange extends PayoutChange {
  /** the engine's reason for the amount now (null for the total pay line and for a person who left) */
  reason: Reason | null;
  /** which changes, applied alone, move this line (absent when the last run's settings no longer make a scheme) */
  attribution?: Attribution;
}

export interface RecalcReport {
  /** people evaluated: rows of the evaluation sheets (a person in three periods counts three times) */
  people: number;
  /** the periods recalculated, in order, when the workbook has several ([] for one) */
  periods: string[];
  /** the engine's results for the workbook as it is now */
  results: PersonResult[];
  problems: DataProblem[];
  /** The scheme as the workbook now says (its settings read back from the scheme sheet). */
  scheme: Scheme;
  /** Which cell holds which setting, by name. */
  settingCells: SettingCell[];
  snapshot: PayoutSnapshot;
  /** Since the last run (or since generation). */
  changes: RecalcChange[];
  /** Everyone's pay added up, in cents: at the last run (null without one) and now. */
  totals: { before: number | null; after: number };
  settingChanges: SettingChange[];
  /** People whose inputs changed since the last run while none of their pay did. */
  unmoved: { id: string; name: string; causes: Cause[] }[];
  /** Cells of the payout sheet that do not show what the engine computes, in cents. */
  mismatches: Mismatch[];
  /**
   * Payout rows that do not match an evaluated person one to one (sheet row numbers, 1-based):
   * an id nobody has on the evaluation sheet, a person without a payout row, an id on two rows.
   * Each is a disagreement like a cell typed over; none is ever skipped.
   */
  rowProblems: { kind: "not-evaluated" | "no-payout-row" | "twice"; id: string; row: number | null; sheet?: string }[];
  /** With several periods: the roll-up sheet's totals and grades that are not the engine's. */
  rollupMismatches: RollupMismatch[];
  /** The evaluation sheet the problems are on, when the workbook has several. */
  problemSheet?: string;
}

/** A roll-up total or grade (quarter, year) the roll-up sheet shows other than the engine computes. */
export interface RollupMismatch {
  id: string;
  name: string;
  /** the roll-up period ("2026-Q1") */
  period: string;
  what: "total" | "grade";
  sheet: number | string | null;
  engine: number | string | null;
  /** the cell, "" when the person has no row on the roll-up sheet */
  cell: string;
}

/** A payout cell that does not show what the engine computes. */
export interface Mismatch {
  id: string;
  line: string;
  /** what the cell shows (null: not a number) and what the engine computes, in cents */
  sheet: number | null;
  engine: number;
  /** the cell, as "发放表!F7" */
  cell: string;
  /**
   * "typed": a number in place of the formula (typed over); "formula": the formula is there but
   * shows another amount (not recalculated — manual calculation — or edited); "unknown": not read.
   */
  holds: "typed" | "formula" | "unknown";
}

const RECONCILE = new Set(LANGS.map((l) => t(l, "wb.payout.reconcile")));

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v));

/** The cells of a plan that hold settings. */
export function settingCells(names: readonly PlanName[]): SettingCell[] {
  return names.filter((n): n is SettingCell => n.setting !== undefined);
}

/** What each setting cell holds in a scheme (lifted: every rule number a parameter), by name. */
export function schemeSettings(lifted: Scheme, cells: readonly SettingCell[]): Record<string, number> {
  const out = dict<number>();
  for (const c of cells) {
    const { kind, id } = c.setting;
    const grade = lifted.grades.find((g) => g.id === id);
    const v =
      kind === "param" ? lifted.parameters.find((p) => p.id === id)?.value : kind === "grade-min" ? grade?.min : grade?.coefficient;
    if (typeof v === "number") out[c.name] = v;
  }
  return out;
}

export type EditedScheme = { ok: true; scheme: Scheme; settings: Record<string, number> } | { ok: false; problems: string[] };

/**
 * The saved scheme with the values its setting cells hold now. A cell that is not a number, or
 * values that break the scheme (grade bounds out of order, a step of 0), are reported with the
 * cell's address; nothing is computed from a broken scheme.
 */
export function schemeAsEdited(saved: Scheme, cells: ReadonlyArray<SettingCell & { value: unknown }>, lang: Lang): EditedScheme {
  const lifted = liftRuleNumbers(saved).scheme;
  const problems: string[] = [];
  const settings = dict<number>();
  for (const c of cells) {
    const v = c.value;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      problems.push(t(lang, "wb.recalc.setting-not-number", { cell: `${c.sheet}!${c.ref.replace(/\$/g, "")}`, name: c.name, value: text(v) }));
      continue;
    }
    settings[c.name] = v;
  }
  if (problems.length) return { ok: false, problems };
  const r = withSettings(lifted, cells, settings, lang);
  return r.ok ? { ok: true, scheme: r.scheme, settings } : r;
}

/**
 * A lifted scheme (every rule number a parameter) with some of its setting cells holding other
 * values, checked as any scheme is; problems name the cell.
 */
export function withSettings(lifted: Scheme, cells: readonly SettingCell[], values: Readonly<Record<string, number>>, lang: Lang): { ok: true; scheme: Scheme } | { ok: false; problems: string[] } {
  const params = new Map<string, number>();
  const grades = new Map<string, { min?: number; coefficient?: number }>();
  for (const c of cells) {
    if (!Object.hasOwn(values, c.name)) continue;
    const v = values[c.name];
    const { kind, id } = c.setting;
    if (kind === "param") params.set(id, v);
    else grades.set(id, { ...grades.get(id), ...(kind === "grade-min" ? { min: v } : { coefficient: v }) });
  }
  const edited: Scheme = { ...lifted, grades: lifted.grades.map((g) => ({ ...g, ...grades.get(g.id) })) };
  const r = withParams(edited, params, lang);
  if (!r.ok) return { ok: false, problems: r.problems.map((p) => problemText(p, lang, cellOf(p.path, edited, cells) ?? p.path)) };
  return { ok: true, scheme: r.scheme };
}

/** The setting cell a scheme problem's path points at ("grades[1].min", "parameters[3].value"), as "Sheet!B14 (name)". */
function cellOf(path: string, scheme: Scheme, cells: readonly SettingCell[]): string | undefined {
  const grade = /^grades\[(\d+)\]\.(min|coefficient)/.exec(path);
  const param = /^parameters\[(\d+)\]/.exec(path);
  const target = grade
    ? { kind: grade[2] === "min" ? "grade-min" : "grade-coefficient", id: scheme.grades[Number(grade[1])]?.id }
    : param
      ? { kind: "param", id: scheme.parameters[Number(param[1])]?.id }
      : undefined;
  const cell = target && cells.find((c) => c.setting.kind === target.kind && c.setting.id === target.id);
  return cell && `${cell.sheet}!${cell.ref.replace(/\$/g, "")} (${cell.name})`;
}

export function recalcPayouts(
  scheme: Scheme,
  evaluation: SheetValues,
  payout: SheetValues,
  previous: PayoutSnapshot | null,
  cells: readonly SettingCell[] = [],
  settings: Record<string, number> = {},
  period: string | null = null,
): RecalcReport {
  return recalcTables(scheme, [{ period: null, evaluation, payout }], previous, cells, settings, { period });
}

/** One period's evaluation and payout sheets (period null: a workbook of one period). */
export interface PeriodTables {
  period: string | null;
  evaluation: SheetValues;
  payout: SheetValues;
}

/**
 * The recalculation of a workbook of one period, or of several (a sheet pair per period and a
 * roll-up sheet): every period is evaluated together — streaks and roll-ups run across them —
 * and each payout sheet compared with its period's pay. With several periods a person's pay is
 * keyed "2026-10 W1" (period, then id), so that the same person in two months is two pay records,
 * and the roll-up sheet's totals and grades are compared with the engine's roll-ups.
 */
export function recalcTables(
  scheme: Scheme,
  tables: readonly PeriodTables[],
  previous: PayoutSnapshot | null,
  cells: readonly SettingCell[] = [],
  settings: Record<string, number> = {},
  options: { period?: string | null; rollup?: SheetValues } = {},
): RecalcReport {
  const several = tables.length > 1;
  const keyOf = (id: string, period: string | null) => (several ? `${period} ${id}` : id);
  const people: PersonData[] = [];
  let problems: DataProblem[] = [];
  let problemSheet: string | undefined;
  for (const table of tables) {
    const ev = table.evaluation;
    // each row numbered where it is on the sheet (before the rows without an id are set aside)
    const idOf = ev.keys.indexOf("id");
    const records = ev.rows
      .map((r, i) => ({ line: i + (ev.firstRow ?? 2), cells: r.map(text) }))
      .filter((r) => r.cells[idOf]?.trim() !== "" && r.cells[idOf] !== undefined);
    const parsed = parseRecords(ev.keys, records, scheme, { blanksAllowed: false });
    for (const p of parsed.people) people.push(several ? { ...p, period: table.period } : p);
    // the first sheet with problems is reported, by its name
    if (parsed.problems.length && problems.length === 0) {
      problems = parsed.problems;
      problemSheet = ev.sheet;
    }
  }
  // traced: each changed line shows the engine's reason for its amount now
  const { results, rollups } = evaluatePeriods(compileScheme(scheme, { trace: true, period: options.period ?? null }), people);
  const keyOfResult = (r: PersonResult) => keyOf(r.id, r.period);
  const snapshot = payoutSnapshot(results, settings, keyOfResult);
  const reasons = new Map(results.flatMap((r) => r.trace.filter((e) => e.kind === "pay").map((e) => [`${keyOfResult(r)}:${e.target}`, e.reason] as const)));
  const mismatches: Mismatch[] = [];
  const rowProblems: RecalcReport["rowProblems"] = [];
  const digits = scheme.money.digits as MoneyDigits;
  for (const table of tables) {
    const theirs = results.filter((r) => !several || r.period === table.period);
    comparePayout(table.payout, (id) => keyOf(id, table.period), snapshot, theirs.map(keyOfResult), digits, several, mismatches, rowProblems);
  }
  const rollupMismatches = options.rollup ? compareRollup(options.rollup, rollups, scheme) : [];
  const found = previous ? payoutChanges(previous, snapshot) : [];
  // attribution evaluates one person's group of changes at a time: for one period's sheets
  const attributions = previous && found.length && !several ? attributionOrNull(() => attribution(scheme, found, previous, snapshot, people, cells, settings, options.period ?? null)) : null;
  const changes: RecalcChange[] = found.map((c, i) => ({ ...c, reason: reasons.get(`${c.id}:${c.line}`) ?? null, ...(attributions ? { attribution: attributions[i] } : {}) }));
  return {
    people: people.length,
    periods: several ? tables.map((x) => x.period ?? "") : [],
    results,
    problems,
    ...(problemSheet !== undefined ? { problemSheet } : {}),
    scheme,
    settingCells: [...cells],
    snapshot,
    changes,
    totals: { before: previous ? snapshotTotal(previous) : null, after: snapshotTotal(snapshot) },
    settingChanges: previous ? settingChanges(previous, snapshot) : [],
    unmoved: previous ? unmovedInputs(found, previous, snapshot) : [],
    mismatches,
    rowProblems,
    rollupMismatches,
  };
}

/**
 * One payout sheet against the engine: every row matched to an evaluated person one to one
 * (`key` turns the row's id into the person's pay record), every pay cell compared to the cent.
 */
function comparePayout(
  payout: SheetValues,
  key: (id: string) => string,
  snapshot: PayoutSnapshot,
  evaluated: readonly string[],
  digits: MoneyDigits,
  named: boolean,
  mismatches: Mismatch[],
  rowProblems: RecalcReport["rowProblems"],
): void {
  const idAt = payout.keys.indexOf("id");
  const sheet = named && payout.sheet !== undefined ? { sheet: payout.sheet } : {};
  const seen = new Map<string, number>();
  // the payout table ends where its reconciliation block begins (its heading in column A) — not at
  // an empty row: a row someone cleared must not hide the rows after it from the comparison
  const end = payout.rows.findIndex((r) => RECONCILE.has(text(r[idAt]).trim()));
  const payoutRows = end < 0 ? payout.rows : payout.rows.slice(0, end);
  const rowOf = (i: number) => i + (payout.firstRow ?? 2);
  payoutRows.forEach((row, i) => {
    const id = text(row[idAt]).trim();
    // a row with no id and no amount is a row left blank (the table's spare rows)
    const amounts = payout.keys.some((k, j) => (k === "pay" || k.startsWith("pay:")) && typeof row[j] === "number" && row[j] !== 0);
    if (id === "") {
      if (amounts) rowProblems.push({ kind: "not-evaluated", id: "", row: rowOf(i), ...sheet });
      return;
    }
    if (seen.has(id)) {
      rowProblems.push({ kind: "twice", id, row: rowOf(i), ...sheet });
      return;
    }
    seen.set(id, rowOf(i));
    if (!Object.hasOwn(snapshot.people, key(id))) rowProblems.push({ kind: "not-evaluated", id, row: rowOf(i), ...sheet });
  });
  const keys = new Set([...seen.keys()].map(key));
  for (const k of evaluated) if (!keys.has(k)) rowProblems.push({ kind: "no-payout-row", id: k, row: null, ...sheet });
  const sheetPrefix = payout.sheet === undefined ? "" : `${payout.sheet}!`;
  payoutRows.forEach((row, i) => {
    const id = text(row[idAt]).trim();
    const engine = snapshot.people[key(id)];
    // the first row of an id is compared; a second one is reported as such above
    if (!engine || seen.get(id) !== rowOf(i)) return;
    for (const [line, cents] of Object.entries(engine.lines)) {
      const at = payout.keys.indexOf(line === "pay" ? "pay" : `pay:${line}`);
      if (at < 0) continue;
      const v = row[at];
      // a cell beyond any amount we pay (typed over with 1e20, say) disagrees; it is not rounded
      const shown = typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= MAX_YUAN ? toCents(v, digits) : null;
      if (shown === cents) continue;
      const holds = payout.formulaAt ? (payout.formulaAt(i, at) ? "formula" : "typed") : "unknown";
      mismatches.push({ id: key(id), line, sheet: shown, engine: cents, cell: `${sheetPrefix}${columnLetter(at)}${rowOf(i)}`, holds });
    }
  });
}

/** The roll-up sheet's totals and grades against the engine's roll-ups (quarter or year), by person. */
function compareRollup(sheet: SheetValues, rollups: readonly RollupResult[], scheme: Scheme): RollupMismatch[] {
  const idAt = sheet.keys.indexOf("id");
  const rowAt = new Map<string, number>();
  sheet.rows.forEach((r, i) => {
    const id = text(r[idAt]).trim();
    if (id !== "" && !rowAt.has(id)) rowAt.set(id, i);
  });
  const out: RollupMismatch[] = [];
  const prefix = sheet.sheet === undefined ? "" : `${sheet.sheet}!`;
  for (const u of rollups) {
    const i = rowAt.get(u.id);
    const labels = (g: string | null) => (g === null ? [] : LANGS.map((l) => scheme.grades.find((x) => x.id === g)?.label[l] ?? g));
    const checks: { what: "total" | "grade"; at: number; ok: (v: unknown) => boolean; engine: number | string | null }[] = [
      { what: "total", at: sheet.keys.indexOf(`r:${u.period}`), ok: (v) => typeof v === "number" && roundPoints(v, scheme.scoreDigits) === u.total, engine: u.total },
      { what: "grade", at: sheet.keys.indexOf(`g:${u.period}`), ok: (v) => labels(u.grade).includes(text(v).trim()), engine: u.grade === null ? null : labels(u.grade)[0] },
    ];
    for (const c of checks) {
      if (c.at < 0 || (c.what === "grade" && u.grade === null)) continue;
      const v = i === undefined ? null : sheet.rows[i][c.at];
      if (i !== undefined && c.ok(v)) continue;
      const cell = i === undefined ? "" : `${prefix}${columnLetter(c.at)}${i + (sheet.firstRow ?? 2)}`;
      out.push({ id: u.id, name: u.name, period: u.period, what: c.what, sheet: typeof v === "number" || typeof v === "string" ? v : null, engine: c.engine, cell });
    }
  }
  return out;
}

/**
 * The attribution, or null when a state it tries cannot be scored (new inputs under the old
 * settings may divide by zero): the changes are then reported with the person's own causes, and
 * the error is not blamed on the sheet as it stands.
 */
function attributionOrNull(f: () => Attribution[] | null): Attribution[] | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof RowEvaluationError || e instanceof EvaluationError) return null;
    throw e;
  }
}

/**
 * Each change's causes, by evaluating the last run's state again with one group of changes at a
 * time (core/attribution.ts): everyone's inputs, each changed setting, the people who joined or
 * left. Null when the last run's settings no longer make a valid scheme (nothing to start from).
 */
function attribution(
  scheme: Scheme,
  changes: readonly PayoutChange[],
  previous: PayoutSnapshot,
  now: PayoutSnapshot,
  people: readonly PersonData[],
  cells: readonly SettingCell[],
  settings: Record<string, number>,
  period: string | null,
): Attribution[] | null {
  const changed = settingChanges(previous, now).filter((c) => c.before !== null && c.after !== null);
  const earlier = withSettings(scheme, cells, Object.fromEntries(changed.map((c) => [c.name, c.before!])), "en-US");
  if (!earlier.ok) return null;
  const run = (s: Scheme, roster: readonly PersonData[]) => payoutSnapshot(evaluatePeriods(compileScheme(s, { period }), roster.map((p) => ({ ...p, values: { ...p.values } }))).results, settings);
  const was = (id: string, p: PersonSnapshot): PersonData => ({
    line: 0,
    id,
    name: p.name,
    period: null,
    values: { ...p.inputs },
    ...(p.department !== undefined ? { department: p.department } : {}),
    ...(p.position !== undefined ? { position: p.position } : {}),
  });
  const nowById = new Map(people.map((p) => [p.id, p]));
  const before = Object.entries(previous.people).map(([id, p]) => was(id, p));
  // everyone's inputs as now, for the people on both runs; nobody joins or leaves
  const inputs = before.map((p) => nowById.get(p.id) ?? p);
  const membership = people.some((p) => !Object.hasOwn(previous.people, p.id)) || before.some((p) => !nowById.has(p.id));
  // who is on the sheet now, with the inputs they had (the new ones with theirs)
  const roster = membership ? people.map((p) => (Object.hasOwn(previous.people, p.id) ? was(p.id, previous.people[p.id]) : p)) : null;
  const one = new Map<string, PayoutSnapshot>();
  for (const c of changed) {
    const s = withSettings(earlier.scheme, cells, { [c.name]: c.after! }, "en-US");
    if (s.ok) one.set(c.name, run(s.scheme, before));
  }
  const rosterWide = new Set(scheme.pay.filter((l) => !isPersonPay(l.rule)).map((l) => l.id));
  if (rosterWide.size) rosterWide.add("pay");
  return attributeChanges(changes, previous, now, { base: run(earlier.scheme, before), inputs: run(earlier.scheme, inputs), settings: one, roster: roster && run(earlier.scheme, roster) }, rosterWide);
}

/**
 * A row the engine cannot score (a division by zero a setting caused, a value it cannot use) in
 * words, naming the sheet, row and person; null for any other error, which is a bug and must show.
 */
export function evaluationProblem(e: unknown, sheet: string, lang: Lang): string | null {
  if (e instanceof RowEvaluationError) return t(lang, "wb.recalc.eval-error", { sheet, line: e.line, id: e.personId, message: t(lang, e.error.key, e.error.vars) });
  if (e instanceof EvaluationError) return `${sheet}: ${t(lang, e.key, e.vars)}`;
  return null;
}
