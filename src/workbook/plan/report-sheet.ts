/**
 * The reconciliation report (核对) as a sheet, for finance to print, sign and file: what the
 * recalculation concludes, the payout cells that disagree with the engine (first: they are what
 * must be acted on), every changed pay line with its cause, differences added up and checked
 * against the change in everyone's pay, the settings edited, inputs that changed without moving
 * pay, and sign-off lines. Values written in (the workbook's formulas may change after it is
 * filed); the two sums are formulas with their values cached, so that the clerk can see them add up.
 */
import { area, call, IF, op, ref, ROUND, str, sub } from "../../core/formula.js";
import type { MoneyDigits } from "../../core/money.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import type { RecalcReport } from "../read-back.js";
import { reconciliationLines, sumOfDifferences } from "../reconciliation.js";
import { recalcVerdict } from "../recalc-verdict.js";
import { describeMismatch, describePeriods, describeRollupMismatch, describeRounding, describeRowProblem, describeSetting, describeUnmoved, describeVerdict, lineLabel } from "../recalc-words.js";
import { moneyFormat } from "./context.js";
import type { PlanBlock, PlanValue, SheetPlan } from "./types.js";

const HEADING_FILL = "D9E1F2";
const ALERT_FILL = "FCE4D6";
/** 工号 姓名 部门 发放项 原值 新值 差额 原因 */
const WIDTHS = [12, 12, 14, 16, 13, 13, 13, 60];
const DIFF = 6;

export interface ReportSheetOptions {
  lang: Lang;
  name: string;
  /** the workbook recalculated ("考核 2026-11.xlsx", or this workbook) and when, as words */
  source: string;
  when: string;
  calculated: boolean;
  manualCalc?: boolean;
}

