/**
 * A CSV written straight into UTF-8 bytes: the results of 100,000 people are three million cells,
 * and making each a string, each line a string and the file one string before encoding it cost
 * more than the evaluation (and most of its garbage). Here a number's digits are written as bytes
 * from its integer count of units, and a text cell is encoded where it lands.
 *
 * The text is what formatCsv (csv.ts) makes of the same cells: text cells get its formula guard
 * and quoting (the same functions), numbers the text formatNumber and formatMoney give (a test
 * holds each to them), CRLF line ends and a BOM, which Excel needs to read UTF-8 Chinese.
 */
import { formatMoney, type MoneyDigits } from "../core/money.js";
import { formatNumber } from "../i18n/index.js";
import { guardCell, quoteCell } from "./csv.js";

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** Below this an integer count of units and every step of its digits is exact in a double. */
const EXACT = 1e15;

export class CsvBytes {
  private buf = new Uint8Array(1 << 16);
  private n = 0;

  /** With the BOM a file starts with (false: cells to be copied into a file later, see raw). */
  constructor(bom = true) {
    if (bom) this.utf8("\ufeff");
  }

  /** Room for k more bytes (the buffer doubles: a 9 MB file is copied about twice in all). */
  private room(k: number): Uint8Array {
    if (this.n + k > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
      bigger.set(this.buf.subarray(0, this.n));
      this.buf = bigger;
    }
    return this.buf;
  }

  /**
   * A string as UTF-8, as TextEncoder makes it (half of a character pair as U+FFFD: no roster
   * text reaches here with one, read-roster refuses it; this only keeps the bytes well formed).
   */
  private utf8(s: string): void {
    const length = s.length;
    const b = this.room(length * 3);
    let n = this.n;
    for (let i = 0; i < length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[n++] = c;
      else if (c < 0x800) {
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = c < 0xdc00 && i + 1 < length ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[n++] = 0xf0 | (cp >> 18);
          b[n++] = 0x80 | ((cp >> 12) & 63);
          b[n++] = 0x80 | ((cp >> 6) & 63);
          b[n++] = 0x80 | (cp & 63);
          i++;
        } else {
          b[n++] = 0xef;
          b[n++] = 0xbf;
          b[n++] = 0xbd;
        }
      } else {
        b[n++] = 0xe0 | (c >> 12);
        b[n++] = 0x80 | ((c >> 6) & 63);
        b[n++] = 0x80 | (c & 63);
      }
    }
    this.n = n;
  }

  /** A text cell: guarded and quoted as formatCsv does. */
  text(cell: string): this {
    this.utf8(cell === "" ? cell : quoteCell(guardCell(cell)));
    return this;
  }

  /** The separator between two cells. */
  comma(): this {
    this.room(1)[this.n++] = 44;
    return this;
  }

  /** The end of a line (CRLF, as Excel writes it). */
  endLine(): this {
    const b = this.room(2);
    b[this.n++] = 13;
    b[this.n++] = 10;
    return this;
  }

  /**
   * `units` × 10^-digits in decimal, for an integer |units| < 10^15: every digit, or with `trim`
   * no trailing zeros (nor a point left alone) — the text String() gives that decimal's double.
   */
  private decimal(units: number, digits: number, trim: boolean): void {
    const b = this.room(20);
    let n = this.n;
    if (units < 0) {
      b[n++] = 45; // -
      units = -units;
    }
    // remainders and exact divisions only: a quotient rounded up near a whole number cannot slip in
    let fraction = units % POW10[digits];
    let whole = (units - fraction) / POW10[digits];
    const start = n;
    do {
      const digit = whole % 10;
      b[n++] = 48 + digit;
      whole = (whole - digit) / 10;
    } while (whole > 0);
    for (let a = start, z = n - 1; a < z; a++, z--) {
      const t = b[a];
      b[a] = b[z];
      b[z] = t;
    }
    let shown = digits;
    if (trim) {
      if (fraction === 0) shown = 0;
      else
        while (fraction % 10 === 0) {
          fraction /= 10;
          shown--;
        }
    }
    if (shown > 0) {
      b[n++] = 46; // .
      for (let j = shown - 1; j >= 0; j--) {
        const digit = fraction % 10;
        b[n + j] = 48 + digit;
        fraction = (fraction - digit) / 10;
      }
      n += shown;
    }
    this.n = n;
  }

  /** A figure as formatNumber writes it (Excel's ROUND to 4 decimals): points, totals, counts. */
  number(x: number): this {
    // a double that is exactly its count of ten-thousandths is that decimal, which is already
    // rounded and what String() shows (up to 15 digits a decimal and its double map one to one)
    const units = Math.round(x * 1e4);
    if (units > -EXACT && units < EXACT && units / 1e4 === x) this.decimal(units, 4, true);
    else this.utf8(formatNumber(x));
    return this;
  }

  /** Integer cents as formatMoney writes them in the scheme's unit: "300", "300.5", "300.50". */
  money(cents: number, digits: MoneyDigits): this {
    const step = POW10[2 - digits];
    if (Number.isSafeInteger(cents) && cents % step === 0 && cents > -EXACT && cents < EXACT) this.decimal(cents / step, digits, false);
    else this.utf8(formatMoney(cents, digits));
    return this;
  }

  /** Bytes written before (by another CsvBytes), as they are. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length).set(bytes, this.n);
    this.n += bytes.length;
    return this;
  }

  /** The file so far (a view of the buffer: nothing is copied). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}
