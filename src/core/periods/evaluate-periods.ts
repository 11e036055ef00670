/**
 * Evaluation over several periods: each period is evaluated as a roster of its own, then each
 * person's periods are walked in order for the rules across periods (streak flags, first-place
 * streak awards, tiers) and rolled up (quarter or year) by mean or sum.
 */
import { constValue } from "../expr.js";
import { roundPoints, toCents, sumCents } from "../money.js";
import { findBand, sortBandsDesc } from "../totals.js";
import { checkedPayTotal, personError, type CompiledScheme, type PersonResult } from "../evaluate.js";
import type { PersonData } from "../data.js";
import { EvaluationError } from "../errors.js";
import { failedCondition } from "../condition.js";
import { forcedDistribution } from "../roster/forced-distribution.js";
import { formatPeriod, parsePeriod, periodOrdinal, rollupOf } from "./period.js";
import { runLengths, streakAward, streakHit, tierBands, tierFor, type PeriodPoint } from "./streaks.js";

export interface RollupResult {
  id: string;
  name: string;
  period: string;
  /** The periods rolled up, in order. */
  from: string[];
  total: number;
  grade: string | null;
  payTotal: number;
  /** The capped award of the roll-up, when the scheme gives its awards there. */
  award: string | null;
}

export interface PeriodsResult {
  /** All period results, in period order then roster order. */
  results: PersonResult[];
  rollups: RollupResult[];
}

export function evaluatePeriods(compiled: CompiledScheme, people: readonly PersonData[]): PeriodsResult {
  const scored = new Array<PersonResult>(people.length);
  for (let i = 0; i < people.length; i++) scored[i] = compiled.scorePerson(people[i]);
  return finishPeriods(compiled, scored);
}

/**
 * The same, for people already scored one by one (compiled.scorePerson, in roster order: the
 * command line scores each as the roster is read): each period's roster finished as a roster of
 * its own, then the rules across periods.
 */
