/** What the wizard shows that follows from its state: problems, totals, the parsed roster, a preview. */
import { parseScheme, type SchemeProblem } from "../../core/scheme/load.js";
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { parseRecords } from "../../core/data.js";
import { readRosterTable, tableOfText, type RosterRead } from "../../io/read-roster.js";
import { sampleData } from "../../core/sample.js";
import { compileScheme, type PersonResult } from "../../core/evaluate.js";
import { formatCsv } from "../../io/csv.js";
import type { WizardState } from "./wizard.js";
import { defaultSheetNames, repeatedSheetName } from "../../workbook/plan/names.js";

export function schemeProblems(draft: Scheme | null, lang: Lang): SchemeProblem[] {
  if (!draft) return [];
  const r = parseScheme(draft, lang);
  return r.ok ? [] : r.problems;
}

/** The sum the indicators must reach (points or weights) and what they add up to now. */
export function indicatorTotal(draft: Scheme): { sum: number; expected: number; of: "points" | "weights" } {
  const weighted = draft.total.method === "weighted";
  const sum = draft.indicators.reduce((s, i) => s + (weighted ? (i.weight ?? 0) : i.points), 0);
  return { sum: Math.round(sum * 1e9) / 1e9, expected: draft.total.full, of: weighted ? "weights" : "points" };
}

/**
 * The scheme as generated: the parameters the manager confirmed are no longer marked for review —
 * the scheme sheet does not say 待确认 beside them, and the scheme kept in the workbook does not ask
 * again next month.
 */
export function confirmedDraft(s: WizardState): Scheme | null {
  if (!s.draft) return null;
  return { ...s.draft, parameters: s.draft.parameters.map((p) => (p.review && s.reviewed.includes(p.id) ? { ...p, review: false, confirmed: true } : p)) };
}

export const unreviewed = (s: WizardState): string[] => (s.draft ? s.draft.parameters.filter((p) => p.review && !s.reviewed.includes(p.id)).map((p) => p.id) : []);

export type RosterParse = RosterRead;

/**
 * The roster text (CSV, or tab-separated as pasted from Excel — whatever the cells hold) read for
 * the draft scheme by the one roster reader; `source` is how a file's bytes were decoded.
 */
export function parseRoster(draft: Scheme, text: string, options: { lang?: Lang; keepExtra?: boolean; source?: RosterRead["source"] } = {}): RosterParse {
  const lang = options.lang ?? "en-US";
  // nothing given yet: nothing to say
  if (text.trim() === "") return { people: [], problems: [], columns: [], preview: [], source: "text", separator: null, carried: [], has: { period: false, department: false, position: false } };
  return readRosterTable(tableOfText(text, options.source), draft, { lang, forWorkbook: true, keepExtra: options.keepExtra });
}

export function sampleRosterText(draft: Scheme, rows: number): string {
  const s = sampleData(draft, { rows, seed: 7 });
  return formatCsv(s.header, s.rows).replace(/^\ufeff/, "");
}

/** What one plausible person would get under the draft: the grades-and-pay preview. */
/** How many sample people the preview evaluates: enough that a pool's share is a share, not the whole budget. */
export const PREVIEW_PEOPLE = 30;

/**
 * What three sample people would get — the lowest, the middle and the highest total among
 * PREVIEW_PEOPLE seeded sample rows — evaluated together, so that ranks and bonus pools are split
 * among a team, as they will be. Null while the scheme has problems or cannot score the sample.
 */
export function previewPeople(draft: Scheme): { low: PersonResult; middle: PersonResult; high: PersonResult; of: number } | null {
  if (schemeProblems(draft, "en-US").length) return null;
  const s = sampleData(draft, { rows: PREVIEW_PEOPLE, seed: 3 });
  const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), draft);
  if (!people.length) return null;
  try {
    const results = compileScheme(draft).evaluateRoster(people).filter((r) => !r.excluded);
    if (!results.length) return null;
    const sorted = [...results].sort((a, b) => a.total - b.total);
    return { low: sorted[0], middle: sorted[Math.floor((sorted.length - 1) / 2)], high: sorted[sorted.length - 1], of: results.length };
  } catch {
    return null;
  }
}

/** The name two of this workbook's sheets would share, as named on step 5 (Excel ignores case), or null. */
export function sheetNameClash(state: WizardState): string | null {
  const d = defaultSheetNames(state.lang, state.options.period || null);
  return repeatedSheetName([d.scheme, state.options.evaluationName || d.evaluation, state.options.payoutName || d.payout, d.summary]);
}
