/**
 * Cached values: the value every formula cell shows before any program recalculates it. Most
 * people first open a workbook in a previewer — a WeChat, DingTalk or mail attachment preview,
 * Excel's Protected View, pandas — that shows a formula's stored value or nothing. So the .xlsx
 * carries, beside each formula, what it computes: for the people's rows the engine's own numbers
 * (points, totals, grades, ranks, pay lines — the same numbers the CLI and the pane show), and for
 * the cells around them (a row not evaluated, the payout totals, the summary, the scheme sheet's
 * references) the value of the formula over those numbers (evaluate-formula.ts).
 *
 * Only for a roster the engine can evaluate in full: a roster still to be filled in shows blanks,
 * which is what its formulas give until it is filled in. Hidden helper columns keep no value. Excel, WPS and LibreOffice recalculate on opening all the same (fullCalcOnLoad).
 */
import type { PersonResult } from "../../core/evaluate.js";
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { refPosition } from "./a1.js";
import { evaluateFormula, type CellValue, type Grid } from "./evaluate-formula.js";
import type { PlanPerson } from "./context.js";
import type { PlanBlock, SheetPlan, WorkbookPlan } from "./types.js";

export type { CellValue } from "./evaluate-formula.js";

const NA: CellValue = { error: "#N/A" };

type EngineValue = (r: PersonResult, p: PlanPerson) => CellValue | undefined;

/**
 * How to read the engine's value for a column of a person's row — decided once per column, not
 * per cell (100,000 people × 30 columns) — or undefined when the column is not one the engine computes.
 */
function engineColumn(sheet: SheetPlan, key: string, scheme: Scheme, lang: Lang): EngineValue | undefined {
  const gradeLabel = (r: PersonResult): CellValue => (r.grade === null ? NA : (scheme.grades.find((g) => g.id === r.grade)?.label[lang] ?? NA));
  // the formula says what a row not evaluated shows
  const scored = (read: (r: PersonResult) => CellValue | undefined): EngineValue => (r) => (r.excluded ? undefined : read(r));
  const flag = (id: string): EngineValue => scored((r) => (r.flags.includes(id) ? t(lang, `flag.${id}`) : ""));
  if (sheet.role === "evaluation") {
    if (key === "ready") return () => true;
    if (key === "evaluated") return (r) => !r.excluded;
    if (scheme.derived.some((d) => d.id === key)) return scored((r) => r.values[key] as number);
    if (key.startsWith("pts:")) {
      const id = key.slice(4);
      return scored((r) => r.points[id]);
    }
    if (key.startsWith("adj:")) {
      const id = key.slice(4);
      return scored((r) => r.adjustments[id]);
    }
    if (key === "total") return scored((r) => r.total);
    if (key === "rank") return scored((r) => r.rank);
    if (key === "grade") return scored(gradeLabel);
    if (key === "coefficient") return scored((r) => r.coefficient ?? NA);
    if (key === "flag:below-pass") return flag("below-pass");
    if (key === "flag:bottom-rank") return flag("bottom-rank");
    if (key === "award") return scored((r) => (r.award ? (scheme.awards.find((a) => a.id === r.award)?.label[lang] ?? "") : ""));
    // a rate given as its two counts (the column of an input: a formula only in those rows)
    return (r, p) => (p.computed?.includes(key) ? (p.values[key] as number) : undefined);
  }
  if (sheet.role === "payout") {
    if (key === "id") return (_, p) => p.id;
    if (key === "name") return (_, p) => p.name;
    if (key === "total") return scored((r) => r.total);
    if (key === "grade") return scored(gradeLabel);
    if (key.startsWith("pay:")) {
      const id = key.slice(4);
      return scored((r) => r.pay[id] / 100);
    }
    if (key === "pay") return scored((r) => r.payTotal / 100);
  }
  return undefined;
}

/** The block holding a table's data rows. */
function dataBlock(sheet: SheetPlan): PlanBlock | undefined {
  const table = sheet.table;
  return table && sheet.blocks.find((b) => b.row === table.row + 1 && b.col === table.col);
}

/**
 * Fill `cached` of every formula cell the plan can know: `results` are the engine's, one per
 * person, in the order of `people` (the order of the rows).
 */
