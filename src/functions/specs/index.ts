/** Every custom function's spec, in the order of the README's table. */
import type { FunctionSpec } from "../run.js";
import { BAND } from "./band.js";
import { BONUS } from "./bonus.js";
import { CUMULATIVE } from "./cumulative.js";
import { DEDUCT, DEDUCTED } from "./deduct.js";
import { GRADE } from "./grade.js";
import { LEVEL } from "./level.js";
import { POOL } from "./pool.js";
import { ROUND } from "./round.js";
import { SCORE } from "./score.js";
import { TIERED } from "./tiered.js";
import { BLEND, WEIGHTED } from "./totals.js";

// the names an HR officer would guess for the rater blend and the step-by-step schedule; the first
// names (BLEND, CUMULATIVE) keep working in workbooks that use them, out of Excel's autocomplete
const RATERSCORE = { ...BLEND, id: "RATERSCORE" };
const STEPSUM = { ...CUMULATIVE, id: "STEPSUM" };

export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  SCORE,
  WEIGHTED,
  GRADE,
  BONUS,
  DEDUCT,
  DEDUCTED,
  BAND,
  LEVEL,
  STEPSUM,
  RATERSCORE,
  TIERED,
  POOL,
  ROUND,
  CUMULATIVE,
  BLEND,
] as FunctionSpec[];

/** Kept for workbooks written with them; the functions they were renamed to. */
export const FORMER_NAMES: Readonly<Record<string, string>> = { CUMULATIVE: "STEPSUM", BLEND: "RATERSCORE" };

export { BAND, BLEND, BONUS, CUMULATIVE, DEDUCT, DEDUCTED, GRADE, LEVEL, POOL, RATERSCORE, ROUND, SCORE, STEPSUM, TIERED, WEIGHTED };
