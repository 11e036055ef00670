// The task pane's first load: bundle size (gzip) of what the page loads before the first step,
// and the time until the template gallery is on screen in headless Chromium (standalone).
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildPane, chromiumPath, servePane } from "./serve-pane.mjs";

const dist = buildPane("kpi-tti-");
const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const first = [...html.matchAll(/src="?([\w.-]+\.js)/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
const firstLoad = first.reduce((s, f) => s + gz(f), 0);
const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !first.includes(f));
const result = { firstLoadGzipKiB: Math.round(firstLoad / 1024), files: Object.fromEntries(first.map((f) => [f, Math.round(gz(f) / 1024)])), lazyChunksGzipKiB: Math.round(lazy.reduce((s, f) => s + gz(f), 0) / 1024) };

if (chromiumPath) {
  const { url, browser, close } = await servePane(dist);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const t0 = Date.now();
    await page.goto(url);
    await page.locator('[data-template="ecommerce-cs"]').waitFor();
    times.push(Date.now() - t0);
    await page.close();
  }
  await close();
  result.firstInteractiveMs = times.sort((a, b) => a - b)[2];
  // office.js cannot load here (no network): Office stays undefined and the pane starts standalone at once
  result.note = "median of 5 loads";
}
rmSync(dist, { recursive: true, force: true });
console.log(JSON.stringify(result));
