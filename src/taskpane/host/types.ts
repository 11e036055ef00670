/** Where the wizard runs: inside Excel (Office.js) or in a plain browser (an .xlsx download). */
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import type { PlanPerson } from "../../workbook/plan/context.js";
import type { GenerationResult } from "../state/wizard.js";
import type { RecalcReport } from "../../workbook/read-back.js";
import type { Cell, Matrix } from "../../functions/coerce.js";

/**
 * A recalculation: the report (with whether the payout sheet had calculated values to compare,
 * and whether there was a baseline), or why nothing was recalculated, each problem naming its place.
 */
export type RecalcOutcome =
  | RecalcDone
  | { failed: "file" | "settings" | "no-record" | "record" | "periods" | "scheme" | "data"; problems: string[] };

/** A recalculation that ran: the report, and what the report sheet says of where it came from. */
export type RecalcDone = RecalcReport & {
  calculated: boolean;
  baseline: boolean;
  /** the file was saved on manual calculation */
  manualCalc?: boolean;
  /** the workbook recalculated, in words ("w.xlsx", or this workbook) */
  source?: string;
};

export interface GenerateRequest {
  scheme: Scheme;
  people: PlanPerson[];
  lang: Lang;
  mode: "native" | "addin";
  period: string;
  protect: boolean;
  /** Sheet names chosen by the user; absent ones take the defaults. */
  sheetNames?: { evaluation?: string; payout?: string };
}

export interface Host {
  kind: "office" | "standalone";
  /** The UI language Office or the browser asks for. */
  lang: Lang;
  generate(request: GenerateRequest, onProgress: (fraction: number) => void): Promise<GenerationResult>;
  /** The scheme kept from the last generation (in the workbook, or in this browser), if any. */
  savedScheme(): Promise<unknown | null>;
  /** Offer a file to the user (a scheme exported as JSON). */
  offerFile(bytes: Uint8Array, fileName: string, type: string): void;
  /**
   * Finance: have Excel recalculate, read the evaluation sheet back into the engine, and report
   * what changed since the last run and why (inside Excel only; null when nothing was generated here).
   */
  recalculate?(lang?: Lang): Promise<RecalcOutcome | null>;
  /**
   * Finance inside Excel: put the pay formulas back into payout cells someone typed over (those
   * the last recalculation listed); returns how many cells were restored.
   */
  restorePayoutFormulas?(cells: ReadonlyArray<{ id: string; line: string }>): Promise<number>;
  /**
   * Finance in a browser: the same read-back for a workbook file generated earlier and saved by
   * Excel or LibreOffice (its generation record, settings, inputs and calculated payouts).
   */
  recalculateFile?(bytes: Uint8Array, fileName: string, lang: Lang): Promise<RecalcOutcome>;
  /**
   * Finance: the reconciliation report (核对) of a recalculation — inside Excel a sheet added to
   * the workbook (under a free name), in a browser a file to download; says where it went.
   */
  exportReport?(outcome: RecalcDone, lang: Lang): Promise<string>;
  /** Standalone: the payslips (工资条) alone as a file, values written in; `failed` says why there are none. */
  payslips?(request: GenerateRequest): Promise<{ fileName: string } | { failed: string }>;
  /** Inside Excel: the selected cells, as rows of text (a roster selected on a sheet). */
  readSelection?(): Promise<string[][]>;
  /** Inside Excel: bring a sheet to the front. */
  showSheet?(name: string): Promise<void>;
  /** Inside Excel (formula helper): the active cell, 1-based row and 0-based column. */
  selectedCell?(): Promise<{ row: number; col: number; address: string }>;
  /** Inside Excel (formula helper): the values of references — A1 on the active sheet, or defined names. */
  readRefs?(refs: string[]): Promise<Map<string, Cell | Matrix>>;
  /**
   * Inside Excel (formula helper): a formula into the selected cells, or from the active cell down
   * to the sheet's last used row — given as R1C1 relative to the first cell, so that each cell
   * reads its own row. Says the address written.
   */
  insertFormula?(r1c1: (at: { row: number; col: number }) => string, where: "selection" | "column"): Promise<string>;
}
