/** Every custom function's spec, in the order of the README's table. */
import type { FunctionSpec } from "../run.js";
import { BAND } from "./band.js";
import { BONUS } from "./bonus.js";
import { CUMULATIVE } from "./cumulative.js";
import { DEDUCT } from "./deduct.js";
import { GRADE } from "./grade.js";
import { LEVEL } from "./level.js";
import { POOL } from "./pool.js";
import { ROUND } from "./round.js";
import { SCORE } from "./score.js";
import { TIERED } from "./tiered.js";
import { BLEND, WEIGHTED } from "./totals.js";

export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  SCORE,
  WEIGHTED,
  GRADE,
  BONUS,
  DEDUCT,
  BAND,
  LEVEL,
  CUMULATIVE,
  BLEND,
  TIERED,
  POOL,
  ROUND,
] as FunctionSpec[];

export { BAND, BLEND, BONUS, CUMULATIVE, DEDUCT, GRADE, LEVEL, POOL, ROUND, SCORE, TIERED, WEIGHTED };
