/**
 * What a generated workbook must remember for next month and for finance: the scheme it was
 * made from, where its evaluation and payout tables and its editable settings are, and the pay
 * the engine computed at generation (the baseline of the first recalculation). Every generated
 * workbook carries it as a custom XML part: written by the pane inside Excel, or into the .xlsx
 * made in a browser or by the CLI — Excel exposes it to the add-in when the file is opened there.
 */
import { compileScheme } from "../core/evaluate.js";
import { evaluatePeriods } from "../core/periods/evaluate-periods.js";
import { asSnapshot, payoutSnapshot, type PayoutSnapshot } from "../core/payout-changes.js";
import type { Scheme } from "../core/scheme/schema.js";
import type { PlanPerson } from "./plan/context.js";
import { liftRuleNumbers } from "./plan/lift.js";
import type { WorkbookPlan } from "./plan/types.js";
import { schemeSettings, settingCells, type SettingCell } from "./read-back.js";
import { esc } from "./xlsx/xml.js";

export interface GenerationLayout {
  evaluation: string;
  payout: string;
  evaluationKeys: string[];
  payoutKeys: string[];
  /** the scheme sheet's editable settings, by defined name */
  settings: SettingCell[];
}

export interface GenerationRecord {
  scheme: Scheme;
  /** null when the workbook has several periods: recalculation works on one period's sheets */
  layout: GenerationLayout | null;
  /** null while the roster's inputs are still blank: the first recalculation sets the baseline */
  snapshot: PayoutSnapshot | null;
}

export const RECORD_NAMESPACE = "urn:kpi-scorecard:generation:1";

export function generationRecord(scheme: Scheme, people: readonly PlanPerson[], plan: WorkbookPlan): GenerationRecord {
  const evaluations = plan.sheets.filter((s) => s.role === "evaluation");
  const payouts = plan.sheets.filter((s) => s.role === "payout");
  if (evaluations.length !== 1 || payouts.length !== 1) return { scheme, layout: null, snapshot: null };
  const [ev] = evaluations;
  const [pay] = payouts;
  const cells = settingCells(plan.names);
  const layout = { evaluation: ev.name, payout: pay.name, evaluationKeys: ev.table!.keys, payoutKeys: pay.table!.keys, settings: cells };
  const complete = people.every((p) => scheme.inputs.every((i) => p.values[i.id] !== null && p.values[i.id] !== undefined));
  if (!complete) return { scheme, layout, snapshot: null };
  const lifted = liftRuleNumbers(scheme).scheme;
  // copies: the engine adds derived values to the person it evaluates
  const copies = people.map((p, i) => ({ line: i + 2, id: p.id, name: p.name, period: p.period ?? null, values: { ...p.values } }));
  const { results } = evaluatePeriods(compileScheme(lifted, { trace: false }), copies);
  return { scheme, layout, snapshot: payoutSnapshot(results, schemeSettings(lifted, cells)) };
}

/** The record as a custom XML part: one element in our namespace holding the JSON as text. */
export function recordXml(record: GenerationRecord): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<generation xmlns="${RECORD_NAMESPACE}">${esc(JSON.stringify(record))}</generation>`;
}

/** The record back from the part's XML, or null when it is not ours or not readable. */
export function recordFromXml(xml: string): GenerationRecord | null {
  // a prefix is allowed: a program that saves the file may write the namespace with one
  const m = /<(?:[\w.-]+:)?generation\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?generation>/.exec(xml);
  if (!m || !xml.includes(RECORD_NAMESPACE)) return null;
  const text = m[1].replace(/&(lt|gt|quot|apos|amp|#x([0-9a-fA-F]+)|#(\d+));/g, (_, name: string, hex?: string, dec?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name],
  );
  try {
    const raw = JSON.parse(text) as Partial<GenerationRecord>;
    if (typeof raw !== "object" || raw === null || typeof raw.scheme !== "object") return null;
    return { scheme: raw.scheme as Scheme, layout: raw.layout ?? null, snapshot: asSnapshot(raw.snapshot) };
  } catch {
    return null;
  }
}
