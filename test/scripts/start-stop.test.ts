import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
const stateDir = mkdtempSync(join(tmpdir(), "kpi-dev-state-"));
const env = { ...process.env, KPI_DEV_STATE_DIR: stateDir, LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function runScript(script: string, args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [tsx, join(root, "scripts", script), ...args], { cwd: root, env: { ...env, ...extraEnv }, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", () => {
      clearTimeout(timer);
      if (!pattern.test(seen)) reject(new Error(`exited before ${pattern}; output:\n${seen}`));
    });
  });
}

describe("npm start / npm stop", () => {
  it("rejects options it does not know, in the user's language, before starting anything", () => {
    expect(runScript("start.ts", ["--port", "abc"])).toEqual({ status: 2, out: expect.stringContaining('--port: "abc" is not a port number') });
    expect(runScript("start.ts", ["--browser", "--desktop"]).out).toContain("exclude each other");
    expect(runScript("start.ts", ["--verbose"], { LANG: "zh_CN.UTF-8" }).out).toContain("未知选项 --verbose");
    expect(runScript("start.ts", ["--help"]).out).toContain("npm stop ends the server and removes the sideload");
  });

  it.runIf(process.platform === "linux")("--desktop on a machine without Excel says so and serves nothing", () => {
    const r = runScript("start.ts", ["--desktop"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("no desktop Excel found on this machine (linux)");
    expect(existsSync(join(stateDir, "kpi-scorecard-dev.json"))).toBe(false);
  });

  it("serves the pane over plain http and prints its address; npm stop ends it", { timeout: 240_000 }, async () => {
    const port = await freePort();
    // on Linux the plain `npm start` path is the one under test: no Excel, so no sideload
    const args = process.platform === "linux" ? ["--port", String(port)] : ["--browser", "--port", String(port)];
    const start = spawn(process.execPath, [tsx, join(root, "scripts", "start.ts"), ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => start.on("exit", (code) => resolve(code)));
    try {
      const url = `http://localhost:${port}/taskpane.html`;
      const out = await waitForOutput(start, /ends the server/, 200_000);
      expect(out).toContain(`KPI Scorecard task pane: ${url}`);
      if (process.platform === "linux") expect(out).toContain("No desktop Excel on this machine (linux), so nothing is sideloaded");
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script[^>]+taskpane\.js/);
      expect((await fetch(`http://localhost:${port}/manifest.xml`)).status).toBe(200);

      const again = runScript("start.ts", ["--browser", "--port", String(await freePort())]);
      expect(again.status).toBe(1);
      expect(again.out).toContain("already running");

      const stop = runScript("stop.ts", []);
      expect(stop.out).toMatch(/Stopped the dev server \(pid \d+\)/);
      expect(await exited).not.toBeNull();
      expect(existsSync(join(stateDir, "kpi-scorecard-dev.json"))).toBe(false);
      await expect(fetch(url)).rejects.toThrow();
      expect(runScript("stop.ts", []).out).toContain("No dev server started by `npm start` is running.");
    } finally {
      if (start.exitCode === null) start.kill();
      runScript("stop.ts", []);
    }
  });
});
