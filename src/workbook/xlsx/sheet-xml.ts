/**
 * One worksheet of a plan as SpreadsheetML, written as text in one pass: the cells of all
 * blocks row by row (text inline, numbers, booleans, formulas with the values the plan knows for
 * them — previewers show those; the workbook still asks for a full recalculation on open), then protection, conditional formats,
 * validations and the table part, in the order the schema requires.
 */
import { cellRef, columnLetter, refPosition } from "../plan/a1.js";
import type { CachedValue, PlanBlock, PlanValue, SheetPlan } from "../plan/types.js";
import { printA1 } from "../plan/print-formula.js";
import { headerText } from "../plan/print-setup.js";
import type { Styles, CellStyle } from "./styles.js";
import { esc, NS_MAIN, NS_REL, XML_HEAD } from "./xml.js";
import { encodeXstring } from "../../io/xstring.js";

/** Text an XML reader would trim or fold: spaces or a tab at either end, a line break inside. */
const LOOSE = /^[ \t]|[ \t]$|[\r\n]/;

/**
 * A text element, asking to keep its spaces only where there are spaces to keep (as Excel does):
 * 40 characters less per row of ids and names, 4 MB at 100,000 people.
 */
export const textXml = (v: string): string => (LOOSE.test(v) ? `<t xml:space="preserve">${esc(encodeXstring(v))}</t>` : `<t>${esc(encodeXstring(v))}</t>`);

/** The type attribute and <v> of a formula's cached value ("" when there is none). */
function cachedXml(c: CachedValue | undefined): { t: string; v: string } {
  if (c === undefined) return { t: "", v: "" };
  if (typeof c === "number") return Number.isFinite(c) ? { t: "", v: `<v>${c}</v>` } : { t: ' t="e"', v: "<v>#NUM!</v>" };
  if (typeof c === "boolean") return { t: ' t="b"', v: `<v>${c ? 1 : 0}</v>` };
  if (typeof c === "string") return { t: ' t="str"', v: `<v>${esc(encodeXstring(c))}</v>` };
  return { t: ' t="e"', v: `<v>${esc(c.error)}</v>` };
}

/**
 * One cell. Shared formulas: a computed column holds one formula object in every row (its
 * references are relative to the row), so it is printed once, in its first row (`master`, the
 * group's range), with the rows below pointing at it by `si` — the sheet XML shrinks several
 * times and no formula string is made per cell. `cached` is the formula's value as the engine
 * knows it, stored beside the formula for previewers.
 */