export function reportSheet(report: RecalcReport, o: ReportSheetOptions): SheetPlan {
  const { lang } = o;
  const s = report.scheme;
  const digits = s.money.digits as MoneyDigits;
  const money = moneyFormat(digits);
  const yuan = (cents: number | null) => (cents === null ? null : cents / 100);
  const blocks: PlanBlock[] = [];
  let row = 1;
  const put = (values: PlanValue[][], extra: Omit<PlanBlock, "row" | "col" | "values"> = {}) => {
    blocks.push({ row, col: 0, values, ...extra });
    row += values.length;
  };
  // a heading's fill runs across the report's columns
  const heading = (key: string, fill = HEADING_FILL) => put([[t(lang, key), ...WIDTHS.slice(1).map(() => null)]], { bold: true, fill });
  // rows whose last column wraps are made tall enough to show it (no program autofits on opening)
  const rowHeights: Record<number, number> = {};
  const tall = (texts: readonly string[]) =>
    texts.forEach((text, i) => {
      const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil([...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) / (WIDTHS[7] - 2))), 0);
      if (lines > 1) rowHeights[row + i] = 15 * lines;
    });
  const header = (keys: readonly string[]) => put([keys.map((k) => t(lang, k))], { bold: true, wrap: true });
  const formats = [undefined, undefined, undefined, undefined, money, money, money, undefined];

  const verdict = recalcVerdict({ ...report, calculated: o.calculated });
  put([[`${s.name[lang]} — ${t(lang, "wb.report.title")}`]], { bold: true });
  put([[t(lang, "wb.report.source", { source: o.source, when: o.when })]]);
  put([[describeVerdict(report, verdict, lang, o.manualCalc)]], { bold: true, fill: verdict.status === "agrees" ? undefined : ALERT_FILL });
  put([[t(lang, "ui.finance.summary", { people: report.people, changes: report.changes.length })]]);
  const periods = describePeriods(report, lang);
  if (periods) put([[periods]]);
  put([[describeRounding(report, lang)]]);
  row++;

  // what finance must act on comes first
  if (o.calculated && (report.mismatches.length || report.rowProblems.length || report.rollupMismatches.length)) {
    heading("wb.report.act", ALERT_FILL);
    header(["wb.report.col.id", "wb.report.col.name", "wb.report.col.department", "wb.report.col.line", "wb.report.col.sheet", "wb.report.col.engine", "wb.report.col.delta", "wb.report.col.what"]);
    tall([...report.mismatches.map((m) => describeMismatch(report, m, lang)), ...report.rowProblems.map((p) => describeRowProblem(p, lang)), ...report.rollupMismatches.map((m) => describeRollupMismatch(m, lang))]);
    put(
      [
        ...report.mismatches.map((m) => [
          m.id,
          report.snapshot.people[m.id]?.name ?? "",
          report.snapshot.people[m.id]?.department ?? "",
          lineLabel(s, m.line, lang),
          yuan(m.sheet),
          yuan(m.engine),
          m.sheet === null ? null : (m.sheet - m.engine) / 100,
          describeMismatch(report, m, lang),
        ]),
        ...report.rowProblems.map((p) => [p.id, report.snapshot.people[p.id]?.name ?? "", "", "", null, null, null, describeRowProblem(p, lang)]),
        ...report.rollupMismatches.map((m) => [m.id, m.name, "", m.period, null, null, null, describeRollupMismatch(m, lang)]),
      ],
      { formats, wrap: true },
    );
    row++;
  }

  heading("wb.report.changes");
  header(["wb.report.col.id", "wb.report.col.name", "wb.report.col.department", "wb.report.col.line", "wb.report.col.before", "wb.report.col.after", "wb.report.col.delta", "wb.report.col.because"]);
  const lines = reconciliationLines(report, lang);
  const first = row;
  if (lines.length === 0) put([[t(lang, "wb.report.no-changes")]]);
  else {
    const why = lines.map((l) => [l.because, l.reason && t(lang, "ui.finance.now", { reason: l.reason })].filter(Boolean).join("\n"));
    tall(why);
    put(
      lines.map((l, i) => [l.id, l.name, l.department, l.label, yuan(l.before), yuan(l.after), l.delta / 100, why[i]]),
      { formats, wrap: true },
    );
  }
  const last = row - 1;
  // the differences added up, and checked against the change in everyone's pay
  const sumRow = row;
  const sum = sumOfDifferences(lines);
  const diffCell = (r: number) => ref({ col: DIFF, row: r });
  const label = (key: string, value: PlanValue, cached?: number | string): void =>
    put([[t(lang, key), null, null, null, null, null, value, null]], { formats, bold: key === "wb.report.sum", ...(cached !== undefined ? { cached: [[undefined, undefined, undefined, undefined, undefined, undefined, cached, undefined]] } : {}) });
  label("wb.report.sum", { formula: lines.length ? call("SUM", area({ c1: DIFF, r1: first, c2: DIFF, r2: last })) : 0 }, sum / 100);
  const { before, after } = report.totals;
  if (before === null) put([[t(lang, "cli.recalc.no-baseline")]]);
  else {
    label("wb.report.total-before", before / 100);
    label("wb.report.total-after", after / 100);
    label("wb.report.total-delta", { formula: sub(diffCell(row - 1), diffCell(row - 2)) }, (after - before) / 100);
    const agrees = sum === after - before;
    label("wb.report.check", { formula: IF(op("=", ROUND(sub(diffCell(sumRow), diffCell(row - 1)), digits), 0), str(t(lang, "wb.report.check.ok")), str(t(lang, "wb.report.check.bad"))) }, t(lang, agrees ? "wb.report.check.ok" : "wb.report.check.bad"));
  }
  row++;

  if (report.settingChanges.length) {
    heading("ui.finance.settings");
    put(report.settingChanges.map((c) => [describeSetting(report, c, lang)]));
    row++;
  }
  if (report.unmoved.length) {
    heading("ui.finance.unmoved");
    put(report.unmoved.map((u) => [describeUnmoved(report, u, lang)]));
    row++;
  }

  // sign-off: who made the report, who checked it, who approved it, and when
  row++;
  const sign = (k: string) => t(lang, k);
  put([[sign("wb.payout.sign.prepared"), null, sign("wb.payout.sign.checked"), null, sign("wb.payout.sign.approved"), null]]);
  put([[sign("wb.payout.sign.date"), null, sign("wb.payout.sign.date"), null, sign("wb.payout.sign.date"), null]]);

  return {
    name: o.name,
    role: "report",
    blocks,
    validations: [],
    conditional: [],
    widths: WIDTHS,
    protect: false,
    rowHeights,
    print: { landscape: true, header: `${s.name[lang]} — ${o.name}`, footer: t(lang, "wb.print.footer") },
  };
}
