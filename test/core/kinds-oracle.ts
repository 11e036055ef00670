/**
 * A second spreadsheet engine as the judge of every kind's formula: HyperFormula (GPL-3.0, a dev
 * dependency for tests only) evaluates the printed native formula of a rule on one row of cells,
 * and the engine's compile step must give the same number — or both must fail.
 *
 * A case is a rule (before its schema's defaults) and a row: numeric inputs x, y, z; count
 * inputs c1, c2 (may be blank); an option input lvl (written in the sheet by its label); the
 * main input v; total, coefficient and full marks for pay kinds; parameters as cells of row 2.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import type { Formula } from "../../src/core/formula.js";
import { ref } from "../../src/core/formula.js";
import type { FormulaContext } from "../../src/core/kinds/kind.js";
import { printA1 } from "../../src/workbook/plan/print-formula.js";

export type Cell = number | string | null;

export interface Case {
  rule: Record<string, unknown>;
  /** The indicator's full marks (rule kinds) or the scheme's (pay kinds). */
  full: number;
  row: Record<string, Cell>;
  total?: number;
  coefficient?: number;
}

export const COLUMNS = ["v", "x", "y", "z", "c1", "c2", "lvl", "total", "coefficient"] as const;
export const OPTIONS = ["gold", "silver", "none"] as const;
/**
 * How an option is written in the sheet: a label unlike its id. (No quote in it: HyperFormula does
 * not read "" inside a string; quoting is the printer's, tested with LibreOffice and on its own.)
 */
export const label = (option: string) => `级别 ${option}`;

/** Parameters carry their value in their id, so a generated rule needs no side table. */
export const paramId = (n: number) => `p_${String(n).replace("-", "m").replace(".", "_").replace("e", "x")}`;
const paramValue = (id: string) => Number(id.slice(2).replace("m", "-").replace("_", ".").replace("x", "e"));

/** Numbers around the boundaries the rules care about: 0, 1, 100, small decimals, negatives. */
export const num = fc.oneof(
  fc.integer({ min: -20, max: 120 }),
  fc.integer({ min: -2000, max: 12000 }).map((x) => x / 100),
  fc.constantFrom(0, 1, 0.5, 0.01, 0.05, 100, -1, 0.1, 0.2, 0.3),
);
export const positive = fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 5000 }).map((x) => x / 100));
export const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(null, 0.5, -1));

/** A constant: a number, or a parameter holding it. */
export const constOf = (n: fc.Arbitrary<number>) => fc.tuple(n, fc.boolean()).map(([x, p]) => (p ? { param: paramId(x) } : x));

/** An expression over the row: numbers, parameters, inputs, arithmetic, a pick by option. */
export const expr: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(constOf(num), fc.constantFrom({ input: "x" }, { input: "y" }, { input: "z" })),
  node: fc.oneof(
    { weight: 3, arbitrary: tie("leaf") },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom("+", "-", "*", "/", "min", "max"), args: fc.array(tie("leaf"), { minLength: 2, maxLength: 3 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({ pick: fc.constant("lvl"), from: fc.record({ gold: tie("leaf"), silver: tie("leaf"), none: tie("leaf") }) }),
    },
  ),
})).node;

/** A row: numeric inputs, counts that may be blank, an option (or an option nobody defined). */
export const row = fc.record({
  v: num,
  x: num,
  y: num,
  z: num,
  c1: count,
  c2: count,
  lvl: fc.constantFrom<Cell>(...OPTIONS, "other"),
});

/** The parameters a rule refers to, found in it. */
function paramsOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((x) => paramsOf(x, out));
  else if (node && typeof node === "object") {
    if ("param" in node && typeof node.param === "string") out.add(node.param);
    Object.values(node).forEach((x) => paramsOf(x, out));
  }
  return out;
}

export interface Sheet {
  params: Map<string, number>;
  context: FormulaContext;
  /** The value HyperFormula gives the formula on the case's row: a number, or "error". */
  evaluate(formula: Formula): number | "error" | string;
}

const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, precisionEpsilon: 0 });
const sheetId = hf.getSheetId(hf.addSheet("oracle"))!;

export function sheetFor(c: Case): Sheet {
  const params = [...paramsOf(c.rule)];
  const values = new Map(params.map((p) => [p, paramValue(p)]));
  const col = (key: string) => {
    const i = COLUMNS.indexOf(key as (typeof COLUMNS)[number]);
    if (i < 0) throw new Error(`no column ${key} in the oracle sheet`);
    return i;
  };
  const context: FormulaContext = {
    cell: (column) => ref({ col: col(column) }),
    param: (id) => ref({ col: params.indexOf(id), row: 2 }),
    value: (v) => (v === "full" ? c.full : ref({ col: col(v) })),
    option: (_input, optionId) => label(optionId),
    yes: () => "是",
    paramValue: (id) => values.get(id) ?? NaN,
    periodDay: () => {
      throw new Error("no period in the oracle sheet");
    },
  };
  const cells = COLUMNS.map((k): Cell => {
    if (k === "total") return c.total ?? null;
    if (k === "coefficient") return c.coefficient ?? null;
    const v = c.row[k] ?? null;
    return k === "lvl" && typeof v === "string" ? label(v) : v;
  });
  return {
    params: values,
    context,
    evaluate(formula) {
      hf.setSheetContent(sheetId, [cells, params.map((p) => values.get(p)!), [`=${printA1(formula, 1)}`]]);
      const v = hf.getCellValue({ sheet: sheetId, row: 2, col: 0 });
      if (typeof v === "number") return v;
      if (v && typeof v === "object" && "type" in v) return "error";
      return String(v);
    },
  };
}
