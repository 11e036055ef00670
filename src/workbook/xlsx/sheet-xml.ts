/**
 * One worksheet of a plan as SpreadsheetML, written as text in one pass: the cells of all
 * blocks row by row (text inline, numbers, booleans, formulas without cached values — the
 * workbook asks for a full recalculation on open), then protection, conditional formats,
 * validations and the table part, in the order the schema requires.
 */
import { cellRef, columnLetter } from "../plan/a1.js";
import type { PlanValue, SheetPlan } from "../plan/types.js";
import type { Styles, CellStyle } from "./styles.js";
import { esc, NS_MAIN, NS_REL, XML_HEAD } from "./xml.js";

interface Cell {
  v: PlanValue;
  s: number;
}

function cellXml(ref: string, c: Cell): string {
  const s = c.s ? ` s="${c.s}"` : "";
  const v = c.v;
  if (v === null) return c.s ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  return `<c r="${ref}"${s}><f>${esc(v.formula)}</f></c>`;
}

/** Expand "C2:F41" into a test of whether (row, col) lies inside. */
function inRanges(refs: readonly string[]): (row: number, col: number) => boolean {
  const boxes = refs.map((ref) => {
    const [a, b = a] = ref.split(":");
    const parse = (x: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(x.replace(/\$/g, ""))!;
      return { col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1, row: Number(m[2]) };
    };
    return [parse(a), parse(b)];
  });
  return (row, col) => boxes.some(([a, b]) => row >= a.row && row <= b.row && col >= a.col && col <= b.col);
}

export function sheetXml(s: SheetPlan, styles: Styles, tableRelId: string | null): string {
  // gather cells by row
  const rows = new Map<number, Map<number, Cell>>();
  const put = (row: number, col: number, cell: Cell) => {
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, cell);
  };
  const unlocked = inRanges(s.unlockedRanges ?? []);
  const headerStyle = styles.id({ bold: true });
  if (s.table) s.table.columns.forEach((name, j) => put(s.table!.row, s.table!.col + j, { v: name, s: headerStyle }));
  for (const b of s.blocks) {
    // one style per column of the block (plus the unlocked variant), not per cell
    const styleOf = new Map<string, number>();
    const style = (j: number, open: boolean) => {
      const key = `${j}|${open}`;
      let id = styleOf.get(key);
      if (id === undefined) {
        const cs: CellStyle = { numFmt: b.formats?.[j], bold: b.bold, fill: b.fill, wrap: b.wrap, unlocked: b.unlocked || open };
        id = styles.id(cs);
        styleOf.set(key, id);
      }
      return id;
    };
    b.values.forEach((values, i) => {
      const row = b.row + i;
      values.forEach((v, j) => put(row, b.col + j, { v, s: style(j, unlocked(row, b.col + j)) }));
    });
  }

  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  if (s.freeze) {
    const top = cellRef(s.freeze.rows + 1, s.freeze.cols);
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane xSplit="${s.freeze.cols}" ySplit="${s.freeze.rows}" topLeftCell="${top}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (s.widths.length) parts.push(`<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  parts.push("<sheetData>");
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(r)!;
    const xml = [...cells.keys()]
      .sort((a, b) => a - b)
      .map((c) => cellXml(`${columnLetter(c)}${r}`, cells.get(c)!))
      .join("");
    parts.push(`<row r="${r}">${xml}</row>`);
  }
  parts.push("</sheetData>");
  if (s.protect)
    parts.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0" selectLockedCells="0" selectUnlockedCells="0"/>');
  s.conditional.forEach((c, i) =>
    parts.push(`<conditionalFormatting sqref="${c.ref}"><cfRule type="expression" dxfId="${styles.dxf(c.fill)}" priority="${i + 1}"><formula>${esc(c.formula)}</formula></cfRule></conditionalFormatting>`),
  );
  if (s.validations.length) {
    parts.push(`<dataValidations count="${s.validations.length}">`);
    for (const v of s.validations) {
      const attrs = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" errorTitle="${esc(v.errorTitle)}" error="${esc(v.error)}" promptTitle="${esc(v.promptTitle)}" prompt="${esc(v.prompt)}" sqref="${v.ref}"`;
      if (v.type === "list") parts.push(`<dataValidation type="list" ${attrs}><formula1>"${esc((v.list ?? []).join(","))}"</formula1></dataValidation>`);
      else parts.push(`<dataValidation type="${v.type}" operator="between" ${attrs}><formula1>${v.min ?? -1e15}</formula1><formula2>${v.max ?? 1e15}</formula2></dataValidation>`);
    }
    parts.push("</dataValidations>");
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (tableRelId) parts.push(`<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts>`);
  parts.push("</worksheet>");
  return parts.join("");
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
