/**
 * What each KPI.* function says to the people who type it, in both languages: its summary, what
 * each argument is, which option set an argument takes, worked examples. One source for
 * functions-zh-cn.json (scripts/functions-docs.ts writes it), the help pages (src/help), the
 * README's function table and the pane's formula helper; the English JSDoc of functions.ts (what
 * the metadata plugin reads) is tested to say the same. Argument names: the catalogs' fn.arg.*.
 */
import type { Lang } from "../core/text.js";
import type { OptionSet } from "../core/option-words.js";

type Text = Record<Lang, string>;
const tx = (zh: string, en: string): Text => ({ "zh-CN": zh, "en-US": en });

export interface FunctionExample {
  /** the arguments as typed in Excel (the README test runs them) */
  args: string;
  result: string;
  note: Text;
}

export interface FunctionDoc {
  id: string;
  summary: Text;
  params: Record<string, Text>;
  /** arguments that take one of an option set's words (a pick-list in Excel) */
  options?: Record<string, OptionSet>;
  returns: Text;
  examples: FunctionExample[];
  /** longer notes for the help page: units, traps */
  notes?: Text[];
}

const SCORE: FunctionDoc = {
  id: "SCORE",
  summary: tx(
    "按实际值与目标值计算一项指标的得分:分值 × min(实际/目标, 封顶比例);越低越好时为 目标/实际。给出一列实际值即可按行溢出结果。",
    "Points of one indicator from actual and target: points × min(actual / target, cap), or target / actual when lower is better. Give a column of actuals to spill one result per row.",
  ),
  params: {
    actual: tx("实际值,或一列实际值(每人一个)。", "Actual value, or a column of them (one per person)."),
    target: tx("目标值(即 100%),或一列目标值。", "Target value (100 %), or a column of them."),
    points: tx("该指标的分值(满分),或一列分值。", "Full points of the indicator, or a column of them."),
    direction: tx("越高越好(默认)或越低越好。", "Higher is better (default) or lower is better."),
    cap: tx("计分比例上限(默认 1,即 100%)。", "Largest ratio that scores (default 1 = 100 %)."),
  },
  options: { direction: "direction" },
  returns: tx("得分,保留 2 位小数。", "Points, rounded to 2 decimals."),
  examples: [
    { args: "0.36, 0.45, 30", result: "24", note: tx("完成 80%,30 分的指标得 24 分", "80 % of the target on a 30-point indicator") },
    { args: '40, 30, 20, "越低越好"', result: "15", note: tx("响应 40 秒,目标 30 秒,越低越好", "40 s against a 30 s target, lower is better") },
  ],
};

const WEIGHTED: FunctionDoc = {
  id: "WEIGHTED",
  summary: tx(
    "一行指标得分的加权总分:Σ 得分 / 满分 × 权重。权重合计须为 100(或 1)。每人一行即可溢出。",
    "Weighted total of a row of scores: Σ score / full × weight. Weights must add up to 100 (or 1). Give one row per person to spill.",
  ),
  params: {
    scores: tx("一个人的各项指标得分(一行),或每人一行。", "The indicator scores of one person (a row), or one row per person."),
    weights: tx("权重,顺序与得分一致(合计为 100 的一行或一列)。", "The weights, in the same order (a row or column adding up to 100)."),
    full: tx("每项得分的满分(默认 100)。", "What each score is out of (default 100)."),
  },
  returns: tx("加权总分,保留 2 位小数。", "The weighted total, rounded to 2 decimals."),
  examples: [{ args: "{80,90,100}, {50,30,20}", result: "87", note: tx("三项指标按 50/30/20 加权", "three indicators weighted 50/30/20") }],
};

const GRADE: FunctionDoc = {
  id: "GRADE",
  summary: tx("按等级表(下限包含在内)返回得分对应的等级。", "The grade label for a score from a band table (inclusive lower bounds)."),
  params: {
    score: tx("得分,或一列得分。", "A score, or a column of them."),
    bands: tx("每行 等级, 下限 的区域,或文本,如“优秀:90,良好:80,合格:70,不合格:0”。", 'Rows of (label, lower bound), or a text such as "优秀:90,良好:80,合格:70,不合格:0".'),
  },
  returns: tx("等级名称。", "The grade label."),
  examples: [{ args: '85, "优秀:90,良好:80,合格:70,不合格:0"', result: "良好", note: tx("85 分落在 80–90 之间", "85 falls between 80 and 90") }],
};

