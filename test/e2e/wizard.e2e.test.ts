/**
 * The whole wizard in a real browser, standalone (no Office): for three templates in both
 * languages — choose, confirm the seed's defaults, load sample data, set the period, generate —
 * then the downloaded .xlsx is recalculated by LibreOffice and every total and pay line must
 * equal the engine's; that recalculated file, opened in the pane's finance panel, must agree with
 * the engine too. Screenshots of each step go to test-artifacts/e2e (not committed).
 */
import { defaultSheetNames } from "../../src/workbook/plan/names.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { columnLetter } from "../../src/workbook/plan/a1.js";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { chromiumPath, launch } from "./browser.js";
import { serve } from "./serve.js";
import { recalculate, soffice } from "../workbook/libreoffice.js";
import { readWorkbook, tableRows } from "../workbook/read-xlsx.js";
import { builtInScheme } from "../../src/schemes/index.js";
import { parseRoster, sampleRosterText } from "../../src/taskpane/state/select.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { encodeGb18030 } from "../io/gb18030.js";

const root = resolve(__dirname, "../..");
const dist = mkdtempSync(join(tmpdir(), "kpi-e2e-dist-"));
const shots = join(root, "test-artifacts", "e2e");
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

describe.skipIf(!chromiumPath || !soffice)("wizard in Chromium, standalone", () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", dist], { cwd: root, stdio: "pipe" });
    mkdirSync(shots, { recursive: true });
    server = await serve(dist);
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cases = ["warehouse", "ecommerce-cs", "cs-bonus-pool"].flatMap((id) => (["zh-CN", "en-US"] as const).map((lang) => [id, lang] as const));
  it.each(cases)("%s in %s: from the template to a downloaded workbook with the engine's numbers", async (id, lang) => {
    const scheme = builtInScheme(id)!;
    const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: lang, acceptDownloads: true });
    const shot = (step: string) => page.screenshot({ path: join(shots, `${id}-${lang}-${step}.png`), fullPage: true });
    await page.goto(`${server.url}/taskpane.html`);
    await page.locator(`[data-template="${id}"]`).click();
    await shot("1-scheme");
    await page.getByTestId("next").click();
    // confirm every default the seed left open
    const confirm = page.getByRole("button", { name: lang === "zh-CN" ? /^确认 / : /^Confirm the value of/ });
    // each click removes that button, so always take the first that is left — a bounded number
    // of times: a click that did not take must fail this test, not spin past its timeout
    const open = await confirm.count();
    for (let k = 0; k < open + 3 && (await confirm.count()) > 0; k++) await confirm.first().click({ timeout: 10_000 });
    expect(await confirm.count()).toBe(0);
    await shot("2-indicators");
    await page.getByTestId("next").click();
    await shot("3-grades");
    await page.getByTestId("next").click();
    await page.getByTestId("roster-sample").click();
    await shot("4-roster");
    await page.getByTestId("next").click();
    await page.getByTestId("period").fill("2026-11");
    await shot("5-options");
    await page.getByTestId("next").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("generate").click()]);
    await page.getByTestId("result").waitFor();
    await shot("6-result");
    // named in the workbook's language: 电商客服月度考核-2026-11.xlsx
    expect(download.suggestedFilename()).toBe(`${scheme.name[lang]}-2026-11.xlsx`);
    const file = join(dist, `${id}-${lang}.xlsx`);
    await download.saveAs(file);
    await page.close();

    // the engine on the same data the page loaded
    const roster = parseRoster(scheme, sampleRosterText(scheme, 20));
    const results = compileScheme(scheme).evaluateRoster(structuredClone(roster.people));
    const plan = buildWorkbookPlan(scheme, roster.people, { lang, mode: "native", period: "2026-11" });
    const calculated = recalculate(file);
    const wb = await readWorkbook(calculated);
    // the download carries the payslips (工资条) after the four sheets
    expect(wb.worksheets.map((w) => w.name)).toEqual([...plan.sheets.map((s) => s.name), defaultSheetNames(lang, "2026-11").payslips]);
    const ev = tableRows(wb.getWorksheet(plan.sheets[1].name)!, plan.sheets[1].table!.keys, plan.sheets[1].table!.row + 1, results.length);
    const pay = tableRows(wb.getWorksheet(plan.sheets[2].name)!, plan.sheets[2].table!.keys, plan.sheets[2].table!.row + 1, results.length);
    results.forEach((r, i) => {
      expect(ev[i].total, `${r.id} total`).toBe(r.total);
      for (const line of scheme.pay) expect(pay[i][`pay:${line.id}`], `${r.id} ${line.id}`).toBe(r.pay[line.id] / 100);
    });

    // finance, still in the browser, from the first screen's other tab: the saved workbook agrees with the engine
    const financePage = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: lang, acceptDownloads: true });
    await financePage.goto(`${server.url}/taskpane.html`);
    await financePage.getByTestId("view-finance").click();
    await financePage.getByTestId("recalculate-file").setInputFiles(calculated);
    const report = financePage.getByTestId("recalc-report");
    await report.waitFor();
    await financePage.screenshot({ path: join(shots, `${id}-${lang}-7-finance.png`), fullPage: true });
    const text = await report.textContent();
    expect(await financePage.getByTestId("recalc-verdict").textContent()).toBe(lang === "zh-CN" ? "核对结果:发放表与引擎计算结果一致,精确到 0.01 元(分)。" : "Result: the payout sheet agrees with the engine, exact to 0.01 yuan (fen).");
    expect(text).toContain(lang === "zh-CN" ? `已重算 ${results.length} 人;自上次重算(或生成工作簿)以来有 0 项发放变动。` : `${results.length} people recalculated; 0 pay line(s) changed`);
    expect(text).not.toMatch(lang === "zh-CN" ? /发放表显示/ : /the payout sheet shows/);

    // someone types a number over the first person's first pay line: the conclusion says so, the cell comes first
    const payoutSheet = plan.sheets[2];
    const typedRef = `${columnLetter(payoutSheet.table!.keys.indexOf(`pay:${scheme.pay[0].id}`))}${payoutSheet.table!.row + 1}`;
    const typed = join(dist, `${id}-${lang}-typed.xlsx`);
    const zip = unzipSync(readFileSync(calculated));
    const part = `xl/worksheets/sheet3.xml`;
    zip[part] = strToU8(strFromU8(zip[part]).replace(new RegExp(`<c r="${typedRef}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`), (_, a: string) => `<c r="${typedRef}"${a.replace(/\s*t="\w+"/, "")}><v>123456</v></c>`));
    writeFileSync(typed, zipSync(zip));
    await financePage.getByTestId("recalculate-file").setInputFiles(typed);
    await financePage.getByTestId("recalc-act").waitFor();
    await financePage.screenshot({ path: join(shots, `${id}-${lang}-8-finance-typed.png`), fullPage: true });
    expect(await financePage.getByTestId("recalc-verdict").textContent()).toContain(lang === "zh-CN" ? "个发放单元格的公式被改写为数字" : "typed over with a number");
    const act = await financePage.getByTestId("recalc-act").textContent();
    expect(act).toContain(`${payoutSheet.name}!${typedRef}`);
    // the typed-over cell is above the table of changes
    const above = await financePage.evaluate(() => {
      const a = document.querySelector("[data-testid=recalc-act]")!;
      const b = document.querySelector("[data-testid=recalc-changes]") ?? document.querySelector("[data-testid=recalc-report] h3:last-of-type")!;
      return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    const [reportDownload] = await Promise.all([financePage.waitForEvent("download"), financePage.getByTestId("export-report").click()]);
    expect(reportDownload.suggestedFilename()).toBe(`${lang === "zh-CN" ? "核对" : "Reconciliation"}-${id}-${lang}-typed.xlsx`);
    const reportFile = join(dist, `${id}-${lang}-report.xlsx`);
    await reportDownload.saveAs(reportFile);
    const filed = openXlsx(readFileSync(reportFile));
    expect(String(filed.rows(filed.sheets[0])[2][0].value)).toContain(lang === "zh-CN" ? "核对结果:不一致" : "Result: does not agree");
    await financePage.close();
  }, 120_000);

  it("a GBK CSV with Chinese headers (Excel's CSV on Chinese Windows): names exact, columns mapped; a paste with thousands separators", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: "zh-CN" });
    await page.goto(`${server.url}/taskpane.html`);
    await page.locator('[data-template="warehouse"]').click();
    await page.getByTestId("next").click();
    const confirm = page.getByRole("button", { name: /^确认 / });
    const open = await confirm.count();
    for (let k = 0; k < open + 3 && (await confirm.count()) > 0; k++) await confirm.first().click({ timeout: 10_000 });
    await page.getByTestId("next").click();
    await page.getByTestId("next").click();
    const csv = "工号,姓名,部门,出入库未登记次数,账实不符次数,违反安全规定次数,加分(表现突出)\r\nW001,张三,仓储部,0,0,0,10\r\nW002,李四,仓储部,3,1,0,0\r\n";
    await page.getByTestId("roster-file").setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: Buffer.from(encodeGb18030(csv)) });
    await page.getByTestId("roster-preview").waitFor();
    await page.screenshot({ path: join(shots, "roster-gbk-zh-CN.png"), fullPage: true });
    expect(await page.getByTestId("roster-encoding").textContent()).toBe("已按 GB18030 (GBK) 读取。");
    const preview = (await page.getByTestId("roster-preview").textContent()) ?? "";
    expect(preview).toContain("张三");
    expect(preview).toContain("李四");
    expect(preview).not.toContain("\ufffd");
    expect(await page.getByTestId("roster-col-0").textContent()).toBe("工号 (id)");
    expect(await page.getByTestId("roster-col-3").textContent()).toBe("出入库未登记次数 (unrecorded_movements)");
    expect(await page.getByRole("status").filter({ hasText: "2 人" }).count()).toBe(1);
    // no sideways scrolling of the page at 320 px: the preview scrolls inside its own box
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // cells pasted from Excel: tab-separated, a thousands separator and a comma in a name
    await page.getByTestId("roster-text").fill("工号\t姓名\t出入库未登记次数\t账实不符次数\t违反安全规定次数\t加分(表现突出)\nW003\t王五, 组长\t1,000\t0\t0\t0\n");
    expect(await page.getByRole("status").filter({ hasText: "1 人" }).count()).toBe(1);
    expect((await page.getByTestId("roster-preview").textContent()) ?? "").toContain("王五, 组长");
    await page.close();
  }, 120_000);

  // the wizard at the pane's widths and on a desktop: every step fits, starts at its top, and no
  // button is covered (issue 15, item 3)
  const widths = [320, 350, 1280].flatMap((w) => (["zh-CN", "en-US"] as const).map((lang) => [w, lang] as const));
  it.each(widths)("at %i px in %s: no sideways scrolling, each step at its top, every button clickable where it is", async (width, lang) => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: lang });
    await page.goto(`${server.url}/taskpane.html`);
    const problems: string[] = [];
    const check = async (where: string, atTop = true) => {
      const found = await page.evaluate((atTop) => {
        const out: string[] = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > doc.clientWidth) out.push(`page ${doc.scrollWidth} px wide in ${doc.clientWidth}`);
        const heading = document.querySelector("main h2");
        const top = heading?.getBoundingClientRect().top ?? -1;
        if (atTop && (top < 0 || top > window.innerHeight)) out.push(`heading "${heading?.textContent}" not in view (top ${top})`);
        for (const b of Array.from(document.querySelectorAll("main button"))) {
          const el = b as HTMLElement;
          if (el.offsetParent === null) continue;
          el.scrollIntoView({ block: "center", inline: "center" });
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.right > doc.clientWidth + 1) out.push(`button "${el.textContent}" runs past the edge (${Math.round(r.right)} px)`);
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (hit && hit !== el && !el.contains(hit)) out.push(`button "${el.textContent}" is covered by ${hit.tagName}.${hit.className}`);
        }
        window.scrollTo(0, 0);
        return out;
      }, atTop);
      problems.push(...found.map((f) => `${where}: ${f}`));
    };
    for (const id of ["warehouse", "ecommerce-cs", "cs-bonus-pool"]) {
      await page.getByTestId("view-generate").click();
      await page.locator("main nav button").first().click();
      await page.locator(`[data-template="${id}"]`).click();
      // step 1: the user scrolled to the template they chose
      await check(`${id} step 1`, false);
      for (let step = 2; step <= 6; step++) {
        // scrolled down before Next: the next step must still open at its top
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        if (step === 3) {
          const confirmAll = page.getByTestId("confirm-all");
          if (await confirmAll.count()) await confirmAll.click();
          const one = page.getByRole("button", { name: lang === "zh-CN" ? /^确认 / : /^Confirm the value of/ });
          if (await one.count()) await one.first().click();
        }
        if (step === 5) await page.getByTestId("roster-sample").click();
        await page.getByTestId("next").click();
        await check(`${id} step ${step}`);
      }
      await page.screenshot({ path: join(shots, `layout-${width}-${lang}-${id}-review.png`), fullPage: true });
      await page.getByTestId("view-finance").click();
      await check(`${id} finance`);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
  // the formula helper standalone (issue 17, item 6): a scheme chosen, its columns and settings
  // offered by name, the formula text built and copied; nothing offered that needs Excel
  it.each(["zh-CN", "en-US"] as const)("formula helper in %s: builds a KPI.* formula from the scheme's columns and settings, and copies its text", async (lang) => {
    const context = await browser.newContext({ viewport: { width: 350, height: 900 }, locale: lang, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.locator('[data-template="ecommerce-cs"]').click();
    await page.getByTestId("view-helper").click();
    const scheme = builtInScheme("ecommerce-cs")!;
    const completion = scheme.inputs.find((i) => i.id === "target_completion")!;
    await page.getByTestId("helper-source-actual").selectOption({ label: completion.name[lang] });
    await page.getByTestId("helper-source-target").selectOption("name:p_r_target_completion_target");
    await page.getByTestId("helper-value-points").fill("30");
    await page.getByTestId("helper-source-direction").selectOption({ label: lang === "zh-CN" ? "越高越好" : "higher is better" });
    const expected = `=KPI.SCORE(C3, p_r_target_completion_target, 30, "${lang === "zh-CN" ? "越高越好" : "higher is better"}")`;
    expect(await page.getByTestId("helper-formula").inputValue()).toBe(expected);
    expect(await page.getByTestId("helper-insert").count()).toBe(0);
    await page.getByTestId("helper-copy").click();
    await page.getByTestId("helper-status").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.screenshot({ path: join(shots, `formula-helper-${lang}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await context.close();
  }, 60_000);
});
