/**
 * Defined names for scheme cells. An id may hold "-", which a name may not. A workbook that
 * already has these names (a second scheme generated into it) gets them with a suffix, "_2".
 */
const safe = (id: string) => id.replace(/[^A-Za-z0-9_]/g, "_");

export interface Naming {
  param(id: string): string;
  gradeMin(id: string): string;
  gradeCoefficient(id: string): string;
}

export function naming(suffix = ""): Naming {
  return {
    param: (id) => `p_${safe(id)}${suffix}`,
    gradeMin: (id) => `g_${safe(id)}_min${suffix}`,
    gradeCoefficient: (id) => `g_${safe(id)}_coef${suffix}`,
  };
}

/** The first of "name", "name (2)", "name (3)" … not in `taken` (case-insensitive, as Excel compares). */
export function freeName(name: string, taken: Iterable<string>): string {
  const set = new Set([...taken].map((n) => n.toLowerCase()));
  if (!set.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!set.has(candidate.toLowerCase())) return candidate;
  }
}

/** The first suffix ("", "_2", "_3" …) under which none of `names` is taken. */
export function freeSuffix(names: readonly string[], taken: Iterable<string>): string {
  const set = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : `_${i}`;
    if (names.every((n) => !set.has(`${n}${suffix}`.toLowerCase()))) return suffix;
  }
}

/** Why Excel would refuse a sheet name, as a catalog key, or null: at most 31 characters, none of : \\ / ? * [ ], not blank, no apostrophe at either end. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "wb.sheet-name.blank";
  if (name.length > 31) return "wb.sheet-name.long";
  if (/[:\\/?*[\]]/.test(name)) return "wb.sheet-name.chars";
  if (name.startsWith("'") || name.endsWith("'")) return "wb.sheet-name.quote";
  return null;
}
