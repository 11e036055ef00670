#!/usr/bin/env node
// `npm start`: serve the task pane with the webpack dev server and remember its process, so that
// `npm stop` can end it. (Sideloading into desktop Excel comes with the wizard's issue.)
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = join(root, "node_modules", ".cache", "kpi-scorecard-dev-server.pid");
const child = spawn(process.execPath, [join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"], {
  cwd: root,
  stdio: "inherit",
});
mkdirSync(dirname(pidFile), { recursive: true });
writeFileSync(pidFile, String(child.pid));
console.log("KPI Scorecard task pane: http://localhost:3000/taskpane.html (npm stop ends the server)");
const cleanup = () => rmSync(pidFile, { force: true });
child.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
