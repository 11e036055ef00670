/**
 * A person's row on another period's evaluation sheet, found once per row and read by INDEX.
 *
 * The position is found in a helper column of its own — one exact MATCH per person — and every
 * value of that period is then INDEX(column, position), which reads one cell. Before the MATCH,
 * the same position as this row's is tried: rosters are mostly in the same order from month to
 * month, so most rows find their id there without scanning the column at all (IF evaluates only
 * the branch it takes, in Excel, WPS and LibreOffice). Ids that differ only in case are refused
 * when the roster is read, so "=" (which ignores case) finds exactly that id.
 */
import { call, EMPTY, IF, op, type Formula } from "../../core/formula.js";
import type { EvaluationLayout } from "./evaluation-sheet.js";

/** An earlier period's evaluation sheet, for rules that look back (first-place streaks, roll-ups). */
export interface PeriodSheet {
  sheet: string;
  layout: EvaluationLayout;
}

/**
 * An id as MATCH must be given it to find exactly that id: MATCH reads `~ * ?` as wildcards, so
 * they are escaped with `~` (it reads no operators; and case never matters, because ids that
 * differ only in case are refused when the roster is read).
 */
export const exactMatchKey = (cell: Formula): Formula =>
  [
    ["~", "~~"],
    ["*", "~*"],
    ["?", "~?"],
  ].reduce((x, [from, to]) => call("SUBSTITUTE", x, str(from), str(to)), cell);

const str = (s: string): Formula => ({ s });

/**
 * The position (1 = first person) of the id in `idCell` on `h`'s sheet, "" when it is not there;
 * `firstRow` is the first data row of the sheet the formula is on, to try the same position first.
 */
export function positionOn(h: PeriodSheet, idCell: Formula, firstRow: number): Formula {
  const ids = h.layout.whole("id", h.sheet);
  const same = op("-", call("ROW"), firstRow - 1);
  const scan = call("IFERROR", call("MATCH", exactMatchKey(idCell), ids, 0), EMPTY);
  return IF(op("=", idCell, EMPTY), EMPTY, IF(op("=", call("IFERROR", call("INDEX", ids, same), EMPTY), idCell), same, scan));
}

/** `column` of `h`'s sheet at a position found by positionOn ("" when there is none). */
export function valueAt(h: PeriodSheet, column: string, position: Formula): Formula {
  return IF(op("=", position, EMPTY), EMPTY, call("INDEX", h.layout.whole(column, h.sheet), position));
}
