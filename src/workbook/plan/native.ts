/**
 * Native formulas: each rule of src/core written as standard Excel functions only (IF, MIN,
 * MAX, ROUND, INT, ROUNDUP, CHOOSE, AND, OR, NA), so a workbook keeps computing without the
 * add-in, in Excel 2016 and later and in LibreOffice.
 *
 * This is the one place where the scoring math is written a second time, in another language;
 * the operations are kept in the same order as the TypeScript (no SUM, whose compensated
 * summation in LibreOffice could differ in the last bit) so that both give the same doubles, and
 * the LibreOffice test (test/workbook/libreoffice.test.ts) holds every template to the cent.
 */
import type { Expr, Const } from "../../core/expr.js";
import type { Rule } from "../../core/rules/index.js";
import type { Schedule } from "../../core/rules/schedules.js";
import type { PersonPay } from "../../core/pay/index.js";
import type { Condition } from "../../core/pay/condition.js";
import { numberLiteral, textLiteral } from "./a1.js";

/** How a formula names the things a rule refers to, in one row of the evaluation sheet. */
export interface FormulaContext {
  /** The cell of an input, derived value or computed column in this row. */
  cell(column: string): string;
  /** The defined name of a scheme parameter. */
  param(id: string): string;
  /** The cell holding the total, the grade coefficient, or full marks as a literal. */
  value(name: "total" | "coefficient" | "full"): string;
  /** How an option of an option input is written in the sheet (its label). */
  option(input: string, optionId: string): string;
  /** How a yes/no input's value is written in the sheet. */
  yes(): string;
  /** The parameter's value now, to order band thresholds when writing the formula. */
  paramValue(id: string): number;
}

