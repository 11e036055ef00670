/**
 * Inside Excel: the workbook is written into the open workbook through the Office writer, and its
 * generation record (scheme, layout, last pay) is kept in the workbook as a custom XML part for
 * next month and for finance. The only module of the task pane that touches the Office globals.
 */
import type { Host } from "./types.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { generateInOffice } from "../../workbook/office/generate.js";
import { existingNames, writeToOffice } from "../../workbook/office/write-office.js";
import { reportSheet } from "../../workbook/plan/report-sheet.js";
import { reportTime } from "../../workbook/xlsx/report-file.js";
import { freeName } from "../../workbook/plan/names.js";
import type { ContextApi } from "../../workbook/office/api.js";
import { browserDownload } from "./standalone.js";
import { evaluationProblem, recalcTables, schemeAsEdited } from "../../workbook/read-back.js";
import { readForRecalc, restoreInOffice } from "../../workbook/office/read-office.js";
import { parseScheme } from "../../core/scheme/load.js";
import { recordDraft, headerRowOf, layoutTables } from "../../workbook/generation-record.js";
import { readRecord, writeRecord } from "./office-record.js";
import { problemText } from "../../i18n/index.js";

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
      // the engine's pay for the generated workbook: the first recalculation lists the changes since then
      await writeRecord(recordDraft(request.scheme, request.people, result.plan, result.results));
      onProgress(1);
      return { sheets: result.sheets, renamed: result.renamed, ...(result.payslipsLeftOut ? { payslipsLeftOut: request.people.length } : {}) };
    },
    async savedScheme() {
      return (await readRecord())?.scheme ?? null;
    },
    async recalculate(paneLang?: Lang) {
      const words = paneLang ?? lang;
      const state = await readRecord();
      if (!state) return null;
      const parsed = parseScheme(state.scheme, words);
      if (!parsed.ok) return { failed: "scheme", problems: parsed.problems.map((p) => problemText(p, words)) };
      if (state.damaged?.includes("layout")) return { failed: "record", problems: [t(words, "wb.recalc.record-damaged", { file: t(words, "ui.finance.this-workbook") })] };
      const layout = state.layout;
      if (!layout) return { failed: "periods", problems: [t(words, "ui.finance.periods")] };
      const cells = layout.settings ?? [];
      // every sheet the layout names: one period's two, or each period's and the roll-up's
      const names = [...new Set((layout.periods ?? [layout]).flatMap((p) => [p.evaluation, p.payout]).concat(layout.rollup ? [layout.rollup.sheet] : []))];
      const read = await Excel.run((context) => readForRecalc(context, names, cells.map((c) => c.name)));
      const missing = cells.filter((_, i) => read.settings[i] === undefined);
      if (missing.length) return { failed: "settings", problems: missing.map((c) => t(words, "wb.recalc.name-missing", { name: c.name, cell: `${c.sheet}!${c.ref.replace(/\$/g, "")}` })) };
      const edited = schemeAsEdited(parsed.scheme, cells.map((c, i) => ({ ...c, value: read.settings[i] })), words);
      if (!edited.ok) return { failed: "settings", problems: edited.problems };
      const { tables, rollup } = layoutTables(layout, (sheet) => ({ rows: read.sheets.get(sheet)! }));
      let report;
      try {
        report = recalcTables(edited.scheme, tables, state.snapshot, cells, edited.settings, { period: layout.period ?? null, ...(rollup ? { rollup } : {}) });
      } catch (e) {
        const problem = evaluationProblem(e, layout.evaluation, words);
        if (problem === null) throw e;
        return { failed: "data", problems: [problem] };
      }
      // this run is the next one's baseline
      await writeRecord({ scheme: state.scheme, layout, snapshot: report.snapshot });
      return { ...report, calculated: true, baseline: state.snapshot !== null, source: t(words, "ui.finance.this-workbook") };
    },
    async exportReport(o, words) {
      return Excel.run(async (context) => {
        const ctx = context as unknown as ContextApi;
        // a sheet of its own, named apart from every sheet there: nothing of the user's is overwritten
        const when = reportTime(new Date());
        const { sheets } = await existingNames(ctx);
        const name = freeName(`${t(words, "wb.sheet.report")} ${when.slice(0, 10)}`, sheets);
        const sheet = reportSheet(o, { lang: words, name, source: o.source ?? t(words, "ui.finance.this-workbook"), when, calculated: o.calculated, manualCalc: o.manualCalc });
        await writeToOffice(ctx, { lang: words, mode: "native", sheets: [sheet], names: [] });
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
        return t(words, "ui.finance.report-added", { sheet: name });
      });
    },
    async restorePayoutFormulas(cells) {
      const layout = (await readRecord())?.layout;
      if (!layout || cells.length === 0) return 0;
      // several periods: a cell's id is "2026-10 W1", on that period's payout sheet
      const sheets = layout.periods
        ? layout.periods.map((p) => ({ sheet: p.payout, keys: p.payoutKeys, cells: cells.filter((c) => c.id.startsWith(`${p.period} `)).map((c) => ({ ...c, id: c.id.slice(p.period.length + 1) })) }))
        : [{ sheet: layout.payout, keys: layout.payoutKeys, cells }];
      const header = headerRowOf(layout);
      let restored = 0;
      for (const target of sheets.filter((x) => x.cells.length > 0))
        restored += await Excel.run((context) => restoreInOffice(context, { sheet: target.sheet, keys: target.keys, header, cells: target.cells }));
      return restored;
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
    async selectedCell() {
      return Excel.run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load(["rowIndex", "columnIndex", "address"]);
        await context.sync();
        return { row: cell.rowIndex + 1, col: cell.columnIndex, address: cell.address };
      });
    },
    async readRefs(refs) {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        // an A1 reference on the active sheet or on a named one (考核!C3), or a defined name (p_…, g_table), all in one sync
        const ranges = refs.map((ref) => {
          const bang = ref.lastIndexOf("!");
          const on = bang > 0 ? context.workbook.worksheets.getItem(ref.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'")) : sheet;
          const address = bang > 0 ? ref.slice(bang + 1) : ref;
          const r = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(address) ? on.getRange(address) : context.workbook.names.getItem(ref).getRange();
          r.load("values");
          return r;
        });
        await context.sync();
        return new Map(refs.map((ref, i) => {
          const v = ranges[i].values as (string | number | boolean)[][];
          return [ref, v.length === 1 && v[0].length === 1 ? v[0][0] : v] as const;
        }));
      });
    },
    async insertFormula(r1c1, where) {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const selected = context.workbook.getSelectedRange();
        const used = sheet.getUsedRange(true);
        sheet.load(["name"]);
        sheet.protection.load("protected");
        selected.load(["rowIndex", "columnIndex", "address"]);
        used.load(["rowIndex", "rowCount"]);
        await context.sync();
        if (sheet.protection.protected) throw new Error(t(lang, "ui.helper.protected", { sheet: sheet.name }));
        const first = { row: selected.rowIndex + 1, col: selected.columnIndex };
        const lastRow = Math.max(first.row, used.rowIndex + used.rowCount);
        const target = where === "selection" ? selected : sheet.getRangeByIndexes(selected.rowIndex, selected.columnIndex, lastRow - first.row + 1, 1);
        // one R1C1 value fills the range, each cell relative to itself (the Office writer does the same)
        (target as unknown as { formulasR1C1: string }).formulasR1C1 = r1c1(first);
        target.load("address");
        await context.sync();
        return target.address;
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
