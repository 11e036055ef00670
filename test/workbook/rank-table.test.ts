/**
 * Issue 13: a big roster's rank (and forced distribution's reach) read from the rank helper sheet
 * in linear passes (src/workbook/plan/rank-table.ts) — checked in LibreOffice against the engine,
 * rank by rank and award by award, with ties, on both of its paths: the grid holds the totals (a
 * lookup), and the totals spread wider than the grid (every row falls back to its COUNTIF).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInScheme } from "../../src/schemes/index.js";
import type { Scheme } from "../../src/core/scheme/schema.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { planResults } from "../../src/workbook/generation-record.js";
import { workbookFile } from "../../src/workbook/xlsx/workbook-file.js";
import { refPosition } from "../../src/workbook/plan/a1.js";
import { printA1 } from "../../src/workbook/plan/print-formula.js";
import { RANK_TABLE_FROM } from "../../src/workbook/plan/rank-table.js";
import type { Formula } from "../../src/core/formula.js";
import { columnLetter } from "../../src/workbook/plan/a1.js";
import { unzipSync, strFromU8 } from "fflate";
import { recalculateAll, soffice } from "./libreoffice.js";
import { readWorkbook, plain } from "./read-xlsx.js";

function roster(scheme: Scheme, rows: number) {
  const d = sampleData(scheme, { rows, seed: 5 });
  const { people, problems } = parseRecords(d.header, d.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
  expect(problems).toEqual([]);
  return people;
}

const ranking = builtInScheme("ecommerce-ranking")!;
// awards given every period (the template gives them per quarter): the reach reads the helper too
const awarding: Scheme = { ...builtInScheme("ecommerce-cs")!, awardsOn: "period" };
// no maximum: the grid spans twice full marks (180) above the lowest total, and one person's 30
// extra assigned items (+8 each) put the totals wider apart than that
const workPlan = builtInScheme("work-plan")!;

describe("the rank helper sheet in the plan", () => {
  it("is written for an .xlsx from RANK_TABLE_FROM people on, hidden, and not below nor for Office.js", () => {
    const big = roster(ranking, RANK_TABLE_FROM);
    const xlsx = buildWorkbookPlan(ranking, big, { lang: "zh-CN", mode: "native", arrayFormulas: true });
    const helper = xlsx.sheets.filter((s) => s.role === "helper");
    expect(helper.map((s) => [s.name, s.state])).toEqual([["名次辅助", "hidden"]]);
    expect(xlsx.sheets[xlsx.sheets.length - 1].role).toBe("helper");
    const ev = xlsx.sheets.find((s) => s.role === "evaluation")!;
    const rank = ev.blocks[0].values[0][ev.table!.keys.indexOf("rank")] as { formula: never };
    expect(printA1(rank.formula, 3)).toContain("INDEX('名次辅助'!$C$2:$C$10002,");
    // an Office.js plan and a smaller roster keep the COUNTIF
    expect(buildWorkbookPlan(ranking, big, { lang: "zh-CN", mode: "native" }).sheets.some((s) => s.role === "helper")).toBe(false);
    const small = buildWorkbookPlan(ranking, big.slice(1), { lang: "zh-CN", mode: "native", arrayFormulas: true });
    expect(small.sheets.some((s) => s.role === "helper")).toBe(false);
  });
});

/** Areas a formula reads cell by cell (INDEX's first argument is read at one cell only). */
function scans(f: Formula): number {
  if (typeof f !== "object" || f === null) return 0;
  if ("area" in f) return 1;
  if ("op" in f) return scans(f.l) + scans(f.r);
  if ("neg" in f) return scans(f.neg);
  if ("fn" in f) return f.args.reduce<number>((n, a, i) => n + (f.fn === "INDEX" && i === 0 ? 0 : scans(a)), 0);
  return 0;
}

/** The IF whose test is the name `fits`, anywhere in `f`. */
function fitsIf(f: Formula, fits: string): Formula[] | null {
  if (typeof f !== "object" || f === null || !("fn" in f)) return null;
  const [test] = f.args;
  if (f.fn === "IF" && typeof test === "object" && test !== null && "name" in test && test.name === fits) return f.args;
  for (const a of f.args) {
    const found = fitsIf(a, fits);
    if (found) return found;
  }
  return null;
}

