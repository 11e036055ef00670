/**
 * scheme + roster + options → WorkbookPlan: the scheme, evaluation, payout and summary sheets
 * as data. Pure: no Office, no files; the writers carry it out.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import type { PlanContext, PlanPerson } from "./context.js";
import { evaluationSheet } from "./evaluation-sheet.js";
import { payoutSheet } from "./payout-sheet.js";
import { schemeSheet } from "./scheme-sheet.js";
import { summarySheet } from "./summary-sheet.js";
import type { SheetRole, WorkbookPlan } from "./types.js";
import { naming } from "./names.js";

export interface PlanOptions {
  lang: Lang;
  mode: "native" | "addin";
  /** Sheet names to use instead of the defaults (方案, 考核, 发放, 汇总 / Scheme, …). */
  sheetNames?: Partial<Record<SheetRole, string>>;
  /** Added to the evaluation and payout sheet names, e.g. "2026-11". */
  period?: string | null;
  /** Added to every defined name, when the workbook has the plain ones already ("_2"). */
  nameSuffix?: string;
}

export function defaultSheetNames(lang: Lang, period?: string | null): Record<SheetRole, string> {
  const suffix = period ? ` ${period}` : "";
  return {
    scheme: t(lang, "wb.sheet.scheme"),
    evaluation: t(lang, "wb.sheet.evaluation") + suffix,
    payout: t(lang, "wb.sheet.payout") + suffix,
    summary: t(lang, "wb.sheet.summary") + suffix,
  };
}

export function buildWorkbookPlan(scheme: Scheme, people: readonly PlanPerson[], options: PlanOptions): WorkbookPlan {
  const sheetNames = { ...defaultSheetNames(options.lang, options.period), ...options.sheetNames };
  const ctx: PlanContext = {
    scheme,
    lang: options.lang,
    mode: options.mode,
    people,
    inputs: new Map(scheme.inputs.map((i) => [i.id, i])),
    params: new Map(scheme.parameters.map((p) => [p.id, p.value])),
    sheetNames,
    names: naming(options.nameSuffix ?? ""),
    nameSuffix: options.nameSuffix ?? "",
  };
  const s = schemeSheet(scheme, sheetNames.scheme, options.lang, ctx.names);
  const ev = evaluationSheet(ctx);
  const pay = payoutSheet(ctx, ev.layout);
  const summary = summarySheet(ctx, ev.layout, pay);
  return { lang: options.lang, mode: options.mode, sheets: [s.sheet, ev.sheet, pay.sheet, summary], names: s.names };
}
