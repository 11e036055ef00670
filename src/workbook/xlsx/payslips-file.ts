/**
 * A payslips file (工资条.xlsx) on its own, for HR to print, cut or send one by one: the slips of
 * a workbook built from the roster (or read back from a recalculated workbook), with their values
 * written in — no formulas, since there is no payout sheet beside them to refer to.
 */
import type { PersonResult } from "../../core/evaluate.js";
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { buildWorkbookPlan } from "../plan/build-plan.js";
import { addCachedValues } from "../plan/cached-values.js";
import type { PlanPerson } from "../plan/context.js";
import { addPayslips } from "../plan/payslip-sheet.js";
import type { CachedValue, PlanValue, SheetPlan } from "../plan/types.js";
import { writeXlsx } from "./write-xlsx.js";
import { planResults } from "../generation-record.js";

const plainValue = (c: CachedValue | undefined): PlanValue => (c === undefined ? null : typeof c === "object" ? c.error : c);

/** "too-many" when the roster is larger than a payslip sheet takes; "none" for several periods. */
export async function payslipsFile(
  scheme: Scheme,
  people: readonly PlanPerson[],
  given: readonly PersonResult[] | null,
  options: { lang: Lang; period: string | null },
): Promise<{ ok: true; bytes: Uint8Array; sheet: SheetPlan } | { ok: false; reason: "too-many" | "none" | "incomplete" }> {
  const plan = buildWorkbookPlan(scheme, people, { lang: options.lang, mode: "native", period: options.period });
  // no results given: the engine's for this roster (none while its inputs are blank)
  const results = given ?? planResults(scheme, people, plan);
  if (results === null) return { ok: false, reason: "incomplete" };
  const added = addPayslips(plan, scheme, results);
  if (added !== "added") return { ok: false, reason: added };
  addCachedValues(plan, scheme, people, results);
  const slips = plan.sheets.find((s) => s.role === "payslips")!;
  // each formula by the value it has: the file stands alone
  const sheet: SheetPlan = {
    ...slips,
    protect: false,
    blocks: slips.blocks.map(({ cached, ...b }) => ({ ...b, values: b.values.map((row, i) => row.map((v, j) => (typeof v === "object" && v !== null ? plainValue(cached?.[i]?.[j]) : v))) })),
  };
  const bytes = await writeXlsx({ lang: options.lang, mode: "native", sheets: [sheet], names: [], period: options.period });
  return { ok: true, bytes, sheet };
}
