/**
 * Competition ranking ("1224"): the highest total is rank 1, people with equal totals share a
 * rank, and the next rank skips. Ties share rewards and penalties alike — stated in the docs.
 */
export function competitionRanks(totals: readonly number[]): number[] {
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t);
  const ranks = new Array<number>(totals.length);
  order.forEach((x, k) => {
    ranks[x.i] = k > 0 && order[k - 1].t === x.t ? ranks[order[k - 1].i] : k + 1;
  });
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
