/** The kinds, in the order the docs and the pane list them. Adding a kind: its module, its line here. */
import { amount } from "./amount.js";
import { bands } from "./bands.js";
import { coefficient } from "./coefficient.js";
import { deductPerStep } from "./deduct-per-step.js";
import { deductions } from "./deductions.js";
import { direct } from "./direct.js";
import { gateProportional } from "./gate-proportional.js";
import { items } from "./items.js";
import { levels } from "./levels.js";
import { pieceRate } from "./piece-rate.js";
import { pool } from "./pool.js";
import { profitShare } from "./profit-share.js";
import { rankAward } from "./rank-award.js";
import { ratio } from "./ratio.js";
import { scaled } from "./scaled.js";
import { scoreLinear } from "./score-linear.js";
import { streakAward } from "./streak-award.js";
import { tiered } from "./tiered.js";

export const RULE_KINDS = [ratio, bands, deductPerStep, levels, direct, items, deductions] as const;
export const PAY_KINDS = [amount, coefficient, scoreLinear, gateProportional, scaled, pieceRate, tiered, profitShare] as const;
/** Pay kinds computed over the roster (ranks, pools) or across periods (streaks). */
export const ROSTER_PAY_KINDS = [rankAward, pool, streakAward] as const;
