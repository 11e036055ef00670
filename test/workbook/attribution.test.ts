/**
 * Issue 14, item 3: each pay change attributed to its cause by evaluating again with one group
 * of changes at a time — this person's inputs, each setting, the others' data, people joining —
 * not guessed; a change only the combination explains says so; inputs that moved no pay are
 * listed apart. And for random edits: every changed line has a cause, and the changes add up to
 * the change in everyone's pay, to the cent.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { reconciliationLines, sumOfDifferences } from "../../src/workbook/reconciliation.js";
import { reportSheet } from "../../src/workbook/plan/report-sheet.js";
import { recalcPayouts, schemeAsEdited, schemeSettings, settingCells } from "../../src/workbook/read-back.js";
import { describeChange, describeUnmoved } from "../../src/workbook/recalc-words.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { liftRuleNumbers } from "../../src/workbook/plan/lift.js";
import { compileScheme } from "../../src/core/evaluate.js";
import type { Scheme } from "../../src/core/scheme/schema.js";
import type { PersonData } from "../../src/core/data.js";
import type { RecalcReport } from "../../src/workbook/read-back.js";
import { people, template } from "../helpers.js";

/** A workbook of `scheme` for `roster`, its setting cells, and how to recalculate it after edits. */
function workbook(scheme: Scheme, roster: PersonData[]) {
  const plan = buildWorkbookPlan(scheme, roster, { lang: "zh-CN", mode: "native" });
  const cells = settingCells(plan.names);
  const planned = schemeSettings(liftRuleNumbers(scheme).scheme, cells);
  /** The sheets as Excel holds them once the inputs and settings are edited, recalculated by `recalcPayouts`. */
  const recalc = (inputs: PersonData[], edits: Record<string, number>, previous: RecalcReport | null): RecalcReport => {
    const edited = schemeAsEdited(scheme, cells.map((c) => ({ ...c, value: c.name in edits ? edits[c.name] : planned[c.name] })), "en-US");
    if (!edited.ok) throw new Error(edited.problems.join("\n"));
    const [, ev, pay] = buildWorkbookPlan(scheme, inputs, { lang: "zh-CN", mode: "native" }).sheets;
    const results = compileScheme(edited.scheme).evaluateRoster(structuredClone(inputs));
    const evRows = ev.blocks[0].values.map((r) => r.map((v) => (typeof v === "object" && v !== null ? 0 : v)));
    const payRows = results.map((r) => pay.table!.keys.map((k) => (k === "id" ? r.id : k === "pay" ? r.payTotal / 100 : k.startsWith("pay:") ? r.pay[k.slice(4)] / 100 : null)));
    return recalcPayouts(edited.scheme, { keys: ev.table!.keys, rows: evRows }, { keys: pay.table!.keys, rows: payRows }, previous?.snapshot ?? null, cells, edited.settings);
  };
  return { recalc, first: recalc(roster, {}, null) };
}

const warehouse = template("warehouse");
const pool = template("cs-bonus-pool");
const w = (unrecorded: number, extra = 0) => ({ unrecorded_movements: unrecorded, stock_errors: 0, safety_violations: 0, extra_points: extra });

