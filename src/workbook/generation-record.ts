/**
 * What a generated workbook must remember for next month and for finance: the scheme it was
 * made from, where its evaluation and payout tables and its editable settings are, and the pay
 * the engine computed at generation (the baseline of the first recalculation). Every generated
 * workbook carries it as a custom XML part: written by the pane inside Excel, or into the .xlsx
 * made in a browser or by the CLI — Excel exposes it to the add-in when the file is opened there.
 */
import { decode } from "../io/xlsx-read.js";
import { compileScheme, RowEvaluationError, type PersonResult } from "../core/evaluate.js";
import { EvaluationError } from "../core/errors.js";
import { evaluatePeriods } from "../core/periods/evaluate-periods.js";
import { asSnapshot, payoutSnapshot, snapshotFields, type PayoutSnapshot, type PersonSnapshot, type SnapshotSink } from "../core/payout-changes.js";
import { dict, dictOf, recordOf } from "../core/dict.js";
import type { Scheme } from "../core/scheme/schema.js";
import type { PlanPerson } from "./plan/context.js";
import { liftRuleNumbers } from "./plan/lift.js";
import type { WorkbookPlan } from "./plan/types.js";
import { schemeSettings, settingCells, type PeriodTables, type SettingCell, type SheetValues } from "./read-back.js";

export interface GenerationLayout {
  evaluation: string;
  payout: string;
  evaluationKeys: string[];
  payoutKeys: string[];
  /** the scheme sheet's editable settings, by defined name */
  settings: SettingCell[];
  /** the period the sheets evaluate ("2026-11"), when known: dates in conditions are compared with its days */
  period?: string | null;
  /**
   * The sheet row of both tables' header (the people's rows follow it): 2 under the legend line;
   * records written before the legend have none, and their tables start at row 1.
   */
  headerRow?: number;
  /**
   * A workbook of several periods: each period's sheets, in order (evaluation and payout above
   * are the first period's), and the roll-up sheet; recalculation reads them all.
   */
  periods?: PeriodLayout[];
  rollup?: { sheet: string; keys: string[]; headerRow?: number };
}

export interface PeriodLayout {
  period: string;
  evaluation: string;
  payout: string;
  evaluationKeys: string[];
  payoutKeys: string[];
}

/** Where the tables' header is, for a record of any age. */
export const headerRowOf = (layout: GenerationLayout): number => layout.headerRow ?? 1;

/** A sheet's rows as read (values, and whether a cell holds a formula when the reader knows). */
export interface ReadSheet {
  /** the sheet's rows from its first row (row 1) */
  rows: readonly (readonly unknown[])[];
  formulaAt?: (row: number, col: number) => boolean;
}

/**
 * The tables a layout names, read through `read` (a saved file, or Excel): each period's
 * evaluation and payout rows under their header, and the roll-up sheet's. One place for both
 * hosts, so that they read a workbook of one period and of several alike.
 */
export function layoutTables(layout: GenerationLayout, read: (sheet: string) => ReadSheet): { tables: PeriodTables[]; rollup?: SheetValues } {
  const header = headerRowOf(layout);
  const values = (sheet: string, keys: string[], headerRow = header): SheetValues => {
    const r = read(sheet);
    const formulaAt = r.formulaAt;
    return { keys, rows: r.rows.slice(headerRow), firstRow: headerRow + 1, sheet, ...(formulaAt ? { formulaAt: (i: number, j: number) => formulaAt(i + headerRow, j) } : {}) };
  };
  const periods = layout.periods ?? [{ period: null, evaluation: layout.evaluation, payout: layout.payout, evaluationKeys: layout.evaluationKeys, payoutKeys: layout.payoutKeys }];
  const tables = periods.map((p) => ({ period: p.period, evaluation: values(p.evaluation, p.evaluationKeys), payout: values(p.payout, p.payoutKeys) }));
  const rollup = layout.rollup && values(layout.rollup.sheet, layout.rollup.keys, layout.rollup.headerRow ?? 1);
  return { tables, ...(rollup ? { rollup } : {}) };
}

