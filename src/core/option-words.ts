/**
 * The words of every option a rule or a KPI.* function takes, in one table: the value the scheme
 * format stores (and functions.json's enum value), its label in each language (the pick-list
 * entry in Excel, the word in messages), and the other words people write for it. The scheme
 * schema's enums, the functions' parsing, their pick-lists and the README's table all read this.
 */
import { z } from "zod";
import type { Lang } from "./text.js";

export interface OptionWord<V extends string = string> {
  value: V;
  label: Record<Lang, string>;
  /** what the option does, for the pick-list's tooltip */
  tip: Record<Lang, string>;
  /** other words accepted for it, in either language (matched without case or surrounding space) */
  aliases: readonly string[];
}

const word = <V extends string>(value: V, zh: string, en: string, tipZh: string, tipEn: string, aliases: string[]): OptionWord<V> => ({
  value,
  label: { "zh-CN": zh, "en-US": en },
  tip: { "zh-CN": tipZh, "en-US": tipEn },
  aliases,
});

export const OPTION_SETS = {
  /** KPI.SCORE and the ratio rule: is a higher actual better? */
  direction: [
    word("higher", "越高越好", "higher is better", "实际值越高得分越高(默认):分值 × 实际/目标", "A higher actual scores more (default): points × actual / target", ["high", "高", "正向"]),
    word("lower", "越低越好", "lower is better", "实际值越低得分越高:分值 × 目标/实际", "A lower actual scores more: points × target / actual", ["low", "低", "反向"]),
  ],
  /** KPI.BAND and the bands rule: which threshold a value takes */
  threshold: [
    word("at-least", "达到门槛", "at least", "取已达到的最高门槛(越高越好,如销售额 ≥ 门槛)", "The highest threshold reached (higher is better, e.g. sales ≥ threshold)", ["atleast", "不低于", "至少", "higher", "越高越好"]),
    word("at-most", "不超过门槛", "at most", "取未超过的最低门槛(越低越好,如响应时长 ≤ 门槛)", "The lowest threshold not exceeded (lower is better, e.g. response time ≤ threshold)", ["atmost", "不超过", "不高于", "至多", "lower", "越低越好"]),
  ],
  /** KPI.DEDUCT and the deduct-per-step rule: on which side of the limit points are lost */
  side: [
    word("above", "超过上限扣分", "above the limit", "数值超过上限时,每超一档扣分(如差错率)", "Points are lost for each step above the limit (e.g. an error rate)", ["over", "超过", "超出", "高于", "超过上限"]),
    word("below", "低于下限扣分", "below the limit", "数值低于下限时,每差一档扣分(如接通率)", "Points are lost for each step below the limit (e.g. an answer rate)", ["under", "低于", "不足", "低于下限"]),
  ],
  /** KPI.DEDUCT and the deduct-per-step rule: how a part step counts */
  partial: [
    word("ignore", "不足一档不扣", "part step ignored", "不足一档的部分不扣分(默认)", "A part step costs nothing (default)", ["不计", "忽略", "不扣"]),
    word("whole", "不足一档按一档扣", "part step counts whole", "不足一档的部分按一整档扣分", "A part step costs a whole step", ["整档", "按一档", "进位"]),
    word("prorate", "按比例扣", "prorated", "不足一档的部分按比例扣分", "A part step costs its share of a step", ["按比例", "折算", "pro rata"]),
  ],
  /** KPI.BONUS: how pay follows the score */
  bonusMethod: [
    word("coefficient", "等级系数", "grade coefficient", "基数 × 得分所在等级的系数(需给出等级系数表)", "Base × the coefficient of the score's grade (needs a grade table)", ["系数", "按系数"]),
    word("linear", "按得分比例", "linear in the score", "基数 × 得分 / 满分;低于门槛为 0,可设封顶", "Base × score / full marks; nothing below the gate; an optional cap", ["线性", "按比例", "按分数"]),
    word("gate", "门槛制", "gate", "低于门槛为 0,门槛至满分之间全额,超过满分按比例", "Nothing below the gate, the whole base up to full marks, pro rata above", ["门槛", "达标"]),
  ],
  /** KPI.TIERED and the tiered rule: whole-bracket or progressive rates */
  tieredMode: [
    word("whole", "全额累进", "whole amount", "全部金额按其所在档的比例计算(默认)", "The whole amount at the rate of the bracket it falls in (default)", ["全额", "整档"]),
    word("progressive", "超额累进", "progressive", "每一段金额按各自档的比例计算(如个税)", "Each slice at its own bracket's rate (like income tax)", ["累进", "分段", "分段累进"]),
  ],
} as const;

export type OptionSet = keyof typeof OPTION_SETS;
export type OptionValue<S extends OptionSet> = (typeof OPTION_SETS)[S][number]["value"];

/** The values of a set, for a zod enum: the scheme format stores these. */
export function optionValues<S extends OptionSet>(set: S): [OptionValue<S>, ...OptionValue<S>[]] {
  return OPTION_SETS[set].map((w) => w.value) as [OptionValue<S>, ...OptionValue<S>[]];
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Every word accepted for a set, by its normalised form (value, both labels, aliases). */
function lookup(set: OptionSet): Map<string, string> {
  const m = new Map<string, string>();
  for (const w of OPTION_SETS[set] as readonly OptionWord[]) for (const s of [w.value, w.label["zh-CN"], w.label["en-US"], ...w.aliases]) m.set(key(s), w.value);
  return m;
}
const lookups = new Map<OptionSet, Map<string, string>>();

/** The option a word names, or null when it names none of the set's options. */
export function parseOption<S extends OptionSet>(set: S, text: string): OptionValue<S> | null {
  let m = lookups.get(set);
  if (!m) lookups.set(set, (m = lookup(set)));
  return (m.get(key(text)) as OptionValue<S> | undefined) ?? null;
}

/** The option's label in a language. */
export function optionLabel(set: OptionSet, value: string, lang: Lang): string {
  return (OPTION_SETS[set] as readonly OptionWord[]).find((w) => w.value === value)?.label[lang] ?? value;
}

/** The labels of a set, for a message saying what is expected: “越高越好”、“越低越好” / "higher is better", "lower is better". */
export function optionList(set: OptionSet, lang: Lang): string {
  const labels = (OPTION_SETS[set] as readonly OptionWord[]).map((w) => w.label[lang]);
  return lang === "zh-CN" ? labels.map((l) => `“${l}”`).join("、") : labels.map((l) => `"${l}"`).join(", ");
}

/**
 * The scheme format's field for a set: any of its words is read as its value (a hand-written
 * scheme may say "越低越好" as the functions do), and the value is what is kept and written back.
 */
export function optionSchema<S extends OptionSet>(set: S) {
  return z.preprocess((v) => (typeof v === "string" ? (parseOption(set, v) ?? v) : v), z.enum(optionValues(set)));
}
