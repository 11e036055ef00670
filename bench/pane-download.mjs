// The task pane's download of a generated workbook in a browser (standalone, headless Chromium):
// 10,000 people of ecommerce-cs loaded as a roster file, then the time from the click on
// "generate" to the browser's download of the .xlsx (plan, engine, cached values, record, zip
// with fflate — all in the page). node bench/pane-download.mjs [people] → one JSON line.
import { readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sampleCsv } from "./sample-csv.mjs";
import { buildPane, chromiumPath, servePane } from "./serve-pane.mjs";

const people = Number(process.argv[2] ?? 10_000);
if (!chromiumPath) {
  console.log(JSON.stringify({ people, seconds: null, missing: "chromium" }));
  process.exit(0);
}
const dist = buildPane("kpi-download-");
const { dir, input } = sampleCsv(people, "kpi-download-roster-");
const { url, browser, close } = await servePane(dist);
const times = [];
let bytes = 0;
for (let k = 0; k < 3; k++) {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: "zh-CN", acceptDownloads: true });
  await page.goto(url);
  await page.locator('[data-template="ecommerce-cs"]').click();
  await page.getByTestId("next").click();
  // the defaults the seed leaves open, confirmed (each click removes its button)
  const confirm = page.getByRole("button", { name: /^确认 / });
  const open = await confirm.count();
  for (let i = 0; i < open + 3 && (await confirm.count()) > 0; i++) await confirm.first().click({ timeout: 10_000 });
  await page.getByTestId("next").click();
  await page.getByTestId("next").click();
  await page.getByTestId("roster-file").setInputFiles({ name: "data.csv", mimeType: "text/csv", buffer: readFileSync(input) });
  await page.getByTestId("roster-preview").waitFor({ timeout: 120_000 });
  await page.getByTestId("next").click();
  await page.getByTestId("period").fill("2026-11");
  await page.getByTestId("next").click();
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 300_000 }), page.getByTestId("generate").click()]);
  // timed to the browser's download starting (the file made in the page), not to the copy below
  times.push((Date.now() - t0) / 1000);
  const file = join(dir, `book-${k}.xlsx`);
  await download.saveAs(file);
  bytes = statSync(file).size;
  await page.close();
}
await close();
rmSync(dist, { recursive: true, force: true });
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ people, seconds: Math.min(...times), runs: times, fileMiB: +(bytes / 2 ** 20).toFixed(1) }));
