/**
 * Which host the pane runs in. office.js may never load (no network, or a plain browser); then
 * Office is undefined, or Office.onReady never reports Excel within the timeout, and the pane
 * runs standalone. But when Office itself opened the page — it adds `_host_Info` to the page's
 * URL (what office.js reads to know its host; office.js keeps it in session storage as
 * `hostInfoValue` across reloads) — the pane waits for Office however long a cold Excel takes:
 * falling back to standalone there would offer a download inside Excel.
 */
import type { Host } from "./types.js";
import { pickLang } from "../../i18n/index.js";
import { standaloneHost } from "./standalone.js";

/** Whether Office opened this page (its host information is in the URL or the session). */
export function openedByOffice(location: { search?: string; hash?: string } | undefined, storage: Pick<Storage, "getItem"> | undefined): boolean {
  const inUrl = /[?&#]_host_Info=/i.test(`${location?.search ?? ""}${location?.hash ?? ""}`);
  let inSession = false;
  try {
    inSession = storage?.getItem("hostInfoValue") != null;
  } catch {
    // storage refused (a sandboxed frame): the URL alone decides
  }
  return inUrl || inSession;
}

export async function detectHost(
  timeoutMs = 1500,
  where: { location?: { search?: string; hash?: string }; storage?: Pick<Storage, "getItem"> } = { location: globalThis.location, storage: sessionStorageOrUndefined() },
): Promise<Host> {
  const browserLang = pickLang(globalThis.navigator?.language);
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return standaloneHost(browserLang);
  const ready = office.onReady().catch(() => null);
  // opened by Office: no fallback — a cold desktop Excel can take longer than any timeout we would pick
  const info = openedByOffice(where.location, where.storage) ? await ready : await Promise.race([ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
  if (info?.host === office.HostType.Excel) {
    const { officeHost } = await import("./office.js");
    return officeHost(pickLang(office.context?.displayLanguage ?? globalThis.navigator?.language));
  }
  return standaloneHost(browserLang);
}

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
