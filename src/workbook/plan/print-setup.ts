/**
 * How each generated sheet prints, decided once for both writers: A4, one page wide (rows flow
 * onto further pages), landscape for the wide tables, the header row and the id/name columns on
 * every page, the scheme's name and the sheet in the header, page numbers in the footer.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import type { PlanPrint, SheetPlan } from "./types.js";

/** Characters of column width that fit across A4 portrait at 100 %: wider tables go landscape. */
const PORTRAIT_WIDTH = 95;

export function printSetup(sheet: SheetPlan, scheme: Scheme, lang: Lang): PlanPrint {
  // hidden helper columns do not print: only what is seen counts for the page's orientation
  const hidden = new Set(sheet.hidden ?? []);
  const width = sheet.widths.reduce((a, w, i) => (hidden.has(i) ? a : a + w), 0);
  const table = sheet.table;
  return {
    landscape: width > PORTRAIT_WIDTH,
    ...(table ? { titleRows: { first: table.row, last: table.row }, titleColumns: { first: 0, last: Math.min(1, table.columns.length - 1) } } : {}),
    header: `${scheme.name[lang]} — ${sheet.name}`,
    footer: t(lang, "wb.print.footer"),
  };
}

/** A header or footer's text in SpreadsheetML's codes: "&" doubled, {page} and {pages} as &P and &N. */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N");
}
