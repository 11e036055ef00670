/**
 * Records keyed by people's data — ids, labels, column names — without a prototype: a person
 * whose id is `__proto__`, `constructor` or `toString` is a key like any other, never a property
 * inherited from Object.prototype (which a plain `{}` would find, or refuse to hold).
 */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [k, v] of entries) out[k] = v;
  return out;
}

/** A copy of a record (plain, parsed from JSON, or another dict) as a dict. */
export const dictOf = <T>(x: Readonly<Record<string, T>>): Record<string, T> => dict(Object.entries(x));

/**
 * An untrusted object (parsed JSON) as a dict whose every value passes `ok`, or null. By hand, not
 * with zod's record: that builds a plain object, where a key `__proto__` is lost.
 */
export function recordOf<T>(x: unknown, ok: (v: unknown) => v is T): Record<string, T> | null {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return null;
  const out = dict<T>();
  for (const [k, v] of Object.entries(x)) {
    if (!ok(v)) return null;
    out[k] = v;
  }
  return out;
}
