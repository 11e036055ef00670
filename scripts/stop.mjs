#!/usr/bin/env node
// `npm stop`: end the dev server that `npm start` started.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pidFile = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".cache", "kpi-scorecard-dev-server.pid");
if (!existsSync(pidFile)) {
  console.log("no dev server started by `npm start` is running");
  process.exit(0);
}
const pid = Number(readFileSync(pidFile, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  console.log(`stopped the dev server (pid ${pid})`);
} catch {
  console.log(`the dev server (pid ${pid}) had already stopped`);
}
rmSync(pidFile, { force: true });