export interface GenerationRecord {
  scheme: Scheme;
  /** null when the workbook has no evaluation and payout sheet to read back */
  layout: GenerationLayout | null;
  /** null while the roster's inputs are still blank: the first recalculation sets the baseline */
  snapshot: PayoutSnapshot | null;
  /** parts of a stored record that could not be read (edited by hand, cut short): named to the user */
  damaged?: ("layout" | "snapshot")[];
}

export const RECORD_NAMESPACE = "urn:kpi-scorecard:generation:1";

/**
 * The engine's results for the people of a plan, in their order (every period's) — null while the
 * roster's inputs are still blank (a roster to fill in has no pay yet: its payout rows show
 * blanks). Every required input column (one per rater for rated indicators) must hold a value
 * for everyone.
 */
export function planResults(scheme: Scheme, people: readonly PlanPerson[], plan: WorkbookPlan, options: { trace?: boolean } = {}): PersonResult[] | null {
  // one evaluation sheet, or one per period: every one has the same columns
  const evaluations = plan.sheets.filter((s) => s.role === "evaluation");
  if (evaluations.length === 0) return null;
  const required = new Set(scheme.inputs.filter((i) => i.required).map((i) => i.id));
  const inputKeys = evaluations[0].table!.keys.filter((k) => required.has(k.split("@")[0]));
  if (people.some((p) => inputKeys.some((k) => p.values[k] === null || p.values[k] === undefined))) return null;
  const lifted = liftRuleNumbers(scheme).scheme;
  // copies: the engine adds derived values to the person it evaluates
  const copies = people.map((p, i) => ({ ...p, line: i + 2, period: p.period ?? null, values: { ...p.values } }));
  try {
    // traced (by default): the payslips say why each number is what it is
    return evaluatePeriods(compileScheme(lifted, { trace: options.trace ?? true, period: plan.period ?? null }), copies).results;
  } catch (e) {
    // a roster without its input columns yet (names only) cannot be scored either; anything else
    // is a bug and must show
    if (e instanceof RowEvaluationError || e instanceof EvaluationError) return null;
    throw e;
  }
}

/**
 * The engine's results standing in for the baseline until the record is written: packed into
 * columns straight from them, never made into an object per person first (at 100,000 people
 * that snapshot was a tenth of generating the workbook).
 */
export interface ResultsBaseline {
  results: readonly PersonResult[];
  settings: Record<string, number>;
  keyOf: (r: PersonResult) => string;
}

/** A record as it is written: its baseline a snapshot (after a recalculation) or the results of the generation. */
export interface RecordDraft {
  scheme: Scheme;
  layout: GenerationLayout | null;
  snapshot: PayoutSnapshot | ResultsBaseline | null;
}

/** The record of a workbook being generated, its baseline the engine's results (what recordXml writes). */
export function recordDraft(scheme: Scheme, people: readonly PlanPerson[], plan: WorkbookPlan, results = planResults(scheme, people, plan)): RecordDraft & { snapshot: ResultsBaseline | null } {
  const evaluations = plan.sheets.filter((s) => s.role === "evaluation");
  const payouts = plan.sheets.filter((s) => s.role === "payout");
  if (evaluations.length === 0 || evaluations.length !== payouts.length) return { scheme, layout: null, snapshot: null };
  const [ev] = evaluations;
  const [pay] = payouts;
  const cells = settingCells(plan.names);
  const several = evaluations.length > 1;
  // the roll-up sheet: the summary that is not a period's (it has an id column and no period)
  const rollup = several ? plan.sheets.find((s) => s.role === "summary" && s.period === undefined && s.table?.keys.includes("id")) : undefined;
  const layout: GenerationLayout = {
    evaluation: ev.name,
    payout: pay.name,
    evaluationKeys: ev.table!.keys,
    payoutKeys: pay.table!.keys,
    settings: cells,
    period: plan.period ?? null,
    headerRow: ev.table!.row,
    ...(several
      ? {
          periods: evaluations.map((e, i) => ({ period: e.period!, evaluation: e.name, payout: payouts[i].name, evaluationKeys: e.table!.keys, payoutKeys: payouts[i].table!.keys })),
          ...(rollup ? { rollup: { sheet: rollup.name, keys: rollup.table!.keys, headerRow: rollup.table!.row } } : {}),
        }
      : {}),
  };
  if (results === null) return { scheme, layout, snapshot: null };
  // several periods: a person's pay in each period is a record of its own ("2026-10 W1")
  const keyOf = several ? (r: PersonResult) => `${r.period} ${r.id}` : (r: PersonResult) => r.id;
  return { scheme, layout, snapshot: { results, settings: schemeSettings(liftRuleNumbers(scheme).scheme, cells), keyOf } };
}

