/**
 * Issue 12, printing: every template's workbook printed by LibreOffice (one start for all). For
 * 20 people the payout sheet is one page and the evaluation sheet one page wide; for 200 people
 * the evaluation sheet runs onto further pages, each with the header row and the id/name
 * columns repeated, the scheme and sheet in the page header and "第 n 页 / 共 N 页" below.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInSchemes } from "../../src/schemes/index.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { t } from "../../src/i18n/index.js";
import { planResults } from "../../src/workbook/generation-record.js";
import { addPayslips } from "../../src/workbook/plan/payslip-sheet.js";
import { addCachedValues } from "../../src/workbook/plan/cached-values.js";
import { inCI, pdfPages, printAll, soffice } from "./libreoffice.js";

const pictures = join(import.meta.dirname, "..", "..", "test-artifacts", "pages");

const pdftotext = spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0;
if (!pdftotext) {
  const message = "pdftotext (poppler-utils) is not installed: the printed-page checks are SKIPPED. Debian: apt-get install poppler-utils";
  if (inCI) throw new Error(`${message} — and CI=true, so this is a failure.`);
  console.warn(`\n*** ${message} ***\n`);
}

interface Printed {
  id: string;
  /** each sheet's name by its role */
  sheets: Record<string, string>;
  summary: string;
  grades: boolean;
  rows: number;
  pages: string[];
  evaluation: string;
  payout: string;
  name: string;
  slipHeader: string;
  slipPage: string;
  ids: string[];
}

describe.skipIf(!soffice || !pdftotext)("printed by LibreOffice", () => {
  const printed: Printed[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-print-"));
    const files: string[] = [];
    const cases = [...builtInSchemes().map((s) => ({ s, rows: 20 })), { s: builtInSchemes().find((x) => x.id === "ecommerce-cs")!, rows: 200 }];
    for (const { s, rows } of cases) {
      const sample = sampleData(s, { rows, seed: 5 });
      const { people } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), s);
      const plan = buildWorkbookPlan(s, people, { lang: "zh-CN", mode: "native" });
      // as the file is made (workbook-file.ts): payslips and cached values from the engine's results
      const results = planResults(s, people, plan)!;
      addPayslips(plan, s, results);
      addCachedValues(plan, s, people, results);
      const file = join(dir, `${s.id}-${rows}.xlsx`);
      writeFileSync(file, await writeXlsx(plan));
      files.push(file);
      const slips = plan.sheets.find((x) => x.role === "payslips")!;
      printed.push({ id: s.id, sheets: Object.fromEntries(plan.sheets.map((x) => [x.role, x.name])), summary: plan.sheets[3].name, grades: s.grades.length > 0, rows, pages: [], evaluation: plan.sheets[1].name, payout: plan.sheets[2].name, name: s.name["zh-CN"], slipHeader: (slips.blocks[0].values[0] as string[]).join(""), slipPage: slips.print!.header, ids: people.map((x) => x.id) });
    }
    // pdftotext spaces CJK text as it likes: compared without whitespace
    const pdfs = printAll(files);
    pdfs.forEach((pdf, i) => (printed[i].pages = pdfPages(pdf).map((page) => page.replace(/\s+/g, ""))));
    // for review: the first page of each sheet of one template, as a person sees it printed
    const shown = printed.findIndex((p) => p.id === "ecommerce-cs" && p.rows === 20);
    const p = printed[shown];
    mkdirSync(pictures, { recursive: true });
    for (const [role, sheet] of Object.entries(p.sheets)) {
      const page = p.pages.findIndex((text) => text.includes(bare(`${p.name} — ${sheet}`))) + 1;
      if (page > 0) spawnSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "70", "-png", "-singlefile", pdfs[shown], join(pictures, `${p.id}-${role}`)]);
    }
  }, 600_000);

  it("a page of each sheet is pictured for review (test-artifacts/pages)", () => {
    const p = printed.find((x) => x.id === "ecommerce-cs" && x.rows === 20)!;
    for (const role of Object.keys(p.sheets)) {
      const file = join(pictures, `${p.id}-${role}.png`);
      expect(existsSync(file), file).toBe(true);
      // a PNG, not an empty file
      expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    }
  });

  const bare = (text: string) => text.replace(/\s+/g, "");
  const onSheet = (p: Printed, sheet: string) => p.pages.filter((page) => page.includes(bare(`${p.name} — ${sheet}`)));

  it("for 20 people, the payout sheet is one page and the evaluation sheet one page, with the header and page numbers", () => {
    for (const p of printed.filter((x) => x.rows === 20)) {
      expect(onSheet(p, p.payout), `${p.id} payout`).toHaveLength(1);
      expect(onSheet(p, p.evaluation), `${p.id} evaluation`).toHaveLength(1);
      const n = p.pages.length;
      expect(p.pages[n - 1], p.id).toContain(bare(t("zh-CN", "wb.print.footer", { page: n, pages: n })));
    }
  });

  it("for 200 people, the evaluation sheet runs on, every page with the header row and the names", () => {
    const p = printed.find((x) => x.rows === 200)!;
    const pages = onSheet(p, p.evaluation);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain(bare(t("zh-CN", "wb.col.id")));
      expect(page).toContain(bare(t("zh-CN", "wb.col.name")));
    }
  });

  it("the summary's grade chart is drawn: its title on the summary's page, which stays one page", () => {
    const title = bare(t("zh-CN", "wb.summary.chart"));
    for (const p of printed.filter((x) => x.rows === 20)) {
      const pages = onSheet(p, p.summary);
      expect(pages, p.id).toHaveLength(1);
      // no cell holds the title: only the chart's own text puts it on the page
      expect(pages[0].includes(title), p.id).toBe(p.grades);
    }
  });

  it("payslips (工资条): every person's slip on one page — a page starts with a slip's header, never inside one", () => {
    const note = bare(t("zh-CN", "wb.payslip.reasons"));
    for (const p of printed.filter((x) => x.rows === 20)) {
      const head = bare(p.slipPage);
      const pages = p.pages.filter((page) => page.includes(head));
      expect(pages.length, p.id).toBeGreaterThan(0);
      const seen: string[] = [];
      for (const page of pages) {
        const body = page.slice(page.indexOf(head) + head.length);
        expect(body.startsWith(bare(p.slipHeader)), `${p.id}: a page begins inside a slip`).toBe(true);
        const slips = body.split(bare(p.slipHeader)).length - 1;
        expect(body.split(note).length - 1, `${p.id}: a slip's reasons are on another page`).toBe(slips);
        seen.push(...p.ids.filter((id) => body.includes(bare(p.slipHeader) + id)));
      }
      expect(seen.sort(), p.id).toEqual([...p.ids].sort());
    }
  });
});
