/**
 * Reading an .xlsx file: its worksheets' cell values (shared strings, inline strings, numbers,
 * booleans, errors; a formula's cached value — what the program that saved the file computed),
 * its defined names and its custom XML parts. Enough for a roster opened in the task pane or
 * the command line, and for recalculating a generated workbook that Excel or LibreOffice saved;
 * no styles, no dates as dates.
 */
import { strFromU8, unzipSync } from "fflate";

/** XML text back to characters: the five named entities and numeric references. */
export const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name.toLowerCase()],
  );

/** All text of the <t> elements inside an XML fragment (rich text runs joined). */
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1])).join("");

/** Column index (0-based) and row number (1-based) of an A1 reference; "$" allowed. */
export function parseRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new XlsxError(`not a cell reference: ${ref}`);
  return { col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1, row: Number(m[2]) };
}

export class XlsxError extends Error {}

/**
 * A cell as saved: a number, text, a boolean, an error ("#N/A"), or null — empty, or a formula
 * the saving program did not calculate. `raw` is the text as stored (a number's exact digits).
 */
export interface XlsxCell {
  value: number | string | boolean | null;
  raw: string;
}

export interface XlsxFile {
  /** Sheet names in the workbook's order. */
  sheets: string[];
  /** A sheet's cells, row by row from row 1 (missing cells are null values). */
  rows(sheet: string): XlsxCell[][];
  /** Defined names of the workbook: name → sheet and reference (single cells and ranges). */
  names: Map<string, { sheet: string; ref: string }>;
  /** The custom XML parts, as XML text. */
  customXml: string[];
}

const EMPTY: XlsxCell = { value: null, raw: "" };

export function openXlsx(bytes: Uint8Array): XlsxFile {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new XlsxError("not an .xlsx file");
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : "");
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const targetOf = (id: string) =>
    new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*\\bTarget="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${id}"`).exec(rels)?.[1];
  const sheetPaths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[1])?.[1];
    const target = id && targetOf(id);
    if (name !== undefined && target) sheetPaths.set(decode(name), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, { sheet: string; ref: string }>();
  for (const m of workbook.matchAll(/<definedName\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/definedName>/g)) {
    const at = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(decode(m[2]).trim());
    if (at) names.set(decode(m[1]), { sheet: (at[1] ?? at[2]).replace(/''/g, "'"), ref: at[3] });
  }
  const customXml = Object.keys(files)
    .filter((p) => /^customXml\/item\d+\.xml$/.test(p))
    .sort()
    .map(text);

  const cache = new Map<string, XlsxCell[][]>();
  const rows = (sheet: string): XlsxCell[][] => {
    const hit = cache.get(sheet);
    if (hit) return hit;
    const path = sheetPaths.get(sheet);
    if (!path || !files[path]) throw new XlsxError(`the workbook has no sheet "${sheet}"`);
    const out: XlsxCell[][] = [];
    for (const row of text(path).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const number = Number(/\br="(\d+)"/.exec(row[1])?.[1] ?? out.length + 1);
      while (out.length < number - 1) out.push([]);
      const cells: XlsxCell[] = [];
      for (const c of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = c[1];
        const body = c[2] ?? "";
        const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
        const type = /\bt="(\w+)"/.exec(attrs)?.[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let cell: XlsxCell = EMPTY;
        if (type === "s" && v !== undefined) cell = { value: shared[Number(v)] ?? "", raw: shared[Number(v)] ?? "" };
        else if (type === "inlineStr") cell = { value: texts(body), raw: texts(body) };
        else if (type === "b" && v !== undefined) cell = { value: v === "1", raw: v === "1" ? "TRUE" : "FALSE" };
        else if ((type === "str" || type === "e") && v !== undefined) cell = { value: decode(v), raw: decode(v) };
        else if (v !== undefined) cell = { value: Number(v), raw: v };
        const at = ref ? parseRef(ref).col : cells.length;
        while (cells.length < at) cells.push(EMPTY);
        cells[at] = cell;
      }
      out.push(cells);
    }
    cache.set(sheet, out);
    return out;
  };
  return { sheets: [...sheetPaths.keys()], rows, names, customXml };
}

/** The first worksheet as rows of text: a roster. */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  const file = openXlsx(bytes);
  if (!file.sheets.length) throw new XlsxError("the workbook has no worksheet");
  return file.rows(file.sheets[0]).map((r) => r.map((c) => c.raw));
}
