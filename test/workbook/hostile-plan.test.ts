/**
 * Issue 9, the workbook plan and the records that carry people's ids: each case reproduced a
 * wrong number or a lost person before it was fixed.
 */
import { describe, expect, it } from "vitest";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { payoutChanges, payoutSnapshot, snapshotTotal, asSnapshot } from "../../src/core/payout-changes.js";
import { generationRecord, recordFromXml, recordXml } from "../../src/workbook/generation-record.js";
import { recalcWorkbookFile } from "../../src/workbook/recalc-file.js";
import type { WorkbookPlan } from "../../src/workbook/plan/types.js";
import { formulaTexts, people as peopleOf, scheme as schemeOf, template } from "../helpers.js";
import { hostileLabels, HOSTILE_IDS } from "./hostile.js";

const formulas = (p: WorkbookPlan) => p.sheets.flatMap((s) => formulaTexts(s));

function samplePeople(id: string, rows: number, periods?: number) {
  const scheme = builtInSchemes().find((s) => s.id === id)!;
  const sample = sampleData(scheme, { rows, seed: 5, periods, firstPeriod: "2026-01" });
  return { scheme, ...parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), scheme) };
}

describe("formulas cannot be fooled by text", () => {
  it.each(builtInSchemes().map((s) => s.id))("%s: every MATCH is given an escaped id, no COUNTIF compares text", (id) => {
    const single = samplePeople(id, 6);
    const periods = samplePeople(id, 4, 3);
    for (const p of [single, periods]) {
      const f = formulas(buildWorkbookPlan(p.scheme, p.people, { lang: "zh-CN", mode: "native" })).join("\n");
      for (const m of f.matchAll(/MATCH\(/g)) expect(f.slice(m.index! + 6, m.index! + 6 + 11)).toBe("SUBSTITUTE(");
      // COUNTIF only with a number criterion (">"&total for the rank), never a label or an id
      for (const m of f.matchAll(/COUNTIF\(([^,]+),([^)]*)\)/g)) expect(m[2]).toMatch(/^">=?"&\$[A-Z]+\$?\d+$/);
      expect(f).not.toMatch(/SUMIF|VLOOKUP|HLOOKUP|SEARCH\(/);
    }
  });
  it("drop-down lists come from the scheme sheet by name, whatever the labels hold", async () => {
    const scheme = hostileLabels(template("logistics-cs"));
    const plan = buildWorkbookPlan(scheme, [], { lang: "zh-CN", mode: "native" });
    const file = openXlsx(await writeXlsx(plan));
    const lists = plan.sheets[1].validations.filter((v) => v.type === "list" && v.source);
    const optionInputs = scheme.inputs.filter((i) => i.type === "option");
    expect(lists).toHaveLength(optionInputs.length);
    for (const input of optionInputs) {
      const v = lists.find((l) => l.prompt.includes(input.options![0].label["zh-CN"].slice(0, 3)))!;
      const at = file.names.get(v.source!)!;
      const [a, b] = at.ref.replace(/\$/g, "").split(":");
      const col = a.replace(/\d+/g, "");
      const rows = file.rows(at.sheet);
      const labels = [];
      for (let r = Number(a.replace(/\D+/g, "")); r <= Number(b.replace(/\D+/g, "")); r++) labels.push(rows[r - 1][col.charCodeAt(0) - 65].value);
      expect(labels).toEqual(input.options!.map((o) => o.label["zh-CN"]));
      // the list is longer than Excel allows inline, and holds commas and quotes
      expect(labels.join(",").length).toBeGreaterThan(255);
    }
    for (const v of plan.sheets.flatMap((s) => s.validations)) {
      if (v.list) expect(v.list.join(",")).not.toMatch(/"/);
      expect([...v.prompt].length).toBeLessThanOrEqual(255);
      expect([...v.error].length).toBeLessThanOrEqual(225);
      expect([...v.promptTitle].length).toBeLessThanOrEqual(32);
    }
  });
  it("two parameter ids that differ only by - and _ get two defined names, each on its own cell", () => {
    const raw = JSON.parse(JSON.stringify(template("warehouse")));
    const base = raw.parameters.find((p: { id: string }) => p.id === "bonus_base");
    raw.parameters.push({ ...base, id: "bonus-base", value: base.value + 200 });
    const scheme = schemeOf(raw);
    const plan = buildWorkbookPlan(scheme, [], { lang: "en-US", mode: "native" });
    const names = plan.names.map((n) => n.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const plain = plan.names.find((n) => n.setting?.id === "bonus_base")!;
    const dashed = plan.names.find((n) => n.setting?.id === "bonus-base")!;
    expect([plain.name, dashed.name]).toEqual(["p_bonus_base", "p_bonus_base_2"]);
    expect(plain.ref).not.toBe(dashed.ref);
  });
});

describe("people whose ids are Object's own words", () => {
  const ids = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
  it("are in the snapshot, its total, the stored record and the change list", () => {
    const scheme = template("warehouse");
    const rows = ids.map((id, i) => ({ id, unrecorded_movements: i, stock_errors: 0, safety_violations: 0, extra_points: 0 }));
    const before = payoutSnapshot(compileScheme(scheme).evaluateRoster(peopleOf(scheme, rows)));
    expect(Object.keys(before.people).sort()).toEqual([...ids].sort());
    const changed = rows.map((r) => ({ ...r, unrecorded_movements: r.unrecorded_movements + 15 }));
    const after = payoutSnapshot(compileScheme(scheme).evaluateRoster(peopleOf(scheme, changed)));
    const stored = recordFromXml(recordXml({ scheme, layout: null, snapshot: before }))!.snapshot!;
    expect(Object.keys(stored.people).sort()).toEqual([...ids].sort());
    expect(snapshotTotal(stored)).toBe(snapshotTotal(before));
    const changes = payoutChanges(stored, after);
    expect(new Set(changes.map((c) => c.id))).toEqual(new Set(ids.filter((_, i) => before.people[ids[i]].lines.pay !== after.people[ids[i]].lines.pay)));
    expect(changes.length).toBeGreaterThan(0);
    // the pane's stored snapshot (plain JSON) too
    const fromJson = asSnapshot(JSON.parse(JSON.stringify(before)))!;
    expect(Object.keys(fromJson.people).sort()).toEqual([...ids].sort());
    expect(fromJson.people["toString"]).toEqual(before.people["toString"]);
  });
  it("a person whose id is toString is not found where there is none", () => {
    const scheme = template("warehouse");
    const snap = payoutSnapshot(compileScheme(scheme).evaluateRoster(peopleOf(scheme, [{ id: "A1", unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 0 }])));
    expect(snap.people["toString"]).toBeUndefined();
    expect(payoutChanges(snap, snap)).toEqual([]);
  });
});

describe("ids that Excel would take for one", () => {
  it("ids differing only in case are refused, naming both lines", () => {
    const scheme = template("warehouse");
    const header = ["id", "name", "unrecorded_movements", "stock_errors", "safety_violations", "extra_points"];
    const { problems } = parseRecords(header, [{ line: 2, cells: ["H1", "甲", "0", "0", "0", "0"] }, { line: 3, cells: ["h1", "乙", "0", "0", "0", "0"] }], scheme);
    expect(problems).toEqual([{ line: 3, column: "id", key: "data.duplicate-id-case", vars: { id: "h1", other: "H1", first: 2 } }]);
  });
  it("the fixed hostile ids are distinct ignoring case", () => {
    expect(new Set(HOSTILE_IDS.map((s) => s.toLowerCase())).size).toBe(HOSTILE_IDS.length);
  });
});

describe("a tampered generation record", () => {
  async function tampered(edit: (stored: Record<string, unknown>) => void) {
    const scheme = template("warehouse");
    const roster = peopleOf(scheme, [{ unrecorded_movements: 1, stock_errors: 0, safety_violations: 0, extra_points: 0 }]);
    const plan = buildWorkbookPlan(scheme, roster, { lang: "en-US", mode: "native" });
    const xml = recordXml(generationRecord(scheme, roster, plan));
    const json = JSON.parse(xml.replace(/^[\s\S]*?<generation[^>]*>|<\/generation>$/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    edit(json);
    const text = JSON.stringify(json).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const bad = xml.replace(/(<generation[^>]*>)[\s\S]*(<\/generation>)/, (_, a, b) => a + text.replace(/\$/g, "$$$$") + b);
    return recalcWorkbookFile(openXlsx(await writeXlsx(plan, { customXml: [bad] })), "book.xlsx", "en-US");
  }
  it.each([
    ["layout.settings as text", (s: Record<string, unknown>) => ((s.layout as Record<string, unknown>).settings = "B2")],
    ["layout without its keys", (s: Record<string, unknown>) => (s.layout = { evaluation: "Evaluation" })],
    ["a setting of an unknown kind", (s: Record<string, unknown>) => (((s.layout as { settings: { setting: { kind: string } }[] }).settings[0].setting.kind = "formula"))],
  ])("%s: named as a damaged record, not a crash", async (_, edit) => {
    const r = await tampered(edit);
    expect(r).toEqual({ ok: false, reason: "record", problems: [expect.stringContaining("book.xlsx: its KPI Scorecard record has been changed or cut short")] });
  });
  it("a baseline cut short is said, and the run goes on without it", async () => {
    const r = await tampered((s) => ((s.snapshot as { totals: number[] }).totals = []));
    expect(r.ok && r.baselineDamaged).toBe(true);
    expect(r.ok && r.baseline).toBe(false);
  });
});

describe("sheet names", () => {
  it("two sheets of one name (the issue: 方案 chosen for the evaluation and the payout sheet) are refused, not written", () => {
    const scheme = template("warehouse");
    for (const names of [{ evaluation: "方案", payout: "方案" }, { evaluation: "发放", payout: "发放" }, { evaluation: "Payout", payout: "PAYOUT" }])
      expect(() => buildWorkbookPlan(scheme, [], { lang: "zh-CN", mode: "native", sheetNames: names })).toThrow(expect.objectContaining({ key: "wb.sheet-name.twice" }));
    expect(buildWorkbookPlan(scheme, [], { lang: "zh-CN", mode: "native", sheetNames: { evaluation: "十一月考核" } }).sheets.map((s) => s.name)).toEqual(["方案", "十一月考核", "发放", "汇总"]);
  });
});
