/**
 * Competition ranks by sort and binary search (issue 13: no object per person) against their
 * definition — 1 + how many totals are above — on seeded rosters full of ties, negatives and -0.
 */
import { describe, expect, it } from "vitest";
import { competitionRanks, ranksFromBottom } from "../../src/core/roster/ranking.js";

let seed = 13;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

describe("competition ranks", () => {
  it("are 1 + the number of totals above, for random rosters with ties", () => {
    for (let k = 0; k < 200; k++) {
      const n = Math.floor(random() * 60);
      const totals = Array.from({ length: n }, () => (random() < 0.1 ? -0 : Math.round((random() * 40 - 10) * 4) / 4));
      const expected = totals.map((t) => 1 + totals.filter((x) => x > t).length);
      expect(competitionRanks(totals)).toEqual(expected);
      expect(ranksFromBottom(totals)).toEqual(totals.map((t) => 1 + totals.filter((x) => x < t).length));
    }
  });
});
