/**
 * Generating a scheme's workbook into the open workbook: choose sheet and defined names that are
 * free (a taken "考核" becomes "考核 (2)", and the user is told), plan, write.
 */
import type { Scheme } from "../../core/scheme/schema.js";
import { buildWorkbookPlan, defaultSheetNames, type PlanOptions } from "../plan/build-plan.js";
import type { PlanPerson } from "../plan/context.js";
import { freeName, freeSuffix } from "../plan/names.js";
import type { SheetRole, WorkbookPlan } from "../plan/types.js";
import type { ContextApi } from "./api.js";
import { existingNames, writeToOffice, type WriteReport } from "./write-office.js";
import { planResults } from "../generation-record.js";
import { addPayslips, PAYSLIP_LIMIT } from "../plan/payslip-sheet.js";
import type { PersonResult } from "../../core/evaluate.js";

export interface GenerateResult extends WriteReport {
  /** Sheets that got another name than asked for, because the asked one was taken. */
  renamed: { wanted: string; got: string }[];
  plan: WorkbookPlan;
  /** the engine's results for a complete roster (null while inputs are blank): the record's pay at generation */
  results: PersonResult[] | null;
  /** more people than PAYSLIP_LIMIT: no payslip sheet, and the user is told */
  payslipsLeftOut: boolean;
}

export async function generateInOffice(
  context: ContextApi,
  scheme: Scheme,
  people: readonly PlanPerson[],
  options: Omit<PlanOptions, "sheetNames" | "nameSuffix"> & { sheetNames?: Partial<Record<SheetRole, string>> },
): Promise<GenerateResult> {
  const existing = await existingNames(context);
  const wanted = { ...defaultSheetNames(options.lang, options.period), ...options.sheetNames };
  const taken = [...existing.sheets];
  const sheetNames = {} as Record<SheetRole, string>;
  const renamed: GenerateResult["renamed"] = [];
  for (const role of ["scheme", "evaluation", "payout", "summary"] as SheetRole[]) {
    const got = freeName(wanted[role], taken);
    taken.push(got);
    sheetNames[role] = got;
    if (got !== wanted[role]) renamed.push({ wanted: wanted[role], got });
  }
  const trial = buildWorkbookPlan(scheme, people.slice(0, 1), { ...options, sheetNames });
  const planned = [...trial.names.map((n) => n.name), ...trial.sheets.flatMap((s) => (s.table ? [s.table.name] : []))];
  const nameSuffix = freeSuffix(planned, existing.names);
  const plan = buildWorkbookPlan(scheme, people, { ...options, sheetNames, nameSuffix });
  // a complete roster: its payslips too (named apart from the sheets the workbook has)
  const results = planResults(scheme, people, plan, { trace: people.length <= PAYSLIP_LIMIT });
  const payslipsLeftOut = results !== null && addPayslips(plan, scheme, results, existing.sheets) === "too-many";
  const report = await writeToOffice(context, plan);
  return { ...report, renamed, plan, results, payslipsLeftOut };
}
