/**
 * The first row of each person id in a roster, matched as Excel's lookups match it: ignoring
 * case ("h1" and "H1" are one person there), within one period. A roster of 100,000 people asks
 * 100,000 times; a Map keyed by each id lower-cased made a string per person and spent most of
 * its time missing the cache on the way to it. Here the slots are a typed array (open
 * addressing) pointing at each id's entry, whose hash is kept beside it, and the ids themselves
 * are compared only when their hashes agree.
 */

/** The ids' own characters, folded as String.prototype.toLowerCase folds them. */
function foldedHash(id: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < id.length; i++) {
    let c = id.charCodeAt(i);
    // beyond ASCII, toLowerCase may change the length ("İ" → "i̇") or map to ASCII (the Kelvin
    // sign → "k"): the hash is then of the whole lower-cased text, from the start, as the match is
    if (c >= 128) return hashOf(id.toLowerCase(), seed);
    if (c >= 65 && c <= 90) c += 32;
    hash = Math.imul(hash ^ c, 0x01000193); // FNV-1a
  }
  return hash;
}

function hashOf(text: string, hash: number): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** Equal as Excel compares text: ignoring case (ASCII compared in place, anything else lower-cased). */
export function sameIdIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  let ascii = true;
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      let x = a.charCodeAt(i);
      let y = b.charCodeAt(i);
      if (x >= 128 || y >= 128) {
        ascii = false;
        break;
      }
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return false;
    }
    if (ascii) return true;
  }
  return a.toLowerCase() === b.toLowerCase();
}

export class IdIndex {
  /** per slot, the entry's number + 1 (0: empty) */
  private slots = new Int32Array(1 << 10);
  private hashes: number[] = [];
  readonly ids: string[] = [];
  readonly periods: (string | null)[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The entry of an id seen before (same period, ignoring case), or -1 once this one is added as a new entry. */
  addOrFind(id: string, period: string | null): number {
    const hash = foldedHash(id, period === null ? 0x811c9dc5 : hashOf(period, 0x811c9dc5 ^ 0x7f) | 0) | 0;
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s] - 1;
      if (entry < 0) {
        this.slots[s] = this.ids.length + 1;
        this.hashes.push(hash);
        this.ids.push(id);
        this.periods.push(period);
        // at most half full: probes stay short
        if (this.ids.length * 2 > this.slots.length) this.grow();
        return -1;
      }
      if (this.hashes[entry] === hash && this.periods[entry] === period && sameIdIgnoringCase(this.ids[entry], id)) return entry;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.hashes.length; e++) {
      let s = this.hashes[e] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
  }
}
