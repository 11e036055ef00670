/**
 * Sideloading into desktop Excel, by hand, the way office-addin-dev-settings does it (that
 * package cannot be installed from our registry: a dependency of a dependency is missing).
 *
 * - Windows: the manifest path as a string value named by the add-in id under
 *   HKCU\Software\Microsoft\Office\16.0\WEF\Developer — Excel lists it under developer add-ins.
 * - macOS: a copy of the manifest in Excel's sandboxed `wef` folder.
 *
 * Everything goes through a DevSystem, so the tests can check each command without Windows,
 * macOS or Excel, and so `npm stop` can undo exactly what `npm start` did.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import type { ManifestInfo } from "./manifest-info.js";

export interface DevSystem {
  platform: NodeJS.Platform;
  home: string;
  temp: string;
  exists(path: string): boolean;
  /** runs a program (no shell); status 0 is success */
  run(program: string, args: string[]): { status: number | null; output: string };
  mkdir(path: string): void;
  copyFile(from: string, to: string): void;
  writeFile(path: string, bytes: Uint8Array): void;
  remove(path: string): void;
}

export function realSystem(): DevSystem {
  return {
    platform: process.platform,
    home: homedir(),
    temp: tmpdir(),
    exists: existsSync,
    run(program, args) {
      const r = spawnSync(program, args, { encoding: "utf8", windowsHide: true });
      return { status: r.error ? null : r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error?.message ?? ""}`.trim() };
    },
    mkdir: (path) => mkdirSync(path, { recursive: true }),
    copyFile: copyFileSync,
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    remove: (path) => rmSync(path, { recursive: true, force: true }),
  };
}

export const WINDOWS_DEVELOPER_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
const WINDOWS_EXCEL_APP_PATH = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
const MAC_EXCEL_APPS = ["/Applications/Microsoft Excel.app"];

export function macWefFolder(home: string): string {
  return join(home, "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");
}

/** What was registered, kept in the dev-state file so that `npm stop` can remove it. */
export type Registration = { kind: "windows-registry"; key: string; value: string } | { kind: "mac-wef"; file: string };

/** True when this machine has desktop Excel that we know how to sideload into. */
export function hasDesktopExcel(sys: DevSystem): boolean {
  if (sys.platform === "win32") return sys.run("reg", ["query", WINDOWS_EXCEL_APP_PATH, "/ve"]).status === 0;
  if (sys.platform === "darwin") return [...MAC_EXCEL_APPS, join(sys.home, "Applications", "Microsoft Excel.app")].some((p) => sys.exists(p));
  return false;
}

export class SideloadError extends Error {}

export function registerAddIn(sys: DevSystem, manifest: ManifestInfo): Registration {
  if (sys.platform === "win32") {
    const r = sys.run("reg", ["add", WINDOWS_DEVELOPER_KEY, "/v", manifest.id, "/t", "REG_SZ", "/d", manifest.path, "/f"]);
    if (r.status !== 0) throw new SideloadError(`reg add ${WINDOWS_DEVELOPER_KEY} /v ${manifest.id}: ${r.output || `exit ${r.status}`}`);
    return { kind: "windows-registry", key: WINDOWS_DEVELOPER_KEY, value: manifest.id };
  }
  if (sys.platform === "darwin") {
    const folder = macWefFolder(sys.home);
    const file = join(folder, `${manifest.id}.manifest.xml`);
    sys.mkdir(folder);
    sys.copyFile(manifest.path, file);
    return { kind: "mac-wef", file };
  }
  throw new SideloadError(`sideloading into desktop Excel works on Windows and macOS, not on ${sys.platform}`);
}

/** Undoes registerAddIn; returns a problem to report, or undefined. Never throws: stopping must finish. */
export function unregisterAddIn(sys: DevSystem, registration: Registration): string | undefined {
  if (registration.kind === "windows-registry") {
    const r = sys.run("reg", ["delete", registration.key, "/v", registration.value, "/f"]);
    return r.status === 0 ? undefined : `reg delete ${registration.key} /v ${registration.value}: ${r.output || `exit ${r.status}`}`;
  }
  try {
    sys.remove(registration.file);
    return undefined;
  } catch (e) {
    return `${registration.file}: ${(e as Error).message}`;
  }
}

/** Opens a workbook in desktop Excel (not in whatever else claims .xlsx on macOS). */
export function openInExcel(sys: DevSystem, file: string): void {
  const r =
    sys.platform === "win32"
      ? sys.run("powershell", ["-NoProfile", "-NonInteractive", "-Command", `Start-Process -FilePath '${file.replace(/'/g, "''")}'`])
      : sys.run("open", ["-a", "Microsoft Excel", file]);
  if (r.status !== 0) throw new SideloadError(`could not open ${file} in Excel: ${r.output || `exit ${r.status}`}`);
}