const BONUS: FunctionDoc = {
  id: "BONUS",
  summary: tx(
    "由基数与得分或等级计算金额:等级系数(基数 × 等级系数)、按得分比例(基数 × 得分 / 满分,门槛与封顶)或门槛制(低于门槛为 0,超过满分按比例上浮)。",
    'Pay from a base and a score or grade: "grade coefficient" (base × grade coefficient), "linear in the score" (base × score / full, gate, cap) or "gate" (none below the gate, pro rata above full).',
  ),
  params: {
    base: tx("基数,或一列基数。", "The base amount, or a column of them."),
    score: tx("得分(等级系数方式下也可为等级名称),或一列得分。", 'The score (or, for "grade coefficient", the grade label), or a column of them.'),
    method: tx("计发方式:等级系数、按得分比例或门槛制。", 'How pay follows the score: "grade coefficient", "linear in the score" or "gate".'),
    table_or_gate: tx(
      "等级系数方式:每行 等级, 下限, 系数 的等级系数表;按得分比例与门槛制:门槛分数(一个数字,可留空)。",
      'For "grade coefficient": the grade table, rows of (label, lower bound, coefficient); for "linear in the score" and "gate": the gate score (one number, or blank).',
    ),
    cap: tx("按得分比例方式的封顶金额。", 'For "linear in the score": the most it pays.'),
    full: tx("满分(默认 100)。", "Full marks (default 100)."),
  },
  options: { method: "bonusMethod" },
  returns: tx("金额,按 Excel 的 ROUND 精确到分。", "The amount, rounded to the cent with Excel's ROUND."),
  examples: [
    { args: '300, 110, "gate", 80', result: "330", note: tx("110 分超过满分,按比例上浮", "110 is above full marks: pro rata") },
    { args: '1000, "良好", "等级系数", "优秀:90:1.2,良好:80:1,合格:60:0.6"', result: "1000", note: tx("良好的系数为 1", "良好's coefficient is 1") },
  ],
};

const deductParams = {
  value: tx("实际值(如 3.5% 的差错率),或一列实际值。", "The measured value (a rate such as 3.5 %), or a column of them."),
  limit: tx("限值(如 2%)。", "The limit (e.g. 2 %)."),
  step: tx("每档的大小(如 1%)。", "The size of one step (e.g. 1 %)."),
  points_per_step: tx("每档扣的分。", "Points lost per step."),
  full: tx("该指标满分。", "Full points of the indicator."),
  direction: tx("超过上限扣分(默认)或低于下限扣分。", 'Points lost "above the limit" (default) or "below the limit".'),
  partial: tx("不足一档时:不扣(默认)、按一档扣或按比例扣。", 'How a part step counts: "part step ignored" (default), "part step counts whole" or "prorated".'),
};

const DEDUCT: FunctionDoc = {
  id: "DEDUCT",
  summary: tx(
    "扣分后剩余的得分:满分减去每超出(或低于)限值一档所扣的分,扣完为止。要显示扣了多少分,用 KPI.DEDUCTED。",
    "The points LEFT after deductions: full points less points_per_step for each step over (or under) the limit, never below 0. For the points deducted, use KPI.DEDUCTED.",
  ),
  params: deductParams,
  options: { direction: "side", partial: "partial" },
  returns: tx("剩余得分,保留 2 位小数。", "The points left, rounded to 2 decimals."),
  examples: [{ args: "0.045, 0.02, 0.01, 3, 15", result: "9", note: tx("差错率 4.5%,超出 2% 两整档,扣 6 分,15 分剩 9 分", "4.5 % is two whole steps over 2 %: 6 points lost, 9 of 15 left") }],
};

const DEDUCTED: FunctionDoc = {
  id: "DEDUCTED",
  summary: tx(
    "扣了多少分:每超出(或低于)限值一档扣的分,最多扣到满分。参数与 KPI.DEDUCT 相同,KPI.DEDUCT 返回剩余得分。",
    "The points DEDUCTED: points_per_step for each step over (or under) the limit, at most the full points. The same arguments as KPI.DEDUCT, which gives the points left.",
  ),
  params: deductParams,
  options: { direction: "side", partial: "partial" },
  returns: tx("扣分,保留 2 位小数。", "The points deducted, rounded to 2 decimals."),
  examples: [{ args: "0.045, 0.02, 0.01, 3, 15", result: "6", note: tx("同上例:扣 6 分", "the same case: 6 points deducted") }],
};

