/**
 * Reading an .xlsx file: its worksheets' cell values (shared strings, inline strings and rich
 * text, numbers — marked when their number format is a date —, booleans, errors; a formula's
 * cached value, what the program that saved the file computed), which sheets are hidden, its
 * defined names and its custom XML parts. For a roster from any tool (the task pane, the command
 * line) and for recalculating a generated workbook that Excel, WPS or LibreOffice saved.
 *
 * The zip is read under limits checked before and while inflating (zip-read.ts), and the XML with
 * a real reader that honours any namespace prefix (xml.ts).
 */
import { isZip, openZip, ZipError, type ZipArchive } from "./zip-read.js";
import { decodeXml, walkXml, XmlError } from "./xml.js";
import { decodeXstring } from "./xstring.js";
import { XlsxError } from "./xlsx-error.js";
import { refPosition } from "./column-letter.js";

export { XlsxError };

/** XML text back to characters (kept under its old name for the generation record). */
export const decode = decodeXml;

/** Column index (0-based) and row number (1-based) of an A1 reference; "$" allowed. */
export function parseRef(ref: string): { col: number; row: number } {
  const at = refPosition(ref);
  if (!at) throw new XlsxError("xlsx.not-ref", { ref });
  return at;
}


/**
 * A cell as saved: a number, text, a boolean, an error ("#N/A"), or null — empty, or a formula
 * the saving program did not calculate. `raw` is the text as stored (a number's exact digits);
 * `date` marks a number shown as a date or month (an Excel date serial).
 */
export interface XlsxCell {
  value: number | string | boolean | null;
  raw: string;
  date?: boolean;
  /** the cell holds a formula (its value is what the saving program last calculated, if anything) */
  formula?: true;
}

export interface XlsxFile {
  /** Sheet names in the workbook's order. */
  sheets: string[];
  /** The sheets a person does not see (hidden or very hidden). */
  hidden: Set<string>;
  /** A sheet's cells, row by row from row 1 (missing cells are null values). */
  rows(sheet: string): XlsxCell[][];
  /** Defined names of the workbook: name → sheet and reference (single cells and ranges). */
  names: Map<string, { sheet: string; ref: string }>;
  /** The custom XML parts, as XML text. */
  customXml: string[];
  /** The workbook was saved set to manual calculation: its formulas' values may be out of date. */
  manualCalc: boolean;
}

const EMPTY: XlsxCell = { value: null, raw: "" };

/** Number formats Excel builds in that show a date or a time. */
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date: y, m, d (or Chinese 年月日) outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymd]|年|月|日/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles (index into cellXfs) show their number as a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const xfs: boolean[] = [];
  let inCellXfs = false;
  walkXml(xml, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.get("numFmtId") ?? 0);
        xfs.push(custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfs;
}

/** Shared strings: the text of each <si>, rich-text runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name, _, self) {
      if (name === "si" && !self) current = "";
      else if (name === "rPh" && !self) phonetic++;
      else if (name === "t" && !self) inT = true;
      else if (name === "si") out.push("");
    },
    close(name) {
      if (name === "si" && current !== null) {
        out.push(decodeXstring(current));
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inT = false;
    },
    text(s) {
      if (inT && phonetic === 0 && current !== null) current += s;
    },
  });
  return out;
}

function sheetRows(xml: string, shared: readonly string[], dates: readonly boolean[]): XlsxCell[][] {
  const out: XlsxCell[][] = [];
  let cells: XlsxCell[] = [];
  let inCell = false;
  let ref: string | undefined;
  let type: string | undefined;
  let style = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let inV = false;
  let inT = false;
  let phonetic = 0;
  let formula = false;
  walkXml(xml, {
    open(name, a, self) {
      if (name === "row") {
        const number = Number(a.get("r") ?? out.length + 1);
        while (out.length < number - 1) out.push([]);
        cells = [];
        if (self) out.push(cells);
      } else if (name === "c") {
        inCell = true;
        ref = a.get("r");
        type = a.get("t");
        style = Number(a.get("s") ?? 0);
        v = null;
        inline = null;
        formula = false;
        if (self) endCell();
      } else if (inCell && name === "v" && !self) {
        inV = true;
        v = "";
      } else if (inCell && name === "f") formula = true;
      else if (inCell && name === "is" && !self) inline = "";
      else if (inCell && name === "rPh" && !self) phonetic++;
      else if (inCell && name === "t" && !self) inT = true;
    },
    close(name) {
      if (name === "row") out.push(cells);
      else if (name === "c" && inCell) endCell();
      else if (name === "v") inV = false;
      else if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
    },
    text(s) {
      if (inV) v += s;
      else if (inT && inline !== null && phonetic === 0) inline += s;
    },
  });
  function endCell() {
    inCell = false;
    let cell: XlsxCell = EMPTY;
    if (type === "s" && v !== null) cell = { value: shared[Number(v)] ?? "", raw: shared[Number(v)] ?? "" };
    else if (type === "inlineStr") {
      const text = decodeXstring(inline ?? "");
      cell = { value: text, raw: text };
    } else if (type === "str" && v !== null) {
      const text = decodeXstring(v);
      cell = { value: text, raw: text };
    }
    else if (type === "b" && v !== null) cell = { value: v.trim() === "1", raw: v.trim() === "1" ? "TRUE" : "FALSE" };
    else if (type === "e" && v !== null) cell = { value: v, raw: v };
    else if (v !== null && v.trim() !== "") {
      const n = Number(v);
      cell = Number.isFinite(n) ? { value: n, raw: v.trim(), ...(dates[style] ? { date: true } : {}) } : { value: v, raw: v };
    }
    if (formula) cell = { ...cell, formula: true };
    const col = ref ? columnOf(ref) : -1;
    const at = col >= 0 ? col : cells.length;
    while (cells.length < at) cells.push(EMPTY);
    cells[at] = cell;
  }
  return out;
}

/** The column (0-based) of a cell reference "AB12", by its letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  return col - 1;
}

/** What a file that is not an .xlsx is, by its first bytes: the reason to give. */
export function sniffNotXlsx(bytes: Uint8Array): string | null {
  const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole2.every((b, i) => bytes[i] === b)) return "xlsx.old-format";
  if (!isZip(bytes)) return "xlsx.not-xlsx";
  return null;
}

