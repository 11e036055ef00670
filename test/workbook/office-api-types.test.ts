/**
 * The writer's structural view of Office.js (src/workbook/office/api.ts) must be a true subset
 * of the real API as @types/office-js declares it: the task pane passes Excel.run's context
 * where the writer expects a ContextApi, and the tests pass a fake. If a member were misnamed in
 * api.ts, the fake would accept it and only Excel would fail; here the compiler fails instead.
 */
import { describe, expect, it } from "vitest";
import type { ContextApi, RangeApi, SheetApi } from "../../src/workbook/office/api.js";
import type { ReadContextApi, ReadRangeApi, ReadSheetApi } from "../../src/workbook/office/read-api.js";

// compile-time checks: each line fails `npm run typecheck` when the shapes part
type Assignable<From, To> = [From] extends [To] ? true : false;
const context: Assignable<Excel.RequestContext, ContextApi> = true;
const sheet: Assignable<Excel.Worksheet, SheetApi> = true;
const range: Assignable<Excel.Range, RangeApi> = true;
const readContext: Assignable<Excel.RequestContext, ReadContextApi> = true;
const readSheet: Assignable<Excel.Worksheet, ReadSheetApi> = true;
const readRange: Assignable<Excel.Range, ReadRangeApi> = true;

describe("the writer's view of Office.js", () => {
  it("is what Excel.RequestContext, Worksheet and Range offer (checked by the compiler)", () => {
    expect([context, sheet, range]).toEqual([true, true, true]);
  });
  it("so is the readers' view (recalculation, putting formulas back)", () => {
    expect([readContext, readSheet, readRange]).toEqual([true, true, true]);
  });
});