export function addCachedValues(plan: WorkbookPlan, scheme: Scheme, people: readonly PlanPerson[], results: readonly PersonResult[]): void {
  if (results.length !== people.length || people.length === 0) return;
  // a sheet of one period (in a workbook of several) holds that period's people, in their order
  const ofPeriod = (period: string | undefined) => {
    const i = results.map((_, k) => k).filter((k) => period === undefined || (results[k].period ?? people[k].period ?? null) === period);
    return { results: i.map((k) => results[k]), people: i.map((k) => people[k]) };
  };
  const lang = plan.lang;
  // each sheet's blocks by the rows they cover, to find a cell quickly
  const rowsOf = new Map<string, Map<number, PlanBlock[]>>();
  for (const s of plan.sheets) {
    const m = new Map<number, PlanBlock[]>();
    for (const b of s.blocks) for (let i = 0; i < b.values.length; i++) m.set(b.row + i, [...(m.get(b.row + i) ?? []), b]);
    rowsOf.set(s.name, m);
  }
  const hidden = new Map(plan.sheets.map((s) => [s.name, new Set(s.hidden ?? [])]));
  const names = new Map(
    plan.names.flatMap((n) => {
      const at = refPosition(n.ref);
      return at ? [[n.name, { sheet: n.sheet, row: at.row, col: at.col }] as const] : [];
    }),
  );
  const blocksOf = new Map(plan.sheets.map((s) => [s.name, s.blocks]));
  /**
   * An area inside one block (a column of the people's rows, say) read from the block's arrays
   * directly, in the order `read` gives, instead of looking its block up for every cell (a sum
   * over 100,000 rows); undefined when the area is not all in one block that no earlier block
   * overlaps (value() takes the first block holding a cell).
   */
  const blockArea = (sheetName: string, r1: number, c1: number, r2: number, c2: number): CellValue[] | undefined => {
    const blocks = blocksOf.get(sheetName) ?? [];
    const k = blocks.findIndex((b) => b.row <= r1 && r2 < b.row + b.values.length && b.col <= c1);
    if (k < 0) return undefined;
    const b = blocks[k];
    const overlaps = (x: PlanBlock) => {
      if (x.row > r2 || r1 >= x.row + x.values.length || x.col > c2) return false;
      // (a loop: a block of 100,000 rows spread into Math.max overflows the call stack)
      let width = 0;
      for (const row of x.values) width = Math.max(width, row.length);
      return c1 < x.col + width;
    };
    if (blocks.slice(0, k).some(overlaps)) return undefined;
    const out: CellValue[] = [];
    for (let r = r1; r <= r2; r++) {
      const i = r - b.row;
      const rowValues = b.values[i];
      if (c2 - b.col >= rowValues.length) return undefined;
      for (let c = c1; c <= c2; c++) {
        const j = c - b.col;
        const v = rowValues[j];
        if (v === null) out.push("");
        else if (typeof v !== "object") out.push(v);
        else {
          const known = b.cached?.[i]?.[j];
          const value = known !== undefined ? known : grid.value(sheetName, r, c);
          // a cell whose value is not known makes the area unknown, as read() does
          if (value === undefined) return undefined;
          out.push(value);
        }
      }
    }
    return out;
  };
  // cells being evaluated: asked for again, a circle (the plan never builds one) gives no value
  const busy = new Set<string>();
  const areas = new Map<string, CellValue[]>();
  const grid: Grid = {
    name: (n) => names.get(n),
    area(sheetName, r1, c1, r2, c2, read) {
      const key = `${sheetName}\u0000${r1}:${c1}:${r2}:${c2}`;
      let v = areas.get(key);
      if (!v) areas.set(key, (v = blockArea(sheetName, r1, c1, r2, c2) ?? read()));
      return v;
    },
    value(sheetName, row, col) {
      const blocks = rowsOf.get(sheetName)?.get(row);
      const b = blocks?.find((x) => col >= x.col && col < x.col + (x.values[row - x.row]?.length ?? 0));
      if (!b) return "";
      const i = row - b.row;
      const j = col - b.col;
      const v = b.values[i][j];
      if (v === null) return "";
      if (typeof v !== "object") return v;
      const known = b.cached?.[i]?.[j];
      if (known !== undefined) return known;
      const key = `${sheetName}\u0000${row}:${col}`;
      if (busy.has(key)) return undefined;
      busy.add(key);
      const value = evaluateFormula(v.formula, sheetName, row, grid);
      busy.delete(key);
      if (value !== undefined) setCached(b, i, j, value);
      return value;
    },
  };

  // the people's rows first, from the engine
  for (const sheet of plan.sheets) {
    if (sheet.role !== "evaluation" && sheet.role !== "payout") continue;
    const b = dataBlock(sheet);
    if (!b) continue;
    const keys = sheet.table!.keys;
    const rows = ofPeriod(sheet.period);
    const columns = (b.values[0] ?? []).map((_, j) => engineColumn(sheet, keys[b.col + j - sheet.table!.col], scheme, lang));
    // loops, not forEach with a closure per cell: 3 million cells at 100,000 people
    const cachedRows = (b.cached ??= []);
    for (let i = 0; i < b.values.length; i++) {
      const r = rows.results[i];
      const p = rows.people[i];
      if (!r || !p) continue;
      const rowValues = b.values[i];
      let out = cachedRows[i];
      for (let j = 0; j < rowValues.length; j++) {
        const v = rowValues[j];
        const read = columns[j];
        if (typeof v !== "object" || v === null || read === undefined) continue;
        const value = read(r, p);
        if (value !== undefined) (out ??= cachedRows[i] = [])[j] = value;
      }
    }
  }
  // then every other visible formula cell, by its formula over those values
  for (const sheet of plan.sheets) {
    // a hidden sheet's figures are for the formulas (the rank helper: read by INDEX, not shown)
    if (sheet.state === "hidden") continue;
    const hide = hidden.get(sheet.name)!;
    for (const b of sheet.blocks)
      for (let i = 0; i < b.values.length; i++) {
        const rowValues = b.values[i];
        for (let j = 0; j < rowValues.length; j++) {
          const v = rowValues[j];
          if (typeof v !== "object" || v === null || b.cached?.[i]?.[j] !== undefined || hide.has(b.col + j)) continue;
          grid.value(sheet.name, b.row + i, b.col + j);
        }
      }
  }
}

function setCached(b: PlanBlock, i: number, j: number, value: CellValue): void {
  const rows = (b.cached ??= []);
  (rows[i] ??= [])[j] = value;
}
