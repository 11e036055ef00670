/**
 * Roster-wide figures computed once: how many people were evaluated, the lowest total, a pool's
 * total weight and the units left after the floors … Each is a formula in its own cell of a
 * helper area (two hidden columns to the right of the sheet's table, a label beside each value)
 * under a defined name, and every row refers to the name. Written inside each row instead, a
 * figure like COUNT($W$3:$W$N) is computed once per person, and a sheet of N people costs N²
 * comparisons to recalculate (30,000 people: billions, in Excel, WPS and LibreOffice alike).
 */
import type { Formula } from "../../core/formula.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { columnLetter } from "./a1.js";
import type { PlanName, SheetPlan } from "./types.js";

interface Aggregate {
  name: string;
  label: string;
  formula: Formula;
}

export class Aggregates {
  private readonly items: Aggregate[] = [];
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, Formula>();

  /**
   * `tag` tells the sheets apart ("ev", "pay", "roll"); `suffix` the periods and a second scheme
   * in one workbook (the table tag and the name suffix): a defined name is unique in a workbook.
   */
  constructor(
    private readonly lang: Lang,
    private readonly tag: string,
    private readonly suffix: string,
  ) {}

  /** A figure under a name; `label` is a catalog key (wb.agg.*) with its variables. The same key again: the same figure. */
  add(key: string, label: string, vars: Record<string, string | number>, formula: Formula): Formula {
    const known = this.byKey.get(key);
    if (known) return known;
    // "k_" and an underscore keep every name from reading as a cell reference (AGG1, R1C1)
    const base = `k_${this.tag}_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let name = base;
    for (let i = 2; this.taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    this.taken.add(name.toLowerCase());
    const full = name + this.suffix;
    this.items.push({ name: full, label: t(this.lang, label, vars), formula });
    const ref: Formula = { name: full };
    this.byKey.set(key, ref);
    return ref;
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Puts the figures on `sheet`: labels in the column one past the table's gap, values beside
   * them, from row 1 down; both columns hidden (they do not print). Returns the names to define.
   */
  place(sheet: SheetPlan): PlanName[] {
    if (this.items.length === 0) return [];
    const width = sheet.table ? sheet.table.col + sheet.table.columns.length : sheet.widths.length;
    const labelCol = Math.max(width, sheet.widths.length) + 1;
    const valueCol = labelCol + 1;
    sheet.blocks.push({ row: 1, col: labelCol, values: this.items.map((a) => [a.label, { formula: a.formula }]) });
    while (sheet.widths.length < labelCol) sheet.widths.push(4);
    sheet.widths[labelCol] = 28;
    sheet.widths[valueCol] = 14;
    sheet.hidden = [...(sheet.hidden ?? []), labelCol, valueCol];
    const letter = columnLetter(valueCol);
    return this.items.map((a, i) => ({ name: a.name, sheet: sheet.name, ref: `$${letter}$${i + 1}` }));
  }
}
