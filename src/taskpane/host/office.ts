/**
 * Inside Excel: the workbook is written into the open workbook through the Office writer, and
 * the scheme is kept in the document's settings for next month. The only module of the task pane
 * that touches the Office globals.
 */
import type { Host } from "./types.js";
import type { Lang } from "../../core/text.js";
import { generateInOffice } from "../../workbook/office/generate.js";
import type { ContextApi } from "../../workbook/office/api.js";
import { browserDownload } from "./standalone.js";
import { recalcPayouts } from "../../workbook/read-back.js";
import { parseScheme } from "../../core/scheme/load.js";
import type { PayoutSnapshot } from "../../core/payout-changes.js";

const SETTING = "kpi-scorecard.scheme";
/** Which sheets and columns the last generation made, and the pay it computed, for recalculation. */
const LAYOUT = "kpi-scorecard.layout";
const SNAPSHOT = "kpi-scorecard.snapshot";

interface Layout {
  evaluation: string;
  payout: string;
  evaluationKeys: string[];
  payoutKeys: string[];
}

function setting<T>(key: string): T | null {
  const v = Office.context.document.settings.get(key) as string | null;
  try {
    return v ? (JSON.parse(v) as T) : null;
  } catch {
    return null;
  }
}

const saveSettings = () => new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));

export function officeHost(lang: Lang): Host {
  return {
    kind: "office",
    lang,
    async generate(request, onProgress) {
      onProgress(0.1);
      const result = await Excel.run(async (context) => {
        const r = await generateInOffice(context as unknown as ContextApi, request.scheme, request.people, {
          lang: request.lang,
          mode: request.mode,
          period: request.period || null,
          protect: request.protect,
          sheetNames: request.sheetNames,
        });
        context.workbook.worksheets.getItem(r.plan.sheets[1].name).activate();
        await context.sync();
        return r;
      });
      onProgress(0.9);
      const [, ev, pay] = result.plan.sheets;
      const layout: Layout = { evaluation: ev.name, payout: pay.name, evaluationKeys: ev.table!.keys, payoutKeys: pay.table!.keys };
      Office.context.document.settings.set(SETTING, JSON.stringify(request.scheme));
      Office.context.document.settings.set(LAYOUT, JSON.stringify(layout));
      Office.context.document.settings.remove(SNAPSHOT);
      await saveSettings();
      onProgress(1);
      return { sheets: result.sheets, renamed: result.renamed };
    },
    async savedScheme() {
      return setting<unknown>(SETTING);
    },
    async recalculate() {
      const layout = setting<Layout>(LAYOUT);
      const parsed = parseScheme(setting<unknown>(SETTING));
      if (!layout || !parsed.ok) return null;
      const scheme = parsed.scheme;
      const report = await Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        const ev = context.workbook.worksheets.getItem(layout.evaluation).getUsedRange();
        const pay = context.workbook.worksheets.getItem(layout.payout).getUsedRange();
        ev.load("values");
        pay.load("values");
        await context.sync();
        return recalcPayouts(
          scheme,
          { keys: layout.evaluationKeys, rows: ev.values.slice(1) },
          { keys: layout.payoutKeys, rows: pay.values.slice(1) },
          setting<PayoutSnapshot>(SNAPSHOT),
        );
      });
      Office.context.document.settings.set(SNAPSHOT, JSON.stringify(report.snapshot));
      await saveSettings();
      return report;
    },
    offerFile: (bytes, fileName, type) => browserDownload(bytes, fileName, type),
    async readSelection() {
      return Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("values");
        await context.sync();
        return range.values.map((row) => row.map((v) => (v === null || v === undefined ? "" : String(v))));
      });
    },
    async showSheet(name) {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },
  };
}