export function openXlsx(bytes: Uint8Array): XlsxFile {
  const sniffed = sniffNotXlsx(bytes);
  if (sniffed) throw new XlsxError(sniffed);
  let zip: ZipArchive;
  try {
    zip = openZip(bytes);
  } catch (e) {
    throw asXlsxError(e);
  }
  if (!zip.has("xl/workbook.xml")) throw new XlsxError(zip.names.some((n) => n.startsWith("Index/")) ? "xlsx.numbers" : "xlsx.not-xlsx");
  try {
    return readParts(zip);
  } catch (e) {
    throw asXlsxError(e);
  }
}

function asXlsxError(e: unknown): unknown {
  if (e instanceof ZipError) return new XlsxError(e.key, e.vars);
  if (e instanceof XmlError) return new XlsxError("xlsx.bad-xml", { problem: e.message });
  return e;
}

function readParts(zip: ZipArchive): XlsxFile {
  const text = (path: string) => {
    const b = zip.read(path);
    return b ? new TextDecoder("utf-8").decode(b) : "";
  };
  const shared = sharedStrings(text("xl/sharedStrings.xml"));
  const dates = dateStyles(text("xl/styles.xml"));
  const targets = new Map<string, string>();
  walkXml(text("xl/_rels/workbook.xml.rels"), {
    open(name, a) {
      if (name === "Relationship" && a.has("Id")) targets.set(a.get("Id")!, a.get("Target") ?? "");
    },
  });
  const sheetPaths = new Map<string, string>();
  const hidden = new Set<string>();
  const names = new Map<string, { sheet: string; ref: string }>();
  let definedName: string | null = null;
  let definedText = "";
  let manualCalc = false;
  walkXml(text("xl/workbook.xml"), {
    open(name, a, self) {
      if (name === "calcPr") manualCalc = a.get("calcMode") === "manual";
      else if (name === "sheet") {
        const sheetName = a.get("name");
        const target = targets.get(a.get("id") ?? "");
        if (sheetName === undefined || !target) return;
        sheetPaths.set(sheetName, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
        if (a.get("state") === "hidden" || a.get("state") === "veryHidden") hidden.add(sheetName);
      } else if (name === "definedName" && !self) {
        definedName = a.get("name") ?? null;
        definedText = "";
      }
    },
    close(name) {
      if (name !== "definedName" || definedName === null) return;
      const at = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(definedText.trim());
      if (at) names.set(definedName, { sheet: (at[1] ?? at[2]).replace(/''/g, "'"), ref: at[3] });
      definedName = null;
    },
    text(s) {
      if (definedName !== null) definedText += s;
    },
  });
  const customXml = zip.names
    .filter((p) => /^customXml\/item\d+\.xml$/.test(p))
    .sort()
    .map(text);
  const cache = new Map<string, XlsxCell[][]>();
  const rows = (sheet: string): XlsxCell[][] => {
    const hit = cache.get(sheet);
    if (hit) return hit;
    const path = sheetPaths.get(sheet);
    if (!path || !zip.has(path)) throw new XlsxError("xlsx.no-sheet", { sheet });
    let out: XlsxCell[][];
    try {
      out = sheetRows(text(path), shared, dates);
    } catch (e) {
      throw asXlsxError(e);
    }
    cache.set(sheet, out);
    return out;
  };
  return { sheets: [...sheetPaths.keys()], hidden, rows, names, customXml, manualCalc };
}

/** The sheet a roster is read from: the one named, else the first a person sees. */
export function rosterSheet(file: XlsxFile, sheet?: string): string {
  if (sheet !== undefined) {
    if (!file.sheets.includes(sheet)) throw new XlsxError("xlsx.no-sheet-named", { sheet, sheets: file.sheets.join(", ") });
    return sheet;
  }
  const visible = file.sheets.find((s) => !file.hidden.has(s));
  if (!visible) throw new XlsxError("xlsx.no-worksheet");
  return visible;
}

/** The first visible worksheet (or the one named) as rows of text: a roster. */
export function readXlsxRows(bytes: Uint8Array, sheet?: string): string[][] {
  const file = openXlsx(bytes);
  return file.rows(rosterSheet(file, sheet)).map((r) => r.map((c) => c.raw));
}
