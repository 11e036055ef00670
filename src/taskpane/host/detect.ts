/**
 * Which host the pane runs in. office.js may never load (no network, or a plain browser); then
 * Office is undefined, or Office.onReady never reports Excel within the timeout, and the pane
 * runs standalone.
 */
import type { Host } from "./types.js";
import { pickLang } from "../../i18n/index.js";
import { standaloneHost } from "./standalone.js";

export async function detectHost(timeoutMs = 1500): Promise<Host> {
  const browserLang = pickLang(globalThis.navigator?.language);
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return standaloneHost(browserLang);
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (info?.host === office.HostType.Excel) {
    const { officeHost } = await import("./office.js");
    return officeHost(pickLang(office.context?.displayLanguage ?? globalThis.navigator?.language));
  }
  return standaloneHost(browserLang);
}
