/**
 * The roster reader's fast path (issue 13: a million number cells at 100,000 people): a plain
 * number read by a character scan instead of a regex, and a cell within its input's bounds stored
 * without parseCell's result object. Both must give exactly what the full path gives — the same
 * number, or the same problem — for any text, which seeded random cells check.
 */
import { describe, expect, it } from "vitest";
import { dataColumns, parseCell, parseNumber, parseRecords } from "../../src/core/data.js";
import { builtInSchemes } from "../../src/schemes/index.js";

/** The definition the scan replaces: the regex, then Number, refusing what is not finite. */
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
function byRegex(t: string): number | null {
  if (t.length === 0 || t.length > 24 || !NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

let seed = 20261203;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join("");

describe("plain numbers", () => {
  it("read as the regex and Number read them, for random strings of number characters", () => {
    const odd = ["", ".", "+", "-", "e5", "1e", "1e+", "5.", ".5", "-.5e-3", "1e309", "00012", "1.2.3", "--1", "1e5e5", "9".repeat(24), "9".repeat(25)];
    const texts = [...odd, ...Array.from({ length: 20_000 }, () => pick("0123456789.+-eE", 1 + Math.floor(random() * 8)))];
    // the same number, or none, for every text the scan decides (longer ones take the full path)
    for (const t of texts) if (t.length <= 24) expect(parseNumber(t), t).toBe(byRegex(t));
  });

  it("read digit by digit give exactly Number's double, up to 15 digits and past them", () => {
    // decimals as rosters hold them (scores, rates, money) and as long as the integer path allows:
    // 1 to 17 digits, the point anywhere, signs, leading zeros; -0 stays -0 (toBe is Object.is)
    const odd = ["-0", "+0", "0.0", "-0.000", "999999999999999", "9999999999999999", "0.1", "0.30000000000000004", "123456789012.345", "000000000000001.5"];
    const texts = [...odd, ...Array.from({ length: 50_000 }, () => {
      const digits = pick("0123456789", 1 + Math.floor(random() * 17));
      const at = Math.floor(random() * (digits.length + 1));
      const sign = ["", "-", "+"][Math.floor(random() * 3)];
      return sign + (at === digits.length ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`);
    })];
    for (const t of texts) expect(parseNumber(t), t).toBe(byRegex(t));
  });
});

describe("number cells of a roster", () => {
  it("come out as parseCell gives them — value or problem — for every template's columns", () => {
    const samples = ["0", "1", "0.5", "1.5", "95", "100", "-3", "2.25", "1e3", "7", " 8 ", "", "abc", "95%", "1,234", "0.999", "101", "3.0"];
    for (const scheme of builtInSchemes()) {
      const columns = dataColumns(scheme).filter((c) => c.input.type === "number" || c.input.type === "integer");
      const header = ["id", "name", ...columns.map((c) => c.column)];
      const records = samples.map((s, i) => ({ line: i + 2, cells: [`P${i}`, `N${i}`, ...columns.map(() => s)] }));
      const { people, problems } = parseRecords(header, records, scheme, { blanksAllowed: false });
      samples.forEach((s, i) => {
        const expected = columns.map((c) => parseCell(s, c.input));
        const person = people.find((p) => p.line === i + 2);
        const mine = problems.filter((p) => p.line === i + 2);
        columns.forEach((c, k) => {
          const e = expected[k];
          if (e.ok) {
            if (!c.input.ratioOf) expect(person?.values[c.column] ?? "row refused for another column", `${scheme.id} ${c.column} ${JSON.stringify(s)}`).toEqual(person ? e.value : "row refused for another column");
          } else if (!(c.input.ratioOf && s.trim() === "")) expect(mine.some((p) => p.column === c.column && p.key === e.key), `${scheme.id} ${c.column} ${JSON.stringify(s)}: ${e.key}`).toBe(true);
        });
      });
    }
  });
});