const BAND: FunctionDoc = {
  id: "BAND",
  summary: tx(
    "按门槛表计分:每行 门槛, 分值。取档方式留空时,分值随门槛升高的表取已达到的最高门槛;分值随门槛降低的表须写明取档方式。",
    "Points from a table of (threshold, points). Left blank, the direction is \"at least\" when the points rise with the thresholds; when they fall, say which.",
  ),
  params: {
    value: tx("数值,或一列数值。", "The value, or a column of them."),
    table: tx("每行 门槛, 分值 的区域,或文本,如“30:5,40:4,60:2”。", 'Rows of (threshold, points), or a text such as "30:5,40:4,60:2".'),
    direction: tx("达到门槛(取已达到的最高门槛)或不超过门槛(取未超过的最低门槛,越低越好)。", '"at least" (the highest threshold reached) or "at most" (the lowest threshold not exceeded: lower is better).'),
    otherwise: tx("不在任何档时的分值(默认 0)。", "Points when no band applies (default 0)."),
  },
  options: { direction: "threshold" },
  returns: tx("分值。", "Points."),
  examples: [
    { args: '35, "30:5,40:4,60:2", "at-most"', result: "4", note: tx("响应 35 秒:未超过 40 秒,得 4 分", "a 35 s response is within 40 s: 4 points") },
    { args: '85, "60:2,80:4,90:5"', result: "4", note: tx("分值随门槛升高:默认取已达到的最高门槛 80", "points rise with the thresholds: the highest reached, 80") },
  ],
};

const LEVEL: FunctionDoc = {
  id: "LEVEL",
  summary: tx("按评价(优秀/良好/一般/差等)返回分值。", "Points for a level such as excellent / good / average / poor."),
  params: {
    choice: tx("评价,或一列评价。", "The level, or a column of them."),
    table: tx("每行 评价, 分值 的区域,或文本,如“优秀:3,良好:1,一般:0,差:-3”。", 'Rows of (level, points), or a text such as "优秀:3,良好:1,一般:0,差:-3".'),
  },
  returns: tx("分值。", "Points."),
  examples: [{ args: '"优秀", "优秀:3,良好:1,一般:0,差:-3"', result: "3", note: tx("优秀加 3 分", "excellent adds 3") }],
};

const stepParams = {
  count: tx("数量(天数、次数),或一列数量。", "The count (days, times), or a column of them."),
  steps: tx("第 1、2、3…个单位各扣的分,一行、一列或文本“0,2,3,4,5,7,9”;超出的单位按最后一档计。", 'The cost of the 1st, 2nd, 3rd … unit, as a row, column or text "0,2,3,4,5,7,9"; units past the list cost the last step.'),
};
const STEPSUM: FunctionDoc = {
  id: "STEPSUM",
  summary: tx(
    "阶梯累计:第 n 个单位扣第 n 档的分,合计前 count 档(病假 0,2,3,4,5,7,9:3 天共扣 0+2+3 = 5 分)。",
    "Step by step: unit n costs the n-th step, and the first count steps are added up (sick leave 0,2,3,4,5,7,9: 3 days cost 0+2+3 = 5).",
  ),
  params: stepParams,
  returns: tx("合计扣分。", "The total cost."),
  examples: [{ args: '3, "0,2,3,4,5,7,9"', result: "5", note: tx("病假 3 天", "3 days of sick leave") }],
};

const raterParams = {
  scores: tx("一个人的各评分人评分(一行),或每人一行。", "The raters' scores of one person (a row), or one row per person."),
  weights: tx("评分人权重,顺序与评分一致,合计为 100。", "The rater weights, in the same order, adding up to 100."),
};
const RATERSCORE: FunctionDoc = {
  id: "RATERSCORE",
  summary: tx("多位评分人按权重合成一个得分(本人 30、上级 70)。权重合计须为 100(或 1)。", "Several raters' scores blended by rater weight (self 30, manager 70). Weights must add up to 100 (or 1)."),
  params: raterParams,
  returns: tx("合成得分,保留 2 位小数。", "The blended score, rounded to 2 decimals."),
  examples: [{ args: "{10,5}, {30,70}", result: "6.5", note: tx("本人 10 分占 30%,上级 5 分占 70%", "self 10 at 30 %, manager 5 at 70 %") }],
};

