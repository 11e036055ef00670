/**
 * The wizard's state and its one reducer: (state, event) → state. Pure — no Office, no DOM —
 * so every step's behaviour is tested without a browser. Derived facts (problems, totals, the
 * parsed roster) are computed by the selectors in ./select.ts, never stored.
 */
import type { RosterRead } from "../../io/read-roster.js";
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { builtInScheme } from "../../schemes/index.js";

export const STEPS = ["scheme", "indicators", "grades", "roster", "options", "review"] as const;
export type Step = (typeof STEPS)[number];

export interface GenerationResult {
  sheets: string[];
  renamed: { wanted: string; got: string }[];
  /** Standalone: the name of the file offered for download. */
  fileName?: string;
  /** How many people the payslips were left out for (more than PAYSLIP_LIMIT), when they were. */
  payslipsLeftOut?: number;
}

type RosterSource = RosterRead["source"];

export interface WizardState {
  step: Step;
  lang: Lang;
  draft: Scheme | null;
  source: { kind: "template"; id: string } | { kind: "file"; name: string } | null;
  importProblems: string[];
  /** Parameters the user has confirmed (the seed's [X] defaults). */
  reviewed: string[];
  /** the roster as text; `source`: how its file was decoded; `keepExtra`: carry unknown columns through */
  roster: { text: string; fileName: string | null; source?: RosterSource; keepExtra?: boolean };
  /** Sheet names: blank means the default (考核 2026-11 …). */
  options: { period: string; formulas: "native" | "addin"; protect: boolean; evaluationName: string; payoutName: string };
  generation: { status: "idle" | "running" | "done" | "failed"; progress: number; message?: string; result?: GenerationResult };
}

export type WizardEvent =
  | { type: "lang"; lang: Lang }
  | { type: "go"; step: Step }
  | { type: "template"; id: string }
  | { type: "imported"; scheme: Scheme; name: string }
  | { type: "import-failed"; problems: string[] }
  | { type: "indicator-points"; index: number; points: number }
  | { type: "indicator-weight"; index: number; weight: number }
  | { type: "indicator-move"; index: number; by: -1 | 1 }
  | { type: "indicator-remove"; index: number }
  | { type: "indicator-add"; id: string; name: { "zh-CN": string; "en-US": string } }
  | { type: "param"; id: string; value: number }
  | { type: "review"; id: string }
  /** every parameter still to review, confirmed at once */
  | { type: "review-all" }
  | { type: "grade"; index: number; min?: number; coefficient?: number; label?: { "zh-CN": string; "en-US": string } }
  | { type: "money-digits"; digits: 0 | 1 | 2 }
  | { type: "roster"; text: string; fileName?: string | null; source?: RosterSource }
  | { type: "roster-keep-extra"; keep: boolean }
  | { type: "option"; key: "period"; value: string }
  | { type: "option"; key: "formulas"; value: "native" | "addin" }
  | { type: "option"; key: "protect"; value: boolean }
  | { type: "option"; key: "evaluationName" | "payoutName"; value: string }
  | { type: "generate-start" }
  | { type: "generate-progress"; progress: number }
  | { type: "generate-done"; result: GenerationResult }
  | { type: "generate-failed"; message: string };

export function initialState(lang: Lang, period: string): WizardState {
  return {
    step: "scheme",
    lang,
    draft: null,
    source: null,
    importProblems: [],
    reviewed: [],
    roster: { text: "", fileName: null },
    options: { period, formulas: "native", protect: true, evaluationName: "", payoutName: "" },
    generation: { status: "idle", progress: 0 },
  };
}

const withDraft = (s: WizardState, f: (d: Scheme) => Scheme): WizardState => (s.draft ? { ...s, draft: f(s.draft), generation: { status: "idle", progress: 0 } } : s);

