/**
 * Payslips (工资条): one small table per person — the payout sheet's header, the person's row,
 * and under it one line per number saying why, in the workbook's language, from the engine's
 * trace — separated by a blank row for cutting, with page breaks only between slips, so that a
 * slip never splits across pages. The amounts are formulas on the payout sheet's row: edit an
 * input or a setting and the slip follows. The reasons are the engine's at generation, and the
 * slip says so.
 */
import type { PersonResult } from "../../core/evaluate.js";
import { formatMoney, type MoneyDigits } from "../../core/money.js";
import type { Scheme } from "../../core/scheme/schema.js";
import { ref } from "../../core/formula.js";
import { formatNumber, t } from "../../i18n/index.js";
import { reasonText } from "../../io/reason-text.js";
import { defaultSheetNames, freeName } from "./names.js";
import type { PlanBlock, PlanValue, SheetPlan, WorkbookPlan } from "./types.js";

const HEADER_FILL = "D9E1F2";
/** Rows that surely fit one printed A4 page at 15 pt (header and footer, margins and scaling aside). */
const ROWS_PER_PAGE = { portrait: 44, landscape: 28 };

/** The lines under a person's slip: each indicator, adjustment and pay line with its value and why. */
function reasonLines(scheme: Scheme, r: PersonResult, lang: Lang): string[] {
  if (r.excluded) return r.trace.map((e) => reasonText(e.reason, scheme, lang));
  const name = new Map<string, string>([
    ...scheme.indicators.map((i) => [i.id, i.name[lang]] as const),
    ...scheme.adjustments.map((a) => [a.id, a.name[lang]] as const),
    ...scheme.pay.map((p) => [p.id, p.name[lang]] as const),
  ]);
  const digits = scheme.money.digits as MoneyDigits;
  const sep = lang === "zh-CN" ? ":" : ": ";
  return r.trace.flatMap((e) => {
    if (e.kind !== "indicator" && e.kind !== "adjustment" && e.kind !== "pay") return [];
    const shown = e.kind === "pay" ? formatMoney(r.pay[e.target] ?? 0, digits) : typeof e.result === "number" ? formatNumber(e.result) : String(e.result);
    return [`${name.get(e.target) ?? e.target} ${shown}${sep}${reasonText(e.reason, scheme, lang)}`];
  });
}

type Lang = WorkbookPlan["lang"];

/**
 * The payslip sheet of a one-period plan, or null when the plan has several periods or the
 * results are not the payout sheet's rows. `results` are the engine's, in the rows' order.
 */
export function payslipSheet(plan: WorkbookPlan, scheme: Scheme, results: readonly PersonResult[], taken: readonly string[] = []): SheetPlan | null {
  const payout = plan.sheets.filter((s) => s.role === "payout");
  if (payout.length !== 1 || !payout[0].table) return null;
  const pay = payout[0];
  const table = pay.table!;
  if (results.length !== table.rows) return null;
  const lang = plan.lang;
  const data = pay.blocks.find((b) => b.row === table.row + 1 && b.col === table.col)!;
  // what finance sees on the payout sheet, helper columns left out
  const hidden = new Set(pay.hidden ?? []);
  const shown = table.columns.map((_, j) => j).filter((j) => !hidden.has(table.col + j));
  const header = shown.map((j) => table.columns[j]);
  const formats = shown.map((j) => data.formats?.[j]);
  const landscape = pay.print?.landscape ?? false;
  const perPage = landscape ? ROWS_PER_PAGE.landscape : ROWS_PER_PAGE.portrait;
  const note = t(lang, "wb.payslip.reasons");

  const blocks: PlanBlock[] = [];
  const breaks: number[] = [];
  let row = 1;
  let used = 0;
  results.forEach((r, i) => {
    const lines = [note, ...reasonLines(scheme, r, lang)];
    const height = 2 + lines.length;
    // a slip that would not fit on this page starts the next one
    if (used > 0 && used + height > perPage) {
      breaks.push(row - 1);
      used = 0;
    }
    const payoutRow = table.row + 1 + i;
    const values: PlanValue[] = shown.map((j) => ({ formula: ref({ sheet: pay.name, col: table.col + j, row: payoutRow }) }));
    blocks.push({ row, col: 0, values: [header], bold: true, fill: HEADER_FILL });
    blocks.push({ row: row + 1, col: 0, values: [values], formats });
    blocks.push({ row: row + 2, col: 0, values: lines.map((l) => [l]) });
    row += height + 1;
    used += height + 1;
  });

  const names = defaultSheetNames(lang, plan.period ?? null);
  return {
    name: freeName(names.payslips, [...taken, ...plan.sheets.map((s) => s.name)]),
    role: "payslips",
    blocks,
    validations: [],
    conditional: [],
    // wide enough for each header on one line (a CJK character takes two widths)
    widths: shown.map((j, k) => Math.max(pay.widths[table.col + j] ?? 12, [...header[k]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 2))),
    protect: true,
    print: {
      landscape,
      header: `${scheme.name[lang]} — ${t(lang, "wb.sheet.payslips")}${plan.period ? ` ${plan.period}` : ""}`,
      footer: t(lang, "wb.print.footer"),
      breaks,
    },
  };
}

/**
 * The most people a workbook carries payslips for: above, three blocks a person make the file and
 * the Office.js writes too heavy (50,000 slips are 150,000 ranges), and the user is told so.
 */
export const PAYSLIP_LIMIT = 5_000;

/**
 * Adds the payslip sheet to a plan (after the others, named apart from `taken` sheets too):
 * "added", "too-many" (more people than PAYSLIP_LIMIT: said to the user), or "none" for a plan it
 * cannot serve (several periods).
 */
export function addPayslips(plan: WorkbookPlan, scheme: Scheme, results: readonly PersonResult[], taken: readonly string[] = []): "added" | "too-many" | "none" {
  if (results.length > PAYSLIP_LIMIT) return "too-many";
  const sheet = payslipSheet(plan, scheme, results, taken);
  if (!sheet) return "none";
  // before the hidden helper sheets, which stay last
  const helper = plan.sheets.findIndex((x) => x.state === "hidden");
  plan.sheets.splice(helper < 0 ? plan.sheets.length : helper, 0, sheet);
  return "added";
}