describe("attribution: which change moved each pay line", () => {
  it("a pool: one person's score moves everyone's share — the others are told whose change it was", () => {
    const roster = people(pool, [{ score: 95, years: 2 }, { score: 85, years: 3 }, { score: 75, years: 1 }]);
    const { recalc, first } = workbook(pool, roster);
    const after = structuredClone(roster);
    after[0].values.score = 70; // P1 falls from 优秀 to 合格
    const r = recalc(after, {}, first);
    const share = (id: string) => r.changes.find((c) => c.id === id && c.line === "pool_share")!;
    expect(share("P1").attribution!.inputs.map((x) => x.field)).toContain("score");
    expect(share("P2").attribution).toMatchObject({ inputs: [], settings: [], others: ["P1"], combined: false });
    expect(describeChange(r, share("P2"), "zh-CN").because).toBe("Person 1 的考核数据变动");
    expect(describeChange(r, share("P3"), "en-US").because).toBe("the changed data of Person 1");
  });

  it("two settings edited: each line names only the one that moves it", () => {
    const roster = people(warehouse, [w(0, 10), w(11)]); // totals 110 and 78
    const { recalc, first } = workbook(warehouse, roster);
    // the gate 80 → 70 lets P2 (78) in; the base 300 → 400 raises everyone paid
    const r = recalc(roster, { p_gate: 70, p_bonus_base: 400 }, first);
    const bonus = (id: string) => r.changes.find((c) => c.id === id && c.line === "bonus")!.attribution!;
    expect(bonus("P1").settings).toEqual(["p_bonus_base"]);
    // P2: the gate alone pays it (the base alone pays nothing below the gate)
    expect(bonus("P2").settings).toEqual(["p_gate"]);
    expect(bonus("P2").combined).toBe(false);
  });

  it("a change only the combination explains says so, naming every part", () => {
    const roster = people(warehouse, [w(0, 10), w(12)]); // P2: 100 − 2 × 12 = 76, below the gate 80
    const { recalc, first } = workbook(warehouse, roster);
    const after = structuredClone(roster);
    after[1].values.unrecorded_movements = 11; // 78: still below 80 on its own
    // the gate 80 → 78 alone leaves 76 out; only both together pay P2
    const r = recalc(after, { p_gate: 78 }, first);
    const c = r.changes.find((x) => x.id === "P2" && x.line === "bonus")!;
    expect(c.attribution).toMatchObject({ combined: true, settings: ["p_gate"] });
    expect(c.attribution!.inputs.map((x) => x.field)).toContain("unrecorded_movements");
    expect(describeChange(r, c, "en-US").because).toBe(
      "no change alone moves this amount, only these together: Unrecorded stock movements 12 → 11; Total 76 → 78; the setting “No bonus below” changed",
    );
  });

  it("input changes that moved no pay are listed apart", () => {
    const roster = people(warehouse, [w(0, 10), w(11)]);
    const { recalc, first } = workbook(warehouse, roster);
    const after = structuredClone(roster);
    after[0].values.extra_points = 20; // P1's bonus follows the total: it moves
    after[1].values.unrecorded_movements = 12; // P2 stays below the gate: paid 0 as before
    const r = recalc(after, {}, first);
    expect([...new Set(r.changes.map((c) => c.id))]).toEqual(["P1"]);
    expect(r.unmoved.map((u) => u.id)).toEqual(["P2"]);
    expect(describeUnmoved(r, r.unmoved.find((u) => u.id === "P2")!, "en-US")).toBe("P2 Person 2: Unrecorded stock movements 11 → 12 (pay unchanged)");
  });

  it("a person who joins a pool: they are new, and the others' shares moved because they joined", () => {
    const roster = people(pool, [{ score: 95, years: 2 }, { score: 85, years: 3 }, { score: 75, years: 1 }]);
    const { recalc, first } = workbook(pool, roster.slice(0, 2));
    const r = recalc(roster, {}, first);
    const p3 = r.changes.find((c) => c.id === "P3" && c.line === "pool_share")!;
    expect(p3.attribution!.person).toBe("joined");
    expect(describeChange(r, p3, "zh-CN").because).toBe("新加入考核表的人员");
    const p1 = r.changes.find((c) => c.id === "P1" && c.line === "pool_share")!.attribution!;
    expect(p1).toMatchObject({ joined: ["P3"], others: [], inputs: [], combined: false });
  });
});

describe("attribution for random edits (property)", () => {
  const cases = [
    { scheme: warehouse, rows: (n: number) => Array.from({ length: n }, (_, i) => w(i % 12, (i * 7) % 15)), inputs: ["unrecorded_movements", "extra_points"], settings: ["p_gate", "p_bonus_base"] },
    { scheme: pool, rows: (n: number) => Array.from({ length: n }, (_, i) => ({ score: 60 + ((i * 13) % 40), years: i % 6 })), inputs: ["score", "years"], settings: ["p_pool_budget", "p_coef_good"] },
  ];
  it.each(cases.map((c) => [c.scheme.id, c] as const))("%s: every changed line has a cause; the pay changes add up to the change in everyone's pay", (_id, c) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.record({ who: fc.nat(), input: fc.constantFrom(...c.inputs), value: fc.integer({ min: 0, max: 99 }) }), { maxLength: 4 }),
        fc.array(fc.record({ name: fc.constantFrom(...c.settings), factor: fc.constantFrom(0.5, 0.9, 1.1, 1.5) }), { maxLength: 2 }),
        (n, edits, settings) => {
          const roster = people(c.scheme, c.rows(n));
          const { recalc, first } = workbook(c.scheme, roster);
          const after = structuredClone(roster);
          for (const e of edits) after[e.who % n].values[e.input] = e.value;
          const planned = first.snapshot.settings;
          const changed = Object.fromEntries(settings.map((s) => [s.name, Math.round(planned[s.name] * s.factor)]));
          const r = recalc(after, changed, first);
          for (const ch of r.changes) {
            const a = ch.attribution!;
            const causes = a.inputs.length + a.settings.length + a.others.length + a.joined.length + a.left.length + (a.person ? 1 : 0);
            expect(causes, `${ch.id} ${ch.line}`).toBeGreaterThan(0);
          }
          const moved = r.changes.filter((x) => x.line === "pay").reduce((s, x) => s + (x.after ?? 0) - (x.before ?? 0), 0);
          expect(moved).toBe(r.totals.after - r.totals.before!);
          // the report's lines (pay lines, not totals) add up to the same, and its check says so
          expect(sumOfDifferences(reconciliationLines(r, "zh-CN"))).toBe(r.totals.after - r.totals.before!);
          const sheet = reportSheet(r, { lang: "zh-CN", name: "核对", source: "w.xlsx", when: "2026-12-02 10:00", calculated: true });
          const check = sheet.blocks.find((b) => b.values[0][0] === "核对:差额合计 = 全员发放合计之差")!;
          expect(check.cached![0][6]).toBe("一致");
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
