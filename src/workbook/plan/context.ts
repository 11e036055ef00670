/** What every sheet builder shares: the scheme, the language, and how to write things. */
import type { Scheme, InputDecl } from "../../core/scheme/schema.js";
import type { RowValues } from "../../core/expr.js";
import type { Lang } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import type { PlanValue } from "./types.js";
import type { Naming } from "./names.js";
import type { RankTable } from "./rank-table.js";

/** One person of the roster: id, name and whatever inputs are known (null: to fill in). */
export interface PlanPerson {
  id: string;
  name: string;
  /** "2026-01" … when the roster holds several periods. */
  period?: string | null;
  values: RowValues;
  /** 部门 and 岗位, when the roster has them */
  department?: string;
  position?: string;
  /** Rates given as their two counts: the sheet computes them from the count cells. */
  computed?: string[];
}

/** The roster's own columns the sheets carry: 部门 and 岗位 when anyone has them. */
export function rosterColumns(people: readonly PlanPerson[]): ("department" | "position")[] {
  return (["department", "position"] as const).filter((k) => people.some((p) => p[k] !== undefined));
}

export interface PlanContext {
  scheme: Scheme;
  lang: Lang;
  mode: "native" | "addin";
  people: readonly PlanPerson[];
  inputs: Map<string, InputDecl>;
  params: Map<string, number>;
  sheetNames: { scheme: string; evaluation: string; payout: string; summary: string };
  names: Naming;
  /** Added to defined names and table names ("_2") when the workbook has the plain ones. */
  nameSuffix: string;
  /** Added to table names to tell periods apart ("_2026_01"). */
  tableTag: string;
  /** The period these sheets evaluate ("2026-11"), when one is known: dates are compared with its days. */
  period: string | null;
  /** The rank helper sheet, when the writer can write its array formula (.xlsx): rank-table.ts. */
  rankTable?: RankTable;
}

export const POINTS_FORMAT = "0.00";
/** A date input's cell (转正日期): ISO order, read the same in Chinese and English. */
export const DATE_FORMAT = "yyyy-mm-dd";

export function moneyFormat(digits: number): string {
  return digits === 0 ? "#,##0" : digits === 1 ? "#,##0.0" : "#,##0.00";
}

export function optionLabel(ctx: PlanContext, inputId: string, optionId: string): string {
  const o = ctx.inputs.get(inputId)?.options?.find((x) => x.id === optionId);
  return o ? o.label[ctx.lang] : optionId;
}

/** A person's input as the sheet shows it: labels for options, yes/no words, numbers as numbers. */
export function inputCell(ctx: PlanContext, input: InputDecl, value: RowValues[string]): PlanValue {
  if (value === null || value === undefined || value === "") return null;
  if (input.type === "option") return optionLabel(ctx, input.id, String(value));
  if (input.type === "boolean") return t(ctx.lang, value ? "wb.yes" : "wb.no");
  return value;
}