const paren = (s: string) => (/^[\w.$'!:"]+$/.test(s) || /^\(.*\)$/.test(s) ? s : `(${s})`);

export function constFormula(c: Const, f: FormulaContext): string {
  return typeof c === "number" ? numberLiteral(c) : f.param(c.param);
}

export function constNow(c: Const, f: FormulaContext): number {
  return typeof c === "number" ? c : f.paramValue(c.param);
}

export function exprFormula(e: Expr, f: FormulaContext): string {
  if (typeof e === "number") return numberLiteral(e);
  if ("param" in e) return f.param(e.param);
  if ("input" in e) return f.cell(e.input);
  if ("value" in e) return f.value(e.value);
  if ("op" in e) {
    const args = e.args.map((a) => paren(exprFormula(a, f)));
    if (e.op === "min") return `MIN(${args.join(",")})`;
    if (e.op === "max") return `MAX(${args.join(",")})`;
    return `(${args.join(e.op)})`;
  }
  // pick: the option cell chooses the expression
  const entries = Object.entries(e.from);
  const cell = f.cell(e.pick);
  return entries.reduceRight((rest, [option, x]) => `IF(${cell}=${textLiteral(f.option(e.pick, option))},${exprFormula(x, f)},${rest})`, "NA()");
}

/** Band table as nested IFs, thresholds ordered as the core orders them. */
function bandsFormula(
  value: string,
  direction: "at-least" | "at-most",
  bands: readonly { threshold: Const; points: Expr }[],
  otherwise: string,
  f: FormulaContext,
): string {
  const sorted = [...bands].sort((a, b) =>
    direction === "at-least" ? constNow(b.threshold, f) - constNow(a.threshold, f) : constNow(a.threshold, f) - constNow(b.threshold, f),
  );
  const cmp = direction === "at-least" ? ">=" : "<=";
  return sorted.reduceRight((rest, b) => `IF(${value}${cmp}${constFormula(b.threshold, f)},${exprFormula(b.points, f)},${rest})`, otherwise);
}

export function scheduleFormula(s: Schedule, count: string, f: FormulaContext): string {
  switch (s.kind) {
    case "per-unit": {
      const n = s.maxCount === undefined ? count : `MIN(${count},${constFormula(s.maxCount, f)})`;
      return `${n}*${paren(exprFormula(s.rate, f))}`;
    }
    case "cumulative": {
      // cost of the first k units for k = 0 … n, then the last step repeats
      const steps = s.steps.map((x) => constFormula(x, f));
      const prefixes = ["0"];
      steps.forEach((x, i) => prefixes.push(i === 0 ? `0+${paren(x)}` : `${prefixes[i]}+${paren(x)}`));
      const n = steps.length;
      return `IF(${count}<=${n},CHOOSE(${count}+1,${prefixes.join(",")}),(${prefixes[n]})+(${count}-${n})*${paren(steps[n - 1])})`;
    }
    case "count-bands":
      return bandsFormula(count, "at-least", s.bands, "0", f);
  }
}

/** An input read as a count: blank is 0 (as the core's countValue). */
const countOf = (cell: string) => `N(${cell})`;

/**
 * The points of a rule for the value in `value` (a cell) before rounding; `input` is the input
 * that cell belongs to (a levels rule compares it with that input's option labels).
 */
export function ruleFormula(rule: Rule, value: string, input: string, full: number, f: FormulaContext): string {
  const fullText = numberLiteral(full);
  switch (rule.kind) {
    case "ratio": {
      const t = paren(exprFormula(rule.target, f));
      const cap = constFormula(rule.cap, f);
      const guard = (body: string) => `IF(${t}<=0,NA(),${body})`;
      if (rule.direction === "higher") return guard(`${fullText}*MIN(MAX(0,${value}/${t}),${cap})`);
      return guard(`IF(${value}<=0,${fullText}*${cap},${fullText}*MIN(${t}/${value},${cap}))`);
    }
    case "bands":
      return bandsFormula(value, rule.direction, rule.bands, exprFormula(rule.otherwise, f), f);
    case "deduct-per-step": {
      const limit = paren(constFormula(rule.limit, f));
      const step = paren(constFormula(rule.step, f));
      const per = paren(constFormula(rule.points, f));
      const excess = rule.direction === "above" ? `(${value}-${limit})` : `(${limit}-${value})`;
      const q = `ROUND(${excess}/${step},9)`;
      const steps = rule.partial === "whole" ? `ROUNDUP(${q},0)` : rule.partial === "prorate" ? q : `INT(${q})`;
      return `MAX(0,${fullText}-IF(${excess}<=0,0,${steps})*${per})`;
    }
    case "levels":
      return Object.entries(rule.points).reduceRight(
        (rest, [option, x]) => `IF(${value}=${textLiteral(f.option(input, option))},${exprFormula(x, f)},${rest})`,
        "NA()",
      );
    case "direct": {
      const min = rule.min === undefined ? numberLiteral(Math.min(0, full)) : constFormula(rule.min, f);
      const max = rule.max === undefined ? numberLiteral(Math.max(0, full)) : constFormula(rule.max, f);
      return `MIN(${max},MAX(${min},${value}))`;
    }
    case "items": {
      const raw = scheduleFormula(rule.schedule, value, f);
      const withMin = rule.min === undefined ? raw : `MAX(${constFormula(rule.min, f)},${raw})`;
      return rule.max === undefined ? withMin : `MIN(${constFormula(rule.max, f)},${withMin})`;
    }
    case "deductions": {
      const deducted = rule.items.map((i) => paren(scheduleFormula(i.schedule, countOf(f.cell(i.input)), f))).join("+");
      const body = `MAX(0,${fullText}-(${deducted}))`;
      return rule.zeroWhen ? `IF(${countOf(f.cell(rule.zeroWhen.input))}>${numberLiteral(rule.zeroWhen.above)},0,${body})` : body;
    }
  }
}

export function conditionFormula(c: Condition, f: FormulaContext, inputType: (id: string) => string): string {
  const cell = f.cell(c.input);
  const type = inputType(c.input);
  let right: string;
  if (typeof c.value === "boolean") {
    const yes = `${cell}=${textLiteral(f.yes())}`;
    const test = c.value ? yes : `NOT(${yes})`;
    return c.op === "!=" ? `NOT(${test})` : test;
  }
  if (typeof c.value === "string") right = textLiteral(type === "option" ? f.option(c.input, c.value) : c.value);
  else right = numberLiteral(c.value);
  const op = c.op === "!=" ? "<>" : c.op;
  return `${cell}${op}${right}`;
}

/** A per-person pay line's amount in yuan, before rounding. */
export function payFormula(rule: PersonPay, f: FormulaContext): string {
  const total = f.value("total");
  const full = f.value("full");
  switch (rule.kind) {
    case "amount":
      return exprFormula(rule.amount, f);
    case "coefficient":
      return `${paren(exprFormula(rule.base, f))}*${f.value("coefficient")}`;
    case "score-linear": {
      const a = paren(exprFormula(rule.amount, f));
      const raw = `(${a}*${total})/${full}`;
      const capped = rule.cap === undefined ? raw : `MIN(${raw},${exprFormula(rule.cap, f)})`;
      return rule.gate === undefined ? capped : `IF(${total}<${constFormula(rule.gate, f)},0,${capped})`;
    }
    case "gate-proportional": {
      const b = paren(exprFormula(rule.base, f));
      const proportional = rule.between === "proportional" ? `(${b}*${total})/${full}` : `IF(${total}>${full},(${b}*${total})/${full},${b})`;
      return `IF(${total}<${constFormula(rule.gate, f)},0,${proportional})`;
    }
    case "scaled": {
      let c = exprFormula(rule.completion, f);
      if (rule.minCompletion !== undefined) c = `MAX(${constFormula(rule.minCompletion, f)},${c})`;
      else c = `MAX(0,${c})`;
      if (rule.maxCompletion !== undefined) c = `MIN(${constFormula(rule.maxCompletion, f)},${c})`;
      return `${paren(exprFormula(rule.amount, f))}*${c}`;
    }
    case "piece-rate": {
      const pieces = rule.lines
        .map((l) => {
          const n = countOf(f.cell(l.input));
          const capped = l.maxCount === undefined ? n : `MIN(${n},${constFormula(l.maxCount, f)})`;
          return `${capped}*${paren(exprFormula(l.rate, f))}`;
        })
        .join("+");
      const rewards = rule.rewards.map((r) => `IF((${r.inputs.map((i) => countOf(f.cell(i))).join("+")})>${constFormula(r.above, f)},${exprFormula(r.amount, f)},0)`);
      // (pieces) + (rewards): the core adds the two sums, each summed on its own
      const sum = rewards.length ? `((${pieces})+(${rewards.join("+")}))` : `(${pieces})`;
      return rule.completion ? `${sum}*${paren(exprFormula(rule.completion, f))}` : sum;
    }
    case "tiered": {
      const v = paren(exprFormula(rule.amount, f));
      const scale = constFormula(rule.scale, f);
      const brackets = rule.brackets.map((b) => ({ upTo: b.upTo === null ? null : constFormula(b.upTo, f), rate: paren(constFormula(b.rate, f)) }));
      let body: string;
      if (rule.mode === "whole") {
        const last = brackets[brackets.length - 1];
        body = brackets.slice(0, -1).reduceRight((rest, b) => `IF(${v}<=${b.upTo},${v}*${b.rate},${rest})`, `${v}*${last.rate}`);
      } else {
        body = brackets
          .map((b, i) => {
            const lower = i === 0 ? "0" : brackets[i - 1].upTo!;
            const top = b.upTo === null ? v : `MIN(${v},${b.upTo})`;
            const slice = `(${top}-${lower})*${b.rate}`;
            return i === 0 ? slice : `IF(${v}>${lower},${slice},0)`;
          })
          .join("+");
      }
      return `IF(${v}<=0,0,(${body}))*${scale}`;
    }
    case "profit-share": {
      const n = paren(exprFormula(rule.staffCount, f));
      const share = `(${paren(exprFormula(rule.companyCosts, f))}/${n})`;
      const newBearing = rule.monthsRegular
        ? `IF(${paren(exprFormula(rule.monthsRegular, f))}<=${constFormula(rule.newMonths, f)},${constFormula(rule.newBearing, f)},1)`
        : "1";
      const bearing = `IF(${n}=1,MIN(${newBearing},${constFormula(rule.soleMaxBearing, f)}),${newBearing})`;
      const base = `(${paren(exprFormula(rule.profit, f))}-${share}*${bearing}-${paren(exprFormula(rule.ownCost, f))})`;
      return `IF(${n}<1,NA(),MAX(0,${base}*${constFormula(rule.rate, f)}))`;
    }
  }
}