export function wizardReducer(s: WizardState, e: WizardEvent): WizardState {
  switch (e.type) {
    case "lang":
      return { ...s, lang: e.lang };
    case "go":
      return { ...s, step: e.step };
    case "template": {
      const scheme = builtInScheme(e.id);
      if (!scheme) return s;
      return { ...s, draft: structuredClone(scheme), source: { kind: "template", id: e.id }, importProblems: [], reviewed: [], generation: { status: "idle", progress: 0 } };
    }
    case "imported":
      return { ...s, draft: structuredClone(e.scheme), source: { kind: "file", name: e.name }, importProblems: [], reviewed: [] };
    case "import-failed":
      return { ...s, importProblems: e.problems };
    case "indicator-points":
      return withDraft(s, (d) => ({ ...d, indicators: d.indicators.map((x, i) => (i === e.index ? { ...x, points: e.points } : x)) }));
    case "indicator-weight":
      return withDraft(s, (d) => ({ ...d, indicators: d.indicators.map((x, i) => (i === e.index ? { ...x, weight: e.weight } : x)) }));
    case "indicator-move":
      return withDraft(s, (d) => {
        const j = e.index + e.by;
        if (j < 0 || j >= d.indicators.length) return d;
        const list = [...d.indicators];
        [list[e.index], list[j]] = [list[j], list[e.index]];
        return { ...d, indicators: list };
      });
    case "indicator-remove":
      return withDraft(s, (d) => {
        const removed = d.indicators[e.index];
        const indicators = d.indicators.filter((_, i) => i !== e.index);
        // its input goes too, unless something else still reads it
        const own = removed.input ?? removed.id;
        const stillUsed = JSON.stringify([indicators, d.adjustments, d.pay, d.derived, d.eligibility]).includes(`"${own}"`);
        return { ...d, indicators, inputs: stillUsed ? d.inputs : d.inputs.filter((x) => x.id !== own) };
      });
    case "indicator-add":
      return withDraft(s, (d) => {
        if (d.indicators.some((x) => x.id === e.id) || d.inputs.some((x) => x.id === e.id)) return d;
        const weighted = d.total.method === "weighted";
        return {
          ...d,
          inputs: [...d.inputs, { id: e.id, name: e.name, type: "number", min: 0, required: true }],
          indicators: [...d.indicators, { id: e.id, name: e.name, points: weighted ? 100 : 0, ...(weighted ? { weight: 0 } : {}), rated: false, rule: { kind: "direct" } }],
        };
      });
    case "param":
      return withDraft(s, (d) => ({ ...d, parameters: d.parameters.map((p) => (p.id === e.id ? { ...p, value: e.value } : p)) }));
    case "review":
      return s.reviewed.includes(e.id) ? s : { ...s, reviewed: [...s.reviewed, e.id] };
    case "review-all": {
      const open = (s.draft?.parameters ?? []).filter((p) => p.review && !s.reviewed.includes(p.id)).map((p) => p.id);
      return open.length ? { ...s, reviewed: [...s.reviewed, ...open] } : s;
    }
    case "grade":
      return withDraft(s, (d) => ({
        ...d,
        grades: d.grades.map((g, i) =>
          i === e.index ? { ...g, ...(e.min !== undefined ? { min: e.min } : {}), ...(e.coefficient !== undefined ? { coefficient: e.coefficient } : {}), ...(e.label ? { label: e.label } : {}) } : g,
        ),
      }));
    case "money-digits":
      return withDraft(s, (d) => ({ ...d, money: { digits: e.digits } }));
    case "roster":
      return { ...s, roster: { text: e.text, fileName: e.fileName ?? null, source: e.source, keepExtra: s.roster.keepExtra }, generation: { status: "idle", progress: 0 } };
    case "roster-keep-extra":
      return { ...s, roster: { ...s.roster, keepExtra: e.keep }, generation: { status: "idle", progress: 0 } };
    case "option":
      return { ...s, options: { ...s.options, [e.key]: e.value } };
    case "generate-start":
      return { ...s, generation: { status: "running", progress: 0 } };
    case "generate-progress":
      return { ...s, generation: { ...s.generation, progress: e.progress } };
    case "generate-done":
      return { ...s, generation: { status: "done", progress: 1, result: e.result } };
    case "generate-failed":
      return { ...s, generation: { status: "failed", progress: 0, message: e.message } };
  }
}