/** The record of a generated workbook, its baseline as a snapshot (one object per person): what a reader of the record gets back. */
export function generationRecord(scheme: Scheme, people: readonly PlanPerson[], plan: WorkbookPlan, results = planResults(scheme, people, plan)): GenerationRecord {
  const draft = recordDraft(scheme, people, plan, results);
  const b = draft.snapshot;
  return { ...draft, snapshot: b && payoutSnapshot(b.results, b.settings, b.keyOf) };
}

/**
 * The snapshot column by column, as stored: one array per field instead of one object per person,
 * so that names of lines and inputs are written once, not once per person (a third of the size;
 * Excel on the web takes at most 5 MB in one request).
 */
interface PackedSnapshot {
  ids: string[];
  names: string[];
  totals: number[];
  grades: (string | null)[];
  lines: Record<string, (number | null)[]>;
  inputs: Record<string, PersonSnapshot["inputs"][string][]>;
  settings: Record<string, number>;
  /** present when the roster had 部门 / 岗位 */
  departments?: (string | null)[];
  positions?: (string | null)[];
}

/**
 * The columns of a packed snapshot, filled person by person: one place for both feeders (the
 * results of a generation, a snapshot after a recalculation). A column is made when its key is
 * first seen (the keys are the same few dozen for everyone).
 */
class Packer {
  readonly ids: string[];
  readonly names: string[];
  readonly totals: number[];
  readonly grades: (string | null)[];
  readonly lines: PackedSnapshot["lines"] = dict();
  readonly inputs: PackedSnapshot["inputs"] = dict();
  departments: (string | null)[] | undefined;
  positions: (string | null)[] | undefined;
  /** the person being filled in */
  i = 0;

  constructor(readonly n: number) {
    this.ids = new Array<string>(n);
    this.names = new Array<string>(n);
    this.totals = new Array<number>(n);
    this.grades = new Array<string | null>(n);
  }

  /** the sink a person's fields are told to (snapshotFields), at row `i` */
  readonly sink: SnapshotSink = {
    person: (p) => {
      const i = this.i;
      this.names[i] = p.name;
      this.totals[i] = p.total;
      this.grades[i] = p.grade;
      if (p.department !== undefined) (this.departments ??= new Array<string | null>(this.n).fill(null))[i] = p.department;
      if (p.position !== undefined) (this.positions ??= new Array<string | null>(this.n).fill(null))[i] = p.position;
    },
    line: (k, cents) => ((this.lines[k] ??= new Array<number | null>(this.n).fill(null))[this.i] = cents),
    input: (k, v) => ((this.inputs[k] ??= new Array<PersonSnapshot["inputs"][string]>(this.n).fill(null))[this.i] = v),
  };

  packed(settings: Record<string, number>): PackedSnapshot {
    const { ids, names, totals, grades, lines, inputs, departments, positions } = this;
    return { ids, names, totals, grades, lines, inputs, settings, ...(departments ? { departments } : {}), ...(positions ? { positions } : {}) };
  }
}

