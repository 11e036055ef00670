/**
 * The payout total in Chinese capitals (人民币大写) as a formula, so that it follows every edit:
 * digit by digit with CHOOSE, then the zeros collapsed with SUBSTITUTE — plain functions Excel,
 * WPS and LibreOffice all compute alike (the `[DBNum2]` number format is not: LibreOffice writes
 * it differently). The rules and the reference are src/core/rmb-words.ts; the tests hold the
 * formula to it.
 */
import { RMB_DIGITS } from "./rmb-words.js";
import { AND, call, EMPTY, IF, op, ROUND, str, type Formula } from "./formula.js";

const PLACES = ["", "拾", "佰", "仟"];
const cat = (...xs: Formula[]): Formula => xs.reduce((a, x) => op("&", a, x));
const digitWord = (d: Formula): Formula => call("CHOOSE", op("+", d, 1), ...RMB_DIGITS.map(str));
const SUBSTITUTE = (x: Formula, from: string, to: string): Formula => call("SUBSTITUTE", x, str(from), str(to));

/** `amount` (yuan, a cell) in capitals; "" when the cell holds no number. */
export function rmbUppercaseFormula(amount: Formula): Formula {
  const cents = ROUND(op("*", call("ABS", amount), 100), 0);
  const yuan = call("INT", op("/", cents, 100));
  // the twelve places of a whole number below a trillion, highest first; 零 for a zero digit,
  // 万 and 亿 after their places whatever the digit (the SUBSTITUTEs below tidy them)
  const pieces: Formula[] = [];
  for (let k = 11; k >= 0; k--) {
    const d = call("MOD", call("INT", op("/", yuan, 10 ** k)), 10);
    const section = k === 8 ? "亿" : k === 4 ? "万" : "";
    const word = IF(op("=", d, 0), str("零"), cat(digitWord(d), str(PLACES[k % 4])));
    pieces.push(IF(op(">=", yuan, 10 ** k), section ? cat(word, str(section)) : word, EMPTY));
  }
  let words: Formula = cat(...pieces);
  // runs of zeros (at most four between section marks) to one 零; none before 亿, 万 or 元
  words = SUBSTITUTE(SUBSTITUTE(words, "零零", "零"), "零零", "零");
  words = SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(words, "零亿", "亿"), "零万", "万"), "亿万", "亿");
  const whole = SUBSTITUTE(op("&", words, str("元")), "零元", "元");
  const jiao = call("INT", op("/", call("MOD", cents, 100), 10));
  const fen = call("MOD", cents, 10);
  const fraction = IF(
    AND(op("=", jiao, 0), op("=", fen, 0)),
    str("整"),
    cat(IF(op("=", jiao, 0), IF(op(">", yuan, 0), str("零"), EMPTY), cat(digitWord(jiao), str("角"))), IF(op("=", fen, 0), EMPTY, cat(digitWord(fen), str("分")))),
  );
  const words_ = cat(IF(op("<", amount, 0), str("负"), EMPTY), IF(op("=", yuan, 0), EMPTY, whole), fraction);
  return IF(call("ISNUMBER", amount), IF(op("=", cents, 0), str("零元整"), words_), EMPTY);
}
