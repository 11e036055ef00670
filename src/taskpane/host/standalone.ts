/**
 * Outside Office: the workbook is built as an .xlsx file in the browser and offered as a
 * download. The .xlsx writer is loaded only when needed (a separate chunk), so the pane's first
 * load stays small.
 */
import { safeFileStem, workbookFileName } from "../../workbook/file-name.js";
import { sheetList } from "../../workbook/plan/names.js";
import { t } from "../../i18n/index.js";
import { errorText } from "../../io/error-text.js";
import type { Host } from "./types.js";
import type { Lang } from "../../core/text.js";

export type Download = (bytes: Uint8Array, fileName: string, type?: string) => void;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Where a browser without Office keeps the last scheme it generated from. */
export const SAVED_KEY = "kpi-scorecard.scheme";

export function browserDownload(bytes: Uint8Array, fileName: string, type = XLSX): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function standaloneHost(lang: Lang, download: Download = browserDownload): Host {
  return {
    kind: "standalone",
    lang,
    async generate(request, onProgress) {
      onProgress(0.1);
      const { workbookFile } = await import("../../workbook/xlsx/workbook-file.js");
      onProgress(0.3);
      // the file carries its scheme and baseline: opened in Excel with the add-in, the pane finds them
      const { plan, bytes, payslipsLeftOut } = await workbookFile(request.scheme, request.people, {
        lang: request.lang,
        mode: request.mode,
        period: request.period || null,
        protect: request.protect,
        sheetNames: request.sheetNames,
      });
      onProgress(0.6);
      const fileName = workbookFileName(request.scheme, request.lang, request.period || null);
      download(bytes, fileName);
      try {
        globalThis.localStorage?.setItem(SAVED_KEY, JSON.stringify(request.scheme));
      } catch {
        // private browsing: nothing is kept, which loses nothing the user made
      }
      onProgress(1);
      return { sheets: sheetList(plan.sheets, lang), renamed: [], fileName, ...(payslipsLeftOut ? { payslipsLeftOut: request.people.length } : {}) };
    },
    async payslips(request) {
      const [{ payslipsFile }, { PAYSLIP_LIMIT }] = await Promise.all([import("../../workbook/xlsx/payslips-file.js"), import("../../workbook/plan/payslip-sheet.js")]);
      const file = await payslipsFile(request.scheme, request.people, null, { lang: request.lang, period: request.period || null });
      if (!file.ok)
        return {
          failed:
            file.reason === "too-many"
              ? t(request.lang, "wb.payslips.too-many", { count: request.people.length, max: PAYSLIP_LIMIT })
              : t(request.lang, "ui.review.payslips-incomplete"),
        };
      const fileName = workbookFileName(request.scheme, request.lang, request.period || null, t(request.lang, "wb.sheet.payslips"));
      download(file.bytes, fileName);
      return { fileName };
    },
    async savedScheme() {
      try {
        const text = globalThis.localStorage?.getItem(SAVED_KEY);
        return text ? JSON.parse(text) : null;
      } catch {
        return null;
      }
    },
    async recalculateFile(bytes, fileName, lang) {
      const [{ openXlsx }, { recalcWorkbookFile }] = await Promise.all([import("../../io/xlsx-read.js"), import("../../workbook/recalc-file.js")]);
      let file;
      try {
        file = openXlsx(bytes);
      } catch (e) {
        return { failed: "file", problems: [`${fileName}: ${errorText(e, lang)}`] };
      }
      const r = recalcWorkbookFile(file, fileName, lang);
      // nothing is kept in a browser: the file's own record stays the baseline
      return r.ok ? { ...r.report, calculated: r.calculated, baseline: r.baseline, manualCalc: r.manualCalc, source: fileName } : { failed: r.reason, problems: r.problems };
    },
    async exportReport(o, lang) {
      const { reportFile, reportTime } = await import("../../workbook/xlsx/report-file.js");
      const name = t(lang, "wb.sheet.report");
      const source = o.source ?? "";
      const bytes = await reportFile(o, { lang, name, source, when: reportTime(new Date()), calculated: o.calculated, manualCalc: o.manualCalc });
      // named after the workbook it checks: 核对-考核 2026-11.xlsx
      const fileName = `${safeFileStem(`${name}-${source.replace(/\.xlsx$/i, "") || o.scheme.name[lang]}`)}.xlsx`;
      download(bytes, fileName);
      return t(lang, "ui.finance.report-downloaded", { file: fileName });
    },
    offerFile: (bytes, fileName, type) => download(bytes, fileName, type),
  };
}
