/**
 * Inside Excel: the workbook is written into the open workbook through the Office writer, and
 * the scheme is kept in the document's settings for next month. The only module of the task pane
 * that touches the Office globals.
 */
import type { Host } from "./types.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { generateInOffice } from "../../workbook/office/generate.js";
import type { ContextApi } from "../../workbook/office/api.js";
import { browserDownload } from "./standalone.js";
import { recalcPayouts, schemeAsEdited, schemeSettings, settingCells, type SettingCell } from "../../workbook/read-back.js";
import { parseScheme } from "../../core/scheme/load.js";
import { asSnapshot, payoutSnapshot, type PayoutSnapshot } from "../../core/payout-changes.js";
import { compileScheme } from "../../core/evaluate.js";
import { evaluatePeriods } from "../../core/periods/evaluate-periods.js";
import { liftRuleNumbers } from "../../workbook/plan/lift.js";

const SETTING = "kpi-scorecard.scheme";
/** Which sheets and columns the last generation made, and the pay it computed, for recalculation. */
const LAYOUT = "kpi-scorecard.layout";
const SNAPSHOT = "kpi-scorecard.snapshot";

interface Layout {
  evaluation: string;
  payout: string;
  evaluationKeys: string[];
  payoutKeys: string[];
  /** the scheme sheet's editable settings, by defined name */
  settings: SettingCell[];
}

/**
 * Document settings are small (Office keeps them in the file and loads them whole): a snapshot
 * beyond this many characters is not kept, and the pane says the next run cannot compare.
 */
const SNAPSHOT_LIMIT = 1_000_000;

function setting<T>(key: string): T | null {
  const v = Office.context.document.settings.get(key) as string | null;
  try {
    return v ? (JSON.parse(v) as T) : null;
  } catch {
    return null;
  }
}

const saveSettings = () => new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));

/** Keeps this run's figures for the next comparison, when they fit; false when they do not. */
function keepSnapshot(snapshot: PayoutSnapshot): boolean {
  const json = JSON.stringify(snapshot);
  if (json.length > SNAPSHOT_LIMIT) {
    Office.context.document.settings.remove(SNAPSHOT);
    return false;
  }
  Office.context.document.settings.set(SNAPSHOT, json);
  return true;
}

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
      const cells = settingCells(result.plan.names);
      const layout: Layout = { evaluation: ev.name, payout: pay.name, evaluationKeys: ev.table!.keys, payoutKeys: pay.table!.keys, settings: cells };
      Office.context.document.settings.set(SETTING, JSON.stringify(request.scheme));
      Office.context.document.settings.set(LAYOUT, JSON.stringify(layout));
      // what the engine computes for the generated workbook: the first recalculation lists the changes since then
      const lifted = liftRuleNumbers(request.scheme).scheme;
      // copies: the engine adds derived values to the person it evaluates
      const people = request.people.map((p, i) => ({ line: i + 2, id: p.id, name: p.name, period: p.period ?? null, values: { ...p.values } }));
      const { results } = evaluatePeriods(compileScheme(lifted, { trace: false }), people);
      keepSnapshot(payoutSnapshot(results, schemeSettings(lifted, cells)));
      await saveSettings();
      onProgress(1);
      return { sheets: result.sheets, renamed: result.renamed };
    },
    async savedScheme() {
      return setting<unknown>(SETTING);
    },
    async recalculate(paneLang?: Lang) {
      const words = paneLang ?? lang;
      const layout = setting<Layout>(LAYOUT);
      const parsed = parseScheme(setting<unknown>(SETTING));
      if (!layout || !parsed.ok) return null;
      const cells = layout.settings ?? [];
      const read = await Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        const ev = context.workbook.worksheets.getItem(layout.evaluation).getUsedRange();
        const pay = context.workbook.worksheets.getItem(layout.payout).getUsedRange();
        ev.load("values");
        pay.load("values");
        // by name, not address: the name follows its cell when rows are inserted above it
        const settingRanges = cells.map((c) => {
          const range = context.workbook.names.getItemOrNullObject(c.name).getRangeOrNullObject();
          range.load("values");
          return range;
        });
        await context.sync();
        return { ev: ev.values, pay: pay.values, settings: settingRanges.map((r) => (r.isNullObject ? undefined : r.values[0]?.[0])) };
      });
      const missing = cells.filter((_, i) => read.settings[i] === undefined);
      if (missing.length) return { schemeProblems: missing.map((c) => t(words, "wb.recalc.name-missing", { name: c.name, cell: `${c.sheet}!${c.ref.replace(/\$/g, "")}` })) };
      const edited = schemeAsEdited(parsed.scheme, cells.map((c, i) => ({ ...c, value: read.settings[i] })), words);
      if (!edited.ok) return { schemeProblems: edited.problems };
      const report = recalcPayouts(
        edited.scheme,
        { keys: layout.evaluationKeys, rows: read.ev.slice(1) },
        { keys: layout.payoutKeys, rows: read.pay.slice(1) },
        asSnapshot(setting<unknown>(SNAPSHOT)),
        cells,
        edited.settings,
      );
      const kept = keepSnapshot(report.snapshot);
      await saveSettings();
      return { ...report, kept };
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
