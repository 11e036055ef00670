/**
 * Recalculating a saved workbook file (no Excel at hand): the generation record it carries, its
 * setting cells where their defined names point now, its evaluation and payout sheets as the
 * program that saved it calculated them — through the same read-back as the pane inside Excel.
 * Used by `kpi-scorecard recalc` and by the pane in a browser.
 */
import { dataProblemText } from "../io/data-problem-text.js";
import { parseScheme } from "../core/scheme/load.js";
import type { Lang } from "../core/text.js";
import { t } from "../i18n/index.js";
import { parseRef, XlsxError, type XlsxFile } from "../io/xlsx-read.js";
import { layoutTables, recordFromXml } from "./generation-record.js";
import { evaluationProblem, recalcTables, schemeAsEdited, type RecalcReport } from "./read-back.js";
import { problemText } from "../i18n/index.js";

export type FileRecalc =
  | {
      ok: true;
      report: RecalcReport;
      /** false for a file saved without calculated values: nothing to compare the payout sheet with */
      calculated: boolean;
      /** false when the record has no pay at generation (inputs were blank then, or it was damaged) */
      baseline: boolean;
      /** the record's pay at generation was there but could not be read */
      baselineDamaged: boolean;
      /** the file was saved set to manual calculation: a formula's amount may be out of date */
      manualCalc: boolean;
    }
  /** why nothing was recalculated, each problem in words, naming the place */
  | { ok: false; reason: "file" | "no-record" | "record" | "periods" | "scheme" | "settings" | "data"; problems: string[] };

export function recalcWorkbookFile(file: XlsxFile, fileName: string, lang: Lang): FileRecalc {
  try {
    return recalc(file, fileName, lang);
  } catch (e) {
    // the file does not hold what its record says: a sheet renamed or deleted, a name that is no cell
    if (e instanceof XlsxError) return { ok: false, reason: "file", problems: [`${fileName}: ${t(lang, e.key, e.vars)}`] };
    throw e;
  }
}

function recalc(file: XlsxFile, fileName: string, lang: Lang): FileRecalc {
  const record = file.customXml.map(recordFromXml).find((r) => r !== null);
  if (!record) return { ok: false, reason: "no-record", problems: [t(lang, "cli.recalc.no-record", { file: fileName })] };
  const parsed = parseScheme(record.scheme, lang);
  if (!parsed.ok) return { ok: false, reason: "scheme", problems: parsed.problems.map((p) => problemText(p, lang)) };
  if (record.damaged?.includes("layout")) return { ok: false, reason: "record", problems: [t(lang, "wb.recalc.record-damaged", { file: fileName })] };
  const layout = record.layout;
  // a record of an older version kept no layout for several periods: it cannot be read back
  if (!layout) return { ok: false, reason: "periods", problems: [t(lang, "cli.recalc.periods", { file: fileName })] };
  const cellValue = (sheet: string, ref: string) => {
    const { row, col } = parseRef(ref);
    return file.rows(sheet)[row - 1]?.[col]?.value ?? null;
  };
  // each setting where its defined name points now (a row inserted above moves it)
  const missing = layout.settings.filter((c) => !file.names.has(c.name));
  if (missing.length)
    return { ok: false, reason: "settings", problems: missing.map((c) => t(lang, "wb.recalc.name-missing", { name: c.name, cell: `${c.sheet}!${c.ref.replace(/\$/g, "")}` })) };
  const cells = layout.settings.map((c) => {
    const at = file.names.get(c.name)!;
    return { ...c, value: cellValue(at.sheet, at.ref) };
  });
  const edited = schemeAsEdited(parsed.scheme, cells, lang);
  if (!edited.ok) return { ok: false, reason: "settings", problems: edited.problems };
  // the tables' values under their header rows, as the pane reads them from Excel — every period's, and the roll-up's
  const { tables, rollup } = layoutTables(layout, (sheet) => {
    const rows = file.rows(sheet);
    return { rows: rows.map((r) => r.map((c) => c.value)), formulaAt: (i, j) => rows[i]?.[j]?.formula === true };
  });
  let report;
  try {
    report = recalcTables(edited.scheme, tables, record.snapshot, layout.settings, edited.settings, { period: layout.period ?? null, ...(rollup ? { rollup } : {}) });
  } catch (e) {
    const problem = evaluationProblem(e, layout.evaluation, lang);
    if (problem === null) throw e;
    return { ok: false, reason: "data", problems: [problem] };
  }
  if (report.problems.length)
    return {
      ok: false,
      reason: "data",
      problems: [
        t(lang, "cli.data-invalid", { file: `${fileName} › ${report.problemSheet ?? layout.evaluation}`, count: report.problems.length }),
        ...report.problems.map((p) => dataProblemText(lang, p)),
      ],
    };
  // a file written by our writer and never opened holds formulas without results
  const calculated = tables.some((x) => {
    const payAt = x.payout.keys.indexOf("pay");
    return x.payout.rows.some((r) => typeof r[payAt] === "number");
  });
  return { ok: true, report, calculated, baseline: record.snapshot !== null, baselineDamaged: record.damaged?.includes("snapshot") ?? false, manualCalc: file.manualCalc };
}
