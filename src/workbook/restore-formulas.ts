/**
 * Putting back payout formulas someone typed over. Every pay column of the payout sheet holds
 * one formula, the same in R1C1 form on every row (a test keeps the plan so); a cell that
 * disagrees with the engine and does not hold its column's formula gets that formula back.
 * A cell that holds the formula but still disagrees is left alone: the cause is elsewhere.
 * Pure: the host reads the sheet's values and R1C1 formulas and writes the result.
 */
export interface RestoreCell {
  /** 0-based index among the data rows (under the header) */
  row: number;
  /** 0-based column index */
  col: number;
  /** the column's formula, R1C1 */
  formula: string;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** The formula most rows of a column hold (R1C1), when there is one that more than half of its formulas share. */
function columnFormula(r1c1: readonly (readonly unknown[])[], col: number): string | undefined {
  const counts = new Map<string, number>();
  let formulas = 0;
  for (const row of r1c1) {
    const f = row[col];
    if (!isFormula(f)) continue;
    formulas++;
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  return best !== undefined && n * 2 > formulas ? best : undefined;
}

export function formulasToRestore(
  keys: readonly string[],
  values: readonly (readonly unknown[])[],
  r1c1: readonly (readonly unknown[])[],
  mismatches: ReadonlyArray<{ id: string; line: string }>,
): RestoreCell[] {
  const idAt = keys.indexOf("id");
  const rowOf = new Map(values.map((r, i) => [String(r[idAt] ?? ""), i]));
  const out: RestoreCell[] = [];
  for (const m of mismatches) {
    const row = rowOf.get(m.id);
    const col = keys.indexOf(m.line === "pay" ? "pay" : `pay:${m.line}`);
    if (row === undefined || col < 0) continue;
    const formula = columnFormula(r1c1, col);
    if (formula && r1c1[row][col] !== formula) out.push({ row, col, formula });
  }
  return out;
}
