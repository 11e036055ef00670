/**
 * Plausible input data for a scheme, reproducible by seed: what a user would fill in, drawn
 * from each input's `sample` range (or its min/max). Used by `kpi-scorecard sample`, the
 * benchmarks, and the tests that run every template end to end.
 */
import { formatDate } from "./dates.js";
import type { Scheme } from "./scheme/schema.js";
import { dataColumns, needsPeriod, rateCountsOnly } from "./data.js";

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏宇浩然欣怡子涵梓萱晨阳思远佳琪嘉怡一鸣雨桐";

export interface SampleOptions {
  rows: number;
  seed?: number;
  /** Number of consecutive months per person (adds a `period` column when > 0). */
  periods?: number;
  /** First period label, "2026-01" by default. */
  firstPeriod?: string;
}

export interface SampleTable {
  header: string[];
  rows: string[][];
}

function monthLabel(first: string, offset: number): string {
  const [y, m] = first.split("-").map(Number);
  const k = y * 12 + (m - 1) + offset;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
}

export function sampleData(scheme: Scheme, opts: SampleOptions): SampleTable {
  const countsOnly = rateCountsOnly(scheme);
  const rand = seededRandom(opts.seed ?? 1);
  const columns = dataColumns(scheme);
  // a scheme that compares dates with the evaluated month gets a period column: one month by default
  const periods = opts.periods ?? (needsPeriod(scheme) ? 1 : 0);
  const header = ["id", "name", ...(periods > 0 ? ["period"] : []), ...columns.map((c) => c.column)];
  const people = Array.from({ length: opts.rows }, (_, i) => {
    const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)];
    const given = GIVEN[Math.floor(rand() * GIVEN.length)] + (rand() < 0.5 ? GIVEN[Math.floor(rand() * GIVEN.length)] : "");
    return { id: `E${String(i + 1).padStart(5, "0")}`, name: surname + given };
  });
  // Per-person constants stay the same from month to month (status, level, years …).
  const constantTypes = new Set(["option", "boolean", "text", "date"]);
  const fixed = people.map(() => new Map<string, string>());
  const rows: string[][] = [];
  for (let p = 0; p < Math.max(1, periods); p++) {
    people.forEach((person, i) => {
      const row = [person.id, person.name];
      if (periods > 0) row.push(monthLabel(opts.firstPeriod ?? "2026-01", p));
      for (const c of columns) {
        const known = fixed[i].get(c.column);
        if (known !== undefined) {
          row.push(known);
          continue;
        }
        // counts that only stand in for a rate stay blank: the sample gives the rate
        if (countsOnly.has(c.input.id)) {
          row.push("");
          continue;
        }
        const v = sampleValue(c.input, rand);
        if (constantTypes.has(c.input.type)) fixed[i].set(c.column, v);
        row.push(v);
      }
      rows.push(row);
    });
  }
  return { header, rows };
}

function sampleValue(input: Scheme["inputs"][number], rand: () => number): string {
  switch (input.type) {
    case "option": {
      const options = input.options ?? [];
      // The first option is the usual case (regular staff, …): 80 %.
      if (rand() < 0.8 || options.length === 1) return options[0].id;
      return options[1 + Math.floor(rand() * (options.length - 1))].id;
    }
    case "boolean":
      return rand() < 0.2 ? "yes" : "no";
    case "text":
      return "";
    case "date": {
      // serials in the template's sample range, written as people write dates
      const lo = input.sample?.min ?? 45658;
      const hi = input.sample?.max ?? lo + 365;
      return formatDate(Math.floor(lo + rand() * (hi - lo + 1)));
    }
  }
  const lo = input.sample?.min ?? input.min ?? 0;
  const hi = input.sample?.max ?? input.max ?? lo + 100;
  const decimals = input.type === "integer" ? 0 : (input.sample?.decimals ?? 0);
  let v = lo + rand() * (hi - lo);
  if (input.min !== undefined) v = Math.max(input.min, v);
  if (input.max !== undefined) v = Math.min(input.max, v);
  const text = v.toFixed(decimals);
  return text === "-0" || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}