const TIERED: FunctionDoc = {
  id: "TIERED",
  summary: tx(
    "阶梯比例:全额累进时全部金额按所在档的比例计算,超额累进时每一段按各自档的比例计算。结果与金额同单位,保留 2 位小数。",
    "Tiered rates: \"whole amount\" pays the whole amount at its bracket's rate, \"progressive\" each slice at its own. The result is in the amount's unit, rounded to 2 decimals of it.",
  ),
  params: {
    amount: tx("金额(元或万元,与档位表同单位),或一列金额。", "The amount (in the brackets' unit: yuan or 10,000 yuan), or a column of them."),
    brackets: tx("每行 上限, 比例 的区域;最后一行的上限留空(在区域中留空单元格,在数组中写 \"\"),表示以上全部。", 'Rows of (up to, rate); the last row\'s "up to" left blank (a blank cell, or "" in an array constant) for everything above.'),
    mode: tx("全额累进(默认)或超额累进。", '"whole amount" (default) or "progressive".'),
  },
  options: { mode: "tieredMode" },
  returns: tx("提成金额,与金额同单位,保留 2 位小数。", "The amount paid, in the amount's unit, rounded to 2 decimals."),
  examples: [
    { args: '5000, {4500,0.0005;6500,0.00055;"",0.0008}, "progressive"', result: "2.53", note: tx("超额累进,金额单位为元", "progressive, in yuan") },
    { args: '500000, {100000,0.01;300000,0.015;"",0.02}, "全额累进"', result: "10000", note: tx("50 万元业绩按元计:全额落在 2% 档,提成 10000 元", "500,000 yuan of sales, in yuan: all at 2 %, 10,000 yuan") },
    { args: '50, {10,0.01;30,0.015;"",0.02}, "全额累进"', result: "1", note: tx("同一业绩按万元计(50 万元):提成 1 万元;结果按万元保留 2 位,即精确到百元", "the same sales in 10,000 yuan (50): 1, i.e. 10,000 yuan — rounded to 0.01 of 10,000 yuan, i.e. to 100 yuan") },
  ],
  notes: [
    tx(
      "结果按金额的单位保留 2 位小数:金额以元计时精确到分;以万元计时只精确到百元。工资表请用元。",
      "The result is rounded to 2 decimals of the amount's unit: to the cent when amounts are in yuan, to 100 yuan when they are in 10,000 yuan. Use yuan on a payroll.",
    ),
  ],
};

const POOL: FunctionDoc = {
  id: "POOL",
  summary: tx("把奖金总额按一列权重分配,每行溢出一个金额;各行合计与总额分毫不差。", "Splits a budget over a column of weights and spills one amount per row; the amounts add up to the budget exactly."),
  params: {
    budget: tx("要分配的奖金总额。", "The budget to split."),
    weights: tx("每人一个权重(如 等级系数 × 工龄系数)。", "One weight per person (e.g. grade coefficient × seniority factor)."),
    unit: tx("金额单位:0.01(默认)、0.1 或 1。", "The money unit: 0.01 (default), 0.1 or 1."),
  },
  returns: tx("每人一个金额。", "One amount per person."),
  examples: [{ args: "100, {1;1;1}", result: "33.34, 33.33, 33.33", note: tx("多出的 1 分给第一行", "the odd cent goes to the first row") }],
};

const ROUND: FunctionDoc = {
  id: "ROUND",
  summary: tx("Excel 的 ROUND:十进制四舍五入(远离零),与 KPI Scorecard 中所有金额的取整方式一致。", "Excel's ROUND: decimal, half away from zero, as money is rounded everywhere in KPI Scorecard."),
  params: {
    number: tx("数字,或一列数字。", "The number, or a column of them."),
    digits: tx("保留的小数位数(默认 2)。", "Decimals to keep (default 2)."),
  },
  returns: tx("取整后的数字。", "The rounded number."),
  examples: [{ args: "1.005", result: "1.01", note: tx("按十进制,而不是二进制浮点", "decimal, not binary floating point") }],
};

const former = (doc: FunctionDoc, id: string, now: string): FunctionDoc => ({
  ...doc,
  id,
  summary: tx(`${doc.summary["zh-CN"]}(旧名,同 KPI.${now}。)`, `${doc.summary["en-US"]} (Former name of KPI.${now}.)`),
  examples: doc.examples.slice(0, 1),
});

/** Every function's documentation, found by id (the files written from it follow FUNCTION_SPECS's order). */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  SCORE,
  WEIGHTED,
  GRADE,
  BONUS,
  DEDUCT,
  DEDUCTED,
  BAND,
  LEVEL,
  STEPSUM,
  RATERSCORE,
  TIERED,
  POOL,
  ROUND,
  former(STEPSUM, "CUMULATIVE", "STEPSUM"),
  former(RATERSCORE, "BLEND", "RATERSCORE"),
];

export function functionDoc(id: string): FunctionDoc {
  const doc = FUNCTION_DOCS.find((d) => d.id === id);
  if (!doc) throw new Error(`no documentation for KPI.${id}`);
  return doc;
}

/** Where Excel's "help on this function" link goes: a page the add-in serves (src/help). */
export const helpPath = (id: string, lang: Lang): string => `help/${id.toLowerCase()}.html?lang=${lang}`;