function cellXml(ref: string, row: number, v: PlanValue, style: number, cached: CachedValue | undefined, si: number, master: string | undefined): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="inlineStr"><is>${textXml(v)}</is></c>`;
  // a finite number, the common cached value, without the object cachedXml makes (100,000s of cells)
  const value = typeof cached === "number" && Number.isFinite(cached) ? null : cachedXml(cached);
  const t = value ? value.t : "";
  const cachedV = value ? value.v : `<v>${cached}</v>`;
  if (v.array) return `<c r="${ref}"${s}${t}><f t="array" ref="${v.array}">${esc(printA1(v.formula, row))}</f>${cachedV}</c>`;
  if (si < 0) return `<c r="${ref}"${s}${t}><f>${esc(printA1(v.formula, row))}</f>${cachedV}</c>`;
  return master ? `<c r="${ref}"${s}${t}><f t="shared" ref="${master}" si="${si}">${esc(printA1(v.formula, row))}</f>${cachedV}</c>` : `<c r="${ref}"${s}${t}><f t="shared" si="${si}"/>${cachedV}</c>`;
}

/** Expand "C2:F41" into a test of whether (row, col) lies inside. */
function inRanges(refs: readonly string[]): (row: number, col: number) => boolean {
  // flat numbers, tested in a loop: this runs for every cell of the sheet
  const boxes = refs.flatMap((ref) => {
    const [a, b = a] = ref.split(":");
    const [p, q] = [refPosition(a)!, refPosition(b)!];
    return [p.row, q.row, p.col, q.col];
  });
  return (row, col) => {
    for (let k = 0; k < boxes.length; k += 4) if (row >= boxes[k] && row <= boxes[k + 1] && col >= boxes[k + 2] && col <= boxes[k + 3]) return true;
    return false;
  };
}

/** The sheet's XML in one string (small sheets, tests); the writer streams sheetXmlParts. */
export function sheetXml(s: SheetPlan, styles: Styles, tableRelId: string | null, drawingRelId: string | null = null): string {
  return [...sheetXmlParts(s, styles, tableRelId, drawingRelId)].join("");
}

/**
 * Rows are handed on in pieces of about this many characters. Small enough that the flat string
 * the encoder makes of a piece stays in V8's young generation (a piece of 256 K characters went
 * to the large-object space, freed only by full collections: ~1 s more at 100,000 people).
 */
const PIECE = 1 << 15;

/**
 * The sheet's XML in pieces, rows as they are written: a sheet of 100,000 rows is never one
 * string. Styles are registered as the rows are written, so styles.xml is made after the sheets.
 */
export function* sheetXmlParts(s: SheetPlan, styles: Styles, tableRelId: string | null, drawingRelId: string | null = null): Generator<string> {
  const unlocked = inRanges(s.unlockedRanges ?? []);
  const headerStyle = styles.id({ bold: true, wrap: true });
  // the blocks, plus the table's header row, each with one style per column (and its unlocked
  // variant) rather than per cell: a sheet of 50,000 rows is written without a cell object each
  interface Source {
    row: number;
    col: number;
    values: PlanValue[][];
    cached?: PlanBlock["cached"];
    style: (j: number, open: boolean) => number;
    letters?: string[];
    /** per column, what a cell's XML starts with before its row number: `<c r="AB` */
    opens?: string[];
    /** per column, what follows the reference in a shared formula's row with a number cached */
    tails?: ({ si: number; style: number; text: string } | undefined)[];
    /** per column, what follows the reference in a cell holding a number (an input) */
    numberTails?: ({ style: number; text: string } | undefined)[];
  }
  const sources: Source[] = [];
  if (s.table) sources.push({ row: s.table.row, col: s.table.col, values: [s.table.columns], style: () => headerStyle });
  for (const b of s.blocks) {
    // a column's style id, locked and unlocked, looked up by index: this runs for every cell
    const ids: [number[], number[]] = [[], []];
    sources.push({
      row: b.row,
      col: b.col,
      values: b.values,
      cached: b.cached,
      style: (j, open) => {
        const cache = ids[open ? 1 : 0];
        let id = cache[j];
        if (id === undefined) {
          const cs: CellStyle = { numFmt: b.formats?.[j], bold: b.bold, fill: b.columnFills?.[j] ?? b.fill, wrap: b.wrap, unlocked: b.unlocked || open };
          id = cache[j] = styles.id(cs);
        }
        return id;
      },
    });
  }
  // shared formula groups: per block column, runs of rows holding the same formula object
  let nextSi = 0;
  const sharedOf = new Map<PlanValue[][], { si: Int32Array[]; masters: Map<number, string>[] }>();
  for (const b of s.blocks) {
    const width = b.values[0]?.length ?? 0;
    const groups = { si: [] as Int32Array[], masters: [] as Map<number, string>[] };
    for (let j = 0; j < width; j++) {
      const si = new Int32Array(b.values.length).fill(-1);
      const masters = new Map<number, string>();
      let start = -1;
      let current: PlanValue = null;
      const close = (end: number) => {
        if (start >= 0 && end > start) {
          const col = columnLetter(b.col + j);
          masters.set(start, `${col}${b.row + start}:${col}${b.row + end}`);
          si.fill(nextSi++, start, end + 1);
        }
        start = -1;
      };
      let last = -1;
      for (let i = 0; i < b.values.length; i++) {
        const v = b.values[i][j];
        if (typeof v !== "object" || v === null) {
          close(last);
          continue;
        }
        if (start >= 0 && v === current) {
          last = i;
          continue;
        }
        close(last);
        start = i;
        last = i;
        current = v;
      }
      close(last);
      groups.si.push(si);
      groups.masters.push(masters);
    }
    sharedOf.set(b.values, groups);
  }

  // a loop, not Math.min(...rows): a sheet of 150,000 blocks (payslips) overflows the argument list
  let firstRow = Infinity;
  let lastRow = -Infinity;
  for (const src of sources)
    if (src.values.length) {
      firstRow = Math.min(firstRow, src.row);
      lastRow = Math.max(lastRow, src.row + src.values.length - 1);
    }
  // the sources covering each row, latest first, by the row's place from the first: a sheet of
  // many small blocks (payslips) is written without looking at every block for every row, and a
  // sheet of 100,000 rows without a lookup in a map of 100,000 keys per row
  const byRow: (Source[] | undefined)[] = firstRow <= lastRow ? new Array<Source[] | undefined>(lastRow - firstRow + 1).fill(undefined) : [];
  for (let k = sources.length - 1; k >= 0; k--) {
    const src = sources[k];
    for (let i = 0; i < src.values.length; i++) {
      const at = src.row + i - firstRow;
      const list = byRow[at];
      if (list) list.push(src);
      else byRow[at] = [src];
    }
  }
  // per source: each column's letter, and what its cells start with (`<c r="AB`)
  const letters = (src: Source) => (src.letters ??= src.values[0] ? src.values[0].map((_, j) => columnLetter(src.col + j)) : []);
  const opens = (src: Source) => (src.opens ??= letters(src).map((col) => `<c r="${col}`));
  const rowXml = (r: number, list: readonly Source[]): string => {
    let xml = "";
    if (list.length === 1) {
      // the common case, one block in the row: its columns come in order
      const src = list[0];
      const i = r - src.row;
      const values = src.values[i];
      const open = opens(src);
      const cols = letters(src);
      const groups = sharedOf.get(src.values);
      const cached = src.cached?.[i];
      const tails = (src.tails ??= []);
      const numberTails = (src.numberTails ??= []);
      // the row's number as text once, not once per cell
      const row = String(r);
      for (let j = 0; j < values.length; j++) {
        const v = values[j];
        const si = groups ? groups.si[j][i] : -1;
        const style = src.style(j, unlocked(r, src.col + j));
        // most cells of a big sheet are a number typed in or a row of a shared formula with a
        // number cached: everything after the reference is the same down the column, made once
        // (4 million cells at 100,000 people, each otherwise several template strings)
        if (typeof v === "number" && Number.isFinite(v)) {
          let tail = numberTails[j];
          if (tail === undefined || tail.style !== style) tail = numberTails[j] = { style, text: `"${style ? ` s="${style}"` : ""}><v>` };
          xml += (open[j] ??= `<c r="${columnLetter(src.col + j)}`) + row + tail.text + v + "</v></c>";
          continue;
        }
        const master = si >= 0 ? groups!.masters[j].get(i) : undefined;
        const c = cached?.[j];
        if (si >= 0 && master === undefined && typeof c === "number" && Number.isFinite(c)) {
          let tail = tails[j];
          if (tail === undefined || tail.si !== si || tail.style !== style) tail = tails[j] = { si, style, text: `"${style ? ` s="${style}"` : ""}><f t="shared" si="${si}"/><v>` };
          xml += (open[j] ??= `<c r="${columnLetter(src.col + j)}`) + row + tail.text + c + "</v></c>";
          continue;
        }
        xml += cellXml(`${cols[j] ?? columnLetter(src.col + j)}${row}`, r, v, style, c, si, master);
      }
      return xml;
    }
    // later blocks win where two blocks meet, as the earlier writer did
    const cells: { col: number; xml: string }[] = [];
    const taken = new Set<number>();
    for (const src of list) {
      const i = r - src.row;
      const values = src.values[i];
      if (!values) continue;
      const groups = sharedOf.get(src.values);
      for (let j = 0; j < values.length; j++) {
        const col = src.col + j;
        if (taken.has(col)) continue;
        taken.add(col);
        const si = groups ? groups.si[j][i] : -1;
        const cell = cellXml(`${columnLetter(col)}${r}`, r, values[j], src.style(j, unlocked(r, col)), src.cached?.[i]?.[j], si, si >= 0 ? groups!.masters[j].get(i) : undefined);
        if (cell) cells.push({ col, xml: cell });
      }
    }
    cells.sort((a, b) => a.col - b.col);
    for (const c of cells) xml += c.xml;
    return xml;
  };

  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  // fit to one page wide (the number of pages down follows the rows)
  if (s.print) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  if (s.freeze) {
    const top = cellRef(s.freeze.rows + 1, s.freeze.cols);
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane xSplit="${s.freeze.cols}" ySplit="${s.freeze.rows}" topLeftCell="${top}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const hidden = new Set(s.hidden ?? []);
  if (s.widths.length) parts.push(`<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${hidden.has(i) ? ' hidden="1"' : ""}/>`).join("")}</cols>`);
  parts.push("<sheetData>");
  yield parts.join("");
  parts.length = 0;
  let piece = "";
  for (let r = firstRow; r <= lastRow; r++) {
    const list = byRow[r - firstRow];
    if (!list) continue;
    const cells = rowXml(r, list);
    if (!cells) continue;
    // a table's header wraps onto up to three lines: the row is made tall enough to show them
    const height = s.table && r === s.table.row ? 45 : s.rowHeights?.[r];
    const tall = height ? ` ht="${height}" customHeight="1"` : "";
    piece += `<row r="${r}"${tall}>${cells}</row>`;
    if (piece.length >= PIECE) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
  parts.push("</sheetData>");
  if (s.protect)
    parts.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0" selectLockedCells="0" selectUnlockedCells="0"/>');
  s.conditional.forEach((c, i) =>
    parts.push(`<conditionalFormatting sqref="${c.ref}"><cfRule type="expression" dxfId="${styles.dxf(c.fill)}" priority="${i + 1}"><formula>${esc(c.formula)}</formula></cfRule></conditionalFormatting>`),
  );
  (s.dataBars ?? []).forEach((d, i) =>
    parts.push(
      `<conditionalFormatting sqref="${d.ref}"><cfRule type="dataBar" priority="${s.conditional.length + i + 1}"><dataBar><cfvo type="num" val="${d.min}"/><cfvo type="num" val="${d.max}"/><color rgb="FF${d.color}"/></dataBar></cfRule></conditionalFormatting>`,
    ),
  );
  if (s.validations.length) {
    parts.push(`<dataValidations count="${s.validations.length}">`);
    for (const v of s.validations) {
      const attrs = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" errorTitle="${esc(v.errorTitle)}" error="${esc(v.error)}" promptTitle="${esc(v.promptTitle)}" prompt="${esc(v.prompt)}" sqref="${v.ref}"`;
      if (v.type === "list") parts.push(`<dataValidation type="list" ${attrs}><formula1>${v.source ? esc(v.source) : `"${esc((v.list ?? []).join(","))}"`}</formula1></dataValidation>`);
      else parts.push(`<dataValidation type="${v.type}" operator="between" ${attrs}><formula1>${v.min ?? -1e15}</formula1><formula2>${v.max ?? 1e15}</formula2></dataValidation>`);
    }
    parts.push("</dataValidations>");
  }
  if (s.print) {
    const p = s.print;
    parts.push('<printOptions horizontalCentered="1"/>');
    parts.push('<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    parts.push(`<pageSetup paperSize="9" orientation="${p.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`);
    parts.push(`<headerFooter><oddHeader>${esc(`&C${headerText(p.header)}`)}</oddHeader><oddFooter>${esc(`&C${headerText(p.footer)}`)}</oddFooter></headerFooter>`);
    if (p.breaks?.length) parts.push(`<rowBreaks count="${p.breaks.length}" manualBreakCount="${p.breaks.length}">${p.breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  } else parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (drawingRelId) parts.push(`<drawing r:id="${drawingRelId}"/>`);
  if (tableRelId) parts.push(`<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts>`);
  parts.push("</worksheet>");
  yield parts.join("");
}

export function tableXml(s: SheetPlan, id: number): string {
  const t = s.table!;
  const ref = `${cellRef(t.row, t.col)}:${cellRef(t.row + Math.max(t.rows, 1), t.col + t.columns.length - 1)}`;
  const columns = t.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${esc(name)}"/>`).join("");
  return (
    XML_HEAD +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${esc(t.name)}" displayName="${esc(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** The Print_Titles reference of a sheet ('考核'!$A:$B,'考核'!$1:$1), or null when it repeats nothing. */
export function printTitles(s: SheetPlan): string | null {
  const p = s.print;
  if (!p || (!p.titleRows && !p.titleColumns)) return null;
  const q = `'${s.name.replace(/'/g, "''")}'!`;
  const parts: string[] = [];
  if (p.titleColumns) parts.push(`${q}$${columnLetter(p.titleColumns.first)}:$${columnLetter(p.titleColumns.last)}`);
  if (p.titleRows) parts.push(`${q}$${p.titleRows.first}:$${p.titleRows.last}`);
  return parts.join(",");
}