describe("the lookup path's shape", () => {
  it("reads no column per row: rank and reach scan the totals only in the fallback; the helper's running count reads two cells", () => {
    const people = roster(awarding, RANK_TABLE_FROM);
    const plan = buildWorkbookPlan(awarding, people, { lang: "zh-CN", mode: "native", arrayFormulas: true });
    const ev = plan.sheets.find((s) => s.role === "evaluation")!;
    const row = ev.blocks[0].values[0];
    for (const key of ["rank", "reach"]) {
      const v = row[ev.table!.keys.indexOf(key)] as { formula: Formula };
      const [, lookup, fallback] = fitsIf(v.formula, "k_ev_rank_fits")!;
      expect(scans(lookup), key).toBe(0);
      expect(scans(fallback), key).toBe(1);
    }
    const helper = plan.sheets.find((s) => s.role === "helper")!;
    const total = columnLetter(ev.table!.keys.indexOf("total"));
    const data = helper.blocks.find((b) => b.row === 2)!;
    // one FREQUENCY over the roster (its totals and its bins), nothing else reads an area
    const formulas = data.values.flatMap((r) => r.filter((v): v is { formula: Formula } => typeof v === "object" && v !== null).map((v) => v.formula));
    expect(formulas.filter((f) => scans(f) > 0).map((f) => printA1(f, 2))).toEqual([`FREQUENCY('考核'!$${total}$3:$${total}$1002,$A$2:$A$10002)`]);
  });
});

describe.skipIf(!soffice)("ranks from the rank helper in LibreOffice", () => {
  it("equal the engine's, ties included, on the lookup path and on the fallback; awards too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-rank-table-"));
    const cases = [
      { scheme: ranking, fits: true },
      { scheme: awarding, fits: true },
      { scheme: workPlan, fits: false },
    ];
    const made = await Promise.all(
      cases.map(async ({ scheme }, i) => {
        const people = roster(scheme, 1200);
        if (scheme === workPlan) people[0].values.extra_items = 30;
        const { plan, bytes } = await workbookFile(scheme, people, { lang: "en-US", mode: "native" });
        const file = join(dir, `case${i}.xlsx`);
        writeFileSync(file, bytes);
        // the tab is hidden in the file as written
        const book = strFromU8(unzipSync(bytes)["xl/workbook.xml"]);
        expect(book).toMatch(/<sheet name="Rank helper" sheetId="\d+" state="hidden"/);
        return { plan, people, file, results: planResults(scheme, people, plan)! };
      }),
    );
    const recalculated = recalculateAll(made.map((m) => m.file));
    for (const [i, { plan, results }] of made.entries()) {
      const wb = await readWorkbook(recalculated[i]);
      const ev = plan.sheets.find((s) => s.role === "evaluation")!;
      const ws = wb.getWorksheet(ev.name)!;
      const fitsName = plan.names.find((n) => n.name === "k_ev_rank_fits")!;
      const at = refPosition(fitsName.ref)!;
      expect(plain(ws.getCell(at.row, at.col + 1)), `case ${i}: the grid holds the totals`).toBe(cases[i].fits);
      const col = (key: string) => ev.table!.keys.indexOf(key) + 1;
      const read = (key: string) => results.map((_, r) => plain(ws.getCell(ev.table!.row + 1 + r, col(key))));
      const expected = results.map((r) => (r.excluded ? "" : r.rank));
      expect(read("rank")).toEqual(expected);
      // ties: the same rank for several people, and the next rank skipping them
      expect(new Set(expected).size).toBeLessThan(expected.length - 50);
      if (cases[i].scheme === awarding) {
        const labels = new Map(awarding.awards.map((a) => [a.id, a.label["en-US"]]));
        const awards = results.map((r) => (r.excluded || !r.award ? "" : labels.get(r.award)));
        expect(awards.filter((a) => a !== "").length).toBeGreaterThan(10);
        expect(read("award")).toEqual(awards);
      }
    }
  }, 300_000);
});
