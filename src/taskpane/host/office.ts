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

const SETTING = "kpi-scorecard.scheme";

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
        });
        context.workbook.worksheets.getItem(r.plan.sheets[1].name).activate();
        await context.sync();
        return r;
      });
      onProgress(0.9);
      Office.context.document.settings.set(SETTING, JSON.stringify(request.scheme));
      await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
      onProgress(1);
      return { sheets: result.sheets, renamed: result.renamed };
    },
    async savedScheme() {
      const text = Office.context.document.settings.get(SETTING) as string | null;
      try {
        return text ? JSON.parse(text) : null;
      } catch {
        return null;
      }
    },
    offerFile: (bytes, fileName, type) => browserDownload(bytes, fileName, type),
  };
}
