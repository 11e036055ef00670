/**
 * Competition ranking ("1224"): the highest total is rank 1, people with equal totals share a
 * rank, and the next rank skips. Ties share rewards and penalties alike — stated in the docs.
 */
export function competitionRanks(totals: readonly number[]): number[] {
  // rank = 1 + how many totals are above this one: the totals sorted once (a typed array's
  // native numeric sort, no objects per person), then a binary search per person
  const sorted = Float64Array.from(totals).sort();
  const n = sorted.length;
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = totals[i];
    // the first position whose total is above x
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = n - lo + 1;
  }
  return ranks;
}

/** Rank counted from the bottom with the same tie rule: the lowest totals get 1. */
export function ranksFromBottom(totals: readonly number[]): number[] {
  return competitionRanks(totals.map((t) => -t));
}

/** Indexes of the people in the bottom `count` ranks (ties at the edge included). */
export function bottomRanked(totals: readonly number[], count: number): Set<number> {
  const fromBottom = ranksFromBottom(totals);
  const ranks = competitionRanks(totals);
  const out = new Set<number>();
  fromBottom.forEach((r, i) => {
    if (r <= count && ranks[i] !== 1) out.add(i);
  });
  return out;
}
