/** KPI.LEVEL(choice, table) — points for a level: rows (level, points) or "优秀:3,良好:1,一般:0,差:-3". */
import type { CompiledRule } from "../../core/kinds/kind.js";
import { levels } from "../../core/kinds/levels.js";
import { requireNumber, tableRows, type Cell } from "../coerce.js";
import { FunctionError } from "../errors.js";
import type { RowFunctionSpec } from "../run.js";
import { NO_PARAMS, points } from "./shared.js";

export const LEVEL: RowFunctionSpec<{ rule: CompiledRule; options: string[] }> = {
  id: "LEVEL",
  params: [
    { name: "choice", kind: "cell" },
    { name: "table", kind: "fixed" },
  ],
  primary: "choice",
  prepare(f) {
    // null prototype: a level called "constructor" or "__proto__" is a level like any other
    const table: Record<string, number> = Object.create(null);
    tableRows(f.table, "table").forEach((r, i) => {
      const name = String(r[0] ?? "").trim();
      if (r.length < 2 || name === "") throw new FunctionError("#VALUE!", "fn.table", { arg: "table", row: i + 1, columns: "level-points" });
      table[name] = requireNumber(r[1] as Cell, "table");
    });
    const twice = Object.keys(table).length < tableRows(f.table, "table").length;
    if (twice) throw new FunctionError("#VALUE!", "fn.level-twice", { arg: "table" });
    return { rule: levels.compile({ kind: "levels", points: table }, { env: NO_PARAMS, full: 0 }), options: Object.keys(table) };
  },
  row(p, c) {
    const choice = String(c.choice).trim();
    if (!p.options.includes(choice)) throw new FunctionError("#N/A", "fn.no-level", { arg: "table", value: choice, options: p.options.join(", ") });
    return points(p.rule(choice, { values: {} }, null));
  },
};
