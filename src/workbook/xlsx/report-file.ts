/**
 * The reconciliation report (report-sheet.ts) as a file of its own: from the command line
 * (`recalc --report`) and from the pane in a browser, where the workbook itself is not written to.
 */
import type { RecalcReport } from "../read-back.js";
import { reportSheet, type ReportSheetOptions } from "../plan/report-sheet.js";
import { writeXlsx } from "./write-xlsx.js";

export async function reportFile(report: RecalcReport, options: ReportSheetOptions): Promise<Uint8Array> {
  const sheet = reportSheet(report, options);
  return writeXlsx({ lang: options.lang, mode: "native", sheets: [sheet], names: [], period: null });
}

/** When a report was made, as it is printed on it: local date and time to the minute. */
export function reportTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
