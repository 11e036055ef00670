import { describe, expect, it } from "vitest";
import { BUILT_IN_SCHEME_JSON } from "../../src/schemes/index.js";
import { parseScheme } from "../../src/core/scheme/load.js";

describe("built-in templates", () => {
  it("are the twelve ids of SCHEMES.md and the seed scheme it missed (cs-pay), each valid", () => {
    const ids = BUILT_IN_SCHEME_JSON.map((raw) => {
      const r = parseScheme(raw);
      expect(r.ok ? [] : r.problems).toEqual([]);
      return (raw as { id: string }).id;
    });
    expect(ids).toEqual([
      "ecommerce-cs",
      "ecommerce-ranking",
      "foreign-trade-sales",
      "work-plan",
      "hospital-cs",
      "call-center",
      "bid-team",
      "logistics-cs",
      "warehouse",
      "attendance",
      "cs-bonus-pool",
      "outsourcing",
      "cs-pay",
    ]);
  });
});
