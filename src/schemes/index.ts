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

// each template parsed once, when first asked for: the CLI evaluating one scheme parses one, not thirteen
const parsed = new Map<string, Scheme>();

function parsedScheme(raw: unknown): Scheme {
  const id = (raw as { id?: string }).id ?? "";
  let scheme = parsed.get(id);
  if (!scheme) {
    const r = parseScheme(raw);
    if (!r.ok) throw new Error(`built-in scheme ${id} is invalid: ${r.problems.map((p) => problemText(p, "en-US")).join("; ")}`);
    parsed.set(id, (scheme = r.scheme));
  }
  return scheme;
}

export function builtInSchemes(): Scheme[] {
  return BUILT_IN_SCHEME_JSON.map(parsedScheme);
}

export function builtInScheme(id: string): Scheme | undefined {
  const raw = BUILT_IN_SCHEME_JSON.find((r) => (r as { id?: string }).id === id);
  return raw === undefined ? undefined : parsedScheme(raw);
}

export function builtInSchemeIds(): string[] {
  return BUILT_IN_SCHEME_JSON.map((r) => (r as { id: string }).id);
}
