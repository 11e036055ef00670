/**
 * Text a workbook cannot hold, refused where the scheme says it: every name, label, alias, unit
 * and note of a scheme lands in an .xlsx (headers, validation lists, formulas' text, comments,
 * the scheme sheet), and XML 1.0 has no way to write most control characters, U+FFFE or U+FFFF
 * there; a lone surrogate (half of a character, from a cut or a bad conversion) becomes U+FFFD on
 * the way out, and U+FFFD itself is what a wrongly decoded file leaves behind. Rather than drop
 * or replace such a character when the workbook is written, the scheme is refused with the path
 * of the text and the character named.
 */

// control characters other than tab and line breaks; the two non-characters; U+FFFD; halves of a pair
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// what no file can keep as a character at all: half of a character pair (written out it becomes
// U+FFFD) and U+FFFD itself, what a wrong decoding or conversion leaves where a character was
const BROKEN = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// a superset of BROKEN without its look-arounds (every surrogate, paired or not): a quick first
// scan of a whole pasted text, which clears it at once in the common case
const MAYBE_BROKEN = /[\uD800-\uDFFF\uFFFD]/;

/** False when no character of `s` can be a broken one (one quick scan); true when its texts need a closer look. */
export const mayHoldBroken = (s: string): boolean => MAYBE_BROKEN.test(s);

/** The first broken character of `s` (half of a pair, U+FFFD), as U+XXXX with its 1-based place; or null. */
export function brokenChar(s: string): { char: string; at: number } | null {
  return firstMatch(BROKEN, s);
}

/** A character as messages name it: U+0007, U+FFFD. */
export const charName = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

function firstMatch(re: RegExp, s: string): { char: string; at: number } | null {
  const m = re.exec(s);
  if (!m) return null;
  return { char: charName(m[0]), at: m.index + 1 };
}

/** The first character of `s` that cannot be written, as U+XXXX, with its 1-based place; or null. */
export function unwritableChar(s: string): { char: string; at: number } | null {
  return firstMatch(UNWRITABLE, s);
}

export interface UnwritableText {
  path: (string | number)[];
  char: string;
  at: number;
}

/** Every text of the raw scheme (keys too: they name columns) holding a character that cannot be written. */
export function unwritableTexts(raw: unknown): UnwritableText[] {
  const problems: UnwritableText[] = [];
  // depth and size are checked before this runs (shapeProblem): a plain walk is safe
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === "string") {
      const bad = unwritableChar(node);
      if (bad) problems.push({ path, ...bad });
      return;
    }
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else
      for (const [k, v] of Object.entries(node)) {
        const bad = unwritableChar(k);
        if (bad) problems.push({ path: [...path, k], ...bad });
        walk(v, [...path, k]);
      }
  };
  walk(raw, []);
  return problems;
}
