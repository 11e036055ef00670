/**
 * Which host the pane takes: standalone without office.js or when Office never answers — but
 * never when Office itself opened the page (`_host_Info` in the URL, or office.js's session
 * value): then it waits for Office past the fallback's 1.5 s (a cold desktop Excel is slower).
 */
import { afterEach, describe, expect, it } from "vitest";
import { detectHost, openedByOffice } from "../../src/taskpane/host/detect.js";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
});

/** office.js as loaded, its onReady answering after `ms` with Excel as the host. */
function fakeOffice(ms: number) {
  g.Office = {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "zh-CN" },
    onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel", platform: "PC" }), ms)),
  };
}

describe("detecting the host", () => {
  it("reads Office's host information from the URL or the session", () => {
    expect(openedByOffice({ search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" }, undefined)).toBe(true);
    expect(openedByOffice({ search: "?a=1&_host_info=Excel$Mac" }, undefined)).toBe(true);
    expect(openedByOffice({ search: "", hash: "#_host_Info=Excel$Web" }, undefined)).toBe(true);
    expect(openedByOffice({ search: "?host=Excel" }, { getItem: () => null })).toBe(false);
    expect(openedByOffice({ search: "" }, { getItem: (k) => (k === "hostInfoValue" ? "Excel|Win32|16.01" : null) })).toBe(true);
    expect(
      openedByOffice({ search: "" }, {
        getItem: () => {
          throw new Error("denied");
        },
      }),
    ).toBe(false);
  });

  it("opened by Office: waits past the fallback for a slow Office and runs inside Excel", async () => {
    fakeOffice(120);
    const host = await detectHost(20, { location: { search: "?_host_Info=Excel$Win32$16.01$zh-CN" } });
    expect([host.kind, host.lang]).toEqual(["office", "zh-CN"]);
  });

  it("a plain browser: the same slow answer falls back to standalone", async () => {
    fakeOffice(120);
    const host = await detectHost(20, { location: { search: "" } });
    expect(host.kind).toBe("standalone");
  });

  it("no office.js at all (the CDN unreachable): standalone at once", async () => {
    const host = await detectHost(20, { location: { search: "?_host_Info=Excel" } });
    expect(host.kind).toBe("standalone");
  });
});
