// What the pane's benches share: the pane built for production into a fresh folder, served on
// loopback, and Debian's Chromium headless (playwright-core drives it; nothing is downloaded).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(fileURLToPath(import.meta.url), "..", "..");

/** The Chromium this machine has, or undefined. */
export const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** webpack's production build of the pane into a new temporary folder: its path. */
export function buildPane(prefix) {
  const dist = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(process.execPath, [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", dist], { cwd: root, stdio: "pipe" });
  return dist;
}

/** `dist` served on 127.0.0.1 and a headless Chromium: the page's address, the browser, and close(). */
export async function servePane(dist) {
  const server = createServer((req, res) => {
    const f = join(dist, new URL(req.url, "http://x").pathname.slice(1) || "taskpane.html");
    if (!existsSync(f)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": { ".html": "text/html", ".js": "text/javascript" }[extname(f)] ?? "application/octet-stream" });
    res.end(readFileSync(f));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/taskpane.html`,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
