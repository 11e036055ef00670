/**
 * The roster's duplicate-id check (IdIndex): the same answers as a Map keyed by the period and
 * the id lower-cased — what Excel's case-blind lookups would take for one person — for any ids,
 * ASCII or not, past every growth of its table.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IdIndex, sameIdIgnoringCase } from "../../src/core/id-index.js";

/** The check as it was written before: one lower-cased string key per person. */
function byMap(rows: readonly [string, string | null][]): number[] {
  const seen = new Map<string, number>();
  return rows.map(([id, period], i) => {
    const key = `${period === null ? "" : `${period}|`}${id.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) return first;
    seen.set(key, i);
    return -1;
  });
}

function byIndex(rows: readonly [string, string | null][]): number[] {
  const index = new IdIndex();
  const entryRow: number[] = [];
  return rows.map(([id, period], i) => {
    const entry = index.addOrFind(id, period);
    if (entry < 0) entryRow.push(i);
    return entry < 0 ? -1 : entryRow[entry];
  });
}

const letter = fc.constantFrom("a", "A", "b", "B", "k", "K", "\u212a" /* Kelvin sign: lower-cases to k */, "i", "I", "\u0130" /* İ: lower-cases to two characters */, "ß", "Σ", "σ", "ς", "张", "1", "-");

describe("IdIndex", () => {
  it("finds what a lower-cased Map finds, within a period, for any ids", () => {
    const row = fc.tuple(fc.string({ unit: letter, minLength: 1, maxLength: 4 }), fc.constantFrom(null, "2026-01", "2026-02"));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        expect(byIndex(rows)).toEqual(byMap(rows));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });

  it("keeps every id apart past its table's growth: 100,000 distinct ids, then each again in other case", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `E${String(i).padStart(6, "0")}`);
    const index = new IdIndex();
    expect(ids.filter((id) => index.addOrFind(id, null) !== -1)).toEqual([]);
    expect(index.size).toBe(100_000);
    expect(ids.map((id) => index.addOrFind(id.toLowerCase(), null))).toEqual(ids.map((_, i) => i));
    expect(index.addOrFind("e000007", "2026-01")).toBe(-1);
  });

  it("compares ids as Excel does: case ignored, ASCII and beyond", () => {
    expect(sameIdIgnoringCase("h1", "H1")).toBe(true);
    expect(sameIdIgnoringCase("h1", "h2")).toBe(false);
    expect(sameIdIgnoringCase("\u212a9", "k9")).toBe(true);
    expect(sameIdIgnoringCase("张三A", "张三a")).toBe(true);
    expect(sameIdIgnoringCase("ab", "abc")).toBe(false);
  });
});
