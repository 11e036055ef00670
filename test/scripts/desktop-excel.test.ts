import { describe, expect, it } from "vitest";
import { join } from "node:path";
import {
  hasDesktopExcel,
  macWefFolder,
  openInExcel,
  registerAddIn,
  SideloadError,
  unregisterAddIn,
  WINDOWS_DEVELOPER_KEY,
  type DevSystem,
} from "../../scripts/dev/desktop-excel.js";
import { manifestInfo } from "../../scripts/dev/manifest-info.js";

/** A machine that records what would have been done to it. */
function fakeSystem(platform: NodeJS.Platform, opts: { files?: string[]; status?: (program: string, args: string[]) => number } = {}) {
  const calls: string[] = [];
  const files = new Set(opts.files ?? []);
  const sys: DevSystem = {
    platform,
    home: "/home/hr",
    temp: "/tmp",
    exists: (p) => files.has(p),
    run(program, args) {
      calls.push([program, ...args].join(" | "));
      const status = opts.status ? opts.status(program, args) : 0;
      return { status, output: status === 0 ? "" : "ERROR: Access is denied." };
    },
    mkdir: (p) => calls.push(`mkdir ${p}`),
    copyFile: (from, to) => {
      calls.push(`copy ${from} -> ${to}`);
      files.add(to);
    },
    writeFile: (p) => calls.push(`write ${p}`),
    remove: (p) => {
      calls.push(`remove ${p}`);
      files.delete(p);
    },
  };
  return { sys, calls, files };
}

const manifest = manifestInfo("/repo/manifest.xml", "<OfficeApp><Id>6f1d8a52-3c4b-4e0f-9a57-2b9c0d4e7a11</Id><Version>0.1.0.0</Version></OfficeApp>");

describe("sideloading into desktop Excel", () => {
  it("finds Excel on Windows through its App Paths key, on macOS in Applications, never on Linux", () => {
    const win = fakeSystem("win32");
    expect(hasDesktopExcel(win.sys)).toBe(true);
    expect(win.calls).toEqual(["reg | query | HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe | /ve"]);
    expect(hasDesktopExcel(fakeSystem("win32", { status: () => 1 }).sys)).toBe(false);
    expect(hasDesktopExcel(fakeSystem("darwin", { files: ["/Applications/Microsoft Excel.app"] }).sys)).toBe(true);
    expect(hasDesktopExcel(fakeSystem("darwin", { files: ["/home/hr/Applications/Microsoft Excel.app"] }).sys)).toBe(true);
    expect(hasDesktopExcel(fakeSystem("darwin").sys)).toBe(false);
    const linux = fakeSystem("linux", { files: ["/Applications/Microsoft Excel.app"] });
    expect(hasDesktopExcel(linux.sys)).toBe(false);
    expect(linux.calls).toEqual([]);
  });

  it("on Windows writes the manifest path under WEF\\Developer, named by the add-in id, and deletes exactly that value", () => {
    const { sys, calls } = fakeSystem("win32");
    const registration = registerAddIn(sys, manifest);
    expect(calls).toEqual([`reg | add | ${WINDOWS_DEVELOPER_KEY} | /v | 6f1d8a52-3c4b-4e0f-9a57-2b9c0d4e7a11 | /t | REG_SZ | /d | /repo/manifest.xml | /f`]);
    expect(WINDOWS_DEVELOPER_KEY).toBe("HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer");
    calls.length = 0;
    expect(unregisterAddIn(sys, registration)).toBeUndefined();
    expect(calls).toEqual([`reg | delete | ${WINDOWS_DEVELOPER_KEY} | /v | 6f1d8a52-3c4b-4e0f-9a57-2b9c0d4e7a11 | /f`]);
  });

  it("says what failed when the registry refuses, on adding and on removing", () => {
    const { sys } = fakeSystem("win32", { status: () => 1 });
    expect(() => registerAddIn(sys, manifest)).toThrow(SideloadError);
    expect(() => registerAddIn(sys, manifest)).toThrow(/reg add .*WEF\\Developer.*Access is denied/);
    expect(unregisterAddIn(sys, { kind: "windows-registry", key: WINDOWS_DEVELOPER_KEY, value: manifest.id })).toMatch(/reg delete .*Access is denied/);
  });

  it("on macOS copies the manifest into Excel's wef folder and removes that copy only", () => {
    const { sys, calls, files } = fakeSystem("darwin");
    const registration = registerAddIn(sys, manifest);
    const wef = "/home/hr/Library/Containers/com.microsoft.Excel/Data/Documents/wef";
    expect(macWefFolder("/home/hr")).toBe(join(wef));
    const copy = join(wef, "6f1d8a52-3c4b-4e0f-9a57-2b9c0d4e7a11.manifest.xml");
    expect(calls).toEqual([`mkdir ${join(wef)}`, `copy /repo/manifest.xml -> ${copy}`]);
    expect(registration).toEqual({ kind: "mac-wef", file: copy });
    expect(unregisterAddIn(sys, registration)).toBeUndefined();
    expect(files.has(copy)).toBe(false);
  });

  it("refuses to sideload on Linux rather than pretend", () => {
    expect(() => registerAddIn(fakeSystem("linux").sys, manifest)).toThrow(/Windows and macOS, not on linux/);
  });

  it("opens the workbook in Excel: Start-Process on Windows (quotes doubled), open -a on macOS", () => {
    const win = fakeSystem("win32");
    openInExcel(win.sys, "C:\\Users\\o'neil\\KPI Scorecard (dev).xlsx");
    expect(win.calls).toEqual(["powershell | -NoProfile | -NonInteractive | -Command | Start-Process -FilePath 'C:\\Users\\o''neil\\KPI Scorecard (dev).xlsx'"]);
    const mac = fakeSystem("darwin");
    openInExcel(mac.sys, "/tmp/x/KPI Scorecard (dev).xlsx");
    expect(mac.calls).toEqual(["open | -a | Microsoft Excel | /tmp/x/KPI Scorecard (dev).xlsx"]);
    expect(() => openInExcel(fakeSystem("darwin", { status: () => 1 }).sys, "/tmp/x.xlsx")).toThrow(/could not open \/tmp\/x.xlsx in Excel/);
  });

  it("reads the id and version of our own manifest, and names the file when one is missing", () => {
    const ours = manifestInfo(join(import.meta.dirname, "..", "..", "manifest.xml"));
    expect(ours.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ours.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(() => manifestInfo("/x/manifest.xml", "<OfficeApp><Version>1.0.0.0</Version></OfficeApp>")).toThrow("/x/manifest.xml: no <Id>");
    expect(() => manifestInfo("/x/manifest.xml", "<OfficeApp><Id>6f1d8a52-3c4b-4e0f-9a57-2b9c0d4e7a11</Id></OfficeApp>")).toThrow("/x/manifest.xml: no <Version>");
  });
});
