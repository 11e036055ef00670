/**
 * Putting back payout formulas someone typed over. Every pay column of the payout sheet holds
 * one formula, the same in R1C1 form on every row (a test keeps the plan so); a cell that
 * disagrees with the engine and does not hold its column's formula gets that formula back.
 * A cell that holds the formula but still disagrees is left alone: the cause is elsewhere.
 * Pure: the host reads the ids, the suspect cells' formulas and a sample of each column's, and
 * writes the result — it never needs every formula of the sheet.
 */
export interface RestoreTarget {
  /** 0-based index among the data rows (under the header) */
  row: number;
  /** 0-based column index */
  col: number;
}

export interface RestoreCell extends RestoreTarget {
  /** the column's formula, R1C1 */
  formula: string;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** The cells the engine disagrees with, by person (the id column's values, data rows in order) and pay line. */
export function restoreTargets(keys: readonly string[], ids: readonly unknown[], mismatches: ReadonlyArray<{ id: string; line: string }>): RestoreTarget[] {
  const rowOf = new Map<string, number>();
  ids.forEach((id, i) => rowOf.set(String(id ?? ""), i));
  const out: RestoreTarget[] = [];
  for (const m of mismatches) {
    const row = rowOf.get(m.id);
    const col = keys.indexOf(m.line === "pay" ? "pay" : `pay:${m.line}`);
    if (row !== undefined && col >= 0) out.push({ row, col });
  }
  return out;
}

/** The formula (R1C1) that more than half of the formulas among `cells` share, if there is one. */
export function commonFormula(cells: readonly unknown[]): string | undefined {
  const counts = new Map<string, number>();
  let formulas = 0;
  for (const f of cells) {
    if (!isFormula(f)) continue;
    formulas++;
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [f, k] of counts) if (k > n) [best, n] = [f, k];
  return best !== undefined && n * 2 > formulas ? best : undefined;
}

/** Of the targets, those whose cell does not hold its column's formula, with that formula. */
export function formulasToRestore(targets: readonly RestoreTarget[], formulaAt: (t: RestoreTarget) => unknown, columnFormula: (col: number) => string | undefined): RestoreCell[] {
  const out: RestoreCell[] = [];
  for (const t of targets) {
    const formula = columnFormula(t.col);
    if (formula && formulaAt(t) !== formula) out.push({ ...t, formula });
  }
  return out;
}