export function finishPeriods(compiled: CompiledScheme, scored: readonly PersonResult[]): PeriodsResult {
  const { scheme, env } = compiled;
  const byPeriod = new Map<string, PersonResult[]>();
  // (indexed loops over the roster here: this function runs once, mostly in V8's interpreter, where
  // a for-of makes an object per step)
  for (let i = 0; i < scored.length; i++) {
    const r = scored[i];
    const key = r.period ?? "";
    let own = byPeriod.get(key);
    if (!own) byPeriod.set(key, (own = []));
    own.push(r);
  }
  const labels = [...byPeriod.keys()];
  const parsed = new Map(labels.map((l) => [l, l === "" ? null : parsePeriod(l)]));
  const kinds = new Set([...parsed.values()].map((p) => p?.kind ?? "none"));
  if (kinds.size > 1) throw new EvaluationError("period.mixed", { kinds: [...kinds].join(", ") });
  labels.sort((a, b) => (parsed.get(a) && parsed.get(b) ? periodOrdinal(parsed.get(a)!) - periodOrdinal(parsed.get(b)!) : 0));

  // each period's roster finished, and what the rules across periods need of the period: how many
  // were evaluated in it, the last rank, its place in time (found once per result by its label)
  const results: PersonResult[] = [];
  const facts = new Map<string, { ordinal: number | null; size: number; lastRank: number }>();
  for (const label of labels) {
    const own = compiled.finishRoster(byPeriod.get(label)!);
    let size = 0;
    let lastRank = 0;
    // (one by one, not push(...spread): a spread of 200,000 results overflows the call stack)
    for (let i = 0; i < own.length; i++) {
      const r = own[i];
      results.push(r);
      if (r.excluded) continue;
      size++;
      lastRank = Math.max(lastRank, r.rank);
    }
    const p = parsed.get(label);
    facts.set(label, { ordinal: p ? periodOrdinal(p) : null, size, lastRank });
  }

  const streakLines = scheme.pay.filter((l) => l.rule.kind === "streak-award");
  const roll = scheme.periods.rollup;
  // rows with periods of one kind (months, say) are rolled up (into quarters); rows without are not
  const rollingUp = roll !== undefined && kinds.size === 1 && !kinds.has("none");
  if (scheme.periods.streaks.length === 0 && streakLines.length === 0 && !scheme.periods.tiers && !roll) return { results, rollups: [] };

  // Per person, their evaluated results in period order (with one period, each person has one).
  // A period in which a person was not evaluated (probation, long leave) is a gap: it breaks a
  // streak and does not count in a roll-up, rather than counting as a score of 0.
  const evaluated = results.filter((r) => !r.excluded);
  // each person's results: with one period, each result is a person of its own (no map keyed by
  // 100,000 strings; and without a roll-up, no list per person either: see the loop below)
  let histories: PersonResult[][] = [];
  if (labels.length === 1) {
    if (rollingUp) histories = evaluated.map((r) => [r]);
  } else {
    const byPerson = new Map<string, PersonResult[]>();
    for (let i = 0; i < evaluated.length; i++) {
      const r = evaluated[i];
      if (!byPerson.has(r.id)) byPerson.set(r.id, []);
      byPerson.get(r.id)!.push(r);
    }
    histories = [...byPerson.values()];
  }

  // a streak line's amounts are the scheme's: read once, not per person
  const streakAmounts = new Map(streakLines.map((line) => [line.id, line.rule.kind === "streak-award" ? line.rule.amounts.map((a) => constValue(a, env)) : []]));
  // what each rule tests and the tiers' bands, made once for the roster rather than per person
  const streaks = scheme.periods.streaks.map((rule) => ({ rule, hit: streakHit(rule, env) }));
  const firstPlace = (p: PeriodPoint) => p.rank === 1;
  const tiers = scheme.periods.tiers;
  const bands = tiers ? tierBands(tiers, env) : [];
  // one person's periods, in order: a function of its own, so that V8 optimises it as one (the loop
  // around it runs once per roster and would be compiled on the stack, then thrown away)
  const acrossPeriods = (list: PersonResult[]): void => {
    const points = new Array<PeriodPoint>(list.length);
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      const f = facts.get(r.period ?? "")!;
      points[i] = {
        ordinal: f.ordinal ?? i,
        total: r.total,
        rank: r.rank,
        last: f.size > 1 && r.rank === f.lastRank && r.rank !== 1,
      };
    }
    for (const { rule, hit } of streaks) {
      const runs = runLengths(points, hit);
      for (let i = 0; i < runs.length; i++) {
        const n = runs[i];
        if (n >= rule.count) {
          list[i].flags.push(rule.id);
          if (compiled.tracing) list[i].trace.push({ target: rule.id, kind: "flag", result: rule.id, reason: { key: `why.streak.${rule.when}`, vars: { count: n } } });
        }
      }
    }
    for (const line of streakLines) {
      if (line.rule.kind !== "streak-award") continue;
      const amounts = streakAmounts.get(line.id)!;
      const runs = runLengths(points, firstPlace);
      runs.forEach((n, i) => {
        // the line's condition (regular staff only, say) holds for streak awards too
        const eligible = failedCondition(line.when, { values: list[i].values, period: list[i].period }, env.params) === null;
        let cents = 0;
        if (eligible && !list[i].excluded) {
          // an award past what one line may pay is refused with the person it would have paid
          try {
            cents = toCents(streakAward(amounts, n), compiled.moneyDigits);
          } catch (e) {
            throw personError(list[i], e);
          }
        }
        // the line was 0 until now (the engine leaves rules across periods to this pass)
        const before = list[i].pay[line.id] ?? 0;
        list[i].pay[line.id] = cents;
        list[i].payTotal = checkedPayTotal(list[i], list[i].payTotal - before + cents);
        if (compiled.tracing) list[i].trace.push({ target: line.id, kind: "pay", rule: "streak-award", params: line.rule, result: cents / 100, reason: { key: "why.pay.streak", vars: { run: n } } });
      });
    }
    if (tiers) {
      for (let i = 0; i < list.length; i++) {
        // only a window of consecutive periods counts
        const window: number[] = [];
        for (let j = i; j >= 0 && window.length < tiers.window; j--) {
          if (j < i && points[j].ordinal !== points[j + 1].ordinal - 1) break;
          window.unshift(list[j].total);
        }
        list[i].tier = tierFor(tiers.window, bands, window);
      }
    }
  };
  if (labels.length === 1 && !rollingUp) {
    // one period and no roll-up: each person's one result, passed in one list reused for everyone
    const one: PersonResult[] = [];
    for (let i = 0; i < evaluated.length; i++) {
      one[0] = evaluated[i];
      acrossPeriods(one);
    }
  } else for (let i = 0; i < histories.length; i++) acrossPeriods(histories[i]);

  const rollups: RollupResult[] = [];
  if (rollingUp) {
    const grades = sortBandsDesc(scheme.grades.map((g) => ({ id: g.id, min: constValue(g.min, env) })));
    for (let h = 0; h < histories.length; h++) {
      const list = histories[h];
      const groups = new Map<string, PersonResult[]>();
      for (const r of list) {
        const key = formatPeriod(rollupOf(parsed.get(r.period ?? "")!, roll.to));
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(r);
      }
      for (const [period, group] of groups) {
        const sum = group.reduce((s, r) => s + r.total, 0);
        const total = roundPoints(roll.method === "mean" ? sum / group.length : sum, scheme.scoreDigits);
        rollups.push({
          id: group[0].id,
          name: group[0].name,
          period,
          from: group.map((r) => r.period ?? ""),
          total,
          grade: roll.method === "mean" ? (findBand(total, grades)?.id ?? null) : null,
          payTotal: sumCents(group.map((r) => r.payTotal)),
          award: null,
        });
      }
    }
    // capped awards per quarter or year: among everyone rolled up into the same period
    if (scheme.awards.length && scheme.awardsOn === "rollup") {
      const byRollup = new Map<string, RollupResult[]>();
      for (const u of rollups) {
        if (!byRollup.has(u.period)) byRollup.set(u.period, []);
        byRollup.get(u.period)!.push(u);
      }
      for (const group of byRollup.values()) {
        const given = forcedDistribution(scheme.awards, group.map((u) => u.total), env);
        group.forEach((u, i) => (u.award = given[i]));
      }
    }
  }
  return { results, rollups };
}
