/**
 * The built-in scheme templates, one JSON file per scheme of the seeds (SCHEMES.md and what it missed), validated by
 * the same zod schema as a user's scheme.
 */
import attendance from "./attendance.json" with { type: "json" };
import bidTeam from "./bid-team.json" with { type: "json" };
import callCenter from "./call-center.json" with { type: "json" };
import csBonusPool from "./cs-bonus-pool.json" with { type: "json" };
import csPay from "./cs-pay.json" with { type: "json" };
import ecommerceCs from "./ecommerce-cs.json" with { type: "json" };
import ecommerceRanking from "./ecommerce-ranking.json" with { type: "json" };
import foreignTradeSales from "./foreign-trade-sales.json" with { type: "json" };
import hospitalCs from "./hospital-cs.json" with { type: "json" };
import logisticsCs from "./logistics-cs.json" with { type: "json" };
import outsourcing from "./outsourcing.json" with { type: "json" };
import warehouse from "./warehouse.json" with { type: "json" };
import workPlan from "./work-plan.json" with { type: "json" };
import { parseScheme } from "../core/scheme/load.js";
import type { Scheme } from "../core/scheme/schema.js";
import { problemText } from "../i18n/index.js";

/** In the order of SCHEMES.md. */
export const BUILT_IN_SCHEME_JSON: readonly unknown[] = [
  ecommerceCs,
  ecommerceRanking,
  foreignTradeSales,
  workPlan,
  hospitalCs,
  callCenter,
  bidTeam,
  logisticsCs,
  warehouse,
  attendance,
  csBonusPool,
  outsourcing,
  csPay,
];

let cache: Scheme[] | null = null;

export function builtInSchemes(): Scheme[] {
  if (!cache) {
    cache = BUILT_IN_SCHEME_JSON.map((raw) => {
      const r = parseScheme(raw);
      if (!r.ok) {
        const id = (raw as { id?: string }).id;
        throw new Error(`built-in scheme ${id} is invalid: ${r.problems.map((p) => problemText(p, "en-US")).join("; ")}`);
      }
      return r.scheme;
    });
  }
  return cache;
}

export function builtInScheme(id: string): Scheme | undefined {
  return builtInSchemes().find((s) => s.id === id);
}

export function builtInSchemeIds(): string[] {
  return builtInSchemes().map((s) => s.id);
}
