/** Small pieces the function specs share: rounding of results, an empty env. */
import { roundPoints, toCents } from "../../core/money.js";
import type { ExprEnv } from "../../core/expr.js";

export const NO_PARAMS: ExprEnv = { params: new Map() };

/** Points as the evaluation sheet shows them: Excel ROUND to 2 decimals. */
export const points = (x: number): number => roundPoints(x, 2);

/** Money to the cent with Excel's ROUND, as yuan. */
export const money = (x: number): number => toCents(x, 2) / 100;

/** A cache of compiled rules by the numbers that shape them (full marks, say). */
export function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = make(key);
      cache.set(key, v);
    }
    return v;
  };
}

