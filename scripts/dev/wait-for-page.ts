/** Waits until the dev server answers a page (webpack holds requests until the first build is done). */
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const get = url.startsWith("https:") ? httpsGet : httpGet;
    // only asks "is it up?" of our own server on loopback; the certificate is checked by Excel
    const req = get(url, { rejectUnauthorized: false, timeout: 60_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
  });
}

export async function waitForPage(url: string, alive: () => boolean, timeoutMs = 180_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && alive()) {
    if (await answers(url)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
