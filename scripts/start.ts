/**
 * `npm start`: serve the task pane with the webpack dev server and, on Windows or macOS with
 * desktop Excel, sideload the add-in and open Excel with the pane showing — as the Office
 * templates do, but without office-addin-debugging (not installable from our registry).
 * Elsewhere it only serves the pane over plain http: no certificate, nothing to configure; the
 * pane then runs standalone and downloads the .xlsx.
 *
 *   npm start                  desktop Excel if there is one, else the browser
 *   npm start -- --browser     serve for a browser only, even where Excel is installed
 *   npm start -- --desktop     insist on desktop Excel (fails where there is none)
 *   npm start -- --port 3100   another port (browser only: the manifest names 3000)
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasDesktopExcel, openInExcel, realSystem, registerAddIn, unregisterAddIn } from "./dev/desktop-excel.js";
import { manifestInfo } from "./dev/manifest-info.js";
import { sideloadWorkbook } from "./dev/sideload-workbook.js";
import { clearState, isRunning, readState, stateFile, writeState, type DevState } from "./dev/state.js";
import { waitForPage } from "./dev/wait-for-page.js";
import { devLang, parseStartArgs, say } from "./dev/messages.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST_PORT = 3000;

async function main(): Promise<number> {
  const lang = devLang();
  const parsed = parseStartArgs(process.argv.slice(2));
  if ("error" in parsed) {
    say(lang, parsed.error.key, parsed.error.vars);
    return 2;
  }
  if (parsed.help) {
    say(lang, "dev.start.usage");
    return 0;
  }
  const file = stateFile(root);
  const before = readState(file);
  if (before && isRunning(before.pid)) {
    say(lang, "dev.start.already-running", { pid: before.pid, url: before.url });
    return 1;
  }
  const sys = realSystem();
  const desktop = parsed.mode !== "browser" && hasDesktopExcel(sys);
  if (parsed.mode === "desktop" && !desktop) {
    say(lang, "dev.start.no-excel", { platform: sys.platform });
    return 1;
  }
  const port = parsed.port ?? MANIFEST_PORT;
  if (desktop && port !== MANIFEST_PORT) {
    say(lang, "dev.start.port-desktop", { port: MANIFEST_PORT });
    return 2;
  }

  const args = [join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development", "--port", String(port)];
  if (desktop) {
    // Excel loads add-ins over https only; office-addin-dev-certs makes a local CA, asks the
    // system to trust it (a prompt on Windows, a password on macOS) and signs localhost with it.
    say(lang, "dev.start.certificates");
    try {
      const certs = await import("office-addin-dev-certs");
      await certs.ensureCertificatesAreInstalled();
    } catch (e) {
      say(lang, "dev.start.certificate-failed", { reason: (e as Error).message });
      return 1;
    }
    const dir = join(homedir(), ".office-addin-dev-certs");
    args.push("--server-type", "https", "--server-options-ca", join(dir, "ca.crt"), "--server-options-cert", join(dir, "localhost.crt"), "--server-options-key", join(dir, "localhost.key"));
  }
  const url = `${desktop ? "https" : "http"}://localhost:${port}/taskpane.html`;
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
  let state: DevState = { pid: child.pid ?? 0, url };
  writeState(file, state);

  // Ctrl-C here, or the server dying, removes the sideload too (npm stop does it from elsewhere).
  const cleanUp = () => {
    const now = readState(file);
    if (!now || now.pid !== state.pid) return; // npm stop got there first
    clearState(file);
    if (now.registration) unregisterAddIn(sys, now.registration);
    if (now.workbookDir) sys.remove(now.workbookDir);
  };
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code) => {
      cleanUp();
      resolve(code ?? 0);
    }),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));

  if (!(await waitForPage(url, () => child.exitCode === null))) {
    if (child.exitCode === null) child.kill();
    say(lang, "dev.start.not-up", { url });
    await exited;
    return 1;
  }
  say(lang, "dev.start.serving", { url });
  if (!desktop) {
    say(lang, parsed.mode === "browser" ? "dev.start.browser" : "dev.start.no-desktop", { platform: sys.platform });
    return exited;
  }
  try {
    const manifest = manifestInfo(join(root, "manifest.xml"));
    state = { ...state, registration: registerAddIn(sys, manifest) };
    writeState(file, state);
    const workbookDir = mkdtempSync(join(sys.temp, "kpi-scorecard-dev-"));
    state = { ...state, workbookDir };
    writeState(file, state);
    const workbook = join(workbookDir, "KPI Scorecard (dev).xlsx");
    sys.writeFile(workbook, sideloadWorkbook(manifest));
    openInExcel(sys, workbook);
    say(lang, "dev.start.sideloaded", { id: manifest.id });
    // Excel for Mac reads its wef folder when it starts, not while it runs
    if (sys.platform === "darwin") say(lang, "dev.start.mac-restart");
  } catch (e) {
    // the pane is still served: the developer can sideload manifest.xml by hand
    say(lang, "dev.start.sideload-failed", { reason: (e as Error).message });
  }
  return exited;
}

process.exitCode = await main();
