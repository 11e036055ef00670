/**
 * Debian's Chromium driven by playwright-core (no browser download of its own). Missing
 * Chromium: a loud skip outside CI, a failure with CI=true (.ci/run installs `chromium`).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
export const chromiumPath = candidates.find((p) => existsSync(p)) ?? null;

if (!chromiumPath) {
  const message = "Chromium is not installed: the browser tests of the task pane are SKIPPED. Debian: apt-get install chromium";
  if (process.env.CI === "true") throw new Error(`${message} — and CI=true, so this is a failure.`);
  console.warn(`\n*** ${message} ***\n`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
