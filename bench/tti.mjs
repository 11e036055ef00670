// The task pane's first load: bundle size (gzip) of what the page loads before the first step,
// and the time until the template gallery is on screen in headless Chromium (standalone).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const dist = mkdtempSync(join(tmpdir(), "kpi-tti-"));
execFileSync(process.execPath, [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", dist], { cwd: root, stdio: "pipe" });
const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const first = [...html.matchAll(/src="?([\w.-]+\.js)/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
const firstLoad = first.reduce((s, f) => s + gz(f), 0);
const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !first.includes(f));
const result = { firstLoadGzipKiB: Math.round(firstLoad / 1024), files: Object.fromEntries(first.map((f) => [f, Math.round(gz(f) / 1024)])), lazyChunksGzipKiB: Math.round(lazy.reduce((s, f) => s + gz(f), 0) / 1024) };

const path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (path) {
  const server = createServer((req, res) => {
    const f = join(dist, new URL(req.url, "http://x").pathname.slice(1) || "taskpane.html");
    if (!existsSync(f)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": { ".html": "text/html", ".js": "text/javascript" }[extname(f)] ?? "application/octet-stream" });
    res.end(readFileSync(f));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const browser = await chromium.launch({ executablePath: path, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const times = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${server.address().port}/taskpane.html`);
    await page.locator('[data-template="ecommerce-cs"]').waitFor();
    times.push(Date.now() - t0);
    await page.close();
  }
  await browser.close();
  server.close();
  result.firstInteractiveMs = times.sort((a, b) => a - b)[2];
  // office.js cannot load here (no network): Office stays undefined and the pane starts standalone at once
  result.note = "median of 5 loads";
}
console.log(JSON.stringify(result));
