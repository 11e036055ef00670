/**
 * Generating a workbook file, one use case for the CLI (`kpi-scorecard workbook`) and the pane in
 * a browser: the plan, the engine's results (the values previewers show beside the formulas), the
 * generation record (the scheme and the pay at generation, so that the add-in's pane recognises
 * the file and the first recalculation lists what changed) and the .xlsx.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import { buildWorkbookPlan, type PlanOptions } from "../plan/build-plan.js";
import type { PlanPerson } from "../plan/context.js";
import type { WorkbookPlan } from "../plan/types.js";
import { planResults, recordDraft, recordXml } from "../generation-record.js";
import { addCachedValues } from "../plan/cached-values.js";
import { addPayslips, PAYSLIP_LIMIT } from "../plan/payslip-sheet.js";
import { writeXlsx } from "./write-xlsx.js";
import type { ZipCodec } from "./zip-write.js";

export async function workbookFile(
  scheme: Scheme,
  people: readonly PlanPerson[],
  options: PlanOptions,
  /** Node's zlib where the CLI runs; fflate's deflate otherwise */
  codec?: ZipCodec,
): Promise<{ plan: WorkbookPlan; bytes: Uint8Array; payslipsLeftOut: boolean }> {
  // an .xlsx holds legacy array formulas: a big roster ranks in linear passes (rank-table.ts)
  const plan = buildWorkbookPlan(scheme, people, { arrayFormulas: true, ...options });
  // evaluated once: the pay at generation for the record, and what the formula cells show in a previewer
  // the reasons are only for the payslips: a roster too big for them is not traced (memory)
  let results = planResults(scheme, people, plan, { trace: people.length <= PAYSLIP_LIMIT });
  let payslipsLeftOut = false;
  if (results) {
    // payslips need the engine's reasons: a file made from a complete roster has them
    payslipsLeftOut = addPayslips(plan, scheme, results) === "too-many";
    addCachedValues(plan, scheme, people, results);
  }
  const record = recordXml(recordDraft(scheme, people, plan, results));
  // the results and the record's snapshot are written down by now: let them go before the sheets
  // are (a third of the live heap at 100,000 people, ~110 MB less at the peak)
  results = null;
  const bytes = await writeXlsx(plan, { customXml: [record], codec });
  return { plan, bytes, payslipsLeftOut };
}
