/**
 * An amount in Chinese capitals (人民币大写), as finance writes it on a payout it signs:
 * 55,737.99 → 伍万伍仟柒佰叁拾柒元玖角玖分; 1,000,001 → 壹佰万零壹元整; 10.05 → 壹拾元零伍分.
 * The rules of 《支付结算办法》: a zero inside the number is written 零 once however many there are;
 * an amount ending at 元 ends with 整, one ending at 角 or 分 does not; a negative amount is 负….
 * This is the reference the workbook's formula (rmb-formula.ts) is tested against.
 */

export const RMB_DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;
const PLACES = ["", "拾", "佰", "仟"] as const;
const SECTIONS = ["", "万", "亿"] as const;

/** Up to 9,999 in capitals, with 零 for zeros between digits (none leading or trailing). */
function section(n: number): string {
  let out = "";
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== "") zero = true;
      continue;
    }
    if (zero) out += "零";
    out += RMB_DIGITS[d] + PLACES[p];
    zero = false;
  }
  return out;
}

/** A whole number below 10^12 in capitals (亿, 万 sections), "" for 0. */
function whole(n: number): string {
  let out = "";
  let zero = false;
  for (let s = 2; s >= 0; s--) {
    const v = Math.floor(n / 10_000 ** s) % 10_000;
    if (v === 0) {
      if (out !== "") zero = true;
      continue;
    }
    // a zero between sections, or a section that does not start at its thousands
    if (out !== "" && (zero || v < 1000)) out += "零";
    out += section(v) + SECTIONS[s];
    zero = false;
  }
  return out;
}

/** Integer cents in capitals; |cents| below 10^14 (a trillion yuan). */
export function rmbUppercase(cents: number): string {
  if (!Number.isInteger(cents) || Math.abs(cents) >= 1e14) throw new RangeError(`not an amount in cents below a trillion yuan: ${cents}`);
  if (cents === 0) return "零元整";
  const c = Math.abs(cents);
  const yuan = Math.floor(c / 100);
  const jiao = Math.floor(c / 10) % 10;
  const fen = c % 10;
  let out = yuan > 0 ? whole(yuan) + "元" : "";
  if (jiao === 0 && fen === 0) out += "整";
  else {
    if (jiao > 0) out += RMB_DIGITS[jiao] + "角";
    else if (yuan > 0) out += "零";
    if (fen > 0) out += RMB_DIGITS[fen] + "分";
  }
  return (cents < 0 ? "负" : "") + out;
}
