/**
 * The workbook's cell styles: each distinct combination of number format, bold, fill, wrap and
 * lock becomes one cell format (xf), shared by every cell that uses it.
 */
import { esc, NS_MAIN, XML_HEAD } from "./xml.js";

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  fill?: string;
  wrap?: boolean;
  unlocked?: boolean;
}

const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

/**
 * The workbook's font: 等线 (DengXian, Office's CJK default since 2016) in a Chinese workbook, so
 * that Chinese text is not drawn in a fallback font; Calibri in an English one. A machine without
 * the font substitutes its own CJK font.
 */
const FONTS: Record<string, { name: string; family: number; charset?: number }> = {
  "zh-CN": { name: "等线", family: 2, charset: 134 },
  "en-US": { name: "Calibri", family: 2 },
};

export class Styles {
  constructor(private readonly lang: string = "en-US") {}
  /** The font's name, for text outside the cell styles (a chart's title and labels). */
  get font(): string {
    return (FONTS[this.lang] ?? FONTS["en-US"]).name;
  }
  private xfs = new Map<string, number>([["", 0]]);
  private xfList: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private numFmts = new Map<string, number>();
  private fills = new Map<string, number>();
  private dxfs: string[] = [];

  /** The xf index for a style (0: default). */
  id(s: CellStyle): number {
    const key = `${s.numFmt ?? ""}|${s.bold ? 1 : 0}|${s.fill ?? ""}|${s.wrap ? 1 : 0}|${s.unlocked ? 1 : 0}`;
    const known = this.xfs.get(key === "|0||0|0" ? "" : key);
    if (known !== undefined) return known;
    const numFmtId = s.numFmt && s.numFmt !== "General" ? (BUILT_IN_FORMATS[s.numFmt] ?? this.numFmtId(s.numFmt)) : 0;
    const fillId = s.fill ? this.fillId(s.fill) : 0;
    const attrs = [
      `numFmtId="${numFmtId}"`,
      `fontId="${s.bold ? 1 : 0}"`,
      `fillId="${fillId}"`,
      'borderId="0"',
      'xfId="0"',
      numFmtId ? 'applyNumberFormat="1"' : "",
      s.bold ? 'applyFont="1"' : "",
      fillId ? 'applyFill="1"' : "",
      s.wrap ? 'applyAlignment="1"' : "",
      s.unlocked ? 'applyProtection="1"' : "",
    ].filter(Boolean);
    const children = (s.wrap ? '<alignment wrapText="1" vertical="top"/>' : "") + (s.unlocked ? '<protection locked="0"/>' : "");
    this.xfList.push(children ? `<xf ${attrs.join(" ")}>${children}</xf>` : `<xf ${attrs.join(" ")}/>`);
    const id = this.xfList.length - 1;
    this.xfs.set(key, id);
    return id;
  }

  /** A differential format (fill) for conditional formatting. */
  dxf(fill: string): number {
    this.dxfs.push(`<dxf><fill><patternFill patternType="solid"><fgColor rgb="FF${fill}"/><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`);
    return this.dxfs.length - 1;
  }

  private numFmtId(code: string): number {
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private fillId(hex: string): number {
    let id = this.fills.get(hex);
    if (id === undefined) {
      id = 2 + this.fills.size; // 0 and 1 are the two fills every workbook must start with
      this.fills.set(hex, id);
    }
    return id;
  }

  private fontsXml(): string {
    const f = FONTS[this.lang] ?? FONTS["en-US"];
    const face = `<sz val="11"/><name val="${esc(f.name)}"/><family val="${f.family}"/>${f.charset ? `<charset val="${f.charset}"/>` : ""}`;
    return `<fonts count="2"><font>${face}</font><font><b/>${face}</font></fonts>`;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join("");
    const fills = [...this.fills.keys()].map((hex) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${hex}"/><bgColor indexed="64"/></patternFill></fill>`).join("");
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "") +
      this.fontsXml() +
      `<fills count="${2 + this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfList.length}">${this.xfList.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      "</styleSheet>"
    );
  }
}