function pack(s: PayoutSnapshot | ResultsBaseline): PackedSnapshot {
  if ("results" in s) {
    const { results, keyOf } = s;
    const out = new Packer(results.length);
    for (let i = 0; i < results.length; i++) {
      out.i = i;
      out.ids[i] = keyOf(results[i]);
      snapshotFields(results[i], out.sink);
    }
    return out.packed(dictOf(s.settings));
  }
  const people = Object.entries(s.people);
  const out = new Packer(people.length);
  for (let i = 0; i < people.length; i++) {
    const [id, p] = people[i];
    out.i = i;
    out.ids[i] = id;
    out.sink.person(p);
    for (const k in p.lines) out.sink.line(k, p.lines[k]);
    for (const k in p.inputs) out.sink.input(k, p.inputs[k]);
  }
  return out.packed(s.settings);
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === "string";
const isValue = (v: unknown): v is PersonSnapshot["inputs"][string] => v === null || isNumber(v) || isText(v) || typeof v === "boolean";
const arrayOf = <T>(x: unknown, ok: (v: unknown) => v is T, length?: number): x is T[] => Array.isArray(x) && (length === undefined || x.length === length) && x.every(ok);

/** The stored columns back as a snapshot, checked field by field (a record may have been edited by hand), or null. */
function unpack(raw: unknown): PayoutSnapshot | null {
  if (typeof raw !== "object" || raw === null) return null;
  const x = raw as Record<string, unknown>;
  if (!arrayOf(x.ids, isText)) return null;
  const n = x.ids.length;
  const lines = recordOf(x.lines, (c): c is (number | null)[] => arrayOf(c, (v): v is number | null => v === null || isNumber(v), n));
  const inputs = recordOf(x.inputs, (c): c is PersonSnapshot["inputs"][string][] => arrayOf(c, isValue, n));
  const settings = recordOf(x.settings, isNumber);
  if (!arrayOf(x.names, isText, n) || !arrayOf(x.totals, isNumber, n) || !arrayOf(x.grades, (v): v is string | null => v === null || isText(v), n) || !lines || !inputs || !settings) return null;
  const people = dict<PersonSnapshot>();
  const { ids, names, totals, grades } = x as unknown as PackedSnapshot;
  const optionalTexts = (v: unknown) => (arrayOf(v, (t): t is string | null => t === null || isText(t), n) ? v : undefined);
  const departments = optionalTexts(x.departments);
  const positions = optionalTexts(x.positions);
  ids.forEach((id, i) => {
    const own = dict<number>();
    for (const [k, col] of Object.entries(lines)) if (col[i] !== null) own[k] = col[i]!;
    const values = dict<PersonSnapshot["inputs"][string]>();
    for (const [k, col] of Object.entries(inputs)) values[k] = col[i];
    const d = departments?.[i];
    const q = positions?.[i];
    people[id] = { name: names[i], lines: own, total: totals[i], grade: grades[i], inputs: values, ...(typeof d === "string" ? { department: d } : {}), ...(typeof q === "string" ? { position: q } : {}) };
  });
  return { people, settings };
}

const SETTING_KINDS: readonly string[] = ["param", "grade-min", "grade-coefficient"];

/** The stored layout, checked field by field, or null. */
function layoutOf(raw: unknown): GenerationLayout | null {
  if (typeof raw !== "object" || raw === null) return null;
  const x = raw as Record<string, unknown>;
  const isSetting = (c: unknown): c is SettingCell => {
    if (typeof c !== "object" || c === null) return false;
    const s = c as Record<string, unknown>;
    const setting = s.setting as Record<string, unknown> | undefined;
    return isText(s.name) && isText(s.sheet) && isText(s.ref) && typeof setting === "object" && setting !== null && SETTING_KINDS.includes(setting.kind as string) && isText(setting.id);
  };
  if (!isText(x.evaluation) || !isText(x.payout) || !arrayOf(x.evaluationKeys, isText) || !arrayOf(x.payoutKeys, isText) || !arrayOf(x.settings, isSetting)) return null;
  // older records have no period; a period that is there must be text
  if (x.period !== undefined && x.period !== null && !isText(x.period)) return null;
  // a header row that is there must be a row number (older records have none: row 1)
  if (x.headerRow !== undefined && !(Number.isInteger(x.headerRow) && (x.headerRow as number) >= 1 && (x.headerRow as number) <= 1000)) return null;
  // several periods: each period's sheets, and the roll-up's, checked as closely
  const isPeriod = (p: unknown): p is PeriodLayout => {
    if (typeof p !== "object" || p === null) return false;
    const y = p as Record<string, unknown>;
    return isText(y.period) && isText(y.evaluation) && isText(y.payout) && arrayOf(y.evaluationKeys, isText) && arrayOf(y.payoutKeys, isText);
  };
  if (x.periods !== undefined && !arrayOf(x.periods, isPeriod)) return null;
  const rollup = x.rollup as Record<string, unknown> | undefined;
  if (rollup !== undefined && (typeof rollup !== "object" || rollup === null || !isText(rollup.sheet) || !arrayOf(rollup.keys, isText) || (rollup.headerRow !== undefined && !Number.isInteger(rollup.headerRow)))) return null;
  return {
    evaluation: x.evaluation,
    payout: x.payout,
    evaluationKeys: x.evaluationKeys,
    payoutKeys: x.payoutKeys,
    settings: x.settings,
    period: x.period ?? null,
    ...(x.headerRow !== undefined ? { headerRow: x.headerRow as number } : {}),
    ...(x.periods !== undefined ? { periods: x.periods as PeriodLayout[] } : {}),
    ...(rollup !== undefined ? { rollup: { sheet: rollup.sheet as string, keys: rollup.keys as string[], ...(rollup.headerRow !== undefined ? { headerRow: rollup.headerRow as number } : {}) } } : {}),
  };
}

/** What element text must escape, in one pass over the JSON; the two non-characters XML forbids become JSON escapes (JSON.parse gives them back). */
const XML_TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\uFFFE": "\\ufffe", "\uFFFF": "\\uffff" };

/** The record as a custom XML part: one element in our namespace holding the JSON as text. */
export function recordXml(record: GenerationRecord | RecordDraft): string {
  const stored = { ...record, snapshot: record.snapshot && pack(record.snapshot) };
  // element text needs only & < > escaped — quotes stay quotes, or the JSON's many quotation
  // marks would grow six-fold; JSON already writes control characters as \uXXXX, and the two
  // non-characters XML forbids are written as JSON escapes too (a name keeps every character)
  const text = JSON.stringify(stored).replace(/[&<>\uFFFE\uFFFF]/g, (c) => XML_TEXT[c]);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<generation xmlns="${RECORD_NAMESPACE}">${text}</generation>`;
}

/** The record back from the part's XML, or null when it is not ours or not readable. */
export function recordFromXml(xml: string): GenerationRecord | null {
  // a prefix is allowed: a program that saves the file may write the namespace with one
  const m = /<(?:[\w.-]+:)?generation\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?generation>/.exec(xml);
  if (!m || !xml.includes(RECORD_NAMESPACE)) return null;
  const text = decode(m[1]);
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (typeof raw !== "object" || raw === null || typeof raw.scheme !== "object" || raw.scheme === null) return null;
    // the scheme is validated where it is used; the layout and the baseline are checked here
    const damaged: ("layout" | "snapshot")[] = [];
    const layout = raw.layout === null || raw.layout === undefined ? null : layoutOf(raw.layout);
    if (raw.layout !== null && raw.layout !== undefined && layout === null) damaged.push("layout");
    const stored = raw.snapshot;
    const packed = typeof stored === "object" && stored !== null && "ids" in stored;
    const snapshot = stored === null || stored === undefined ? null : packed ? unpack(stored) : asSnapshot(stored);
    if (stored !== null && stored !== undefined && snapshot === null) damaged.push("snapshot");
    return { scheme: raw.scheme as Scheme, layout, snapshot, ...(damaged.length ? { damaged } : {}) };
  } catch {
    return null;
  }
}
