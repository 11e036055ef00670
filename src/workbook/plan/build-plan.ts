/**
 * scheme + roster + options → WorkbookPlan: the scheme, evaluation, payout and summary sheets
 * as data — and, when the roster holds several periods, an evaluation and payout sheet per
 * period and a roll-up sheet. Pure: no Office, no files; the writers carry it out.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { parsePeriod, periodOrdinal } from "../../core/periods/period.js";
import type { PlanContext, PlanPerson } from "./context.js";
import { evaluationSheet } from "./evaluation-sheet.js";
import { payoutSheet } from "./payout-sheet.js";
import { rollupSheet, type PeriodSheets } from "./rollup-sheet.js";
import { schemeSheet } from "./scheme-sheet.js";
import { summarySheet } from "./summary-sheet.js";
import type { SheetPlan, SheetRole, WorkbookPlan } from "./types.js";
import { defaultSheetNames, naming, repeatedSheetName } from "./names.js";

export { defaultSheetNames };
import { printSetup } from "./print-setup.js";
import { EvaluationError } from "../../core/errors.js";
import { liftRuleNumbers } from "./lift.js";
import { RankTable } from "./rank-table.js";

export interface PlanOptions {
  lang: Lang;
  mode: "native" | "addin";
  /** Sheet names to use instead of the defaults (方案, 考核, 发放, 汇总 / Scheme, …). */
  sheetNames?: Partial<Record<SheetRole | "rollup", string>>;
  /** Added to the evaluation and payout sheet names, e.g. "2026-11". */
  period?: string | null;
  /** Added to every defined name, when the workbook has the plain ones already ("_2"). */
  nameSuffix?: string;
  /** Protect the sheets (inputs stay editable); true unless turned off. */
  protect?: boolean;
  /**
   * The writer writes legacy array formulas (the .xlsx writer does, Office.js does not): big
   * rosters then rank through a helper sheet in linear passes (rank-table.ts).
   */
  arrayFormulas?: boolean;
}

/** The periods of a roster, in order ([] when it has none). */
export function rosterPeriods(people: readonly PlanPerson[]): string[] {
  const labels = [...new Set(people.map((p) => p.period ?? "").filter((x) => x !== ""))];
  return labels.sort((a, b) => periodOrdinal(parsePeriod(a)) - periodOrdinal(parsePeriod(b)));
}

export function buildWorkbookPlan(original: Scheme, people: readonly PlanPerson[], options: PlanOptions): WorkbookPlan {
  const plan = planSheets(original, people, options);
  // two sheets of one name make a workbook Excel repairs and LibreOffice renames: refused here
  const twice = repeatedSheetName(plan.sheets.map((s) => s.name));
  if (twice !== null) throw new EvaluationError("wb.sheet-name.twice", { name: twice });
  if (options.protect === false) for (const s of plan.sheets) s.protect = false;
  for (const s of plan.sheets) s.print = printSetup(s, original, options.lang);
  return plan;
}

function planSheets(original: Scheme, people: readonly PlanPerson[], options: PlanOptions): WorkbookPlan {
  // every number of the rules becomes a named, editable cell on the scheme sheet
  const { scheme, ruleNumbers } = liftRuleNumbers(original);
  const periods = rosterPeriods(people);
  const single = periods.length <= 1;
  const label = single ? (options.period ?? periods[0] ?? null) : null;
  const base = { ...defaultSheetNames(options.lang, label), ...options.sheetNames };
  const ctx: PlanContext = {
    scheme,
    lang: options.lang,
    mode: options.mode,
    people,
    inputs: new Map(scheme.inputs.map((i) => [i.id, i])),
    params: new Map(scheme.parameters.map((p) => [p.id, p.value])),
    sheetNames: base,
    names: naming(options.nameSuffix ?? "", {
      params: scheme.parameters.map((p) => p.id),
      grades: scheme.grades.map((g) => g.id),
      lists: scheme.inputs.filter((i) => i.type === "option").map((i) => i.id),
    }),
    nameSuffix: options.nameSuffix ?? "",
    tableTag: "",
    period: label,
    rankTable: options.arrayFormulas ? new RankTable(options.lang, scheme, base.helper) : undefined,
  };
  const helper = () => {
    const sheet = ctx.rankTable?.sheet();
    return sheet ? [sheet] : [];
  };
  const s = schemeSheet(scheme, base.scheme, options.lang, ctx.names, ruleNumbers);
  if (single) {
    const ev = evaluationSheet(ctx);
    const pay = payoutSheet(ctx, ev.layout);
    const summary = summarySheet(ctx, ev.layout, pay);
    return { lang: options.lang, mode: options.mode, sheets: [s.sheet, ev.sheet, pay.sheet, summary, ...helper()], names: [...s.names, ...ev.names, ...pay.names], period: label };
  }

  const sheets: SheetPlan[] = [s.sheet];
  const planNames = [...s.names];
  const done: PeriodSheets[] = [];
  let lastCtx = ctx;
  let lastPay: ReturnType<typeof payoutSheet> | null = null;
  for (const period of periods) {
    const names = { ...defaultSheetNames(options.lang, period), ...options.sheetNames };
    const pctx: PlanContext = {
      ...ctx,
      people: people.filter((p) => p.period === period),
      sheetNames: {
        scheme: base.scheme,
        evaluation: `${names.evaluation.replace(` ${period}`, "")} ${period}`,
        payout: `${names.payout.replace(` ${period}`, "")} ${period}`,
        summary: `${names.summary.replace(` ${period}`, "")} ${period}`,
      },
      tableTag: `_${period.replace(/[^A-Za-z0-9]/g, "_")}`,
      period,
    };
    // the earlier periods that run straight up to this one, latest first
    const history: PeriodSheets[] = [];
    for (let i = done.length - 1; i >= 0; i--) {
      const next = i === done.length - 1 ? period : done[i + 1].period;
      if (periodOrdinal(parsePeriod(done[i].period)) !== periodOrdinal(parsePeriod(next)) - 1) break;
      history.push(done[i]);
    }
    const ev = evaluationSheet(pctx);
    const pay = payoutSheet(pctx, ev.layout, history);
    sheets.push({ ...ev.sheet, period }, { ...pay.sheet, period });
    planNames.push(...ev.names, ...pay.names);
    done.push({ period, sheet: pctx.sheetNames.evaluation, layout: ev.layout });
    lastCtx = pctx;
    lastPay = pay;
  }
  const lastLayout = done[done.length - 1].layout;
  sheets.push(summarySheet(lastCtx, lastLayout, lastPay!));
  const rollup = rollupSheet(ctx, base.rollup, done, people);
  sheets.push(rollup.sheet, ...helper());
  planNames.push(...rollup.names);
  return { lang: options.lang, mode: options.mode, sheets, names: planNames };
}
